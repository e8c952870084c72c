#!/usr/bin/env bash
# Regenerates docs/examples/: the complete report of the example program
# (examples/*.c, linked) in every format, file names relative to the
# repository. Run after the analysis or a format changes:
#   bash scripts/doc-examples.sh [BUILD_DIR]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
esc="$build/bin/escapade"
out="$top/docs/examples"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top"
for f in examples/*.c; do
  clang-19 -O0 -g -c -emit-llvm "$f" -o "$tmp/$(basename "$f" .c).bc"
done
bc=("$tmp"/*.bc)
"$esc" -m=2 "${bc[@]}" -o "$out/examples.txt"
"$esc" -m=2 --format=json "${bc[@]}" | sed 's/"analysis_seconds":[0-9.]*/"analysis_seconds":0/' > "$out/examples.json"
"$esc" --format=sarif --source-root="$top" "${bc[@]}" |
  sed "s|file://$top/|file:///path/to/escapade/|" > "$out/examples.sarif"
"$esc" --format=lsp "${bc[@]}" | sed "s|file://$top/|file:///path/to/escapade/|g" > "$out/examples.lsp.json"
echo "docs/examples: $(ls "$out" | tr '\n' ' ')"
