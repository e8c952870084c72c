// Allocator wrappers: xmalloc returns a fresh allocation and keeps nothing,
// so each of its calls is a site judged in its caller: one stays local,
// one is stored in a global. --alloc-fn names a project allocator.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative --alloc-fn=pool_get %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative --alloc-fn=pool_get %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

extern void *pool_get(size_t);
char *saved;

__attribute__((noinline)) void *xmalloc(size_t n) { // CHECK: wrapper.c:[[@LINE]]:{{[0-9]+}}: xmalloc is an allocator wrapper (size from n) [conservative]
  void *p = malloc(n); // CHECK: wrapper.c:[[@LINE]]:13: {{.*}}malloc(?) escapes to heap: returned from xmalloc [conservative]
  if (!p)
    abort();
  return p;
}

int main(void) {
  char *tmp = xmalloc(16); // CHECK: wrapper.c:[[@LINE]]:15: {{.*}}xmalloc(16) does not escape [conservative]
  char *kept = xmalloc(32); // CHECK: wrapper.c:[[@LINE]]:16: {{.*}}xmalloc(32) escapes to heap: stored to global saved at {{.*}} [conservative]
  char *pooled = pool_get(8); // CHECK: wrapper.c:[[@LINE]]:18: {{.*}}pool_get(?) does not escape [conservative]
  snprintf(tmp, 16, "x");
  snprintf(pooled, 8, "y");
  saved = kept;
  printf("%s%s\n", tmp, pooled);
  free(tmp);
  return 0;
}
