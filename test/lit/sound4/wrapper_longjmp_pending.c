// Not a wrapper: jmalloc longjmps to an error handler when malloc fails,
// and otherwise records the block as pending (to release it on that
// error path) before returning it. The record outlives the caller's
// frame, so the malloc escapes and jmalloc is no wrapper.
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
// RUN: %escapade -m %t2.bc | FileCheck %s --check-prefix=NOT
// NOT-NOT: jmalloc is an allocator wrapper
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jmp_buf oom;
static void *pending;

__attribute__((noinline)) void *jmalloc(size_t n) {
  void *p = malloc(n); // CHECK: wrapper_longjmp_pending.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes {{.*}}
  if (!p)
    longjmp(oom, 1);
  pending = p;
  return p;
}

__attribute__((noinline)) void work(void) {
  char *t = jmalloc(32);
  strcpy(t, "pending kept");
}

int main(void) {
  if (setjmp(oom))
    return 1;
  work();
  printf("after return: %s\n", (char *)pending);
  return 0;
}
// EVIDENCE: after return: pending kept
