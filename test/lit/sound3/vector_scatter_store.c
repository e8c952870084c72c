// The loop vectorizer (AVX-512) turns an indexed store of pointers into
// llvm.masked.scatter, whose addresses are a vector of pointers: the store
// of `one` into table must be seen at -O2 as at -O0.
// REQUIRES: avx512f
// RUN: %clang -O0 -g -mavx512f %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g -mavx512f %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g -mavx512f -c -emit-llvm %s -o %t2.bc
// RUN: llvm-dis %t2.bc -o - | FileCheck %s --check-prefix=IR
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// IR: call void @llvm.masked.scatter
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *table[64];

__attribute__((noinline)) void put(char **src, const int *idx) {
#pragma clang loop unroll(disable) vectorize(enable)
  for (int i = 0; i < 64; i++)
    table[idx[i]] = src[i];
}

__attribute__((noinline)) void fill(const int *idx) {
  char **items = malloc(64 * sizeof *items);
  char *one = malloc(16); // CHECK: vector_scatter_store.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}conservative
  strcpy(one, "secret");
  for (int i = 0; i < 64; i++)
    items[i] = one;
  put(items, idx);
  free(items);
}

int main(void) {
  int idx[64];
  for (int i = 0; i < 64; i++)
    idx[i] = (i * 7) % 64;
  fill(idx);
  printf("kept after fill returned: %s %s\n", table[0], table[7]);
  return 0;
}

// EVIDENCE: kept after fill returned: secret secret
