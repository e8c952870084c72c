// Soundness: a block from the caller's pool is reachable after its frame
// returns, without any pointer to it leaving the frame: through the pool.
// So it escapes its frame although nothing of it flows out; the program
// prints the block's value after fill returned. The pool is the program's
// own (a model of a defined function overrides its body).
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --model=%S/Inputs/pool.model %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --model=%S/Inputs/pool.model %t2.bc | FileCheck %s
// RUN: %clang %t0.bc -o %t0 && %t0 | FileCheck --check-prefix=OUT %s
// OUT: 42 after fill returned
// escapade-count counts the pool site as a site of kind pool: one
// execution of 4 bytes, never freed in its frame.
// RUN: %opt -load-pass-plugin %plugin -passes=escapade-count -escapade-model=%S/Inputs/pool.model %t0.bc -o %t.counted.bc
// RUN: %clang %t.counted.bc %escapade_rt -o %t.counted
// RUN: rm -f %t.tsv && env ESCAPADE_COUNT_FILE=%t.tsv %t.counted
// RUN: FileCheck --check-prefix=COUNT --input-file=%t.tsv %s
// COUNT: {{^[0-9]+}}	{{.*}}pool_outlives.c:[[@LINE+20]]:{{[0-9]+}}	pool	direct	pool_get	escapes	escapes	escapes	1	4	0	0{{$}}
#include <stdio.h>
#include <stdlib.h>

typedef struct pool {
  size_t used;
  _Alignas(16) char buf[256];
} pool;

__attribute__((noinline)) pool *pool_new(void) {
  return calloc(1, sizeof(pool));
}
__attribute__((noinline)) void *pool_get(pool *p, size_t n) {
  void *r = p->buf + p->used;
  p->used += (n + 15) & ~(size_t)15;
  return r;
}
__attribute__((noinline)) void pool_end(pool *p) { free(p); }

__attribute__((noinline)) void fill(pool *p) {
  int *x = pool_get(p, sizeof *x); // CHECK: pool_outlives.c:[[@LINE]]:{{[0-9]+}}: pool block x = pool_get(4) escapes its frame: allocated by pool_get {{.*}} from the pool in its argument 0, {{.*}} [intraprocedural, conservative, whole_program]
  *x = 42;
}

int main(void) {
  pool *p = pool_new();
  fill(p);
  printf("%d after fill returned\n", *(int *)p->buf);
  pool_end(p);
  return 0;
}
