// An integer parameter is a destination in a summary only as the address
// it may carry: s[len] addresses another object when the caller made len
// from a pointer difference. The summary says so, and a caller passing a
// plain number loses nothing by it (at -O0 as well, where len is a
// promoted local).
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --level=conservative %t.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s --check-prefix=O2
// RUN: %clang -O0 -g %s -o %t && %t | FileCheck %s --check-prefix=OUT
#include <stddef.h>
#include <stdio.h>

__attribute__((noinline)) void link_end(char **s, size_t len) { // CHECK: integer_param.c:[[@LINE]]:48: leaking param: s to *len level=0 (only if integer len holds an address) [conservative]
  s[len] = (char *)s; // O2: leaking param: s to *len level=0 (only if integer len holds an address) [conservative]
}

__attribute__((noinline)) int plain(void) {
  char *slots[4] = {0}; // CHECK: integer_param.c:[[@LINE]]:9: &slots does not escape [conservative]
  link_end(slots, 2);
  return slots[2] == (char *)slots;
}

__attribute__((noinline)) int difference(void) {
  char *a[4] = {0}; // CHECK: integer_param.c:[[@LINE]]:9: &a escapes to heap
  char *b[2] = {0}; // CHECK: integer_param.c:[[@LINE]]:9: &b escapes to heap
  /* the difference makes a + d address b: link_end writes there */
  size_t d = (size_t)(b - a);
  link_end(a, d);
  return b[0] == (char *)a;
}

int main(void) {
  printf("%d %d\n", plain(), difference()); // OUT: 1 1
  return 0;
}
// CHECK-NOT: leaking param: s [
