#!/usr/bin/env bash
# Runs the whole test suite: Criterion unit tests, the lit suite (C and IR
# cases, error handling, llvm-stress robustness) and the CLI under
# ASan/UBSan/LSan over the lit inputs and random modules (test/sanitize.sh).
# Builds first. The last line is "N passed, M failed" over all three.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
bash "$top/scripts/build.sh" || { echo "0 passed, 1 failed"; exit 1; }

unit_log=$(mktemp)
"$build/bin/escapade_unit" --jobs 2 >"$unit_log" 2>&1
unit_rc=$?
cat "$unit_log"
read -r u_pass u_fail < <(sed -n 's/.*Passing: \([0-9]*\) | Failing: \([0-9]*\) | Crashing: \([0-9]*\).*/\1 \2 \3/p' "$unit_log" |
  awk '{print $1, $2 + $3}')
rm -f "$unit_log"
u_pass=${u_pass:-0}
u_fail=${u_fail:-0}
[ "$unit_rc" -ne 0 ] && [ "$u_fail" -eq 0 ] && u_fail=1

lit_log=$(mktemp)
python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv "$build/test/lit" >"$lit_log" 2>&1
lit_rc=$?
cat "$lit_log"
l_pass=$(sed -n 's/^ *Passed *: *\([0-9]*\).*/\1/p' "$lit_log" | head -1)
l_fail=$(sed -n 's/^ *\(Failed\|Unresolved\|Timed Out\) *: *\([0-9]*\).*/\2/p' "$lit_log" |
  awk '{s += $1} END {print s + 0}')
rm -f "$lit_log"
l_pass=${l_pass:-0}
[ "$lit_rc" -ne 0 ] && [ "$l_fail" -eq 0 ] && l_fail=1

san_log=$(mktemp)
bash "$top/test/sanitize.sh" >"$san_log" 2>&1
san_rc=$?
cat "$san_log"
read -r s_pass s_fail < <(sed -n 's/^sanitizers: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$san_log")
rm -f "$san_log"
s_pass=${s_pass:-0}
s_fail=${s_fail:-0}
[ "$san_rc" -ne 0 ] && [ "$s_fail" -eq 0 ] && s_fail=1

echo "unit: $u_pass passed, $u_fail failed; lit: $l_pass passed, $l_fail failed; sanitizers: $s_pass passed, $s_fail failed"
echo "$((u_pass + l_pass + s_pass)) passed, $((u_fail + l_fail + s_fail)) failed"
[ $((u_fail + l_fail + s_fail)) -eq 0 ]
