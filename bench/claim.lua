-- wrk script: every request claims the coupon for a new buyer (unique per thread and request).
local counter = 0
local prefix = ""
function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  prefix = string.format("b%08x", math.random(0, 0x7fffffff))
end
function request()
  counter = counter + 1
  local body = string.format('{"buyerId":"%s-%d","buyerCountry":"US","ip":"10.%d.%d.%d"}', prefix, counter,
    counter % 250, math.random(0, 250), math.random(1, 250))
  return wrk.format("POST", nil, nil, body)
end
local statuses = {}
function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  io.write(string.format("non-2xx/3xx responses: %d\n", summary.errors.status))
end
