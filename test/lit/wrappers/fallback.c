// Try, then fall back: tmalloc returns malloc's block or, when malloc
// fails, one from a fallback allocator (itself a wrapper of calloc). The
// result is one fresh block either way: tmalloc is a wrapper whose two
// allocations stand for one block per call.
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

__attribute__((noinline)) static void *fallback(size_t size) {
  return calloc(1, size);
}

__attribute__((noinline)) void *tmalloc(size_t size) { // CHECK: fallback.c:[[@LINE]]:{{[0-9]+}}: tmalloc is an allocator wrapper [conservative, whole_program]
  void *p = malloc(size);
  if (!p)
    p = fallback(size);
  if (!p)
    abort();
  return p;
}

char *kept;

__attribute__((noinline)) size_t work(const char *s) {
  char *tmp = tmalloc(32); // CHECK: fallback.c:[[@LINE]]:{{[0-9]+}}: tmp = tmalloc(?) does not escape [conservative, whole_program]
                           // JSON: "line":[[@LINE-1]],"column":{{[0-9]+}},"kind":"heap","allocator":"tmalloc",{{.*}}"found_by":"wrapper",{{.*}}"whole_program":{"escapes":false
  char *k = tmalloc(32); // CHECK: fallback.c:[[@LINE]]:{{[0-9]+}}: k = tmalloc(?) escapes to heap: stored to global kept at {{.*}} [conservative, whole_program]
                         // JSON: "line":[[@LINE-1]],"column":{{[0-9]+}},"kind":"heap","allocator":"tmalloc",{{.*}}"found_by":"wrapper",{{.*}}"whole_program":{"escapes":true
  strcpy(tmp, s);
  strcpy(k, s);
  kept = k;
  size_t n = strlen(tmp);
  free(tmp);
  return n;
}

int main(void) {
  size_t n = work("either block");
  printf("%zu: %s\n", n, kept);
  return 0;
}
// EVIDENCE: 12: either block
