// The run-time check with a model: a modelled allocator's block that does
// not escape is checked, and a modelled free of it in its frame is seen
// as a free (no report); a pool site is not checked (its pool frees it
// unseen); a modelled allocator's block forced local while it outlives
// its frame is reported.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --check --stats --model=%S/Inputs/check.model -o %t.chk.bc %t.bc 2> %t.stats
// RUN: FileCheck --check-prefix=STATS --input-file=%t.stats %s
// STATS: escapade: check: 1 sites instrumented, 1 not checkable [whole_program]
// RUN: %clang -fsanitize=address -g %t.chk.bc %escapade_rt -o %t.chk
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1 %t.chk 2>&1 | FileCheck --check-prefix=CLEAN %s
// CLEAN-NOT: escapade: check
// CLEAN: sum 7
// RUN: %escapade --check --model=%S/Inputs/check.model --force-local=check.c:49 -o %t.forced.bc %t.bc
// RUN: %clang -fsanitize=address -g %t.forced.bc %escapade_rt -o %t.forced
// RUN: not %t.forced 2>&1 | FileCheck --check-prefix=FORCED %s
// FORCED: escapade: check: object of {{.*}}check.c:49:{{[0-9]+}}: xmalloc(4) [whole_program, --force-local] used after its frame returned
#include <stdio.h>
#include <stdlib.h>

/* the program's own allocator and pool: the model overrides the bodies */
__attribute__((noinline)) void *xmalloc(size_t n) { return malloc(n); }
__attribute__((noinline)) void xfree(void *p) { free(p); }
typedef struct pool { void *blocks[8]; int n; } pool;
__attribute__((noinline)) pool *pool_new(void) { return calloc(1, sizeof(pool)); }
__attribute__((noinline)) void *pool_get(pool *p, size_t n) {
  return p->blocks[p->n++] = malloc(n);
}
__attribute__((noinline)) void pool_end(pool *p) {
  for (int i = 0; i < p->n; i++)
    free(p->blocks[i]);
  free(p);
}

__attribute__((noinline)) int local(void) {
  int *p = xmalloc(sizeof *p);
  *p = 3;
  int r = *p;
  xfree(p);
  pool *q = pool_new();
  int *b = pool_get(q, sizeof *b);
  *b = 4;
  r += *b;
  pool_end(q);
  return r;
}

int *kept;
__attribute__((noinline)) void keep(void) { kept = xmalloc(sizeof *kept); }

int main(void) {
  keep();
  *kept = 0;
  printf("sum %d\n", local() + *kept);
  return 0;
}
