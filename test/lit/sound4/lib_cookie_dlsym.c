// fopencookie looked up with dlsym, no dlopen: the stream's write function
// is the program's and gets fwrite's very pointer, which it keeps. A
// program that can look functions up by name may make such streams.
// RUN: %clang -O0 -g %s -o %t0 -ldl && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 -ldl && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %escapade %t0.bc | not grep "malloc.*does not escape"
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade %t2.bc | not grep "malloc.*does not escape"
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dlfcn.h>
const char *g;
FILE *cs;
static ssize_t wr(void *c, const char *buf, size_t n){ if (!g) g = buf; return n; }
typedef FILE *(*fc_t)(void *, const char *, cookie_io_functions_t);
__attribute__((noinline)) void f(void) {
  char *p = malloc(16); // CHECK: lib_cookie_dlsym.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(p, "cookie-kept");
  fwrite(p, 1, 12, cs);
}
int main(){
  fc_t fc = (fc_t)dlsym(RTLD_DEFAULT, "fopencookie");
  cookie_io_functions_t io = { .write = wr };
  cs = fc(NULL, "w", io); setvbuf(cs, NULL, _IONBF, 0);
  f(); printf("kept by cookie write: %s (g=%p)\n", g, (void*)g); }
// EVIDENCE: kept by cookie write: cookie-kept
