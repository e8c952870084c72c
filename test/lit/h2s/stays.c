// Sites heap-to-stack must leave alone although they do not escape, and a
// site whose move needs the tail-call marks cleared. The program prints the
// same before and after.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --h2s -o %t0.h2s.bc %t0.bc | FileCheck %s --check-prefixes=CHECK,O0
// RUN: %clang %t0.bc -o %t0.before && %t0.before > %t0.out.before
// RUN: %clang %t0.h2s.bc -o %t0.after && %t0.after > %t0.out.after
// RUN: diff %t0.out.before %t0.out.after
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --h2s -o %t2.h2s.bc %t2.bc | FileCheck %s
// RUN: llvm-dis %t2.h2s.bc -o - | FileCheck %s --check-prefix=IR
// RUN: %clang %t2.bc -o %t2.before && %t2.before > %t2.out.before
// RUN: %clang %t2.h2s.bc -o %t2.after && %t2.after > %t2.out.after
// RUN: diff %t2.out.before %t2.out.after
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the previous iteration's block is read through p after q's is made */
__attribute__((noinline)) static void carried(void) {
  char first[16] = "-";
  char *p = first;
  for (int i = 0; i < 3; i++) {
    char *q = malloc(16); // O0: stays.c:[[@LINE]]:15: q = malloc(16) stays on the heap: in a loop, and a value holding it lives beyond one iteration
    q[0] = (char)('A' + i);
    q[1] = 0;
    printf("%s %s\n", p, q);
    p = q;
  }
}

/* setjmp runs the site again while the first block is still in use */
static jmp_buf jb;
__attribute__((noinline)) static void twice(void) {
  char *volatile prev = NULL;
  volatile int n = 0;
  setjmp(jb);
  char *p = malloc(16); // CHECK: stays.c:[[@LINE]]:13: p = malloc(16) stays on the heap: its function calls setjmp (returns twice)
  p[0] = (char)('A' + n);
  p[1] = 0;
  if (prev)
    printf("prev=%s cur=%s same=%d\n", prev, p, prev == p);
  prev = p;
  if (++n < 3)
    longjmp(jb, 1);
}

/* a slot per frame of a recursion: the depth is the input's */
__attribute__((noinline)) static long walk(long n) {
  char *p = malloc(64); // O0: stays.c:[[@LINE]]:13: p = malloc(64) stays on the heap: its function is recursive
  memset(p, (int)(n & 0x7f), 64);
  long r = p[17];
  free(p);
  return n ? r + walk(n - 1) : r;
}

/* moved: show(p) was a tail call once free(p) was gone; the mark goes */
__attribute__((noinline)) static void show(const char *p) {
  char pad[128];
  memset(pad, 'z', sizeof pad);
  __asm__ volatile("" ::"r"(pad) : "memory");
  printf("%s\n", p);
}
__attribute__((noinline)) static void hello(int i) {
  char *p = malloc(16); // CHECK: stays.c:[[@LINE]]:13: p = malloc(16) moved to the stack
  snprintf(p, 16, "hello %d", i);
  show(p);
  free(p);
}

int main(int argc, char **argv) {
  carried();
  twice();
  printf("%ld\n", walk(argc > 5 ? 100000 : 1000));
  for (int i = 0; i < 3; i++)
    hello(i);
  return 0;
}
// IR-LABEL: define internal {{.*}}void @hello(
// IR-NOT: tail call {{.*}}@show
// IR: call {{.*}}void @show(
