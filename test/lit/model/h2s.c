// Heap-to-stack with a model: a block freed by a modelled deallocator does
// not escape but stays on the heap (the call may do more than free: here
// it counts, and removing it would change the output); a block only lent
// to a function modelled as keeping nothing moves. The program prints the
// same before and after.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --h2s --model=%S/Inputs/h2s.model -o %t.h2s.bc %t.bc | FileCheck %s
// RUN: %clang %t.bc -o %t.before && %t.before > %t.out.before
// RUN: %clang %t.h2s.bc -o %t.after && %t.after > %t.out.after
// RUN: diff %t.out.before %t.out.after
// RUN: FileCheck %s --check-prefix=OUT --input-file=%t.out.after
// OUT: freed 1
#include <stdio.h>
#include <stdlib.h>

static int frees;
__attribute__((noinline)) void my_free(void *p) {
  frees++;
  free(p);
}
__attribute__((noinline)) void show(const int *p) { printf("%d\n", *p); }

int main(void) {
  int *a = malloc(16); // CHECK: h2s.c:[[@LINE]]:{{[0-9]+}}: a = malloc(16) stays on the heap: freed by a modelled deallocator, whose call is not removed (line [[@LINE+3]]) [whole_program]
  *a = 1;
  show(a);
  my_free(a);
  int *b = malloc(16); // CHECK: h2s.c:[[@LINE]]:{{[0-9]+}}: b = malloc(16) moved to the stack [whole_program]
  *b = 2;
  show(b);
  printf("freed %d\n", frees);
  return 0;
}
