// The address's 64 bits go through a vector of bools, one i1 each: the
// flow graphs carry no address in a bool, so splitting the bits into them
// reads the bits.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade %t2.bc | FileCheck %s
// RUN: %escapade %t2.bc | not grep "malloc.*does not escape"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef _Bool bits64 __attribute__((ext_vector_type(64)));
static unsigned char saved[64];
__attribute__((noinline)) void stash(void) {
  union { char *p; uint64_t u; } s;
  s.p = malloc(32); // CHECK: boolvec_bits.c:[[@LINE]]:{{[0-9]+}}: s = malloc(32) escapes to heap: {{.*}}[intraprocedural, conservative, whole_program]
  strcpy(s.p, "alive after stash()");
  for (int i = 0; i < 64; i++)
    saved[i] = __builtin_bit_cast(bits64, s.u)[i];
}
int main(void) {
  stash();
  uint64_t u = 0;
  for (int i = 0; i < 64; i++)
    u |= (uint64_t)saved[i] << i;
  printf("rebuilt after stash returned: %s\n", (char *)(uintptr_t)u);
  return 0;
}
// EVIDENCE: rebuilt after stash returned: alive after stash()
