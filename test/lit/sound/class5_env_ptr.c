// A context pointer is handed on through the environment: snprintf "%p"
// into a local buffer, setenv, and later getenv + sscanf "%p".
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

__attribute__((noinline)) void export_ctx(const char *s) {
  char *ctx = malloc(16); // CHECK: class5_env_ptr.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                          // CONS: class5_env_ptr.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  strcpy(ctx, s);
  char val[32];
  snprintf(val, sizeof val, "%p", (void *)ctx);
  setenv("APP_CTX", val, 1);
}

int main(void) {
  export_ctx("hello");
  void *p = NULL;
  const char *v = getenv("APP_CTX");
  if (!v || sscanf(v, "%p", &p) != 1) return 1;
  printf("kept: %s\n", (char *)p);
  return 0;
}
// EVIDENCE: kept: hello
