// posix_memalign leaves *memptr alone when it fails: the block noted for
// the site is the one a call returning 0 stored, not whatever p held (here
// main's live table, which must not be retired with scratch's frame).
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --check -o %t0.chk.bc %t0.bc
// RUN: %clang -fsanitize=address -g %t0.chk.bc %escapade_rt -o %t0.chk
// RUN: env ASAN_OPTIONS=allocator_may_return_null=1 %t0.chk 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --check -o %t2.chk.bc %t2.bc
// RUN: %clang -fsanitize=address -g %t2.chk.bc %escapade_rt -o %t2.chk
// RUN: env ASAN_OPTIONS=allocator_may_return_null=1 %t2.chk 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
char *table;
__attribute__((noinline)) int scratch(size_t size) {
  void *p = table;
  int rc = posix_memalign(&p, 64, size);
  if (rc != 0)
    return p == table;
  memset(p, 0, size);
  free(p);
  return 2;
}
int main(void) {
  table = malloc(32);
  strcpy(table, "still mine");
  int a = scratch(32);
  int b = scratch((size_t)1 << 62); /* too large: fails */
  printf("%d %d %s\n", a, b, table);
  free(table);
  return 0;
}
// CHECK-NOT: escapade: check
// CHECK: 2 1 still mine
// CHECK-NOT: escapade: check
