// -m=2 explains an escape step by step, from the allocation to the sink,
// like Go's "flow:" lines.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade -m=2 --level=conservative %t0.bc | FileCheck %s
#include <stdlib.h>

struct node { struct node *next; };
struct node *registry;

__attribute__((noinline)) void enlist(struct node *n) { // CHECK: flow_m2.c:[[@LINE]]:{{[0-9]+}}: leaking param: n [conservative]
  registry = n;
}

int main(void) {
  struct node *n = malloc(sizeof *n); // CHECK: flow_m2.c:[[@LINE]]:20: n = malloc(8) escapes to heap: passed to enlist at {{.*}}flow_m2.c:[[@LINE+3]]:3, which leaks param n [conservative]
                                      // CHECK-NEXT: flow: allocated at {{.*}}flow_m2.c:[[@LINE-1]]:20
                                      // CHECK: flow: passed to enlist at {{.*}}flow_m2.c:[[@LINE+1]]:3, which leaks param n
  enlist(n);
  return 0;
}
