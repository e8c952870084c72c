// Must stay precise: the buffer's bytes are printed with %s, written with
// fwrite, copied by snprintf "%s" into a global, and an offset inside the
// buffer itself is kept; no address of it leaves, and it is freed.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s --check-prefix=CONS
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s --check-prefix=CONS
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long last_len;
char line[32];

__attribute__((noinline)) void report(const char *s, FILE *f) {
  char *buf = malloc(16); // CHECK: precise_print_write.c:[[@LINE]]:{{[0-9]+}}: {{.*}}does not escape{{.*}}whole_program]
                          // CONS: precise_print_write.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}does not escape [conservative]
  strcpy(buf, s);
  printf("text: %s\n", buf);
  fwrite(buf, 1, strlen(buf), f);
  snprintf(line, sizeof line, "<%s>", buf);
  char *end = buf + strlen(buf);
  last_len = end - buf;
  free(buf);
}

int main(void) {
  FILE *f = tmpfile();
  if (!f) return 1;
  report("hello", f);
  printf("%s %ld\n", line, last_len);
  return 0;
}
// EVIDENCE: text: hello
// EVIDENCE: <hello> 5
