// walk recurses through qsort's comparator (walk -> qsort -> cmp ->
// walk): no call of walk's own reaches it, the library does. Moved, each
// of the 15 000 frames would hold the 256-byte block. It stays; the
// program prints the same before and after.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --h2s -o %t0.h2s.bc %t0.bc | FileCheck %s
// RUN: %clang %t0.bc -o %t0.before && %t0.before > %t0.out.before
// RUN: %clang %t0.h2s.bc -o %t0.after && %t0.after > %t0.out.after
// RUN: diff %t0.out.before %t0.out.after
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static long walk(int depth);
static int g_depth; static long g_acc;
static int cmp(const void *a, const void *b){
  if (g_depth > 0) { int d = g_depth; g_depth = 0; g_acc += walk(d-1); }
  return *(const int*)a - *(const int*)b;
}
static long walk(int depth){
  if (depth==0) return 0;
  char *scratch = malloc(256); // CHECK: recursion_callback.c:[[@LINE]]:{{[0-9]+}}: scratch = malloc(256) stays on the heap: its function may be entered again while it runs{{.*}}[whole_program]
  memset(scratch, 1, 256);
  int arr[2] = {2,1};
  g_depth = depth;
  qsort(arr, 2, sizeof(int), cmp);
  long s = scratch[100];
  free(scratch);
  return s;
}
int main(int argc, char **argv){
  (void)argv;
  long r = walk(15000 * argc);
  printf("%ld %ld\n", r, g_acc);
  return 0;
}
