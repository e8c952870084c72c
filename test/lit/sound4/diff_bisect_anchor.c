// The difference of p and a global anchor, bisected against a variable
// bound: the offset, and so p, is rebuilt after make() returned.
// RUN: %clang -O0 -g %s -o %t0 && (%t0 || %t0 || %t0) | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && (%t2 || %t2 || %t2) | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
static char anchor[16];
static int *g_found;
static void locate(int *p) {
  intptr_t lo = -((intptr_t)1 << 46), hi = (intptr_t)1 << 46;
  while (lo < hi) {
    intptr_t mid = lo + (hi - lo) / 2;
    if ((intptr_t)((uintptr_t)p - (uintptr_t)anchor) <= mid)
      hi = mid;
    else
      lo = mid + 1;
  }
  g_found = (int *)((uintptr_t)anchor + (uintptr_t)lo);
}
__attribute__((noinline)) static void make(void) {
  int *v = malloc(sizeof *v); // CHECK: diff_bisect_anchor.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  *v = 42;
  locate(v);
}
int main(void) {
  make();
  printf("%d\n", *g_found);
  return 0;
}
// EVIDENCE: 42
