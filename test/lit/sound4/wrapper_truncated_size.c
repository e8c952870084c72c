// A wrapper that truncates its size argument (malloc((unsigned)n)) makes
// blocks of n's low 32 bits, not of n bytes: the wrapper's size does not
// come from n, and its call with 0x100000010 is not a site of 4294967312
// bytes (the block has 16; the program reads malloc_usable_size back).
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade -m --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %escapade --format=json %t0.bc | FileCheck %s --check-prefix=JSON
// CHECK: wrapper_truncated_size.c:[[@LINE+6]]:{{[0-9]+}}: w32 is an allocator wrapper [conservative, whole_program]
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) void *w32(unsigned long n) {
  void *p = malloc((unsigned)n);
  if (!p)
    abort();
  return p;
}

__attribute__((noinline)) size_t work(void) {
  char *a = w32(0x100000010UL); // CHECK: wrapper_truncated_size.c:[[@LINE]]:{{[0-9]+}}: a = w32(?) does not escape [conservative, whole_program]
                                // JSON: "line":[[@LINE-1]],"column":{{[0-9]+}},"kind":"heap","allocator":"w32","bytes":null
  strcpy(a, "trunc");
  size_t n = malloc_usable_size(a) < 4096;
  free(a);
  return n;
}

int main(void) {
  printf("small block: %zu\n", work());
  return 0;
}
// EVIDENCE: small block: 1
