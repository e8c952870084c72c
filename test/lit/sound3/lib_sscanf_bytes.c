// sscanf "%6c" copies bytes of its input string into the destination:
// pointer bytes in the input land in a global pointer.
// RUN: %clang -O0 -g %s -o %t0 && (%t0 || %t0 || %t0) | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && (%t2 || %t2 || %t2) | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct msg { char text[32]; };
static struct msg *got;   /* zero-initialised: high bytes stay 0 */

__attribute__((noinline)) static int stash(void) {
  struct msg *m = malloc(sizeof *m); // CHECK: lib_sscanf_bytes.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(m->text, "alive after stash()");
  char in[16] = {0};
  memcpy(in, &m, sizeof m);
  return sscanf(in, "%6c", (char *)&got);
}

int main(void) {
  int r = 0;
  for (int t = 0; t < 64 && r != 1; t++)
    r = stash(); /* a zero byte in the address: try the next block */
  if (r != 1) { puts("no address without a zero byte"); return 1; } /* the RUN line runs it again: another layout */
  printf("sscanf=%d: %s\n", r, got->text);
  return 0;
}
// EVIDENCE: sscanf=1: alive after stash()
