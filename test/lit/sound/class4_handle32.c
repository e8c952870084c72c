// Shared-memory style handles: a 32-bit offset of the message from the
// region base (both from malloc, so the distance is small) is kept in a
// global int32_t and the pointer rebuilt with integer arithmetic.
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

char *region;
int32_t saved_handle;

__attribute__((noinline)) void publish(const char *s) {
  char *msg = malloc(16); // CHECK: class4_handle32.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                          // CONS: class4_handle32.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  strcpy(msg, s);
  saved_handle = (int32_t)((uintptr_t)msg - (uintptr_t)region);
}

int main(void) {
  region = malloc(64);
  publish("hello");
  char *back = (char *)((uintptr_t)region + (intptr_t)saved_handle);
  printf("kept: %s\n", back);
  return 0;
}
// EVIDENCE: kept: hello
