// A call through a struct of function pointers (C's interface): Go-like
// analysis cannot see the target, so the buffer escapes under conservative.
// Whole-program resolution finds the only implementation stored into that
// field, which only reads: the buffer does not escape.
// Why sound: the only function ever stored into struct sink's field `put`
// is count_put, which reads its argument and keeps nothing.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sink {
  size_t (*put)(struct sink *, const char *);
  size_t total;
};

static size_t count_put(struct sink *s, const char *p) {
  s->total += strlen(p);
  return s->total;
}

__attribute__((noinline)) size_t emit(struct sink *s, int n) {
  char *buf = malloc(64); // CHECK: indirect_call.c:[[@LINE]]:15: {{.*}}malloc(64) escapes to heap: passed to indirect call at {{.*}}indirect_call.c:[[@LINE+3]]:{{[0-9]+}} [intraprocedural, conservative]
                          // CHECK: indirect_call.c:[[@LINE-1]]:15: {{.*}}malloc(64) does not escape [whole_program]
  snprintf(buf, 64, "%d", n);
  size_t r = s->put(s, buf);
  free(buf);
  return r;
}

int main(int argc, char **argv) {
  struct sink s = {count_put, 0};
  printf("%zu\n", emit(&s, argc));
  return 0;
}
