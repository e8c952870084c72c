// Old Linux-style timer API: the callback takes its context as an unsigned
// long `data` (the pointer converted to an integer). The expired timer's
// callback remember() turns data back into a pointer and keeps it, so the
// context allocated in arm() outlives it.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct timer { void (*function)(unsigned long); unsigned long data; };
static void tick(unsigned long data) { (void)data; }
char *last_ctx;
static void remember(unsigned long data) { last_ctx = (char *)data; }
static void (*const kinds[2])(unsigned long) = {tick, remember};

__attribute__((noinline)) void expire(struct timer *t) { t->function(t->data); }

__attribute__((noinline)) void arm(int kind) {
  struct timer t;
  char *ctx = malloc(16); // CHECK: intbits_timer_data.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
  strcpy(ctx, "hello");
  t.function = kinds[kind];
  t.data = (unsigned long)ctx;
  expire(&t);
}

int main(int argc, char **argv) {
  arm(argc & 1);
  printf("kept: %s\n", last_ctx);
  return 0;
}
// EVIDENCE: kept: hello
