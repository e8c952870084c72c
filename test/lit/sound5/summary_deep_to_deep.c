// hop copies a deep object's contents into another deep object of the
// same parameter (**p = ***p): b, two levels below p, now holds &gslot.
// One deep object stands for every level below the pointee, and a flow
// from it back into it is news to the caller.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void *gslot;
__attribute__((noinline)) void hop(void ****p) { **p = (void **)***p; }
__attribute__((noinline)) void work(const char *s) {
  void *c = &gslot;
  void **b = (void **)&c;
  void ***a = &b;
  hop(&a);
  void **y = *a;
  char *m = malloc(16); // CHECK: summary_deep_to_deep.c:[[@LINE]]:{{[0-9]+}}: m = malloc(16) escapes to heap: {{.*}}[{{.*}}conservative, whole_program]
  strcpy(m, s);
  *y = m;
}
int main(void) {
  work("deep-deep");
  printf("kept after work returned: %s\n", (char *)gslot);
  return 0;
}
// EVIDENCE: kept after work returned: deep-deep
