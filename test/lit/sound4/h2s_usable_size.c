// Heap-to-stack and usable-size queries: malloc_usable_size keeps nothing
// of its argument, but it reads the allocator's bookkeeping beside the
// block, which a stack block does not have (glibc returns garbage, ASan
// reports a pointer it does not own). A block whose size is asked, in its
// frame or in a callee, stays on the heap; the program prints the same
// before and after.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --h2s -o %t.h2s.bc %t.bc | FileCheck %s
// RUN: %clang %t.bc -o %t.before && %t.before > %t.out.before
// RUN: %clang %t.h2s.bc -o %t.after && %t.after > %t.out.after
// RUN: diff %t.out.before %t.out.after
// RUN: FileCheck %s --check-prefix=OUT --input-file=%t.out.after
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --h2s -o %t2.h2s.bc %t2.bc | FileCheck %s --check-prefix=O2
// RUN: %clang %t2.h2s.bc -o %t2.after && %t2.after | FileCheck %s --check-prefix=OUT
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t peak;

__attribute__((noinline)) static void account(void *p) {
  size_t n = malloc_usable_size(p);
  if (n > peak)
    peak = n;
}

__attribute__((noinline)) size_t work(const char *s) {
  char *a = malloc(24); // CHECK: h2s_usable_size.c:[[@LINE]]:13: a = malloc(24) stays on the heap: in account: its size is asked of the allocator (line 24)
                        // O2: h2s_usable_size.c:[[@LINE-1]]:13: a = malloc(24) stays on the heap: {{.*}}its size is asked of the allocator
  char *b = malloc(24); // CHECK: h2s_usable_size.c:[[@LINE]]:13: b = malloc(24) stays on the heap: its size is asked of the allocator (line [[@LINE+5]])
                        // O2: h2s_usable_size.c:[[@LINE-1]]:13: b = malloc(24) stays on the heap: {{.*}}its size is asked of the allocator
  strcpy(a, s);
  strcpy(b, s);
  account(a);
  size_t n = strlen(a) + (malloc_usable_size(b) >= 24);
  free(a);
  free(b);
  return n;
}

int main(void) {
  size_t n = work("usable");
  printf("%zu %d\n", n, peak >= 24);
  return 0;
}
// OUT: 7 1
