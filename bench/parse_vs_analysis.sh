#!/usr/bin/env bash
# Analysis cost against the cost of reading the program, measured in one
# run: escapade --time reports parse+link time, analysis time and their
# ratio, and peak memory after loading and after analysing.
#
# Input: the largest program in the repository, escapade's own sources
# (passes/*.c and tools/escapade.c) compiled to bitcode at -O0 -g and
# -O2 -g and linked whole. Also compares, in the same run, type-set
# resolution against the signature-only baseline.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
esc=${ESCAPADE:-$top/build/bin/escapade}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
inc=(-I"$top/include" -I"$top/passes" -I/usr/lib/llvm-19/include)
for opt in O0 O2; do
  mkdir -p "$work/$opt"
  for f in "$top"/passes/*.c "$top"/tools/escapade.c; do
    clang-19 -$opt -g -c -emit-llvm "${inc[@]}" "$f" -o "$work/$opt/$(basename "$f" .c).bc"
  done
  n=$(ls "$work/$opt"/*.bc | wc -l)
  bytes=$(cat "$work/$opt"/*.bc | wc -c)
  echo "== escapade sources at -$opt: $n modules, $bytes bytes of bitcode"
  for mode in typeset signature; do
    "$esc" --time --stats --resolve=$mode "$work/$opt"/*.bc 2> "$work/err" | grep '^#' | sed "s/^/$mode: /"
    grep 'time:' "$work/err" | sed "s/^escapade: /$mode: /"
  done
done
