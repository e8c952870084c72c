// The callee copies the caller's constant ops into a local table, then
// overrides entry k (a run-time index, 0 here) with keep before calling
// local[0]: the caller's table says quiet, the call reaches keep.
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

struct ops { void (*fn[2])(char *); };
static char *kept;
static void quiet(char *s) { (void)s; }
static void keep(char *s) { kept = s; }
static const struct ops default_ops = {{quiet, quiet}};

__attribute__((noinline)) void dispatch(const struct ops *o, char *buf, int k) {
  void (*local[2])(char *);
  local[0] = o->fn[0];
  local[1] = o->fn[1];
  local[k] = keep;
  local[0](buf);
}

__attribute__((noinline)) void work(const char *s, int k) {
  char *buf = malloc(16); // CHECK: class7_ctx_callee_patch.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                          // CONS: class7_ctx_callee_patch.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  strcpy(buf, s);
  dispatch(&default_ops, buf, k);
}

int main(int argc, char **argv) {
  (void)argv;
  work("hello", argc - 1);
  printf("kept: %s\n", kept);
  return 0;
}
// EVIDENCE: kept: hello
