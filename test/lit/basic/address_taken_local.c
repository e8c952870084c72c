// Address-taken locals are sites too, reported at their declaration.
// Returning the address of a local escapes (a dangling pointer in C);
// lending it to a reader does not.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s
#include <stdio.h>

__attribute__((noinline)) int *dangling(void) {
  int x = 1; // CHECK: address_taken_local.c:[[@LINE]]:{{[0-9]+}}: &x escapes to heap: address of local returned from dangling [conservative]
#pragma clang diagnostic ignored "-Wreturn-stack-address"
  return &x;
}

__attribute__((noinline)) void fill(int *out) { *out = 5; } // CHECK: address_taken_local.c:[[@LINE]]:{{[0-9]+}}: out does not escape [conservative]

int main(void) {
  int y; // CHECK: address_taken_local.c:[[@LINE]]:{{[0-9]+}}: &y does not escape [conservative]
  fill(&y);
  printf("%d %d\n", y, dangling() != 0);
  return 0;
}
