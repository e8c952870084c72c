// A struct field that is an array of function pointers: an element written
// at a constant index and read at a variable one is the same field, so the
// keeper stored in fns[1] is among the targets of fns[i](buf).
// Why sound: all elements of fns share one key; keep_it (stored at index 1)
// stores its argument in a global.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

struct table { int n; void (*fns[4])(char *); };
static void say(char *s) { puts(s); }
char *kept;
static void keep_it(char *s) { kept = s; }

__attribute__((noinline)) struct table *make(void) {
  struct table *t = calloc(1, sizeof *t);
  t->fns[0] = say;
  t->fns[1] = keep_it;
  return t;
}

__attribute__((noinline)) void run(struct table *t, int i) {
  char buf[8] = "hi"; // CHECK: array_field.c:[[@LINE]]:{{[0-9]+}}: &buf escapes to heap: passed to indirect call at {{.*}}; target keep_it keeps param s [whole_program]
  t->fns[i & 3](buf);
}

int main(int argc, char **argv) {
  run(make(), argc);
  return kept != 0;
}
