// Not a deallocator: xfree calls a global hook that starts as free, and
// main replaces it with a function that keeps the block. The hook's
// targets are not all deallocators, so the block passed to xfree escapes
// (at whole_program, through the resolved keep).
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

static void *kept;
static void keep(void *p) { kept = p; }
static void (*free_hook)(void *) = free;

__attribute__((noinline)) void xfree(void *p) { free_hook(p); }

__attribute__((noinline)) void work(void) {
  char *t = malloc(32); // CHECK: dealloc_hook_replaced.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes {{.*}}
  strcpy(t, "hook kept");
  xfree(t);
}

int main(int argc, char **argv) {
  (void)argv;
  if (argc < 5)
    free_hook = keep;
  work();
  printf("after return: %s\n", kept ? (char *)kept : "(none)");
  return 0;
}
// EVIDENCE: after return: hook kept
