// A struct copied with memcpy carries its ops: the copy's field holds what
// the original's held. Here only a harmless function.
// Why sound: the copy is of the same struct type, whose `emit` field only
// ever receives quiet_emit; quiet_emit keeps nothing. At -O2 LLVM folds
// the copied pointer into a direct call, so every level sees it.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s --check-prefix=O0
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s --check-prefix=O2
#include <stdio.h>
#include <string.h>

struct sink {
  int (*emit)(const char *s);
  long count;
  char name[32];
};
static int quiet_emit(const char *s) { return (int)strlen(s); }
static struct sink proto = {quiet_emit, 0, "proto"};

__attribute__((noinline)) int run(int v) {
  struct sink copy;
  memcpy(&copy, &proto, sizeof copy);
  char line[24]; // O0: memcpy_ops.c:[[@LINE]]:{{[0-9]+}}: &line escapes to heap: passed to indirect call at {{.*}} [conservative]
                 // O0-NEXT: memcpy_ops.c:[[@LINE-1]]:{{[0-9]+}}: &line does not escape [whole_program]
                 // O2: memcpy_ops.c:[[@LINE-2]]:{{[0-9]+}}: &line does not escape [conservative, whole_program]
  snprintf(line, sizeof line, "%d", v);
  return copy.emit(line);
}

int main(int argc, char **argv) {
  printf("%d\n", run(argc));
  return 0;
}
