-- wrk script for floor.sh: MODE=get reads one customer by id; MODE=post registers a new customer per request.
local counter = 0
local key = os.getenv("API_KEY")
local mode = os.getenv("MODE") or "get"
local id = os.getenv("CUSTOMER_ID")
local run = os.getenv("RUN") or tostring(os.time())

function setup(thread)
  thread:set("tid", math.random(1, 1000000))
end

request = function()
  if mode == "get" then
    return wrk.format("GET", "/api/v1/customers/" .. id, { ["X-API-Key"] = key })
  end
  counter = counter + 1
  local body = string.format('{"externalId":"floor-%s-%d-%d","firstName":"Asha","lastName":"Patil"}', run, tid, counter)
  return wrk.format("POST", "/api/v1/customers", { ["X-API-Key"] = key, ["Content-Type"] = "application/json" }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s %.0f  p50 %.2f ms  p99 %.2f ms  non-2xx %d  errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
