// A block freed through a function pointer (resolved to free) is freed in
// its frame: the runtime hears of it before the call, so an address
// handed out again after it is not taken for the retired block. Without
// ASan's quarantine the next malloc returns that very address.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --check -o %t0.chk.bc %t0.bc
// RUN: %clang -fsanitize=address -g %t0.chk.bc %escapade_rt -o %t0.chk
// RUN: env ASAN_OPTIONS=quarantine_size_mb=0 %t0.chk 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --check -o %t2.chk.bc %t2.bc
// RUN: %clang -fsanitize=address -g %t2.chk.bc %escapade_rt -o %t2.chk
// RUN: env ASAN_OPTIONS=quarantine_size_mb=0 %t2.chk 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
struct ops { void (*release)(void *); };
static const struct ops heap_ops = {free};
char *g;
__attribute__((noinline)) void reuse(const struct ops *o) {
  char *p = malloc(32);
  p[0] = 1;
  o->release(p);
  g = malloc(32); /* very likely p's address again */
  g[0] = 'x';
}
int main(void) {
  reuse(&heap_ops);
  printf("read %c\n", g[0]);
  free(g);
  return 0;
}
// CHECK-NOT: escapade: check
// CHECK: read x
// CHECK-NOT: escapade: check
