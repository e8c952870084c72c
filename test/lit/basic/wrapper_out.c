// Allocator wrappers that hand their allocation out through a parameter
// (like sqlite3's mallocWithAlarm(n, &p)) are wrappers too: each call of
// mymalloc, which wraps one, is a site of its own.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s --check-prefix=O2
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static int alloc_into(size_t n, void **pp) { // CHECK: wrapper_out.c:[[@LINE]]:{{[0-9]+}}: alloc_into is an allocator wrapper (through *pp) (size from n) [conservative]
  void *p = malloc(n);
  *pp = p;
  return p != 0;
}

__attribute__((noinline)) void *mymalloc(size_t n) { // CHECK: wrapper_out.c:[[@LINE]]:{{[0-9]+}}: mymalloc is an allocator wrapper (size from n) [conservative]
  void *p = 0;
  alloc_into(n, &p);
  return p;
}

char *g;

int main(void) {
  char *a = mymalloc(10); // CHECK: wrapper_out.c:[[@LINE]]:13: {{.*}}mymalloc(10) does not escape [conservative]
                          // O2: wrapper_out.c:[[@LINE-1]]:13: {{.*}}mymalloc(10) does not escape [conservative]
  char *b = mymalloc(20); // CHECK: wrapper_out.c:[[@LINE]]:13: {{.*}}mymalloc(20) escapes to heap: stored to global g at {{.*}} [conservative]
                          // O2: wrapper_out.c:[[@LINE-1]]:13: {{.*}}mymalloc(20) escapes to heap: stored to global g at {{.*}} [conservative]
  g = b;
  a[0] = 0;
  printf("%s", a);
  free(a);
  return 0;
}
