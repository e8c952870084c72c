// "%y" is no conversion: glibc prints it as it stands and takes no
// argument, so %p prints blk; an unknown conversion leaves the format not
// followed (every argument may be written out).
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static char *keep;
__attribute__((noinline)) void stash(void) {
  char *blk = malloc(32); // CHECK: printf_unknown_conversion.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(blk, "alive after stash");
  char buf[64]; int cnt;
  /* "% %" prints '%' and takes no argument in glibc */
  snprintf(buf, sizeof buf, "%y%n%p", &cnt, (void *)blk);
  keep = (char *)strtoul(buf + 2, NULL, 16);
}
int main(void){ stash(); printf("main reads: %s\n", keep); return 0; }
// EVIDENCE: main reads: alive after stash
