// A parameter returned to the caller "leaks to result": whether it escapes
// is decided by the caller. Here the caller keeps the result local, so both
// locals stay on the stack at the conservative and whole-program levels;
// intraprocedurally the call is opaque.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade %t2.bc | FileCheck %s
#include <stdio.h>

__attribute__((noinline)) int *pick(int *a, int *b, int c) { // CHECK: leak_to_result.c:[[@LINE]]:{{[0-9]+}}: leaking param: a to result ~r0 level=0 [conservative, whole_program]
  return c ? a : b;                                          // CHECK: leaking param: b to result ~r0 level=0 [conservative, whole_program]
}

int main(int argc, char **argv) {
  int x = 41; // CHECK: leak_to_result.c:[[@LINE]]:{{[0-9]+}}: &x escapes to heap: passed to pick at {{.*}}, which may keep it [intraprocedural]
              // CHECK: leak_to_result.c:[[@LINE-1]]:{{[0-9]+}}: &x does not escape [conservative, whole_program]
  int y = 1;  // CHECK: leak_to_result.c:[[@LINE]]:{{[0-9]+}}: &y escapes to heap: passed to pick at {{.*}}, which may keep it [intraprocedural]
              // CHECK: leak_to_result.c:[[@LINE-1]]:{{[0-9]+}}: &y does not escape [conservative, whole_program]
  int *q = pick(&x, &y, argc > 1);
  *q += 1;
  printf("%d %d\n", x, y);
  return 0;
}
