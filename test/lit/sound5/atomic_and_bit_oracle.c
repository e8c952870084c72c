// An atomic AND with a one-bit mask leaves the slot null exactly when that
// bit of the address is clear; the slot is then only compared with null.
// Every read-modify-write but xchg computes on the bits it reads, whatever
// becomes of the old value it returns.
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
union slot { char *p; uint64_t u; };
__attribute__((noinline)) void stash(void) {
  char *p = malloc(32); // CHECK: atomic_and_bit_oracle.c:[[@LINE]]:{{[0-9]+}}: p = malloc(32) escapes to heap: {{.*}}[intraprocedural, conservative, whole_program]
  strcpy(p, "alive after stash()");
  uint64_t t = 0;
  for (int i = 0; i < 64; i++) {
    union slot s;
    s.p = p;
    __atomic_fetch_and(&s.u, (uint64_t)1 << i, __ATOMIC_RELAXED);
    if (s.p != NULL)
      t |= (uint64_t)1 << i;
  }
  ticket = t;
}
int main(void) {
  stash();
  printf("rebuilt after stash returned: %s\n", (char *)(uintptr_t)ticket);
  return 0;
}
// EVIDENCE: rebuilt after stash returned: alive after stash()
