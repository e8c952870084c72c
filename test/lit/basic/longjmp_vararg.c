// longjmp takes its buffer somewhere else entirely, and a pointer passed as
// a variadic argument to a function we cannot see may be kept: both escape.
// printf's variadic arguments are only read (the C library's contract).
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

extern void log_all(const char *fmt, ...);
static jmp_buf *where;

__attribute__((noinline)) void fail(void) { longjmp(*where, 1); }

int main(int argc, char **argv) {
  jmp_buf env; // CHECK: longjmp_vararg.c:[[@LINE]]:{{[0-9]+}}: &env escapes to heap: stored to global where at {{.*}} [conservative]
  char *a = malloc(8); // CHECK: longjmp_vararg.c:[[@LINE]]:13: {{.*}}malloc(8) escapes to heap: passed as variadic argument to log_all at {{.*}} [conservative]
  char *b = malloc(8); // CHECK: longjmp_vararg.c:[[@LINE]]:13: {{.*}}malloc(8) does not escape [conservative]
  a[0] = b[0] = 0;
  log_all("%s", a);
  printf("%s\n", b);
  free(b);
  where = &env;
  if (setjmp(env) == 0 && argc > 3)
    fail();
  return 0;
}
