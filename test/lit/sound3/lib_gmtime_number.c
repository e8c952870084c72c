// gmtime_r reads a time_t (here a pointer's bytes, moved with memcpy) as a
// number and breaks it down into struct tm; timegm rebuilds the number.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct msg { char text[32]; };
static struct tm parts;   /* a "timestamp" kept in a global */

__attribute__((noinline)) static void stash(void) {
  struct msg *m = malloc(sizeof *m); // CHECK: lib_gmtime_number.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(m->text, "alive after stash()");
  time_t t;
  memcpy(&t, &m, sizeof t);
  gmtime_r(&t, &parts);
}

int main(void) {
  stash();
  time_t back = timegm(&parts);
  struct msg *got = (struct msg *)(uintptr_t)back;
  printf("tm_year=%d: %s\n", parts.tm_year, got->text);
  return 0;
}
// EVIDENCE: tm_year={{[0-9]+}}: alive after stash()
