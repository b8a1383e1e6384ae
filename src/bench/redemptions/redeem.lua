-- wrk script: POST /api/v1/redemptions with a new Idempotency-Key per request and a random customer of the file.
-- wrk costs the shared cores a fraction of what the Java client (Redeem.java) does, which stays for the open loop.
local counter = 0
local thread_id = 0
local threads = {}
local customers = {}
local key = os.getenv("API_KEY") or "bench-admin-key-0123456789"
local reward = os.getenv("REWARD")
local run = os.getenv("RUN") or tostring(os.time())

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = tid
  math.randomseed(os.time() + tid * 7919)
  for line in io.lines(os.getenv("CUSTOMERS_FILE")) do
    if #line > 0 then table.insert(customers, line) end
  end
end

request = function()
  counter = counter + 1
  local body = string.format('{"customerId":"%s","rewardId":"%s"}', customers[math.random(1, #customers)], reward)
  return wrk.format("POST", "/api/v1/redemptions", { ["X-API-Key"] = key, ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("wrk-%s-%d-%d", run, thread_id, counter) }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("redemptions/s %.0f  redemptions %d  p50 %.2f ms  p99 %.2f ms  non-2xx %d  errors %d\n",
    summary.requests / (summary.duration / 1e6), summary.requests, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
