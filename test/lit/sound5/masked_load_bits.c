// REQUIRES: avx512f
// copy_bits reads the 8 bytes at src with a masked load (llvm.masked.load)
// and branches on each bit: what a masked load reads is checked for being
// computed with, as a load's value is.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade %t2.bc | not grep "malloc.*does not escape"
#include <immintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static uint64_t ticket;
__attribute__((noinline, target("avx512f,avx512vl"))) void
copy_bits(const void *src) {
  __m128i v = _mm_mask_loadu_epi64(_mm_setzero_si128(), 1, src);
  uint64_t x = (uint64_t)_mm_cvtsi128_si64(v);
  uint64_t t = 0;
  for (int i = 0; i < 64; i++)
    if ((x >> i) & 1)
      t |= (uint64_t)1 << i;
  ticket = t;
}
__attribute__((noinline)) void stash(void) {
  char *p = malloc(32); // CHECK: masked_load_bits.c:[[@LINE]]:{{[0-9]+}}: p = malloc(32) escapes to heap: {{.*}}[conservative, whole_program]
  strcpy(p, "alive after stash()");
  copy_bits(&p);
}
int main(void) {
  stash();
  printf("rebuilt after stash returned: %s\n", (char *)(uintptr_t)ticket);
  return 0;
}
// EVIDENCE: rebuilt after stash returned: alive after stash()
