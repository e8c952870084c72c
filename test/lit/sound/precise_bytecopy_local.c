// Must stay precise: a record holding a heap string is copied byte by byte
// (hand-written loop through void *) into another local record, read, and
// freed. Neither record leaves parse(), so the string does not escape.
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

__attribute__((noinline)) void copy_bytes(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  for (size_t i = 0; i < n; i++)
    d[i] = s[i];
}

__attribute__((noinline)) void parse(const char *s, int id) {
  struct rec a, b;
  a.name = malloc(16); // CHECK: precise_bytecopy_local.c:[[@LINE]]:{{[0-9]+}}: {{.*}}malloc(16) does not escape [whole_program]
  strcpy(a.name, s);
  a.id = id;
  copy_bytes(&b, &a, sizeof b);
  printf("name: %s\n", b.name);
  free(b.name);
}

int main(void) {
  parse("hello", 1);
  return 0;
}
// EVIDENCE: name: hello
