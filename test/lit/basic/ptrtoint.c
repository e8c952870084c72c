// A pointer converted to an integer whose bits are read as a number
// (passed on, stored, shifted, used as an index) escapes: its address may
// come back by ways no analysis follows (a table of digits, a branch per
// bit). Comparing it with another address, the difference of two
// addresses in one object (a pure offset) and a round trip back to a
// pointer keep nothing; the difference of addresses in two objects is
// read as a number (base + (p - base) is p).
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
  char *p = malloc(10); // CHECK: ptrtoint.c:[[@LINE]]:13: {{.*}}malloc(10) escapes to heap: converted to an integer (ptrtoint) at {{.*}}ptrtoint.c:[[@LINE+7]]:{{[0-9]+}}, which escapes [conservative]
  char *q = malloc(10); // CHECK: ptrtoint.c:[[@LINE]]:13: {{.*}}malloc(10) does not escape [conservative]
  char *r = malloc(10); // CHECK: ptrtoint.c:[[@LINE]]:13: {{.*}}malloc(10) escapes to heap: converted to an integer (ptrtoint) at {{.*}} [conservative]
  char *base = malloc(10); // CHECK: ptrtoint.c:[[@LINE]]:16: {{.*}}malloc(10) escapes to heap: converted to an integer (ptrtoint) at {{.*}} [conservative]
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
