// A byte-wise compare-and-swap that writes back what it expects changes
// nothing, but its success flag says whether byte j of p equals g: a
// comparison of the address's bytes with a number. Only a swap expecting
// an address or null compares two addresses.
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
static uint64_t ticket;
__attribute__((noinline)) void stash(void) {
  char *p = malloc(32); // CHECK: cmpxchg_flag_oracle.c:[[@LINE]]:{{[0-9]+}}: p = malloc(32) escapes to heap: {{.*}}[intraprocedural, conservative, whole_program]
  strcpy(p, "alive after stash()");
  unsigned char *b = (unsigned char *)&p;
  uint64_t t = 0;
  for (int j = 0; j < 8; j++)
    for (int g = 0; g < 256; g++)
      if (__sync_bool_compare_and_swap(&b[j], (unsigned char)g,
                                        (unsigned char)g)) {
        t |= (uint64_t)g << (8 * j);
        break;
      }
  ticket = t;
}
int main(void) {
  stash();
  printf("rebuilt after stash returned: %s\n", (char *)(uintptr_t)ticket);
  return 0;
}
// EVIDENCE: rebuilt after stash returned: alive after stash()
