-- wrk script for bench/server_load.sh: the cockpit server under load.
--
--   wrk ... -s bench/server_load.lua http://127.0.0.1:PORT -- ask
--   wrk ... -s bench/server_load.lua http://127.0.0.1:PORT -- vehicle
--
-- "ask" POSTs /v1/ask, each connection cycling through questions in English and Chinese
-- that the co-driver answers without changing the car's state (no navigation: a started
-- trip would change what every later answer has to do). "vehicle" GETs /v1/vehicle, the
-- baseline: the same HTTP path with no understanding behind it.
--
-- Every response that is not 2xx is counted, and so is a 200 from /v1/ask without a spoken
-- answer in it; done() prints both as "lua_non2xx N" and "lua_bad_body N" for the shell
-- script to check beside wrk's own "Non-2xx or 3xx responses".

local questions = {
  "find parking near the casino",
  "找一家附近的餐厅",
  "when does the light turn green?",
  "how much battery do I have?",
  "is there a cafe open now?",
  "附近有停车场吗？",
  "下一个路口什么时候变绿灯？",
  "我的电量还有多少？",
}

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

-- Questions contain no quote or backslash, so they go into the JSON as they are.
local function ask_request(question)
  return wrk.format("POST", "/v1/ask", { ["Content-Type"] = "application/json" },
                    '{"text": "' .. question .. '"}')
end

function init(args)
  mode = args[1] or "ask"
  non2xx = 0
  bad_body = 0
  if mode == "ask" then
    requests = {}
    for i, question in ipairs(questions) do
      requests[i] = ask_request(question)
    end
  elseif mode == "vehicle" then
    requests = { wrk.format("GET", "/v1/vehicle") }
  else
    error("server_load.lua: mode must be ask or vehicle, not " .. tostring(mode))
  end
  -- Threads start at different questions so that the mix is even from the first second.
  next_request = (wrk.thread:get("id") or 0) % #requests
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  elseif mode == "ask" and not string.find(body, '"speech"', 1, true) then
    bad_body = bad_body + 1
  end
end

function done(summary, latency, requests)
  local total_non2xx, total_bad_body = 0, 0
  for _, thread in ipairs(threads) do
    total_non2xx = total_non2xx + thread:get("non2xx")
    total_bad_body = total_bad_body + thread:get("bad_body")
  end
  io.write(string.format("lua_non2xx %d\n", total_non2xx))
  io.write(string.format("lua_bad_body %d\n", total_bad_body))
end
