// A callback slot written with SSE2 maskmovdqu (_mm_maskmoveu_si128): a
// target intrinsic that writes memory is outside code to the points-to
// analysis, so the stored function pointer (stash) may be in g.fn.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <emmintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ops { void (*fn)(char *); long pad; };
static char *kept;
static void harmless(char *p) { (void)p; }
static void stash(char *p) { kept = p; }
static struct ops g = { harmless, 0 };
static volatile long long all_ones = -1;

__attribute__((noinline)) void install(void) {
  __m128i val = _mm_set_epi64x(0, (long long)(uintptr_t)stash);
  __m128i mask = _mm_set_epi64x(0, all_ones); /* low 8 bytes only */
  _mm_maskmoveu_si128(val, mask, (char *)&g);
}

__attribute__((noinline)) void work(void) {
  char *buf = malloc(16); // CHECK: intrinsic_maskmov_slot.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(buf, "secret");
  g.fn(buf);
}

int main(void) {
  install();
  work();
  printf("kept after work returned: %s\n", kept);
  return 0;
}

// EVIDENCE: kept after work returned: secret
