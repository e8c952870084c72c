// ASan gives a function that calls setjmp no fake stack, so its locals are
// not caught after it returns: a stack site there is counted as not
// checkable rather than checked in silence.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --check --stats --force-local=setjmp_not_checkable.c:15 -o %t0.chk.bc %t0.bc 2>&1 | FileCheck %s
// CHECK: escapade: check: 0 sites instrumented, 1 not checkable [whole_program]
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
static jmp_buf env;
char *kept;
__attribute__((noinline)) int keep(const char *s) {
  if (setjmp(env))
    return 1;
  char buf[16];
  strcpy(buf, s);
  kept = buf;
  return 0;
}
int main(void) {
  keep("stack");
  return kept != NULL ? 0 : 1;
}
