// A function stored through a cast that drops its result (int f(char *)
// used as void (*)(char *)) can still be called there: resolution compares
// the arguments of the call and the function, not their results, and the
// keeper is found.
// Why sound: the call passes one pointer, like keep_count takes; return
// types are not compared, so keep_count stays in the set.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>

struct hook { void (*on)(char *); };
char *kept;
static int keep_count(char *s) { kept = s; return 1; }
static void show(char *s) { puts(s); }
struct hook hooks[2] = {{show}, {(void (*)(char *))keep_count}};

__attribute__((noinline)) void fire(int i) {
  char buf[8] = "x"; // CHECK: cast_result.c:[[@LINE]]:{{[0-9]+}}: &buf escapes to heap: {{.*}}keep_count{{.*}} [whole_program]
  hooks[i & 1].on(buf);
}

int main(int argc, char **argv) {
  fire(argc);
  return kept != 0;
}
