// strdup and strndup copy bytes into their fresh block: a pointer whose
// bytes are duplicated into a block kept in a global escapes.
// RUN: %clang -O0 -g %s -o %t0 && (%t0 || %t0 || %t0) | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && (%t2 || %t2 || %t2) | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dupkeep, *ndupkeep;

__attribute__((noinline)) void remember(void) {
  char *obj = malloc(16); // CHECK: lib_strdup_bytes.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(obj, "secret");
  char *p = obj + 1;            /* odd: its low byte is not 0 */
  char buf[16] = {0};
  memcpy(buf, &p, sizeof p);    /* the pointer's bytes, then zeros */
  dupkeep = strdup(buf);
}

__attribute__((noinline)) void remember_n(void) {
  char *obj = malloc(16); // CHECK: lib_strdup_bytes.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(obj, "secret2");
  char *p = obj + 1;
  char buf[16] = {0};
  memcpy(buf, &p, sizeof p);
  ndupkeep = strndup(buf, sizeof buf);
}

static char *rebuild(const char *bytes) {
  uintptr_t v = 0;
  size_t n = strlen(bytes);
  if (n < 6)
    return NULL; /* a 0 byte inside the address: not this run */
  memcpy(&v, bytes, n);
  return (char *)v - 1;
}

int main(void) {
  char *a = NULL, *b = NULL;
  for (int t = 0; t < 16 && !a; t++) { /* retry if the address had a 0 byte */
    remember();
    a = rebuild(dupkeep);
  }
  for (int t = 0; t < 16 && !b; t++) {
    remember_n();
    b = rebuild(ndupkeep);
  }
  printf("kept after return: %s %s\n", a ? a : "(retry)", b ? b : "(retry)");
  return a && b ? 0 : 1; /* 1: run again, with another address layout */
}

// EVIDENCE: kept after return: secret secret2
