-- The Lua workload: strings, tables, closures, coroutines, sorting and
-- string.format, the allocation-heavy parts of the interpreter.
local t = {}
for i = 1, 20000 do t[i] = string.format("item-%05d", (i * 7919) % 20000) end
table.sort(t)
local words = {}
for i = 1, #t, 7 do words[#words + 1] = t[i]:upper():sub(1, 8) end
local joined = table.concat(words, ",")
local counts = {}
for w in joined:gmatch("[^,]+") do counts[w] = (counts[w] or 0) + 1 end
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c = counter()
for _ = 1, 10000 do c() end
local co = coroutine.wrap(function()
  for i = 1, 1000 do coroutine.yield(i * i) end
end)
local s = 0
for _ = 1, 1000 do s = s + co() end
local m = {}
for i = 1, 200 do m[i] = {} for j = 1, 200 do m[i][j] = i * j end end
local acc = 0
for i = 1, 200 do for j = 1, 200 do acc = acc + m[i][j] % 7 end end
print(#t, #words, s, c(), acc)
