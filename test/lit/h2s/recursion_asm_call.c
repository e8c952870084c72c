// walk calls itself from inline asm ("call walk"): no address of walk is
// in the IR, but the asm names it. Inline asm enters the functions its
// text names.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --h2s -o %t0.h2s.bc %t0.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
long walk(long n);
__attribute__((noinline)) static long call_walk(long n) {
  long r;
  __asm__ volatile("call walk"
                   : "=a"(r), "+D"(n)
                   :
                   : "rcx", "rdx", "rsi", "r8", "r9", "r10", "r11", "memory",
                     "cc");
  return r;
}
long walk(long n) {
  char *scratch = malloc(256); // CHECK: recursion_asm_call.c:[[@LINE]]:{{[0-9]+}}: scratch = malloc(256) stays on the heap: its function may be entered again while it runs{{.*}}[whole_program]
  memset(scratch, (int)(n & 0x7f), 256);
  long s = scratch[100];
  if (n > 0)
    s += call_walk(n - 1);
  free(scratch);
  return s;
}
int main(int argc, char **argv) {
  (void)argv;
  printf("%ld\n", walk(10L * argc));
  return 0;
}
