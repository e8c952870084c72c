// pool_get is declared with GCC's malloc attribute and alloc_size: that
// promises a fresh block, nothing about the arguments. The library
// (Inputs/poollib.c, not in the bitcode) keeps the pool it is given; main
// reads it after work() returned. An allocator known only by these
// attributes keeps its arguments, and may record its block in them.
// RUN: %clang -O2 -c %S/Inputs/poollib.c -o %t.lib.o
// RUN: %clang -O0 -g %s %t.lib.o -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s %t.lib.o -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct pool { char name[16]; int served; };
void *pool_get(struct pool *pl, size_t n)
    __attribute__((malloc, alloc_size(2)));
struct pool *pool_last(void);
__attribute__((noinline)) void work(void) {
  struct pool *pl = malloc(sizeof *pl); // CHECK: malloc_attr_pool.c:[[@LINE]]:{{[0-9]+}}: pl = malloc(20) escapes to heap: passed to pool_get at {{.*}}, which may keep it [intraprocedural, conservative, whole_program]
  strcpy(pl->name, "pool A");
  pl->served = 0;
  char *b = pool_get(pl, 16); // CHECK: malloc_attr_pool.c:[[@LINE]]:{{[0-9]+}}: b = pool_get(16) escapes to heap: allocated by pool_get at {{.*}}, which may keep it with its argument 0 {{.*}}[intraprocedural, conservative, whole_program]
  strcpy(b, "block");
  free(b);
}
int main(void) {
  work();
  struct pool *pl = pool_last();
  printf("after work returned: last pool %s served %d\n", pl->name,
         pl->served);
  return 0;
}
// EVIDENCE: after work returned: last pool pool A served 1
