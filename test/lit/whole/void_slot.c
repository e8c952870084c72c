// A function pointer written through a generic `void **` setter lands in
// a struct field without any struct access: every call whose type fits
// considers it, so the keeper is found and the buffer escapes.
// Why sound: install() may write keep_it into any memory, including
// box.fn; keep_it stores its argument in a global.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>

struct box { void (*fn)(char *); };
static void print_it(char *s) { puts(s); }
char *kept;
static void keep_it(char *s) { kept = s; }
struct box quiet = {print_it};

__attribute__((noinline)) void install(void **slot, void *f) { *slot = f; }

__attribute__((noinline)) void use(struct box *b) {
  char buf[8] = "hi"; // CHECK: void_slot.c:[[@LINE]]:{{[0-9]+}}: &buf escapes to heap: passed to indirect call at {{.*}}; target keep_it keeps param s [whole_program]
  b->fn(buf);
}

int main(int argc, char **argv) {
  struct box b;
  install((void **)&b.fn, (void *)keep_it);
  use(argc > 1 ? &quiet : &b);
  return kept != 0;
}
