// A generic slot mover (`*dst = *src` through void **) copies a handler
// out of a table of callbacks into a struct field. The chosen handler is
// keep(), which stores its argument in a global, so the buffer passed to
// h->fn in dispatch() escapes.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct handler { void (*fn)(char *); int flags; };
static void show(char *s) { puts(s); }
char *kept;
static void keep(char *s) { kept = s; }
static void *callbacks[2] = {(void *)show, (void *)keep};
struct handler h = {show, 0};

__attribute__((noinline)) void move_slot(void **dst, void *const *src) { *dst = *src; }

__attribute__((noinline)) void dispatch(struct handler *hp) {
  char *buf = malloc(16); // CHECK: fnslot_void_table.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
  strcpy(buf, "hello");
  hp->fn(buf);
}

int main(int argc, char **argv) {
  move_slot((void **)&h.fn, &callbacks[argc & 1]);
  dispatch(&h);
  printf("kept: %s\n", kept);
  return 0;
}
// EVIDENCE: kept: hello
