// The opt plugin prints the same report (on stderr, as print<...> passes
// do), at -O0 (optnone functions) and -O2, in text and JSON.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t0.bc 2>&1 | FileCheck %s
// RUN: %escapade %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t2.bc 2>&1 | FileCheck %s
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t2.bc -escapade-format=json 2>&1 | FileCheck %s --check-prefix=JSON
#include <stdlib.h>

int *cache;

int main(int argc, char **argv) {
  int *p = malloc(sizeof(int) * 4); // CHECK: plugin_levels.c:[[@LINE]]:12: {{.*}}malloc(16) escapes to heap: stored to global cache at {{.*}} [intraprocedural, conservative, whole_program]
  p[0] = argc;
  cache = p;
  return 0;
}
// JSON: "allocator":"malloc","bytes":16
