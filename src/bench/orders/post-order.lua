-- wrk script: POST /api/v1/orders with a unique externalId per request and a random customer.
local counter = 0
local thread_id = 0
local threads = {}
local key = os.getenv("API_KEY") or "bench-admin-key-0123456789"
local customers = tonumber(os.getenv("CUSTOMERS") or "10000")
local run = os.getenv("RUN") or tostring(os.time())

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = tid
  math.randomseed(os.time() + tid * 7919)
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"externalId":"wrk-%s-%d-%d","customerExternalId":"bench-c%d","placedAt":"2026-01-15T10:00:00Z","currency":"INR",' ..
    '"total":230.00,"lines":[{"sku":"CHAI","category":"drinks","quantity":2,"unitPrice":60.00},' ..
    '{"sku":"SAMOSA","category":"snacks","quantity":2,"unitPrice":55.00}]}',
    run, thread_id, counter, math.random(0, customers - 1))
  return wrk.format("POST", "/api/v1/orders", { ["X-API-Key"] = key, ["Content-Type"] = "application/json" }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("orders/s %.0f  orders %d  p50 %.2f ms  p99 %.2f ms  non-2xx %d  errors %d\n",
    summary.requests / (summary.duration / 1e6), summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
