// memcmp reads a pointer's bytes as numbers: the address is rebuilt from
// its results alone (no data flow from the pointer to the rebuilt value).
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

uintptr_t g_addr;
volatile size_t one = 1;

__attribute__((noinline)) void remember(void) {
  char *obj = malloc(16); // CHECK: lib_memcmp_rebuild.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(obj, "secret");
  unsigned char pb[8];
  memcpy(pb, &obj, sizeof obj);
  uintptr_t r = 0;
  for (int i = 0; i < 8; i++)
    for (int c = 0; c < 256; c++) {
      unsigned char g = (unsigned char)c;
      if (memcmp(&pb[i], &g, one) == 0) {
        r |= (uintptr_t)c << (8 * i);
        break;
      }
    }
  g_addr = r;
}

int main(void) {
  remember();
  printf("kept after return: %s\n", (char *)g_addr);
  return 0;
}
// EVIDENCE: kept after return: secret
