// A vfprintf-like pair: notify(tag, fn, fn, ..., NULL) collects callbacks
// from its variadic arguments and passes the va_list down (through va_copy)
// to vnotify, which calls each with a buffer it allocated. keep is only ever
// seen as a variadic argument.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*cb_t)(char *);
static char *kept;
static void keep(char *s) { kept = s; }
static void count(char *s) { (void)s; }

__attribute__((noinline)) static int vnotify(const char *tag, va_list ap) {
  char *buf = malloc(16); // CHECK: vlist_callbacks.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(buf, tag);
  int n = 0;
  for (cb_t f = va_arg(ap, cb_t); f; f = va_arg(ap, cb_t), n++)
    f(buf);
  return n;
}

static int notify(const char *tag, ...) {
  va_list ap, aq;
  va_start(ap, tag);
  va_copy(aq, ap);
  int n = vnotify(tag, aq);
  va_end(aq);
  va_end(ap);
  return n;
}

int main(void) {
  int n = notify("hello", count, keep, (cb_t)NULL);
  printf("%d kept: %s\n", n, kept);
  return 0;
}
// EVIDENCE: 2 kept: hello
