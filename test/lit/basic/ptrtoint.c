// A pointer converted to an integer is still that pointer: the integer
// carries the address wherever it goes. Passed to a function we cannot
// see, it escapes. The difference of two addresses in the same object is
// a pure offset and a comparison keeps nothing; the difference of
// addresses in two objects carries both (base + (p - base) is p).
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern void log_address(uintptr_t);
long saved_offset;

int main(int argc, char **argv) {
  char *p = malloc(10); // CHECK: ptrtoint.c:[[@LINE]]:13: {{.*}}malloc(10) escapes to heap: passed to log_address at {{.*}}ptrtoint.c:[[@LINE+7]]:{{[0-9]+}}, which may keep it [conservative]
  char *q = malloc(10); // CHECK: ptrtoint.c:[[@LINE]]:13: {{.*}}malloc(10) does not escape [conservative]
  char *r = malloc(10); // CHECK: ptrtoint.c:[[@LINE]]:13: {{.*}}malloc(10) escapes to heap: stored to global saved_offset at {{.*}} [conservative]
  char *base = malloc(10); // CHECK: ptrtoint.c:[[@LINE]]:16: {{.*}}malloc(10) escapes to heap: stored to global saved_offset at {{.*}} [conservative]
  strcpy(q, "hi");
  strcpy(r, "hi");
  char *end = q + argc;
  log_address((uintptr_t)p);
  long d = end - q;
  saved_offset = (long)((uintptr_t)r - (uintptr_t)base);
  printf("%s %ld %d\n", q, d, q < end);
  free(q);
  return 0;
}
