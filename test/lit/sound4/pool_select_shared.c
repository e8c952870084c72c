// A pool block's pool is a select between the frame's own pool and a
// shared one: the pool argument is not the pool-create call's result, so
// the block may live as long as the shared pool, and it escapes its frame
// although the frame destroys the pool it made. The shared pool's block is
// read after fill returned.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --model=%S/Inputs/pool.model --level=intraprocedural %t0.bc | FileCheck %s
// RUN: %escapade --model=%S/Inputs/pool.model --level=conservative %t0.bc | FileCheck %s
// RUN: %escapade --model=%S/Inputs/pool.model --level=whole_program %t0.bc | FileCheck %s
// RUN: %escapade --model=%S/Inputs/pool.model --level=intraprocedural %t2.bc | FileCheck %s
// RUN: %escapade --model=%S/Inputs/pool.model --level=conservative %t2.bc | FileCheck %s
// RUN: %escapade --model=%S/Inputs/pool.model --level=whole_program %t2.bc | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct pool {
  size_t used;
  _Alignas(16) char buf[256];
} pool;

__attribute__((noinline)) pool *pool_new(void) { return calloc(1, sizeof(pool)); }
__attribute__((noinline)) void *pool_get(pool *p, size_t n) {
  void *r = p->buf + p->used;
  p->used += (n + 15) & ~(size_t)15;
  return r;
}
__attribute__((noinline)) void pool_end(pool *p) { free(p); }

static pool *shared;

__attribute__((noinline)) void fill(int own) {
  pool *p = pool_new();
  pool *q = own ? p : shared;
  int *x = pool_get(q, sizeof *x); // CHECK: pool_select_shared.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes {{.*}}
  *x = 42;
  pool_end(p);
}

int main(int argc, char **argv) {
  (void)argv;
  shared = pool_new();
  fill(argc > 5);
  printf("%d after fill returned\n", *(int *)shared->buf);
  return 0;
}
// EVIDENCE: 42 after fill returned
