# mawk workload for bench/corpus.py: run over the program's own sources
# (concatenated). Word counts in associative arrays, field splitting with
# regular expressions, gsub/sub/match, sprintf, split, string building,
# user functions (recursive), sorting by hand and getline from a command.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) }
function join(a, n, sep,    i, s) {
  s = a[1]
  for (i = 2; i <= n; i++) s = s sep a[i]
  return s
}
function isort(a, n,    i, j, t) {  # insertion sort of a[1..n]
  for (i = 2; i <= n; i++) {
    t = a[i]
    for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]
    a[j + 1] = t
  }
}
BEGIN { FS = "[^A-Za-z0-9_]+" }
{
  lines++
  chars += length($0)
  for (i = 1; i <= NF; i++) if ($i != "") { words[$i]++; nwords++ }
  line = $0
  n = gsub(/[ \t]+/, " ", line)
  spaces += n
  if (match($0, /[A-Za-z_][A-Za-z0-9_]*\(/))
    calls[substr($0, RSTART, RLENGTH - 1)]++
  if ($0 ~ /^#[ \t]*define/) { split($0, d, /[ \t]+/); defines[d[2]] = NR }
  if (NR % 97 == 0) { sub(/^[ \t]+/, "", line); kept[++nkept] = sprintf("%6d:%s", NR, substr(line, 1, 40)) }
}
END {
  for (w in words) if (words[w] > 50) top[++ntop] = sprintf("%08d %s", words[w], w)
  isort(top, ntop)
  for (i = ntop; i > ntop - 20 && i > 0; i--) print top[i]
  for (c in calls) ncalls++
  for (k in defines) ndefines++
  print lines, chars, nwords, spaces, ncalls, ndefines, nkept
  print join(kept, nkept > 30 ? 30 : nkept, "|")
  print fib(22)
  cmd = "printf 'a b c\\nd e f\\n'"
  while ((cmd | getline l) > 0) { split(l, p, " "); print p[3] p[2] p[1] }
  close(cmd)
  s = ""
  for (i = 0; i < 20000; i++) s = s sprintf("%c", 65 + i % 26)
  print length(s), substr(s, 100, 10), index(s, "XYZ"), toupper(substr(s, 1, 5)), tolower(s) ~ /abc/
}
