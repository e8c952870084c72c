// Passing a pointer to a direct callee: the callee's summary decides. One
// only reads (does not escape), one stores it in a global (escapes). sum
// returns a number computed from the bytes a points to: an integer may
// carry an address (a pointer read in halves), so a's contents flow to the
// result; a itself does not escape.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

int *kept;

__attribute__((noinline)) int sum(const int *a, int n) { // CHECK: direct_callee.c:[[@LINE]]:{{[0-9]+}}: leaking param: a to result ~r0 level=1 [conservative]
  int s = 0;
  for (int i = 0; i < n; i++)
    s += a[i];
  return s;
}

__attribute__((noinline)) void keep(int *a) { kept = a; } // CHECK: direct_callee.c:[[@LINE]]:{{[0-9]+}}: leaking param: a [conservative]

int main(int argc, char **argv) {
  int *r = malloc(4 * sizeof(int)); // CHECK: direct_callee.c:[[@LINE]]:12: {{.*}}malloc(16) does not escape [conservative]
  int *k = malloc(4 * sizeof(int)); // CHECK: direct_callee.c:[[@LINE]]:12: {{.*}}malloc(16) escapes to heap: passed to keep at {{.*}}direct_callee.c:[[@LINE+3]]:3, which leaks param a [conservative]
  for (int i = 0; i < 4; i++)
    r[i] = k[i] = argc + i;
  keep(k);
  printf("%d\n", sum(r, 4));
  free(r);
  return 0;
}
