// At -O1 and above the __m64 is an x86_mmx value: the escape graph gave
// that type no node, so the load, the unpacks and the stores carried
// nothing.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade %t2.bc | not grep "malloc.*does not escape"
#include <mmintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static __m64 lo, hi;
__attribute__((noinline)) void spill_mmx(const void *src) {
  __m64 a;
  memcpy(&a, src, sizeof a);
  lo = _mm_unpacklo_pi8(a, a);
  hi = _mm_unpackhi_pi8(a, a);
}
__attribute__((noinline)) void stash(void) {
  char *p = malloc(32); // CHECK: mmx_bytes.c:[[@LINE]]:{{[0-9]+}}: p = malloc(32) escapes to heap: {{.*}}[conservative, whole_program]
  strcpy(p, "alive after stash()");
  spill_mmx(&p);
}
int main(void) {
  stash();
  _mm_empty();
  unsigned char l[8], h[8], b[8];
  memcpy(l, &lo, 8);
  memcpy(h, &hi, 8);
  for (int i = 0; i < 4; i++) {
    b[i] = l[2 * i];
    b[4 + i] = h[2 * i];
  }
  char *p;
  memcpy(&p, b, sizeof p);
  printf("rebuilt after stash returned: %s\n", p);
  return 0;
}
// EVIDENCE: rebuilt after stash returned: alive after stash()
