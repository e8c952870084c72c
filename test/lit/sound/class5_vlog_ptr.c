// A variadic logging helper formats "%p" into a global ring buffer with
// vsnprintf; a later reader parses the address back out with sscanf.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s --check-prefix=CONS
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s --check-prefix=CONS
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char ring[128];

__attribute__((noinline)) void log_line(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(ring, sizeof ring, fmt, ap);
  va_end(ap);
}

__attribute__((noinline)) void make(const char *s) {
  char *obj = malloc(16); // CHECK: class5_vlog_ptr.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                          // CONS: class5_vlog_ptr.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  strcpy(obj, s);
  log_line("obj=%p", (void *)obj);
}

int main(void) {
  make("hello");
  void *p = NULL;
  if (sscanf(ring, "obj=%p", &p) != 1) return 1;
  printf("kept: %s\n", (char *)p);
  return 0;
}
// EVIDENCE: kept: hello
