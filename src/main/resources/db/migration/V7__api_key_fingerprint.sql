-- key_prefix held the first 8 characters of every key in clear: half of a 16-character bootstrap key.
-- Keys are found by their hash alone (api_key_hash_unique indexes it); what listings show to recognise a
-- key is a fingerprint, the first 8 hex digits of that hash, which reveals nothing about the key.
ALTER TABLE api_key RENAME COLUMN key_prefix TO fingerprint;
UPDATE api_key SET fingerprint = substr(encode(key_hash, 'hex'), 1, 8);
DROP INDEX api_key_prefix_idx;
