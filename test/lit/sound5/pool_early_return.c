// A block lives as long as its pool. parse() ends its pool on one path
// only: a comment line returns early, and the pool, kept on the live list,
// is read by the leak report after parse returned. A pool counts as the
// frame's own only when it is destroyed on every way out.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --model=%S/Inputs/pool_early_return.model %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --model=%S/Inputs/pool_early_return.model %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* a region allocator that keeps every live pool on a list (for a leak
 * report at exit) */
typedef struct pool {
  struct pool *next_live;
  size_t used;
  _Alignas(16) char buf[256];
} pool;
static pool *live_pools;

__attribute__((noinline)) pool *pool_new(void) {
  pool *p = calloc(1, sizeof(pool));
  p->next_live = live_pools;
  live_pools = p;
  return p;
}
__attribute__((noinline)) void *pool_get(pool *p, size_t n) {
  void *r = p->buf + p->used;
  p->used += (n + 15) & ~(size_t)15;
  return r;
}
__attribute__((noinline)) void pool_end(pool *p) {
  for (pool **q = &live_pools; *q; q = &(*q)->next_live)
    if (*q == p) { *q = p->next_live; break; }
  free(p);
}
__attribute__((noinline)) void pool_leak_report(void) {
  for (pool *p = live_pools; p; p = p->next_live)
    printf("leaked pool, first block: \"%s\"\n", p->buf);
}

/* copies s into a block of a pool of its own; an early return forgets to
 * end the pool */
__attribute__((noinline)) int parse(const char *s) {
  pool *pl = pool_new();
  char *tok = pool_get(pl, 32); // CHECK: pool_early_return.c:[[@LINE]]:{{[0-9]+}}: pool block tok = pool_get(32) escapes its frame: {{.*}}destroyed there on every way out {{.*}}[intraprocedural, conservative, whole_program]
  strncpy(tok, s, 31);
  tok[31] = 0;
  if (tok[0] == '#')
    return -1;          /* comment line: pool not ended */
  int n = (int)strlen(tok);
  pool_end(pl);
  return n;
}

int main(void) {
  printf("parse: %d\n", parse("hello"));
  printf("parse: %d\n", parse("# a comment kept in the pool"));
  pool_leak_report();
  return 0;
}
// EVIDENCE: leaked pool, first block: "# a comment kept in the pool"
