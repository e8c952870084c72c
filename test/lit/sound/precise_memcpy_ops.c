// Must stay precise: an ops table is copied by a generic helper (memcpy
// through void *) into a local and called. Every function in the program
// that the call could reach only reads its argument, so line does not
// escape format_and_emit().
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <string.h>

struct emitter { size_t (*emit)(const char *); size_t (*measure)(const char *); };
static size_t put_line(const char *s) { return (size_t)printf("line: %s\n", s); }
static size_t count(const char *s) { return strlen(s); }
static const struct emitter emitters[2] = {{put_line, count}, {count, count}};

__attribute__((noinline)) void copy_obj(void *dst, const void *src, size_t n) {
  memcpy(dst, src, n);
}

__attribute__((noinline)) size_t format_and_emit(int which, int v) {
  struct emitter e;
  copy_obj(&e, &emitters[which & 1], sizeof e);
  char line[32]; // CHECK: precise_memcpy_ops.c:[[@LINE]]:{{[0-9]+}}: &line does not escape [whole_program]
  snprintf(line, sizeof line, "value %d", v);
  return e.emit(line) + e.measure(line);
}

int main(int argc, char **argv) {
  (void)argv;
  printf("total: %zu\n", format_and_emit(argc - 1, 7));
  return 0;
}
// EVIDENCE: line: value 7
