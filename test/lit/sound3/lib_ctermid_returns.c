// ctermid(s) returns s itself when s is not NULL (POSIX): the terminal's
// name is written into a heap buffer, and the result is kept in a global.
// LLVM's inferattrs marks ctermid's parameter nocapture, which is wrong.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *tty_name;

__attribute__((noinline)) static void init_tty(void) {
  char *buf = malloc(64); // CHECK: lib_ctermid_returns.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(buf + 16, "alive after init_tty()");
  tty_name = ctermid(buf);
}

int main(void) {
  init_tty();
  printf("tty=%s, tail=%s\n", tty_name, tty_name + 16);
  return 0;
}
// EVIDENCE: tty=/dev/tty, tail=alive after init_tty()
