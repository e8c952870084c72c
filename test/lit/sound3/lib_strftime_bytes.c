// strftime copies the ordinary characters of its format into the output:
// a format holding a pointer's bytes writes them into a global buffer.
// RUN: %clang -O0 -g %s -o %t0 && (%t0 || %t0 || %t0) | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && (%t2 || %t2 || %t2) | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct msg { char text[32]; };
static char out[16];

__attribute__((noinline)) static size_t stash(void) {
  struct msg *m = malloc(sizeof *m); // CHECK: lib_strftime_bytes.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(m->text, "alive after stash()");
  char fmt[16] = {0};
  memcpy(fmt, &m, sizeof m);
  if (memchr(fmt, '%', 6) || memchr(fmt, 0, 6)) return 0;
  struct tm tm = {0};
  return strftime(out, sizeof out, fmt, &tm);
}

int main(void) {
  size_t n = 0;
  for (int t = 0; t < 64 && n < 6; t++)
    n = stash(); /* a 0 or '%' byte in the address: try the next block */
  if (n < 6) { puts("no address without 0 or '%' bytes"); return 1; } /* the RUN line runs it again: another layout */
  struct msg *got = NULL;
  memcpy(&got, out, 6);
  printf("strftime=%zu: %s\n", n, got->text);
  return 0;
}
// EVIDENCE: strftime=6: alive after stash()
