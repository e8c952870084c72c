// A checked realloc from a library outside the program's bitcode, declared
// the way libiberty declares xrealloc: alloc_size(2). alloc_size alone
// promises a size, not a fresh block, so the declaration is an unknown
// function: the old block and its contents (the pointer to item) escape
// with the block kept in a global.
// The LIB half of this file is that library, built as an ordinary object.
// RUN: %clang -O2 -g -DLIB -c %s -o %t.lib.o
// RUN: %clang -O0 -g %s %t.lib.o -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s %t.lib.o -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *xrealloc(void *p, size_t n) __attribute__((alloc_size(2), returns_nonnull));

#ifdef LIB
void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n);
  if (!q)
    abort();
  return q;
}
#else
struct list { size_t n; char *items[]; };
static struct list *all;

__attribute__((noinline)) void add(const char *s) {
  char *item = malloc(16); // CHECK: lib_realloc_alloc_size.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(item, s);
  struct list *l = malloc(sizeof *l + sizeof(char *));
  l->n = 1;
  l->items[0] = item;
  all = xrealloc(l, sizeof *l + 4 * sizeof(char *));
}

int main(void) {
  add("hello");
  printf("kept: %s\n", all->items[0]);
  return 0;
}
#endif
// EVIDENCE: kept: hello
