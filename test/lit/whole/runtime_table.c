// A function pointer chosen at run time from a table: the call may reach
// any entry of the table, and nothing else. All entries only read.
// Why sound: ops[] holds exactly sum_op and max_op (its initializer; it is
// never written), and the pointer is loaded from it; both only read `v`.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

typedef int (*op_fn)(const int *v, int n);
static int sum_op(const int *v, int n) { int s = 0; for (int i = 0; i < n; i++) s += v[i]; return s; }
static int max_op(const int *v, int n) { int m = v[0]; for (int i = 1; i < n; i++) if (v[i] > m) m = v[i]; return m; }
static op_fn ops[] = {sum_op, max_op};

__attribute__((noinline)) int apply(int which, int n) {
  int *v = malloc(n * sizeof(int)); // CHECK: runtime_table.c:[[@LINE]]:12: {{.*}}malloc(?) escapes to heap: passed to indirect call at {{.*}} [conservative]
                                    // CHECK-NEXT: runtime_table.c:[[@LINE-1]]:12: {{.*}}malloc(?) does not escape [whole_program]
  for (int i = 0; i < n; i++)
    v[i] = i * which;
  op_fn f = ops[which & 1];
  int r = f(v, n);
  free(v);
  return r;
}

int main(int argc, char **argv) {
  printf("%d\n", apply(argc, 4));
  return 0;
}
