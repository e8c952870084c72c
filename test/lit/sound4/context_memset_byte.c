// A memset of one variable byte over a local function pointer can make
// another function's address out of it (benign and keeper differ in
// their low byte only): the context must not take the pointer for benign
// and keep the block local at whole_program.
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
typedef void (*cb)(char *);
static char *keep;
__attribute__((noinline, aligned(256))) void benign(char *p) { p[0] = 'a'; }
__attribute__((noinline)) void keeper(char *p) { keep = p; }
__attribute__((noinline)) static void run(cb fn, char *p) { fn(p); }
static volatile unsigned char lowbyte;
__attribute__((noinline)) void stash(void) {
  char *blk = malloc(32); // CHECK: context_memset_byte.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(blk, "alive after stash");
  cb f = benign;
  memset((char *)&f, lowbyte, 1); /* f's low byte := keeper's low byte */
  run(f, blk);
}
int main(void) {
  lowbyte = (unsigned char)(uintptr_t)keeper;
  if (((uintptr_t)keeper >> 8) != ((uintptr_t)benign >> 8)) { puts("layout"); return 1; }
  stash(); printf("main reads: %s\n", keep); return 0; }
// EVIDENCE: main reads: alive after stash
