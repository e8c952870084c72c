// A callback that keeps its argument, passed by one caller and not by
// another: visit() calls its callback parameter; the caller that passes
// `tally` keeps its buffer local, the caller that passes `keep` does not.
// Why sound: in quiet(), visit's callback is exactly tally (the constant
// passed), which only reads; in loud() it is keep, which stores the pointer.
// At -O2 LLVM specialises visit for each constant callback itself (and
// folds quiet's array away), so only loud's array is left to report.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s --check-prefixes=CHECK,O0
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s --check-prefixes=CHECK
#include <stdio.h>

static int total;
static int *saved;
static void tally(int *x) { total += *x; }
static void keep(int *x) { saved = x; }

__attribute__((noinline)) void visit(int *v, int n, void (*cb)(int *)) {
  for (int i = 0; i < n; i++)
    cb(&v[i]);
}

__attribute__((noinline)) int quiet(void) {
  int a[4] = {1, 2, 3, 4}; // O0: callback_context.c:[[@LINE]]:{{[0-9]+}}: &a escapes to heap: passed to visit at {{.*}} [conservative]
                           // O0-NEXT: callback_context.c:[[@LINE-1]]:{{[0-9]+}}: &a does not escape [whole_program]
                           // O0-NEXT: avoided: {{.*}}resolved by context to {tally}
  visit(a, 4, tally);
  return total;
}

__attribute__((noinline)) int loud(void) {
  int b[4] = {5, 6, 7, 8}; // CHECK: callback_context.c:[[@LINE]]:{{[0-9]+}}: &b escapes to heap: passed to visit{{.*}} at {{.*}} [conservative, whole_program]
  visit(b, 4, keep);
  return saved != 0;
}

int main(void) {
  printf("%d %d\n", quiet(), loud());
  return 0;
}
