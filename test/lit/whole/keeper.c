// One harmless implementation and one that keeps the buffer: the buffer
// escapes under whole-program analysis too, and the reason names the keeper.
// Why sound: handler.fn may hold print_handler or keep_handler (both stored
// into that field); keep_handler stores its argument in a global.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

struct handler { void (*fn)(char *msg); };
char *last;
static void print_handler(char *msg) { puts(msg); }
static void keep_handler(char *msg) { last = msg; }

__attribute__((noinline)) void dispatch(struct handler *h, int v) {
  char *msg = malloc(32); // CHECK: keeper.c:[[@LINE]]:15: {{.*}}malloc(32) escapes to heap: passed to indirect call at {{.*}}; target keep_handler keeps param msg [whole_program]
  snprintf(msg, 32, "%d", v);
  h->fn(msg);
}

int main(int argc, char **argv) {
  struct handler a = {print_handler}, b = {keep_handler};
  dispatch(argc > 1 ? &a : &b, argc);
  return last != 0;
}
