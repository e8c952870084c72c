// A production allocator's bookkeeping: zmalloc asks malloc_usable_size
// for the block's size and adds it to a counter atomically and to a
// statistics counter; zfree does the same before freeing. Neither keeps
// the block, so zmalloc is a wrapper (its calls are sites judged in their
// callers) and zfree a deallocator. The block kept in a global escapes,
// and the program shows it is still there after its frame returned.
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
static unsigned long allocations;

__attribute__((noinline)) void *zmalloc(size_t size) { // CHECK: bookkeeping.c:[[@LINE]]:{{[0-9]+}}: zmalloc is an allocator wrapper (size from size) [conservative, whole_program]
  void *p = malloc(size); // CHECK: bookkeeping.c:[[@LINE]]:{{[0-9]+}}: p = malloc(?) escapes to heap: returned from zmalloc [conservative, whole_program]
  if (!p)
    abort();
  __atomic_fetch_add(&used_memory, malloc_usable_size(p), __ATOMIC_RELAXED);
  allocations++;
  return p;
}

__attribute__((noinline)) void zfree(void *p) { // CHECK: bookkeeping.c:[[@LINE]]:{{[0-9]+}}: zfree is a deallocator (frees p) [conservative, whole_program]
  if (!p)
    return;
  __atomic_fetch_sub(&used_memory, malloc_usable_size(p), __ATOMIC_RELAXED);
  allocations--;
  free(p);
}

char *kept;

__attribute__((noinline)) size_t work(const char *s) {
  char *tmp = zmalloc(32); // CHECK: bookkeeping.c:[[@LINE]]:{{[0-9]+}}: tmp = zmalloc(32) does not escape [conservative, whole_program]
                           // JSON: "line":[[@LINE-1]],"column":{{[0-9]+}},"kind":"heap","allocator":"zmalloc","bytes":32,"name":"tmp","found_by":"wrapper",{{.*}}"whole_program":{"escapes":false
  char *k = zmalloc(32); // CHECK: bookkeeping.c:[[@LINE]]:{{[0-9]+}}: k = zmalloc(32) escapes to heap: stored to global kept at {{.*}} [conservative, whole_program]
                         // JSON: "line":[[@LINE-1]],"column":{{[0-9]+}},"kind":"heap","allocator":"zmalloc","bytes":32,"name":"k","found_by":"wrapper",{{.*}}"whole_program":{"escapes":true
  strcpy(tmp, s);
  strcpy(k, s);
  kept = k;
  size_t n = strlen(tmp);
  zfree(tmp);
  return n;
}

int main(void) {
  size_t n = work("still here");
  printf("%zu in use, %lu block: %s\n", n, allocations, kept);
  return 0;
}
// EVIDENCE: 10 in use, 1 block: still here
