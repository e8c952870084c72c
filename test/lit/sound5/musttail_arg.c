// A musttail call runs in place of the caller's frame, after it is gone:
// the block it is handed outlives the frame that allocated it, as a
// returned one does (and --check, which retires the frame's blocks before
// the call, must not see it as local).
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
__attribute__((noinline)) int use(char *p, int n) {
  int r = printf("used after tail returned: %s %d\n", p, n);
  free(p);
  return r;
}
__attribute__((noinline)) int tail(char *unused, int n) {
  (void)unused; /* musttail needs the callee's signature */
  char *p = malloc(8); // CHECK: musttail_arg.c:[[@LINE]]:{{[0-9]+}}: p = malloc(8) escapes to heap: passed to use at {{.*}}, a musttail call, which runs after the frame is gone [intraprocedural, conservative, whole_program]
  strcpy(p, "tail");
  [[clang::musttail]] return use(p, n);
}
int main(void) { return tail(NULL, 1) > 0 ? 0 : 1; }
// EVIDENCE: used after tail returned: tail 1
