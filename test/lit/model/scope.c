// What a model covers: a model of a defined function overrides its body
// (stash stores its argument, but its model says it keeps nothing, and
// the report names the model); an argument the model does not name is an
// unknown call's (pair's second); a model replaces what the analysis knows
// (malloc modelled as keeping nothing is no allocator: no site); a model
// line for a function the program lacks is no error.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative --model=%S/Inputs/scope.model %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative --model=%S/Inputs/scope.model %t2.bc | FileCheck %s
// CHECK: # assumptions: model:{{.*}}scope.model
// CHECK-NOT: malloc(
#include <stdlib.h>

void *kept;
__attribute__((noinline)) void stash(void *p) { kept = p; }
void pair(void *p, void *q);

int main(void) {
  int a = 1; // CHECK: scope.c:[[@LINE]]:{{[0-9]+}}: &a does not escape [conservative]
  stash(&a);
  int b = 2, c = 3; // CHECK: scope.c:[[@LINE]]:{{[0-9]+}}: &b does not escape [conservative]
  // CHECK: scope.c:[[@LINE-1]]:{{[0-9]+}}: &c escapes to heap: passed to pair at {{.*}}scope.c:[[@LINE+1]]:{{[0-9]+}}, which may keep it [conservative]
  pair(&b, &c);
  char *m = malloc(8);
  return a + b + c + (m != 0);
}
