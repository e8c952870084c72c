// An external function without attributes may keep what it is given, so
// the argument escapes. Library functions whose behaviour the C standard
// fixes (strlen, strcpy) keep nothing.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=intraprocedural %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=intraprocedural %t2.bc | FileCheck %s
#include <stdlib.h>
#include <string.h>

extern void register_name(char *name);

int main(void) {
  char *a = malloc(32); // CHECK: external_call.c:[[@LINE]]:13: {{.*}}malloc(32) does not escape [intraprocedural]
  char *b = malloc(32); // CHECK: external_call.c:[[@LINE]]:13: {{.*}}malloc(32) escapes to heap: passed to register_name at {{.*}}external_call.c:[[@LINE+3]]:3, which may keep it [intraprocedural]
  strcpy(a, "alpha");
  strcpy(b, "beta");
  register_name(b);
  size_t n = strlen(a);
  free(a);
  return (int)n;
}
