// Not a wrapper: a debugging allocator that keeps every block it hands out
// in a global list (to report leaks at exit). Its callers' blocks are
// reachable from the list after their frames return, so the malloc in it
// escapes and its calls are no sites of their own.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade -m --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade -m --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tracked { struct tracked *next; char data[]; };
static struct tracked *live;

// CHECK-NOT: dmalloc is an allocator wrapper
__attribute__((noinline)) void *dmalloc(size_t size) {
  struct tracked *t = malloc(sizeof *t + size); // CHECK: attack_keep_list.c:[[@LINE]]:{{[0-9]+}}: t = malloc(?) escapes to heap: stored to global live at {{.*}} [conservative, whole_program]
  if (!t)
    abort();
  t->next = live;
  live = t;
  return t->data;
}
// CHECK-NOT: dmalloc({{.*}}does not escape

__attribute__((noinline)) size_t work(const char *s) {
  char *tmp = dmalloc(16);
  strcpy(tmp, s);
  return strlen(tmp);
}

int main(void) {
  size_t n = work("on the list");
  printf("%zu, still listed: %s\n", n, live->data);
  return 0;
}
// EVIDENCE: 11, still listed: on the list
