// At -O1 and above LLVM marks bit_of's w nocapture readonly. The
// intraprocedural level, which does not look into bit_of, took that for
// "may return what *w points to": but bit_of returns one bit of *w, a
// number made from the bytes, and stash rebuilds the address from 64 of
// them.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade %t2.bc | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static uint64_t ticket;
__attribute__((noinline)) int bit_of(const uint64_t *w, int i) {
  return (int)((*w >> i) & 1);
}
__attribute__((noinline)) void stash(void) {
  char *p = malloc(32); // CHECK: intra_readonly_bits.c:[[@LINE]]:{{[0-9]+}}: p = malloc(32) escapes to heap: {{.*}}[intraprocedural{{.*}}]
  strcpy(p, "alive after stash()");
  uint64_t w;
  memcpy(&w, &p, sizeof w);
  uint64_t t = 0;
  for (int i = 0; i < 64; i++)
    if (bit_of(&w, i))
      t |= (uint64_t)1 << i;
  ticket = t;
}
int main(void) {
  stash();
  printf("rebuilt after stash returned: %s\n", (char *)(uintptr_t)ticket);
  return 0;
}
// EVIDENCE: rebuilt after stash returned: alive after stash()
