// A record holding a fresh allocation is copied into a global registry by a
// hand-written byte loop (no memcpy): the pointer's bytes travel as chars,
// so registry[1].name points to the allocation after add() returned.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec { char *name; int id; };
struct rec registry[4];

__attribute__((noinline)) void copy_bytes(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  for (size_t i = 0; i < n; i++)
    d[i] = s[i];
}

__attribute__((noinline)) void add(int slot, const char *s) {
  struct rec r;
  r.name = malloc(16); // CHECK: generic_bytecopy_struct.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
  strcpy(r.name, s);
  r.id = slot;
  copy_bytes(&registry[slot], &r, sizeof r);
}

int main(void) {
  add(1, "hello");
  printf("kept: %s\n", registry[1].name);
  return 0;
}
// EVIDENCE: kept: hello
