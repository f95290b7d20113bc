-- wrk script for scripts/bench-server: POST one case to /api/v1/render; optionally stop each
-- thread after LIMIT responses (so a run is a fixed number of requests); count non-200s.
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.path = "/api/v1/render?kind=support-plan"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/yaml"

local limit = tonumber(os.getenv("LIMIT") or "0")
local count = 0
local failures = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function response(status, headers, body)
  count = count + 1
  if status ~= 200 then failures = failures + 1 end
  if limit > 0 and count >= limit then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + (thread:get("failures") or 0) end
  io.write(string.format("non-200 answers: %d\n", failed))
end
