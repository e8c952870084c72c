// glibc's register_printf_specifier replaces %s with the program's own
// handler, which gets the argument itself and keeps it: printf then keeps
// its pointer arguments, not only their bytes.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %escapade %t0.bc | not grep "malloc.*does not escape"
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade %t2.bc | not grep "malloc.*does not escape"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <printf.h>
const char *g;
static int h(FILE *s, const struct printf_info *i, const void *const *args){ g = *(const char *const *)args[0]; fputs("[", s); fputs(g, s); fputs("]", s); return (int)strlen(g)+2; }
static int ai(const struct printf_info *i, size_t n, int *at, int *sz){ if (n>0) at[0]=PA_STRING; return 1; }
__attribute__((noinline)) void f(void) {
  char *p = malloc(16); // CHECK: lib_printf_handler.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(p, "secret");
  printf("%s|\n", p);
}
int main(){ register_printf_specifier('s', h, ai); f(); fputs("kept via printf handler after f returned: ", stdout); puts(g); }
// EVIDENCE: kept via printf handler after f returned: secret
