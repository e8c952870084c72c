// Not a wrapper: palloc returns a recycled chunk from a free list when
// there is one (here a static spare chunk), else a fresh malloc'd one.
// Its result is not only fresh blocks: the caller's writes land in memory
// that outlives its frame.
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
// NOT-NOT: palloc is an allocator wrapper
// NOT-NOT: palloc(){{.*}}does not escape
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct chunk { struct chunk *next; char data[24]; };
static struct chunk *free_list;
static struct chunk spare = {0, "spare block"};

__attribute__((noinline)) void *palloc(void) {
  if (free_list) {
    struct chunk *c = free_list;
    free_list = c->next;
    return c;
  }
  void *p = malloc(sizeof(struct chunk)); // CHECK: wrapper_recycled_static.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes {{.*}}
  if (!p)
    abort();
  return p;
}

__attribute__((noinline)) void work(void) {
  struct chunk *c = palloc();
  strcpy(c->data, "recycled kept");
}

int main(void) {
  free_list = &spare;
  work();
  printf("after return: %s\n", spare.data);
  return 0;
}
// EVIDENCE: after return: recycled kept
