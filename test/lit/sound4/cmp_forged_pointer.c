// The address compared with a number turned into a pointer
// ((uintptr_t)(void *)mid): no comparison of two addresses, a bisection
// that rebuilds the address used after stash() returned.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
static char *keep;
__attribute__((noinline)) void stash(void) {
  char *blk = malloc(32); // CHECK: cmp_forged_pointer.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(blk, "alive after stash");
  uintptr_t lo = 0, hi = UINTPTR_MAX;
  while (lo < hi) { uintptr_t mid = lo + (hi - lo) / 2;
    if ((uintptr_t)blk <= (uintptr_t)(void *)mid) hi = mid; else lo = mid + 1; }
  keep = (char *)lo;
}
int main(void){ stash(); printf("main reads: %s\n", keep); return 0; }
// EVIDENCE: main reads: alive after stash
