// Inline assembly may do anything with the pointers it is given: they
// escape at every level.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade %t2.bc | FileCheck %s
#include <stdlib.h>

int main(void) {
  int *p = malloc(sizeof(int)); // CHECK: inline_asm.c:[[@LINE]]:12: {{.*}}malloc(4) escapes to heap: passed to inline asm at {{.*}}inline_asm.c:[[@LINE+2]]:{{[0-9]+}} [intraprocedural, conservative, whole_program]
  *p = 1;
  __asm__ volatile("" : : "r"(p) : "memory");
  int v = *p;
  free(p);
  return v;
}
