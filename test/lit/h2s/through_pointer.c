// An allocator reached through a pointer: when every target the whole
// program resolves is malloc (or every one calloc), the call only
// allocates and its block moves like a direct malloc's; a table that may
// also hold a counting allocator keeps its sites on the heap.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --h2s -o %t.h2s.bc %t.bc | FileCheck %s
// RUN: %clang %t.bc -o %t.before && %t.before > %t.out.before
// RUN: %clang %t.h2s.bc -o %t.after && %t.after > %t.out.after
// RUN: diff %t.out.before %t.out.after
// RUN: FileCheck %s --check-prefix=OUT --input-file=%t.out.after
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct allocator {
  void *(*alloc)(size_t);
};
static const struct allocator plain = {malloc};

static long counted;
static void *counting(size_t n) {
  counted++;
  return malloc(n);
}
static struct allocator mixed[2] = {{malloc}, {counting}};

__attribute__((noinline)) int sum(const struct allocator *a, int n) {
  int *v = a->alloc(8 * sizeof *v); // CHECK: through_pointer.c:[[@LINE]]:12: v = {{.*}}(32) moved to the stack [whole_program]
  for (int i = 0; i < 8; i++)
    v[i] = i * n;
  int s = 0;
  for (int i = 0; i < 8; i++)
    s += v[i];
  free(v);
  return s;
}

__attribute__((noinline)) int sum2(int k) {
  char *b = mixed[k & 1].alloc(16); // CHECK: through_pointer.c:[[@LINE]]:13: b = {{.*}} stays on the heap: allocated through a function pointer whose targets are not all malloc, or all calloc
  memset(b, k, 16);
  int r = b[3];
  free(b);
  return r;
}

int main(int argc, char **argv) {
  printf("%d %d %ld\n", sum(&plain, argc), sum2(argc), counted);
  return 0;
}
// OUT: 28 1 1
