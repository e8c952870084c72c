// A block handed to another function that frees it after the allocating
// frame returned: the free is the evidence, reported before the block is
// released (AddressSanitizer does not look at poison when freeing).
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --check --force-local=free_after_return.c:14 -o %t.forced.bc %t.bc
// RUN: %clang -fsanitize=address -g %t.forced.bc %escapade_rt -o %t.forced
// RUN: not %t.forced 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

void *pending;

__attribute__((noinline)) void start(int n) {
  int *v = calloc((size_t)n, sizeof *v);
  pending = v; // CHECK: escapade: check: object of {{.*}}free_after_return.c:[[@LINE-1]]:12: v = calloc(?) [whole_program, --force-local] freed after its frame returned
}

int main(void) {
  start(4);
  free(pending);
  puts("not reached");
  return 0;
}
