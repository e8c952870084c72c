// The same oracle reads keep's address, and install() writes the number it
// made into the handler with memcpy: a number computed from pieces the
// points-to analysis did not follow, stored where a pointer is read back,
// may be any address outside code knows (as an inttoptr of it would).
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static char *kept;
static void keep(char *p) { kept = p; }
static void drop(char *p) { (void)p; }
static void (*handler)(char *) = drop;
__attribute__((noinline)) void install(void) {
  void (*k)(char *) = keep;
  unsigned char *b = (unsigned char *)&k;
  uint64_t t = 0;
  for (int j = 0; j < 8; j++)
    for (int g = 0; g < 256; g++)
      if (__sync_bool_compare_and_swap(&b[j], (unsigned char)g,
                                        (unsigned char)g)) {
        t |= (uint64_t)g << (8 * j);
        break;
      }
  memcpy(&handler, &t, sizeof handler);
}
__attribute__((noinline)) void use(void) {
  char *p = malloc(32); // CHECK: cmpxchg_flag_fnptr.c:[[@LINE]]:{{[0-9]+}}: p = malloc(32) escapes to heap: {{.*}}[whole_program]
  strcpy(p, "kept through the handler");
  handler(p);
}
int main(void) {
  install();
  use();
  printf("kept after use returned: %s\n", kept);
  return 0;
}
// EVIDENCE: kept after use returned: kept through the handler
