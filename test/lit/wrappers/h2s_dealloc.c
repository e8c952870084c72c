// Heap-to-stack and deallocator wrappers: a block freed through zfree is
// freed inside it, where heap-to-stack cannot remove the free, so it stays
// on the heap with that reason; the block freed by free itself moves. The
// program prints the same before and after.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --h2s -o %t.h2s.bc %t.bc | FileCheck %s
// RUN: %clang %t.bc -o %t.before && %t.before > %t.out.before
// RUN: %clang %t.h2s.bc -o %t.after && %t.after > %t.out.after
// RUN: diff %t.out.before %t.out.after
// RUN: FileCheck %s --check-prefix=OUT --input-file=%t.out.after
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t used_memory;

__attribute__((noinline)) void zfree(void *p) {
  if (!p)
    return;
  used_memory -= malloc_usable_size(p);
  free(p);
}

__attribute__((noinline)) size_t work(const char *s) {
  char *a = malloc(16); // CHECK: h2s_dealloc.c:[[@LINE]]:13: a = malloc(16) stays on the heap: freed by wrapper zfree (line [[@LINE+6]])
  char *b = malloc(16); // CHECK: h2s_dealloc.c:[[@LINE]]:13: b = malloc(16) moved to the stack
  strcpy(a, s);
  strcpy(b, s);
  size_t n = strlen(a) + strlen(b);
  free(b);
  zfree(a);
  return n;
}

int main(void) {
  printf("%zu\n", work("on the heap"));
  return 0;
}
// OUT: 22
