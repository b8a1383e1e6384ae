-- wrk script: GET a customer page after a random cursor taken from cursors.txt (one per line).
local cursors = {}
for line in io.lines("cursors.txt") do cursors[#cursors + 1] = line end
local key = os.getenv("API_KEY") or "bench-admin-key-0123456789"

request = function()
  local cursor = cursors[math.random(#cursors)]
  return wrk.format("GET", "/api/v1/customers?limit=50&after=" .. cursor, { ["X-API-Key"] = key })
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s %.0f  p50 %.2f ms  p99 %.2f ms  errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
