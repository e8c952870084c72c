// A realloc-style wrapper: xrealloc(p, n) moves p's contents into the
// block it returns. A pointer stored in the old block escapes when the new
// one does; the old block itself is given up to realloc.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade -m --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %escapade --format=json %t0.bc | FileCheck %s --check-prefix=JSON
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade -m --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade --format=json %t2.bc | FileCheck %s --check-prefix=JSON
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static void oom(size_t size) {
  fprintf(stderr, "out of memory: %zu bytes\n", size);
  abort();
}

__attribute__((noinline)) void *xrealloc(void *p, size_t size) { // CHECK: realloc.c:[[@LINE]]:{{[0-9]+}}: leaking param: p to fresh result object level=1 [conservative, whole_program]
  void *q = realloc(p, size); // CHECK-NEXT: realloc.c:[[@LINE-1]]:{{[0-9]+}}: xrealloc is an allocator wrapper (size from size) [conservative, whole_program]
  if (!q && size)
    oom(size);
  return q;
}

struct vec { size_t n; char *items[]; };
struct vec *all;

__attribute__((noinline)) size_t grow(const char *s) {
  char *item = malloc(16); // CHECK: realloc.c:[[@LINE]]:{{[0-9]+}}: item = malloc(16) escapes to heap: {{.*}} [conservative, whole_program]
  char *local = malloc(16); // CHECK: realloc.c:[[@LINE]]:{{[0-9]+}}: local = malloc(16) does not escape [conservative, whole_program]
  strcpy(item, s);
  strcpy(local, s);
  struct vec *v = xrealloc(NULL, sizeof *v + sizeof(char *)); // CHECK: realloc.c:[[@LINE]]:{{[0-9]+}}: v = xrealloc(16) does not escape [conservative, whole_program]
                                                               // JSON: "line":[[@LINE-1]],"column":{{[0-9]+}},"kind":"heap","allocator":"xrealloc","bytes":16,"name":"v","found_by":"wrapper",{{.*}}"whole_program":{"escapes":false
  v->n = 1;
  v->items[0] = item;
  struct vec *w = xrealloc(v, sizeof *w + 4 * sizeof(char *)); // CHECK: realloc.c:[[@LINE]]:{{[0-9]+}}: w = xrealloc(40) escapes to heap: stored to global all at {{.*}} [conservative, whole_program]
                                                                // JSON: "line":[[@LINE-1]],"column":{{[0-9]+}},"kind":"heap","allocator":"xrealloc","bytes":40,"name":"w","found_by":"wrapper",{{.*}}"whole_program":{"escapes":true
  all = w;
  char *t = xrealloc(local, 32); // CHECK: realloc.c:[[@LINE]]:{{[0-9]+}}: t = xrealloc(32) does not escape [conservative, whole_program]
  size_t n = strlen(t);
  free(t);
  return n;
}

int main(void) {
  size_t n = grow("moved along");
  printf("%zu %zu: %s\n", n, all->n, all->items[0]);
  return 0;
}
// EVIDENCE: 11 1: moved along
