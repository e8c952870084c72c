#!/usr/bin/env bash
# stress.sh LLVM_STRESS ESCAPADE TMPDIR N: analyses N random modules.
set -u
stress=$1 escapade=$2 dir=$3 n=$4
mkdir -p "$dir"
fail=0
for i in $(seq 1 "$n"); do
  "$stress" -seed="$i" -size=$(( 20 + i % 200 )) -o "$dir/m.ll" || exit 2
  "$escapade" --format=json "$dir/m.ll" > "$dir/out.json" 2> "$dir/err.txt"
  rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "seed $i: exit $rc"; cat "$dir/err.txt"; fail=1
  fi
done
exit $fail
