// (uintptr_t)p - mid compared with a loop's mid: each comparison says
// whether p is at or above mid, and bisection rebuilds the address, which
// is used after make() returned. A difference is harmless only between
// two addresses and against a constant.
// RUN: %clang -O0 -g %s -o %t0 && (%t0 || %t0 || %t0) | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && (%t2 || %t2 || %t2) | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
static int *g_found;
static uintptr_t locate(const void *p) {
  uintptr_t lo = 0, hi = UINTPTR_MAX >> 1;
  while (lo < hi) {
    uintptr_t mid = lo + (hi - lo + 1) / 2;
    if ((uintptr_t)p - mid <= (UINTPTR_MAX >> 1))   /* p >= mid */
      lo = mid;
    else
      hi = mid - 1;
  }
  return lo;
}
__attribute__((noinline)) static void make(void) {
  int *v = malloc(sizeof *v); // CHECK: diff_bisect_watermark.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  *v = 42;
  g_found = (int *)locate(v);
}
int main(void) {
  make();
  printf("%d\n", *g_found);
  return 0;
}
// EVIDENCE: 42
