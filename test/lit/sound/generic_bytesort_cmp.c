// A hand-written generic sort (byte-by-byte swaps through void *) orders an
// array of freshly allocated words; the comparator chosen by the caller
// remembers the longest word it saw in a global. So the words outlive rank().
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int (*cmp_fn)(const void *, const void *);
const char *longest;
static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}
static int by_len(const void *a, const void *b) {
  const char *x = *(const char *const *)a, *y = *(const char *const *)b;
  if (!longest || strlen(longest) < strlen(x))
    longest = x;
  return (int)strlen(x) - (int)strlen(y);
}
static cmp_fn cmps[2] = {by_name, by_len};

__attribute__((noinline)) void sort(void *base, size_t n, size_t sz, cmp_fn cmp) {
  unsigned char *b = base;
  for (size_t i = 0; i + 1 < n; i++)
    for (size_t j = 0; j + 1 < n - i; j++)
      if (cmp(b + j * sz, b + (j + 1) * sz) > 0)
        for (size_t k = 0; k < sz; k++) {
          unsigned char t = b[j * sz + k];
          b[j * sz + k] = b[(j + 1) * sz + k];
          b[(j + 1) * sz + k] = t;
        }
}

__attribute__((noinline)) void rank(int mode) {
  static const char *src[3] = {"hello", "hi", "hey"};
  char *words[3];
  for (int i = 0; i < 3; i++) {
    words[i] = malloc(16); // CHECK: generic_bytesort_cmp.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
    strcpy(words[i], src[i]);
  }
  sort(words, 3, sizeof words[0], cmps[mode & 1]);
}

int main(int argc, char **argv) {
  rank(argc);
  printf("kept: %s\n", longest);
  return 0;
}
// EVIDENCE: kept: hello
