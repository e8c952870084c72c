// Not a deallocator: xfree frees its argument on one path and keeps it in
// a global on the other (a "keep for debugging" mode). The block passed to
// it escapes, and xfree is no deallocator.
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
// NOT-NOT: xfree is a deallocator
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int keep_mode;
static void *kept;

__attribute__((noinline)) void xfree(void *p) {
  if (keep_mode) {
    kept = p;
    return;
  }
  free(p);
}

__attribute__((noinline)) void work(void) {
  char *t = malloc(32); // CHECK: dealloc_conditional_keep.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes {{.*}}
  strcpy(t, "cond kept");
  xfree(t);
}

int main(int argc, char **argv) {
  (void)argv;
  keep_mode = argc < 5;
  work();
  printf("after return: %s\n", kept ? (char *)kept : "(none)");
  return 0;
}
// EVIDENCE: after return: cond kept
