// Handlers passed by value: the caller builds a local table of quiet
// handlers and patches entry k (a run-time index, 1 here) with keep before
// the call, so h.fn[1] in run() is keep and buf is kept.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s --check-prefix=CONS
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s --check-prefix=CONS
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct handlers { void (*fn[2])(char *); };
static char *kept;
static void quiet(char *s) { (void)s; }
static void keep(char *s) { kept = s; }

__attribute__((noinline)) void run(struct handlers h, char *buf) {
  h.fn[1](buf);
}

__attribute__((noinline)) void work(int k, const char *s) {
  char *buf = malloc(16); // CHECK: class7_ctx_varidx.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                          // CONS: class7_ctx_varidx.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  strcpy(buf, s);
  struct handlers h = {{quiet, quiet}};
  h.fn[k] = keep;
  run(h, buf);
}

int main(int argc, char **argv) {
  (void)argv;
  work(argc, "hello");
  printf("kept: %s\n", kept);
  return 0;
}
// EVIDENCE: kept: hello
