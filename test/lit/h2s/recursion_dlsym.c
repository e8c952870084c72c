// walk recurses through its own name: dlsym finds it in the executable
// (linked with -rdynamic), and no address of walk is taken in the IR. A
// program that looks symbols up by name may be entered through any
// function it exports; 30 000 frames of 256 bytes more would overflow the
// stack. The block stays on the heap and the program prints the same.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --h2s -o %t0.h2s.bc %t0.bc | FileCheck %s
// RUN: %clang -rdynamic %t0.bc -o %t0.before -ldl && %t0.before > %t0.out.before
// RUN: %clang -rdynamic %t0.h2s.bc -o %t0.after -ldl && %t0.after > %t0.out.after
// RUN: diff %t0.out.before %t0.out.after
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef long (*walk_fn)(long);
long walk(long n) {
  char *scratch = malloc(256); // CHECK: recursion_dlsym.c:[[@LINE]]:{{[0-9]+}}: scratch = malloc(256) stays on the heap: its function may be entered again while it runs{{.*}}[whole_program]
  memset(scratch, (int)(n & 0x7f), 256);
  long s = scratch[100];
  if (n > 0) {
    walk_fn self = (walk_fn)dlsym(RTLD_DEFAULT, "walk");
    s += self(n - 1);
  }
  free(scratch);
  return s;
}
int main(int argc, char **argv) {
  (void)argv;
  printf("%ld\n", walk(30000L * argc));
  return 0;
}
