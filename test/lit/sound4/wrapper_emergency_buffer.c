// Not a wrapper: when malloc fails, emalloc returns a static emergency
// buffer, which outlives every caller's frame. The result is not only
// fresh blocks, so emalloc is no allocator wrapper and its malloc escapes
// by the return. The program makes malloc fail (a huge request) and reads
// the buffer after work returned.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=intraprocedural %t0.bc | FileCheck %s
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %escapade --level=intraprocedural %t2.bc | FileCheck %s
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
// RUN: %escapade -m %t0.bc | FileCheck %s --check-prefix=NOT
// Claimed an allocator anyway (--alloc-fn), its calls are sites that do not
// escape: the user's claim, which the report names.
// RUN: %escapade --alloc-fn=emalloc:0 %t0.bc | FileCheck %s --check-prefix=CLAIM
// CLAIM: # assumptions: alloc-fn:emalloc:0
// CLAIM: wrapper_emergency_buffer.c:{{[0-9]+}}:{{[0-9]+}}: t = emalloc(?) does not escape
// RUN: %escapade -m %t2.bc | FileCheck %s --check-prefix=NOT
// NOT-NOT: emalloc is an allocator wrapper
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char emergency[64];

__attribute__((noinline)) void *emalloc(size_t n) {
  void *p = malloc(n); // CHECK: wrapper_emergency_buffer.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes {{.*}}
  if (!p)
    return emergency;
  return p;
}

__attribute__((noinline)) void work(size_t n) {
  char *t = emalloc(n);
  strcpy(t, "emergency kept");
  if (t != emergency)
    free(t);
}

int main(int argc, char **argv) {
  (void)argv;
  work(argc > 5 ? 16 : (size_t)-1 / 2);
  printf("after return: %s\n", emergency);
  return 0;
}
// EVIDENCE: after return: emergency kept
