// A pointer's bytes read back as numbers through memory (byte loads from
// a union: no ptrtoint instruction), spelled with a digit table and parsed
// back into a pointer: reading the bytes as a number exposes the address.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *kept;

static void put_hex(char *out, uintptr_t v) {
  static const char digits[] = "0123456789abcdef";
  for (int i = 15; i >= 0; i--, v >>= 4)
    out[i] = digits[v & 15];
}

static uintptr_t get_hex(const char *in) {
  uintptr_t r = 0;
  for (int i = 0; i < 16; i++)
    r = r * 16 + (uintptr_t)(in[i] <= '9' ? in[i] - '0' : in[i] - 'a' + 10);
  return r;
}

__attribute__((noinline)) void remember(void) {
  char *obj = malloc(16); // CHECK: intbits_loaded_bytes_hex.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(obj, "secret");
  /* the bytes of the pointer, read back as a number through memory:
   * no ptrtoint instruction (volatile keeps -O2 from forwarding the store) */
  union { char *p; unsigned char b[8]; } volatile u;
  u.p = obj;
  uintptr_t v = 0;
  for (int i = 7; i >= 0; i--)
    v = v << 8 | u.b[i];
  char line[16];
  put_hex(line, v);
  kept = (char *)get_hex(line);
}

int main(void) {
  remember();
  printf("kept after remember returned: %s\n", kept);
  return 0;
}

// EVIDENCE: kept after remember returned: secret
