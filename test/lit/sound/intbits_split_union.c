// A handle table that stores pointers as two 32-bit words (as in code that
// packs handles into a 32-bit wire format): the pointer is split through a
// union, the halves go to globals, and main() rebuilds the pointer and
// reads the string after make_name() returned.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

union split { char *p; uint32_t w[2]; };
uint32_t handle_lo[4], handle_hi[4];

__attribute__((noinline)) void make_name(int slot, const char *s) {
  union split u;
  u.p = malloc(16); // CHECK: intbits_split_union.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
  strcpy(u.p, s);
  handle_lo[slot] = u.w[0];
  handle_hi[slot] = u.w[1];
}

__attribute__((noinline)) char *lookup(int slot) {
  union split u;
  u.w[0] = handle_lo[slot];
  u.w[1] = handle_hi[slot];
  return u.p;
}

int main(void) {
  make_name(2, "hello");
  printf("kept: %s\n", lookup(2));
  return 0;
}
// EVIDENCE: kept: hello
