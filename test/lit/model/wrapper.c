// A function of the program that calls a modelled allocator is an
// allocator wrapper like one that calls malloc: its size comes from the
// model's size argument, and its call sites are sites of their own.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade -m --model=%S/Inputs/wrapper.model %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -fno-inline -c -emit-llvm %s -o %t2.bc
// RUN: %escapade -m --model=%S/Inputs/wrapper.model %t2.bc | FileCheck %s
#include <stddef.h>
#include <string.h>

void *arena_get(size_t n);
void arena_put(void *p);

void *my_alloc(size_t n) { // CHECK: wrapper.c:[[@LINE]]:{{[0-9]+}}: my_alloc is an allocator wrapper (size from n) [conservative, whole_program]
  void *p = arena_get(n);
  if (!p)
    return 0;
  memset(p, 0, n);
  return p;
}

int use(void) {
  char *b = my_alloc(48); // CHECK: wrapper.c:[[@LINE]]:{{[0-9]+}}: b = my_alloc(48) does not escape [conservative, whole_program]
  b[0] = 1;
  int r = b[0];
  arena_put(b);
  return r;
}
