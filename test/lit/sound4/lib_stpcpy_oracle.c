// stpcpy returns dst + strlen(src): comparing it with dst says whether
// src's first byte is zero. With the bytes of q = p + k copied into a
// string, stepping k finds the k that zeroes each byte of p in turn, and
// -k is p. String copies measure what they copy; only memcpy and memmove
// merely move bytes.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %escapade %t0.bc | not grep "malloc.*does not escape"
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade %t2.bc | not grep "malloc.*does not escape"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
static int byte_is_zero(char *const *slot, int j) {
  char buf[9], d[16];
  memcpy(buf, slot, 8); buf[8] = 0;
  return stpcpy(d, buf + j) == d;
}
uint64_t f(void) {
  char *p = malloc(16); // CHECK: lib_stpcpy_oracle.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(p, "secret-data");
  uint64_t off = 0;
  for (int j = 0; j < 8; j++)
    for (uint64_t m = 0; m < 256; m++) {
      uint64_t k = off + (m << (8 * j));
      char *q = p + k;
      if (byte_is_zero(&q, j)) { off = k; break; }
    }
  return 0 - off; /* p + off == 0 (mod 2^64) */
}
int main(void) {
  uint64_t a = f();
  printf("rebuilt after f returned: %s\n", (char *)(uintptr_t)a);
}
// EVIDENCE: rebuilt after f returned: secret-data
