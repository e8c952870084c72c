// sscanf's count as an oracle on each byte of a pointer copied into a
// string (a one-character scanset per candidate): the address is rebuilt
// byte by byte and used after make() returned.
// RUN: %clang -O0 -g %s -o %t0 && (%t0 || %t0 || %t0) | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && (%t2 || %t2 || %t2) | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
static int *g_back;
static unsigned byte_value(const unsigned char *b) {
  char s[2], out[2], fmt[8];
  memcpy(s, b, 1);
  s[1] = 0;
  for (unsigned k = 1; k < 256; k++) {
    if (k == '^')
      strcpy(fmt, "%1[]^]");
    else
      snprintf(fmt, sizeof fmt, "%%1[%c]", (int)k);
    if (sscanf(s, fmt, out) == 1)
      return k;
  }
  return 0;
}
static uintptr_t decode(const unsigned char *raw) {
  uintptr_t r = 0;
  for (int i = 0; i < (int)sizeof(void *); i++)
    r |= (uintptr_t)byte_value(raw + i) << (8 * i);
  return r;
}
__attribute__((noinline)) static void make(void) {
  int *p = malloc(sizeof *p); // CHECK: lib_sscanf_oracle.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  *p = 42;
  unsigned char raw[sizeof p];
  memcpy(raw, &p, sizeof p);
  g_back = (int *)decode(raw);
}
int main(void) {
  make();
  printf("%d\n", *g_back);
  return 0;
}
// EVIDENCE: 42
