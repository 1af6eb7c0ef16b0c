-- wrk script: POST /requests/track (受理编号 + 查询码) for tracking numbers drawn at random from NUMBERS (a file of
-- numbers of generated requests, one a line), each with the secret the bench generator gave it (SweepBench.BenchSecret:
-- "BENCH" + the number's last seven digits in base 8 written with 2–9). COOKIE and TOKEN are an antiforgery pair
-- fetched once from GET /requests/track. An answer that is not 200 or does not show the request counts as bad.
local numbers = {}
for line in io.lines(os.getenv("NUMBERS")) do
  if #line > 0 then
    table.insert(numbers, line)
  end
end

local cookie = os.getenv("COOKIE")
local token = os.getenv("TOKEN")

local function secret(number)
  local i = tonumber(number:sub(-7))
  local digits = {}
  for k = 7, 1, -1 do
    digits[k] = string.char(string.byte("2") + i % 8)
    i = math.floor(i / 8)
  end
  return "BENCH" .. table.concat(digits)
end

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local counter = 0
local threads = {}
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(tonumber(os.getenv("SEED") or "16") * 1000 + (id or 0))
  bad = 0
end

function request()
  local number = numbers[math.random(#numbers)]
  local body = "TrackingNumber=" .. encode(number) .. "&Secret=" .. secret(number) .. "&__csrf=" .. encode(token)
  return wrk.format("POST", "/requests/track", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, body)
end

function response(status, headers, body)
  if status ~= 200 or body:find("受理编号或查询码不正确", 1, true) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local nok = 0
  for _, t in ipairs(threads) do
    nok = nok + (t:get("bad") or 0)
  end
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p90_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f bad=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, nok, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
