// walk recurses through a table of function pointers filled at run time
// (resolved at whole_program to walk itself): each frame would hold its
// own 256-byte slot, and 100 000 levels overflow the stack. The block
// stays on the heap; the program prints the same before and after.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --h2s -o %t0.h2s.bc %t0.bc | FileCheck %s
// RUN: %clang %t0.bc -o %t0.before && %t0.before > %t0.out.before
// RUN: %clang %t0.h2s.bc -o %t0.after && %t0.after > %t0.out.after
// RUN: diff %t0.out.before %t0.out.after
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct node { struct node *kids[2]; int v; };
typedef long (*visit_fn)(int depth);
static visit_fn table[2];
static long walk(int depth){
  if (depth==0) return 0;
  char *scratch = malloc(256); // CHECK: recursion_indirect.c:[[@LINE]]:{{[0-9]+}}: scratch = malloc(256) stays on the heap: its function may be entered again while it runs{{.*}}[whole_program]
  memset(scratch, 1, 256);
  long s = scratch[100] + table[depth&1](depth-1);
  free(scratch);
  return s;
}
int main(int argc, char **argv){
  (void)argv;
  for (int i=0;i<2;i++) table[i] = walk;
  printf("%ld\n", walk(100000 * argc));
  return 0;
}
