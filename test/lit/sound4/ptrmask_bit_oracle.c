// __builtin_align_down lowers to llvm.ptrmask: two masks compared give
// one bit of the address away, and 63 of them rebuild it. The block is
// read through the rebuilt pointer after stash() returned.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
static char *keep;
__attribute__((noinline)) void stash(void) {
  char *blk = malloc(32); // CHECK: ptrmask_bit_oracle.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(blk, "alive after stash");
  uintptr_t a = 0;
  for (int i = 0; i < 63; i++) {
    uintptr_t al = (uintptr_t)1 << i;
    if (__builtin_align_down(blk, al) != __builtin_align_down(blk, al << 1)) a |= al;
  }
  keep = (char *)a;
}
int main(void){ stash(); printf("main reads: %s\n", keep); return 0; }
// EVIDENCE: main reads: alive after stash
