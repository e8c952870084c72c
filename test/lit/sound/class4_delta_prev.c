// A table of pointers is stored delta-encoded (each entry as the distance
// from the previous one); the first entry is the arena, so arena + delta[1]
// rebuilds the message. At -O0 both operands of cur - prev trace back
// through spill slots to the same load of v[i], yet they are different objects.
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

char arena[64];
long deltas[4];

__attribute__((noinline)) void encode(char **v, int n) {
  char *prev;
  for (int i = 0; i < n; i++) {
    char *cur = v[i];
    if (i)
      deltas[i] = (long)((uintptr_t)cur - (uintptr_t)prev);
    prev = cur;
  }
}

__attribute__((noinline)) void save(const char *s) {
  char *msg = malloc(16); // CHECK: class4_delta_prev.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                          // CONS: class4_delta_prev.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  strcpy(msg, s);
  char *v[2] = {arena, msg};
  encode(v, 2);
}

int main(void) {
  save("hello");
  printf("kept: %s\n", arena + deltas[1]);
  return 0;
}
// EVIDENCE: kept: hello
