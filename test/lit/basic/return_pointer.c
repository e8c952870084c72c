// A heap object returned to the caller escapes the function that made it
// (Go: "leaking param ... to result"); each call of such an allocator
// wrapper is a site of its own, judged where it is called.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) int *make_counter(void) {
  int *p = malloc(sizeof *p); // CHECK: return_pointer.c:[[@LINE]]:12: {{.*}}malloc(4) escapes to heap: returned from make_counter [conservative]
  *p = 0;
  return p;
}
// CHECK: make_counter is an allocator wrapper [conservative]

int main(void) {
  int *c = make_counter(); // CHECK: return_pointer.c:[[@LINE]]:12: {{.*}}make_counter(4) does not escape [conservative]
  *c += 1;
  printf("%d\n", *c);
  free(c);
  return 0;
}
