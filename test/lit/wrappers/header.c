// A header before the block: hmalloc allocates size + 16 bytes, writes the
// size into the first 16 and returns the address past them. The site is
// the whole allocation and the interior pointer its result; hfree steps
// back over the header, reads the size for its statistics and frees.
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

#define HEADER 16
static size_t bytes_in_use;

__attribute__((noinline)) void *hmalloc(size_t size) { // CHECK: header.c:[[@LINE]]:{{[0-9]+}}: hmalloc is an allocator wrapper [conservative, whole_program]
  char *b = malloc(size + HEADER); // CHECK: header.c:[[@LINE]]:{{[0-9]+}}: b = malloc(?) escapes to heap: returned from hmalloc [conservative, whole_program]
  if (!b)
    abort();
  *(size_t *)b = size;
  bytes_in_use += size;
  return b + HEADER;
}

__attribute__((noinline)) void hfree(void *p) { // CHECK: header.c:[[@LINE]]:{{[0-9]+}}: hfree is a deallocator (frees p) [conservative, whole_program]
  char *b = (char *)p - HEADER;
  bytes_in_use -= *(size_t *)b;
  free(b);
}

char *kept;

__attribute__((noinline)) size_t work(const char *s) {
  char *tmp = hmalloc(24); // CHECK: header.c:[[@LINE]]:{{[0-9]+}}: tmp = hmalloc(?) does not escape [conservative, whole_program]
                           // JSON: "line":[[@LINE-1]],"column":{{[0-9]+}},"kind":"heap","allocator":"hmalloc",{{.*}}"found_by":"wrapper",{{.*}}"whole_program":{"escapes":false
  char *k = hmalloc(24); // CHECK: header.c:[[@LINE]]:{{[0-9]+}}: k = hmalloc(?) escapes to heap: stored to global kept at {{.*}} [conservative, whole_program]
                         // JSON: "line":[[@LINE-1]],"column":{{[0-9]+}},"kind":"heap","allocator":"hmalloc",{{.*}}"found_by":"wrapper",{{.*}}"whole_program":{"escapes":true
  strcpy(tmp, s);
  strcpy(k, s);
  kept = k;
  size_t n = strlen(tmp);
  hfree(tmp);
  return n;
}

int main(void) {
  size_t n = work("behind its header");
  printf("%zu, %zu in use: %s (header says %zu)\n", n, bytes_in_use, kept,
         *(size_t *)(kept - HEADER));
  return 0;
}
// EVIDENCE: 17, 24 in use: behind its header (header says 24)
