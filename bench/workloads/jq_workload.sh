# jq workload for bench/corpus.py: $1 is the program, run in a scratch
# directory. Makes a JSON input (records with nested objects and arrays),
# then runs filters over it: paths, grouping, sorting, reduce, string
# interpolation and formats, user functions, streaming, slurping.
set -e
JQ=$1
"$JQ" -n -c '[range(0; 20000) | {id: ., name: "item \(.)", tags: [range(0; . % 7) | "t\(.)"],
  nested: {a: (. * 3), b: {c: (. % 11), d: [., (. / 2)]}}, flag: (. % 3 == 0)}] | .[]' > data.json
"$JQ" -s 'length' data.json
"$JQ" -s 'group_by(.nested.b.c) | map({k: .[0].nested.b.c, n: length, s: (map(.id) | add)})' data.json > /dev/null
"$JQ" -s 'sort_by(.name) | .[0:5] | map(.name)' data.json
"$JQ" -s 'reduce .[] as $r ({}; .[$r.tags | length | tostring] += 1)' data.json
"$JQ" -c 'select(.flag) | {id, t: (.tags | join(","))}' data.json > /dev/null
"$JQ" -r '[.id, .name, (.tags | length)] | @csv' data.json > /dev/null
"$JQ" -r '@base64 "\(.name)" | @base64d' data.json > /dev/null
"$JQ" -c '[paths] | length' data.json > /dev/null
"$JQ" -c 'tostream' data.json | "$JQ" -c -n '[inputs] | length'
"$JQ" -c 'def walk2(f): . as $in | if type == "object" then reduce keys[] as $k ({}; . + {($k): ($in[$k] | walk2(f))}) | f elif type == "array" then map(walk2(f)) | f else f end; walk2(if type == "number" then . + 1 else . end)' data.json > /dev/null
"$JQ" -n '[limit(1000; repeat(1))] | length'
"$JQ" -n 'def fib: if . < 2 then . else (. - 1 | fib) + (. - 2 | fib) end; 20 | fib'
"$JQ" -n --arg x abc --argjson y '{"z": [1, 2]}' '$x, $y, ($y | tojson | fromjson) == $y, ("a,b,c" | split(",")), ("%41" | ltrimstr("%")), (now | type)'
"$JQ" -s 'map(.nested) | to_entries | map(select(.key % 1000 == 0)) | from_entries? // "no"' data.json > /dev/null
"$JQ" '.nested.b.d[1] | floor | tostring | test("x")? // false' data.json > /dev/null || true
"$JQ" -e 'error("deliberate")' data.json > /dev/null 2>&1 || true
"$JQ" 'try error("x") catch ., (.name | ascii_upcase), (.tags | index("t1")), ([.id] | implode? // "none")' data.json > /dev/null
