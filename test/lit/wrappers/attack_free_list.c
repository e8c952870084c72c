// Not a deallocator: xfree pushes the block onto a free list, from which
// xalloc hands it out again. The block outlives the frame that freed it
// (the next xalloc returns it to another caller), so it escapes where it
// was made, and xfree is no deallocator: it stores its argument.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade -m --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade -m --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct chunk { struct chunk *next; char rest[24]; };
static struct chunk *free_list;

__attribute__((noinline)) void xfree(void *p) { // CHECK: attack_free_list.c:[[@LINE]]:{{[0-9]+}}: leaking param: p [conservative, whole_program]
  struct chunk *c = p;
  c->next = free_list;
  free_list = c;
}
// CHECK-NOT: xfree is a deallocator

__attribute__((noinline)) void *xalloc(void) {
  if (free_list) {
    struct chunk *c = free_list;
    free_list = c->next;
    return c;
  }
  return malloc(sizeof(struct chunk));
}

__attribute__((noinline)) char *first(const char *s) {
  char *p = malloc(sizeof(struct chunk)); // CHECK: attack_free_list.c:[[@LINE]]:{{[0-9]+}}: p = malloc(32) escapes to heap: passed to xfree at {{.*}} [conservative, whole_program]
  strcpy(p + 8, s);
  xfree(p);
  return NULL;
}

int main(void) {
  first("recycled");
  char *q = xalloc();
  printf("handed out again: %s\n", q + 8);
  return 0;
}
// EVIDENCE: handed out again: recycled
