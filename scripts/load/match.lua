-- wrk script: POST /match/default with one name query per request, or a
-- batch of BATCH queries (wrk ... -s match.lua -- BATCH). Names cycle
-- through a mix of scripts and kinds so no single answer is cached.
local names = {
  {"Person", "Kim Jong Un"}, {"Person", "김정은"}, {"Person", "金正恩"},
  {"Person", "Ким Чен Ын"}, {"Person", "Vladimir Putin"}, {"Person", "Kim Yo Jong"},
  {"Person", "Choe Ryong Hae"}, {"Person", "Alexander Zakharov"}, {"Person", "John Smith"},
  {"Person", "Maria Garcia"}, {"Organization", "Korea Kwangson Banking Corporation"},
  {"Organization", "Reconnaissance General Bureau"}, {"Company", "Ocean Maritime Management"},
  {"Company", "Dandong Hongxiang Industrial Development"}, {"Company", "Acme Trading Ltd"},
  {"Vessel", "Ocean Star 2"}, {"Vessel", "Wise Honest"}, {"LegalEntity", "Tanchon Commercial Bank"},
  {"Person", "Hsi Chin-ping"}, {"Company", "Namchongang Trading Corporation"},
}

local batch = 1
local bodies = {}

local function query(i)
  local n = names[(i % #names) + 1]
  return string.format('"q%d":{"schema":"%s","properties":{"name":["%s"]}}', i, n[1], n[2])
end

function init(args)
  batch = tonumber(args[1] or "1")
  -- Precompute one body per offset so requests differ without per-request work.
  for offset = 0, #names - 1 do
    local parts = {}
    for i = 1, batch do
      parts[#parts + 1] = query(offset + i)
    end
    bodies[#bodies + 1] = '{"queries":{' .. table.concat(parts, ",") .. '}}'
  end
end

local counter = 0
function request()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  return wrk.format("POST", "/match/default", {["Content-Type"] = "application/json"}, body)
end
