#!/usr/bin/env bash
# Runs the CLI built with AddressSanitizer, UndefinedBehaviorSanitizer and
# LeakSanitizer over every bitcode file the lit suite produced and over
# random llvm-stress modules, at every output mode (a module made not to
# verify must be refused cleanly, exit 1). Prints one line per
# failing input and, last, "N passed, M failed".
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
asan=$build/asan
if [ ! -f "$asan/build.ninja" ]; then
  cmake -S "$top" -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_C_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
    -DLLVM_DIR=/usr/lib/llvm-19/lib/cmake/llvm >/dev/null || exit 1
fi
cmake --build "$asan" --target escapade >/dev/null || exit 1
esc=$asan/bin/escapade
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # check NAME ARGS...: the analysis must finish cleanly
  local name=$1; shift
  if "$esc" "$@" >/dev/null 2>"$tmp/err" && ! grep -q "Sanitizer\|runtime error" "$tmp/err"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL: $name"; head -20 "$tmp/err"
  fi
}
check_bad() { # check_bad NAME ARGS...: an input error, reported cleanly
  local name=$1; shift
  "$esc" "$@" >/dev/null 2>"$tmp/err"
  if [ $? -eq 1 ] && ! grep -q "Sanitizer\|runtime error" "$tmp/err"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL: $name"; head -20 "$tmp/err"
  fi
}
for f in $(find "$build/test/lit" -name '*.bc' -path '*Output*' | sort); do
  case "$f" in *trunc*|*garbage*) continue ;; esac
  case "$f" in *broken*) check_bad "$f (does not verify)" "$f"; continue ;; esac
  check "$f -m=2" -m=2 "$f"
  check "$f json" --format=json --explain-unknown "$f"
done
for i in $(seq 1 100); do
  llvm-stress-19 -seed="$((i * 7919))" -size="$((20 + i * 3))" -o "$tmp/s.ll" || exit 1
  check "llvm-stress seed $((i * 7919))" --stats "$tmp/s.ll"
done
echo "sanitizers: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
