// getenv as an oracle: a one-byte variable name exists iff it equals the
// probe, so each byte of a pointer copied into a string is found, and the
// address is used after make() returned. (A byte '=' cannot be probed:
// the RUN lines try three layouts.)
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
  char s[2];
  memcpy(s, b, 1);
  s[1] = 0;
  for (unsigned k = 1; k < 256; k++) {
    char name[2] = { (char)k, 0 };
    if (k == '=') continue;
    setenv(name, "1", 1);
    int hit = getenv(s) != NULL;
    unsetenv(name);
    if (hit) return k;
  }
  return 0; /* 0 (or '=') */
}
static uintptr_t decode(const unsigned char *raw) {
  uintptr_t r = 0;
  for (int i = 0; i < (int)sizeof(void *); i++)
    r |= (uintptr_t)byte_value(raw + i) << (8 * i);
  return r;
}
__attribute__((noinline)) static void make(void) {
  int *p = malloc(sizeof *p); // CHECK: lib_getenv_oracle.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  *p = 42;
  unsigned char raw[sizeof p];
  memcpy(raw, &p, sizeof p);
  g_back = (int *)decode(raw);
}
int main(void) { make(); printf("%d\n", *g_back); return 0; }
// EVIDENCE: 42
