// A pointer's bytes loaded as numbers and used as indices into an identity
// table: the table's entries are the same bytes, so the pointer is rebuilt
// from them. An array index reads the bits as a number.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=intraprocedural,conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=intraprocedural,conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char ident[256]; /* ident[i] == i */
static char *keep;

__attribute__((noinline)) void stash(void) {
  char *blk = malloc(32); // CHECK: intbits_table_index.c:[[@LINE]]:15: blk = malloc(32) escapes to heap: {{.*}}[intraprocedural, conservative, whole_program]
  strcpy(blk, "alive after stash()");
  unsigned char in[sizeof blk], out[sizeof blk];
  memcpy(in, &blk, sizeof blk);
  for (unsigned i = 0; i < sizeof blk; i++)
    out[i] = ident[in[i]];
  memcpy(&keep, out, sizeof keep);
}

int main(void) {
  for (int i = 0; i < 256; i++)
    ident[i] = (unsigned char)i;
  stash();
  printf("main reads: %s\n", keep);
  return 0;
}
// EVIDENCE: main reads: alive after stash()
