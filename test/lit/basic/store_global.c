// Storing a pointer into a global makes it escape: anyone can reach it.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade %t2.bc | FileCheck %s
#include <stdlib.h>

char *last_line;

__attribute__((noinline)) void remember(void) {
  char *line = malloc(80); // CHECK: store_global.c:[[@LINE]]:16: {{.*}}malloc(80) escapes to heap: stored to global last_line at {{.*}}store_global.c:[[@LINE+1]]:{{[0-9]+}} [intraprocedural, conservative, whole_program]
  last_line = line;
}

int main(void) {
  remember();
  return last_line == 0;
}
