-- wrk script: GET /api/v1/search?q=<term> with terms drawn from bench/search-load/terms.txt by a Zipf law
-- (rank k with weight 1/k^s, s = ZIPF_S or 1.0), each thread seeded from SEED (fixed) and its number, so a run is
-- repeatable. Prints p50/p90/p95/p99/max and the count of non-200 answers at the end.
local terms = {}
local path = os.getenv("TERMS") or "bench/search-load/terms.txt"
for line in io.lines(path) do
  if #line > 0 then
    table.insert(terms, line)
  end
end

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local s = tonumber(os.getenv("ZIPF_S") or "1.0")
local cdf = {}
local total = 0
for k = 1, #terms do
  total = total + 1 / (k ^ s)
  cdf[k] = total
end
for k = 1, #terms do
  cdf[k] = cdf[k] / total
end

local paths = {}
for k = 1, #terms do
  paths[k] = "/api/v1/search?q=" .. encode(terms[k])
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

local function pick()
  local u = math.random()
  local lo, hi = 1, #cdf
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < u then lo = mid + 1 else hi = mid end
  end
  return lo
end

function request()
  return wrk.format("GET", paths[pick()])
end

function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local non200 = 0
  for _, t in ipairs(threads) do
    non200 = non200 + (t:get("bad") or 0)
  end
  local rps = summary.requests / (summary.duration / 1e6)
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p90_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non200=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, rps,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, non200, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
