// realpath(path, NULL) and getcwd(NULL, 0) return a block the library
// allocates, not only their buffer argument: a pointer copied into that
// block, with the block kept in a global, escapes.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char **kept1, **kept2;

__attribute__((noinline)) void remember_rp(void) {
  char *obj = malloc(16); // CHECK: lib_null_buffer_result.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(obj, "secret-rp");
  char *r = realpath(".", NULL); /* glibc mallocs the result */
  memcpy(r, &obj, sizeof obj);
  kept1 = (char **)r;
}

__attribute__((noinline)) void remember_cwd(void) {
  char *obj = malloc(16); // CHECK: lib_null_buffer_result.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(obj, "secret-cwd");
  char *r = getcwd(NULL, 0);
  memcpy(r, &obj, sizeof obj);
  kept2 = (char **)r;
}

int main(void) {
  char cwd[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd) || strlen(cwd) < 8)
    return 1; /* needs a cwd of at least 8 bytes */
  remember_rp();
  remember_cwd();
  printf("kept after return: %s %s\n", *kept1, *kept2);
  return 0;
}

// EVIDENCE: kept after return: secret-rp secret-cwd
