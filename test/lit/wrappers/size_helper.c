// A size helper marked alloc_size is no allocator: extend_to_usable(p, n)
// tells the compiler the block has n usable bytes and returns p itself.
// allocsize on a declaration promises a size, not a fresh block (only a
// noalias result, GCC's malloc attribute, or allockind does), so its call
// is not a site, and p, which its result is, escapes when the result is
// kept. zmalloc_usable, which returns the helper's result, is still a
// wrapper of malloc: the helper is defined in the LIB half, built as a
// separate object (and, for the second run, linked as bitcode too).
// RUN: %clang -O2 -g -DLIB -c %s -o %t.lib.o
// RUN: %clang -O0 -g %s %t.lib.o -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s %t.lib.o -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade -m --level=conservative,whole_program %t0.bc | FileCheck %s --check-prefixes=CHECK,DECL
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade -m --level=conservative,whole_program %t2.bc | FileCheck %s --check-prefixes=CHECK,DECL
// RUN: %clang -O0 -g -DLIB -c -emit-llvm %s -o %t0.lib.bc
// RUN: %escapade -m --level=conservative,whole_program %t0.bc %t0.lib.bc | FileCheck %s --check-prefixes=CHECK,LINKED
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *extend_to_usable(void *ptr, size_t size) __attribute__((alloc_size(2)));

#ifdef LIB
void *extend_to_usable(void *ptr, size_t size) {
  (void)size;
  return ptr;
}
#else
// CHECK-NOT: extend_to_usable({{.*}}does not escape
char *kept;

__attribute__((noinline)) void *zmalloc_usable(size_t size, size_t *usable) {
  void *p = malloc(size);
  if (!p)
    abort();
  *usable = malloc_usable_size(p);
  return extend_to_usable(p, *usable);
}
// LINKED: zmalloc_usable is an allocator wrapper

__attribute__((noinline)) int keep(const char *s) {
  char *p = malloc(16); // DECL: size_helper.c:[[@LINE]]:{{[0-9]+}}: p = malloc(16) escapes to heap: passed to extend_to_usable at {{.*}}, which may keep it [conservative, whole_program]
                        // LINKED: size_helper.c:[[@LINE-1]]:{{[0-9]+}}: p = malloc(16) escapes to heap: stored to global kept at {{.*}} [conservative, whole_program]
  strcpy(p, s);
  kept = extend_to_usable(p, 16);
  return kept == p;
}

int main(void) {
  int same = keep("the same block");
  size_t usable;
  char *q = zmalloc_usable(8, &usable); // LINKED: size_helper.c:[[@LINE]]:{{[0-9]+}}: q = zmalloc_usable(8) does not escape [conservative, whole_program]
  q[0] = 0;
  printf("%d %d: %s\n", same, usable >= 8, kept);
  free(q);
  return 0;
}
#endif
// EVIDENCE: 1 1: the same block
