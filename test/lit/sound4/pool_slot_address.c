// The pool lives in a local whose address is handed out: remember keeps
// &p and snap copies the pool out of it. At -O0 the pool is loaded from
// that slot, at -O2 it is kept in memory: either way the pool-alloc's pool
// is used beyond pool-alloc and pool-destroy calls, so its block escapes
// its frame (the frame destroys another pool it made).
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

static pool **reg;
static pool *saved;
__attribute__((noinline)) void remember(pool **pp) { reg = pp; }
__attribute__((noinline)) void snap(void) { saved = *reg; }

__attribute__((noinline)) void fill(void) {
  pool *p = pool_new();
  remember(&p);
  snap();
  int *x = pool_get(p, sizeof *x); // CHECK: pool_slot_address.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes {{.*}}
  *x = 42;
  p = pool_new();
  pool_end(p);
}

int main(void) {
  fill();
  printf("%d after fill returned\n", *(int *)saved->buf);
  return 0;
}
// EVIDENCE: 42 after fill returned
