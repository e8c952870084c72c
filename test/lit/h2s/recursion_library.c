// A library given alone (no main): code outside the bitcode calls its
// exported functions, and may do so again from the callback it is handed.
// lib_walk's user (Inputs/lib_walk_user.c) recurses through it 30 000
// deep. The block stays on the heap and the program prints the same.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --h2s -o %t0.h2s.bc %t0.bc | FileCheck %s
// RUN: %clang %t0.bc %S/Inputs/lib_walk_user.c -o %t0.before && %t0.before > %t0.out.before
// RUN: %clang %t0.h2s.bc %S/Inputs/lib_walk_user.c -o %t0.after && %t0.after > %t0.out.after
// RUN: diff %t0.out.before %t0.out.after
#include <stdlib.h>
#include <string.h>
long lib_walk(long n, long (*visit)(long)) {
  char *scratch = malloc(256); // CHECK: recursion_library.c:[[@LINE]]:{{[0-9]+}}: scratch = malloc(256) stays on the heap: its function may be entered again while it runs{{.*}}[whole_program]
  memset(scratch, (int)(n & 0x7f), 256);
  long s = scratch[100];
  if (n > 0)
    s += visit(n - 1);
  free(scratch);
  return s;
}
