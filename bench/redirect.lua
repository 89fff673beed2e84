-- wrk script: every request comes from a visitor address of its own (X-Forwarded-For, as the gateway sets it) with a
-- browser user agent, so UV is meaningful and the per-address rate limit never applies. Counts non-302 answers.
local prefix = 0
function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  prefix = math.random(0, 63)
end
function request()
  local ip = string.format("%d.%d.%d.%d", 100 + prefix, math.random(0, 255), math.random(0, 255), math.random(1, 254))
  return wrk.format("GET", nil, {["X-Forwarded-For"] = ip, ["X-Country-Code"] = "DE",
    ["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"})
end
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("answered: %d  not-3xx: %d  socket-errors: %d\n", summary.requests, summary.errors.status, errors))
end
