// Converting a pointer to an integer loses track of it: it escapes. A
// pointer difference (only an offset) or a comparison keeps nothing.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern void log_address(uintptr_t);

int main(int argc, char **argv) {
  char *p = malloc(10); // CHECK: ptrtoint.c:[[@LINE]]:13: {{.*}}malloc(10) escapes to heap: converted to an integer (ptrtoint) at {{.*}}ptrtoint.c:[[@LINE+4]]:{{[0-9]+}} [conservative]
  char *q = malloc(10); // CHECK: ptrtoint.c:[[@LINE]]:13: {{.*}}malloc(10) does not escape [conservative]
  strcpy(q, "hi");
  char *end = q + argc;
  log_address((uintptr_t)p);
  long d = end - q;
  printf("%s %ld\n", q, d);
  free(q);
  return 0;
}
