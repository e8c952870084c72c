// Thread-local memory is memory that escapes: tmalloc records its block in
// a thread-local variable (through llvm.threadlocal.address), and work
// stores a block through a thread-local pointer to a thread-local cell;
// both are read after work returned.
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
// NOT-NOT: tmalloc is an allocator wrapper
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __thread char *last;
static __thread char **slot;
static __thread char *cell;

__attribute__((noinline)) void *tmalloc(size_t n) {
  char *p = malloc(n); // CHECK: wrapper_tls_last.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes {{.*}}
  if (!p)
    abort();
  last = p;
  return p;
}

__attribute__((noinline)) void work(void) {
  char *t = tmalloc(32);
  strcpy(t, "tls kept");
  char *u = malloc(32); // CHECK: wrapper_tls_last.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes {{.*}}
  strcpy(u, "cell kept");
  slot = &cell;
  *slot = u;
}

__attribute__((noinline)) char *get(void) { return last; }

int main(void) {
  work();
  printf("after return: %s, %s\n", get(), cell);
  return 0;
}
// EVIDENCE: after return: tls kept, cell kept
