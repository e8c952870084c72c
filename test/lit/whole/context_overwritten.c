// Context sensitivity must not trust what the caller stored when the callee
// changes it first: use() rewrites s->fn to the keeper before calling
// through it, so the caller's quiet function says nothing about the call.
// Why sound: use()'s copy of the struct is written twice (by the caller's
// value and by `keep`), so the callee is not traced to the caller's value,
// and the general answer ({quiet, keep}) includes keep, which stores its
// argument in a global. (A callee that writes through a parameter whose
// memory a context relies on also drops that context.)
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
#include <stdio.h>

struct cb { void (*fn)(char *); };
static void quiet(char *s) { (void)s; }
char *kept;
static void keep(char *s) { kept = s; }

__attribute__((noinline)) void use(struct cb s, char *buf) {
  s.fn = keep;
  s.fn(buf);
}

int main(void) {
  char buf[8] = "x"; // CHECK: context_overwritten.c:[[@LINE]]:{{[0-9]+}}: &buf escapes to heap: passed to use at {{.*}}, which leaks param buf [whole_program]
  struct cb c = {quiet};
  use(c, buf);
  return kept != 0;
}
