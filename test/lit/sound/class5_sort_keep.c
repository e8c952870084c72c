// Library callbacks that keep their arguments: the qsort comparator keeps
// a pointer to an element of the array being sorted (a debugging aid), the
// bsearch comparator caches the key it was last asked about.
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

struct item { int key; char name[12]; };
static const struct item *last_seen;
static const char *last_key;
static const char *const names[] = {"alpha", "beta", "gamma"};

static int by_key(const void *a, const void *b) {
  const struct item *x = a, *y = b;
  last_seen = x;
  return (x->key > y->key) - (x->key < y->key);
}

static int by_name(const void *k, const void *e) {
  last_key = k;
  return strcmp(k, *(const char *const *)e);
}

__attribute__((noinline)) int sort_items(int n) {
  struct item *v = malloc(n * sizeof *v); // CHECK: class5_sort_keep.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                                          // CONS: class5_sort_keep.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  for (int i = 0; i < n; i++) {
    v[i].key = n - i;
    snprintf(v[i].name, sizeof v[i].name, "hello%d", i);
  }
  qsort(v, n, sizeof *v, by_key);
  return v[0].key;
}

__attribute__((noinline)) int lookup(const char *s) {
  char *key = malloc(16); // CHECK: class5_sort_keep.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                          // CONS: class5_sort_keep.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  strcpy(key, s);
  const char *const *hit = bsearch(key, names, 3, sizeof names[0], by_name);
  return hit ? (int)(hit - names) : -1;
}

int main(void) {
  int k = sort_items(2);
  int i = lookup("world");
  printf("%d kept: %.5s\n", k, last_seen->name);
  printf("%d kept: %s\n", i, last_key);
  return 0;
}
// EVIDENCE: 1 kept: hello
// EVIDENCE: -1 kept: world
