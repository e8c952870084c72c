// setjmp/longjmp error recovery: parse() builds an error message and
// longjmps to the try point of its caller, through a context passed as a
// parameter and through the current context kept in a global. The message
// is printed after parse's frame is gone.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct try_ctx { jmp_buf jb; char *msg; };
static struct try_ctx *current;

__attribute__((noinline)) void parse(struct try_ctx *t, const char *in) {
  char *msg = malloc(32); // CHECK: longjmp_error_msg.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  snprintf(msg, 32, "bad: %s", in);
  t->msg = msg;
  longjmp(t->jb, 1);
}

__attribute__((noinline)) void check(const char *in) {
  char *msg = malloc(32); // CHECK: longjmp_error_msg.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  snprintf(msg, 32, "worse: %s", in);
  current->msg = msg;
  longjmp(current->jb, 2);
}

int main(void) {
  static struct try_ctx t;
  current = &t;
  int r = setjmp(t.jb);
  if (r == 0)
    parse(&t, "x");
  else if (r == 1) {
    printf("kept: %s\n", t.msg);
    check("y");
  } else
    printf("kept: %s\n", current->msg);
  return 0;
}
// EVIDENCE: kept: bad: x
// EVIDENCE: kept: worse: y
