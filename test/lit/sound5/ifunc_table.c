// handle is an ifunc: its address, in a table, is whatever its resolver
// returns (here keep). Points-to follows the resolver's returns; an ifunc
// whose answer it cannot follow may be any function.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
// RUN: %escapade --assume-typed --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef void (*handler_fn)(char *);
static char *kept;
static void quiet(char *s) { (void)s; }
static void keep(char *s) { kept = s; }
static handler_fn pick(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("sse2") ? keep : quiet; /* every x86-64 */
}
void handle(char *s) __attribute__((ifunc("pick")));
static handler_fn table[2] = {handle, quiet};
__attribute__((noinline)) void fire(const char *m, int i) {
  char *buf = malloc(16); // CHECK: ifunc_table.c:[[@LINE]]:{{[0-9]+}}: buf = malloc(16) escapes to heap: {{.*}}keep{{.*}} [whole_program]
  strcpy(buf, m);
  table[i](buf);
}
int main(int argc, char **argv) {
  (void)argv;
  fire("ifunc-table", argc - 1);
  printf("kept after fire returned: %s\n", kept ? kept : "(none)");
}
// EVIDENCE: kept after fire returned: ifunc-table
