#!/usr/bin/env bash
# The newcomer's first command: install, build, and analyse the example
# program shipped in examples/ (a C "interface" whose implementations are
# all harmless: Go would heap-allocate the buffer, whole-program analysis
# keeps it on the stack).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bash "$top/scripts/install-deps.sh"
bash "$top/scripts/build.sh"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for f in "$top"/examples/*.c; do
  clang-19 -O0 -g -c -emit-llvm "$f" -o "$out/$(basename "$f" .c).bc"
done
echo "== escapade -m examples/*.c (linked as one program)"
"$top/build/bin/escapade" --stats "$out"/*.bc
