// Wrappers of wrappers: a string constructor sdsnewlen(init, len) gets its
// block from the malloc wrapper, stores a header (the length), copies the
// bytes of init after it and returns a pointer into its fresh block. Each
// call is a site of its own; init's bytes are copied (level 1), init
// itself goes nowhere.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade -m --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %escapade --format=json %t0.bc | FileCheck %s --check-prefix=JSON
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade -m --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade --format=json %t2.bc | FileCheck %s --check-prefix=JSON
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t used_memory;

__attribute__((noinline)) void *zmalloc(size_t size) { // CHECK: nested.c:[[@LINE]]:{{[0-9]+}}: zmalloc is an allocator wrapper (size from size) [conservative, whole_program]
  void *p = malloc(size);
  if (!p)
    abort();
  used_memory += malloc_usable_size(p);
  return p;
}

struct sdshdr { size_t len; char buf[]; };

__attribute__((noinline)) char *sdsnewlen(const void *init, size_t len) { // CHECK: nested.c:[[@LINE]]:{{[0-9]+}}: leaking param: init to fresh result object level=1 [conservative, whole_program]
  struct sdshdr *sh = zmalloc(sizeof *sh + len + 1); // CHECK-NEXT: nested.c:[[@LINE-1]]:{{[0-9]+}}: sdsnewlen is an allocator wrapper [conservative, whole_program]
  sh->len = len;
  if (init)
    memcpy(sh->buf, init, len);
  sh->buf[len] = '\0';
  return sh->buf;
}

char *kept;

__attribute__((noinline)) size_t work(const char *s) {
  char *src = malloc(16); // CHECK: nested.c:[[@LINE]]:{{[0-9]+}}: src = malloc(16) does not escape [conservative, whole_program]
  strcpy(src, s);
  char *tmp = sdsnewlen(src, strlen(src)); // CHECK: nested.c:[[@LINE]]:{{[0-9]+}}: tmp = sdsnewlen(?) does not escape [conservative, whole_program]
                                           // JSON: "line":[[@LINE-1]],"column":{{[0-9]+}},"kind":"heap","allocator":"sdsnewlen",{{.*}}"found_by":"wrapper",{{.*}}"whole_program":{"escapes":false
  char *k = sdsnewlen(src, strlen(src)); // CHECK: nested.c:[[@LINE]]:{{[0-9]+}}: k = sdsnewlen(?) escapes to heap: stored to global kept at {{.*}} [conservative, whole_program]
                                         // JSON: "line":[[@LINE-1]],"column":{{[0-9]+}},"kind":"heap","allocator":"sdsnewlen",{{.*}}"found_by":"wrapper",{{.*}}"whole_program":{"escapes":true
  kept = k;
  size_t n = strlen(tmp);
  free(tmp - sizeof(struct sdshdr));
  free(src);
  return n;
}

int main(void) {
  size_t n = work("a string");
  printf("%zu %zu: %s\n", n, ((struct sdshdr *)(kept - sizeof(struct sdshdr)))->len, kept);
  return 0;
}
// EVIDENCE: 8 8: a string
