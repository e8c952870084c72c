// Not a wrapper: oalloc records the fresh block in a field of the owner
// object it is given, besides returning it. work, which drops the result,
// hands the block out through *o only (an out-parameter wrapper), and the
// call in main, whose owner is a global, escapes.
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
// NOT-NOT: oalloc is an allocator wrapper
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct owner { void *last; };
static struct owner g;

__attribute__((noinline)) void *oalloc(struct owner *o, size_t n) {
  void *p = malloc(n); // CHECK: wrapper_owner_field.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes {{.*}}
  if (!p)
    abort();
  o->last = p;
  return p;
}

__attribute__((noinline)) void work(struct owner *o) {
  char *t = oalloc(o, 32);
  strcpy(t, "owner kept");
}

int main(void) {
  work(&g); // CHECK: wrapper_owner_field.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes {{.*}}
  printf("after return: %s\n", (char *)g.last);
  return 0;
}
// EVIDENCE: after return: owner kept
