// target_clones makes keep an ifunc choosing among its clones: a pointer
// to keep is a pointer to one of keep.avx2.0 and keep.default.1.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef void (*handler_fn)(char *);
static char *kept;
static void quiet(char *s) { (void)s; }
__attribute__((target_clones("avx2", "default"))) void keep(char *s) {
  kept = s;
}
static handler_fn current = quiet;
__attribute__((noinline)) void set(handler_fn h) { current = h; }
__attribute__((noinline)) void fire(const char *m) {
  char *buf = malloc(16); // CHECK: ifunc_target_clones.c:[[@LINE]]:{{[0-9]+}}: buf = malloc(16) escapes to heap: {{.*}}target keep.{{(avx2|default)}}{{.*}} [whole_program]
  strcpy(buf, m);
  current(buf);
}
int main(void) {
  set(keep);
  fire("target_clones");
  printf("kept after fire returned: %s\n", kept ? kept : "(none)");
  return 0;
}
// EVIDENCE: kept after fire returned: target_clones
