// A `returns` model names argument 0 only: the argument it does not name
// is an unknown call's argument, and here intern's body keeps it in a
// global. ctx escapes at every level; s, which the model says is only
// returned, does not.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --model=%S/Inputs/returns.model --level=intraprocedural %t0.bc | FileCheck %s
// RUN: %escapade --model=%S/Inputs/returns.model --level=conservative %t0.bc | FileCheck %s
// RUN: %escapade --model=%S/Inputs/returns.model --level=whole_program %t0.bc | FileCheck %s
// RUN: %escapade --model=%S/Inputs/returns.model --level=intraprocedural %t2.bc | FileCheck %s
// RUN: %escapade --model=%S/Inputs/returns.model --level=conservative %t2.bc | FileCheck %s
// RUN: %escapade --model=%S/Inputs/returns.model --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *last_ctx;

__attribute__((noinline)) char *intern(char *s, char *ctx) {
  last_ctx = ctx;
  return s;
}

__attribute__((noinline)) size_t work(void) {
  char *s = malloc(16); // CHECK: model_returns_unnamed.c:[[@LINE]]:{{[0-9]+}}: s = malloc(16) does not escape
  char *ctx = malloc(16); // CHECK: model_returns_unnamed.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes {{.*}}
  strcpy(s, "s");
  strcpy(ctx, "ctx kept");
  char *r = intern(s, ctx);
  size_t n = strlen(r);
  free(s);
  return n;
}

int main(void) {
  work();
  printf("after return: %s\n", last_ctx);
  return 0;
}
// EVIDENCE: after return: ctx kept
