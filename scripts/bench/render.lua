-- wrk script for scripts/bench-server: POST one case to /api/v1/render and count non-200s.
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.path = "/api/v1/render?kind=support-plan"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/yaml"
-- The server's local token (DATA/local-token): every API route needs a credential.
local token = os.getenv("TOKEN")
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end

local failures = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + (thread:get("failures") or 0) end
  io.write(string.format("non-200 answers: %d\n", failed))
end
