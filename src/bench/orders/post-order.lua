-- wrk script: POST /api/v1/orders with a unique externalId per request and a random customer, placed now, as a
-- storefront posts them (PLACED_AT=fixed: every order at one instant, as runs before 2026-11-28 did; ties with the
-- customer's last order send each repeat order down the metrics read model's re-ranking path).
local counter = 0
local thread_id = 0
local threads = {}
local key = os.getenv("API_KEY") or "bench-admin-key-0123456789"
local customers = tonumber(os.getenv("CUSTOMERS") or "10000")
local run = os.getenv("RUN") or tostring(os.time())
local fixed = os.getenv("PLACED_AT") == "fixed"
local second, within = 0, 0

-- Now, to the second, plus a count of this thread's orders within the second as microseconds: distinct, and in
-- order for each thread (wrk's Lua has no sub-second clock).
local function now()
  if fixed then return "2026-01-15T10:00:00Z" end
  local t = os.time()
  if t ~= second then second, within = t, 0 end
  within = within + 1
  return string.format("%s.%06dZ", os.date("!%Y-%m-%dT%H:%M:%S", t), within * 2 + thread_id % 2)
end

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
    '{"externalId":"wrk-%s-%d-%d","customerExternalId":"bench-c%d","placedAt":"%s","currency":"INR",' ..
    '"total":230.00,"lines":[{"sku":"CHAI","category":"drinks","quantity":2,"unitPrice":60.00},' ..
    '{"sku":"SAMOSA","category":"snacks","quantity":2,"unitPrice":55.00}]}',
    run, thread_id, counter, math.random(0, customers - 1), now())
  return wrk.format("POST", "/api/v1/orders", { ["X-API-Key"] = key, ["Content-Type"] = "application/json" }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("orders/s %.0f  orders %d  p50 %.2f ms  p99 %.2f ms  non-2xx %d  errors %d\n",
    summary.requests / (summary.duration / 1e6), summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
