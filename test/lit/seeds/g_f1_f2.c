// Seed 002's g/f1/f2: f1 calls a method through an interface, f2 through
// the concrete type. Go moves s1 to the heap and keeps s2 on the stack.
// In C the interface value is an ops table plus a self pointer. Two types
// implement it here: S, harmless, and T, which keeps its receiver. The type
// set of I.M1 is {S_M1, T_M1}, so only the caller's context can tell: g
// passes an S, so s1 stays local; h passes a T, so t escapes through T_M1.
// Why sound: f1's call reaches exactly what its caller stored in the
// interface value's ops field, a constant table whose M1 is S_M1 (in g) or
// T_M1 (in h); S_M1 only writes an int through self. At -O2 LLVM itself
// specialises f1 for each constant table, which makes the calls direct and
// lets the conservative level see it too.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s --check-prefixes=CHECK,O0
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s --check-prefixes=CHECK,O2
#include <stdio.h>

struct I_ops { void (*M1)(void *self, int i); };
struct I { const struct I_ops *ops; void *self; };

struct S { int s1; };
static void S_M1(void *self, int i) { ((struct S *)self)->s1 = i; }
static const struct I_ops S_as_I = {S_M1};

void *kept;
struct T { int t1; };
static void T_M1(void *self, int i) { kept = self; ((struct T *)self)->t1 = i; }
static const struct I_ops T_as_I = {T_M1};

__attribute__((noinline)) void f1(struct I s) { s.ops->M1(s.self, 42); }
__attribute__((noinline)) void f2(struct S *s) { S_M1(s, 42); }

__attribute__((noinline)) int g(void) {
  struct S s1; // O0: g_f1_f2.c:[[@LINE]]:{{[0-9]+}}: &s1 escapes to heap: passed to f1 at {{.*}}, which leaks param {{.*}} [conservative]
               // O0-NEXT: g_f1_f2.c:[[@LINE-1]]:{{[0-9]+}}: &s1 does not escape [whole_program]
               // O0-NEXT: avoided: call of f1 at {{.*}} in this context: indirect call at {{.*}} resolved by context to {S_M1}
               // O2: g_f1_f2.c:[[@LINE-3]]:{{[0-9]+}}: &s1 does not escape [conservative, whole_program]
  struct S s2; // CHECK: g_f1_f2.c:[[@LINE]]:{{[0-9]+}}: &s2 does not escape [conservative, whole_program]
  struct I i = {&S_as_I, &s1};
  f1(i);
  f2(&s2);
  return s1.s1 + s2.s1;
}

__attribute__((noinline)) int h(void) {
  struct T t; // CHECK: g_f1_f2.c:[[@LINE]]:{{[0-9]+}}: &t escapes to heap: passed to f1{{.*}} at {{.*}} [conservative, whole_program]
  struct I i = {&T_as_I, &t};
  f1(i);
  return t.t1;
}

int main(void) {
  printf("%d %d\n", g(), h());
  return 0;
}
