// A struct passed by value is the callee's own copy: dispatch() may change
// its handler table before calling through it. Neither the per-caller
// resolution (the caller's constant default_ops) nor points-to (which
// used to take the parameter for the caller's memory, a constant that is
// never written) may read the caller's table for what the copy holds.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade %t2.bc | not grep "malloc.*does not escape"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef void (*handler_fn)(char *);
struct ops { handler_fn fn[3]; }; /* 24 bytes: passed byval */
static char *kept;
static void quiet(char *s) { (void)s; }
static void keep(char *s) { kept = s; }
static const struct ops default_ops = {{quiet, quiet, quiet}};

__attribute__((noinline)) void dispatch(struct ops o, char *buf, int k) {
  o.fn[k] = keep;
  o.fn[0](buf);
}
__attribute__((noinline)) void work(const char *s, int k) {
  char *buf = malloc(16); // CHECK: context_byval_patched.c:[[@LINE]]:{{[0-9]+}}: buf = malloc(16) escapes to heap: {{.*}}whole_program]
  strcpy(buf, s);
  dispatch(default_ops, buf, k);
}
int main(int argc, char **argv) {
  (void)argv;
  work("byval", argc - 1);
  printf("kept after work returned: %s\n", kept ? kept : "(none)");
  return 0;
}
// EVIDENCE: kept after work returned: byval
