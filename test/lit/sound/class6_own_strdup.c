// Portability shim: the program defines its own strdup (marked malloc),
// which interns strings in a global pool, so the block returned at a call
// site is the shared, pooled copy, not a fresh one. A function with a body
// is judged by its body, whatever its name or attributes: the call is not
// an allocation site, and the block strdup links into the pool escapes.
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

struct interned { struct interned *next; char s[16]; };
static struct interned *pool;

__attribute__((malloc, noinline)) char *strdup(const char *s) {
  for (struct interned *i = pool; i; i = i->next)
    if (!strcmp(i->s, s))
      return i->s;
  struct interned *n = calloc(1, sizeof *n); // CHECK: class6_own_strdup.c:[[@LINE]]:{{[0-9]+}}: {{.*}}calloc(24) escapes to heap: stored to global pool{{.*}}whole_program]
                                             // CONS: class6_own_strdup.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}calloc(24) escapes to heap: stored to global pool{{.*}}[conservative]
  strncpy(n->s, s, sizeof n->s - 1);
  n->next = pool;
  pool = n;
  return n->s;
}

__attribute__((noinline)) size_t name_len(const char *name) {
  char *copy = strdup(name); // CHECK-NOT: class6_own_strdup.c:[[@LINE]]:{{.*}}does not escape
                             // CONS-NOT: class6_own_strdup.c:[[@LINE-1]]:{{.*}}does not escape
  return strlen(copy);
}

int main(void) {
  size_t n = name_len("hello");
  printf("%zu kept: %s\n", n, pool->s);
  return 0;
}
// EVIDENCE: 5 kept: hello
