// Functions with bodies that carry alloc_size/malloc but hand out no fresh
// memory: pool_alloc links each block into a global list, arena_alloc
// returns a global buffer, reuse returns its argument. Their call sites
// must not be judged as fresh allocations that stay local.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s --check-prefix=CONS
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s --check-prefix=CONS
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct blk { struct blk *next; char data[]; };
struct blk *all_blocks;
static char pool_buf[64];
char *keep;

__attribute__((alloc_size(1), noinline)) void *pool_alloc(size_t n) {
  struct blk *b = malloc(sizeof *b + n); // CHECK: class6_alloc_attrs.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                                         // CONS: class6_alloc_attrs.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  b->next = all_blocks;
  all_blocks = b;
  return b->data;
}
__attribute__((alloc_size(1), noinline)) void *arena_alloc(size_t n) {
  (void)n;
  return pool_buf;
}
__attribute__((malloc, alloc_size(2), noinline)) void *reuse(void *old, size_t n) {
  (void)n;
  return old;
}
// CHECK-NOT: {{(pool_alloc|arena_alloc|reuse)}}({{.*}}does not escape
// CONS-NOT: {{(pool_alloc|arena_alloc|reuse)}}({{.*}}does not escape
__attribute__((noinline)) void make(const char *s) {
  char *p = pool_alloc(16);
  strcpy(p, s);
  char *a = arena_alloc(16);
  strcpy(a, s);
  char *m = malloc(16); // CHECK: class6_alloc_attrs.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                        // CONS: class6_alloc_attrs.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  char *q = reuse(m, 16);
  strcpy(q, "again");
  keep = q;
}
// CHECK-NOT: {{(pool_alloc|arena_alloc|reuse)}}({{.*}}does not escape
// CONS-NOT: {{(pool_alloc|arena_alloc|reuse)}}({{.*}}does not escape

int main(void) {
  make("hello");
  printf("kept: %s %s %s\n", all_blocks->data, pool_buf, keep);
  return 0;
}
// EVIDENCE: kept: hello hello again
