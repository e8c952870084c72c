// The program grows its arrays through an allocator hook (a function
// pointer that is realloc unless a checking allocator is installed). The
// pointer to item lives in the array; realloc moves it into the new block,
// which is kept in a global. Reached through the hook, realloc is treated as
// a fresh allocation that takes nothing from the old block.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *checked_realloc(void *p, size_t n) {
  void *q = realloc(p, n);
  if (!q)
    abort();
  return q;
}
static void *(*mem_realloc)(void *, size_t) = realloc;

struct vec { size_t n; char *items[2]; };
static struct vec *names;

__attribute__((noinline)) void add_first(const char *s) {
  struct vec *v = malloc(sizeof *v);
  char *item = malloc(16); // CHECK: hook_realloc_contents.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(item, s);
  v->items[0] = item;
  v->n = 1;
  v = mem_realloc(v, sizeof *v + 8 * sizeof(char *));
  names = v;
}

int main(int argc, char **argv) {
  (void)argv;
  if (argc > 5)
    mem_realloc = checked_realloc;
  add_first("hello");
  printf("kept: %s\n", names->items[0]);
  return 0;
}
// EVIDENCE: kept: hello
