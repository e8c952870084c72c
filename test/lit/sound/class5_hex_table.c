// A handle is written to a pipe as text by a hand-written hex formatter
// (digit-table lookup "0123456789abcdef"[v & 15]) and parsed back with
// strtoull. The digits are loaded from the table, so they do not "carry"
// the pointer, but together they spell it.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s --check-prefix=CONS
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s --check-prefix=CONS
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int fds[2];

static void put_hex(char *out, uintptr_t v) {
  static const char digits[] = "0123456789abcdef";
  for (int i = 15; i >= 0; i--, v >>= 4)
    out[i] = digits[v & 15];
  out[16] = '\n';
}

__attribute__((noinline)) void announce(const char *s) {
  char *obj = malloc(16); // CHECK: class5_hex_table.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                          // CONS: class5_hex_table.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  strcpy(obj, s);
  char line[17];
  put_hex(line, (uintptr_t)obj);
  if (write(fds[1], line, sizeof line) != sizeof line) abort();
}

int main(void) {
  if (pipe(fds)) return 1;
  announce("hello");
  char text[18] = {0};
  if (read(fds[0], text, 17) != 17) return 1;
  printf("kept: %s\n", (char *)(uintptr_t)strtoull(text, NULL, 16));
  return 0;
}
// EVIDENCE: kept: hello
