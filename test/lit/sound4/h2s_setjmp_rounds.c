// Heap-to-stack and setjmp: the frame allocates after a setjmp that
// returns again through longjmp, and keeps the previous round's block in a
// volatile local. One stack slot would be both rounds' block (no loop in
// the control flow shows the second round), so a function that calls
// setjmp keeps its blocks on the heap, although they do not escape; the
// program prints the same before and after.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --h2s -o %t.h2s.bc %t.bc | FileCheck %s
// RUN: %clang %t.bc -o %t.before && %t.before > %t.out.before
// RUN: %clang %t.h2s.bc -o %t.after && %t.after > %t.out.after
// RUN: diff %t.out.before %t.out.after
// RUN: FileCheck %s --check-prefix=OUT --input-file=%t.out.after
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --h2s -o %t2.h2s.bc %t2.bc | FileCheck %s
// RUN: %clang %t2.h2s.bc -o %t2.after && %t2.after | FileCheck %s --check-prefix=OUT
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf again;

__attribute__((noinline)) static void retry(int n) {
  if (n < 2)
    longjmp(again, n + 1);
}

__attribute__((noinline)) int work(void) {
  char *volatile prev = NULL;
  volatile int round = setjmp(again);
  char *b = malloc(16); // CHECK: h2s_setjmp_rounds.c:[[@LINE]]:13: b = malloc(16) stays on the heap: its function calls setjmp (returns twice)
  snprintf(b, 16, "round %d", round);
  if (prev) {
    printf("%s, then %s\n", prev, b);
    free(prev);
  }
  prev = b;
  retry(round);
  free(b);
  return round;
}

int main(void) {
  printf("%d\n", work());
  return 0;
}
// OUT: round 0, then round 1
// OUT-NEXT: round 1, then round 2
// OUT-NEXT: 2
