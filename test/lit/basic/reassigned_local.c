// A local variable that holds different values over time: at -O0 it is
// one stack slot, but what a call saw before the allocation was stored
// there is not the allocation. The verdict and its reason follow the
// order the program runs in.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade -m=2 %t.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade %t2.bc | FileCheck %s --check-prefix=O2
// (at -O2 clang removes before's malloc and free altogether)
#include <stdlib.h>

char *kept;

__attribute__((noinline)) void keep(char *p) { kept = p; }

__attribute__((noinline)) int before(void) {
  char *p = "literal";
  keep(p);
  p = malloc(8); // CHECK: reassigned_local.c:[[@LINE]]:7: p = malloc(8) does not escape [intraprocedural, conservative, whole_program]
  p[0] = 1;
  int r = p[0];
  free(p);
  return r;
}

__attribute__((noinline)) void after(void) {
  char *p = "literal";
  p = malloc(8); // CHECK: reassigned_local.c:[[@LINE]]:7: p = malloc(8) escapes to heap: passed to keep at {{.*}}reassigned_local.c:[[@LINE+1]]:3, which leaks param p [conservative, whole_program]
  keep(p);       // O2: reassigned_local.c:[[@LINE-1]]:7: p = malloc(8) escapes to heap: passed to keep
}

int main(void) {
  after();
  return before() - 1;
}
