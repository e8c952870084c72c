// Heap-to-stack, case by case. Each site carries the remark --h2s prints
// for it at -O0; the program prints the same before and after.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --h2s -o %t.h2s.bc %t.bc | FileCheck %s
// RUN: llvm-dis %t.h2s.bc -o - | FileCheck %s --check-prefix=IR
// RUN: %clang %t.bc -o %t.before && %t.before > %t.out.before
// RUN: %clang %t.h2s.bc -o %t.after && %t.after > %t.out.after
// RUN: diff %t.out.before %t.out.after
// RUN: FileCheck %s --check-prefix=OUT --input-file=%t.out.after
// The -O2 module too: fewer sites survive the optimizer, the rest must
// still run the same.
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --h2s -o %t2.h2s.bc %t2.bc > /dev/null
// RUN: %clang %t2.h2s.bc -o %t2.after && %t2.after | FileCheck %s --check-prefix=OUT
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void release(char *p) { free(p); }

__attribute__((noinline)) int cases(int n) {
  /* a constant size: an alloca in the entry block, the free removed */
  char *a = malloc(32); // CHECK: cases.c:[[@LINE]]:13: a = malloc(32) moved to the stack [whole_program]
  strcpy(a, "constant");
  int r = (int)strlen(a);
  free(a);
  /* calloc: the slot is zeroed where calloc was called */
  long *z = calloc(4, sizeof *z); // CHECK: cases.c:[[@LINE]]:13: z = calloc(32) moved to the stack [whole_program]
  r += (int)z[3];
  free(z);
  /* in a loop: one slot per iteration, between stacksave and stackrestore */
  for (int i = 0; i < n; i++) {
    char *t = malloc(16); // CHECK: cases.c:[[@LINE]]:15: t = malloc(16) moved to the stack [whole_program]
    memset(t, 'x', 16);
    r += t[i % 16];
    free(t);
  }
  /* realloc'ed: stays (the slot holding g also holds realloc's block) */
  char *g = malloc(8); // CHECK: cases.c:[[@LINE]]:13: g = malloc(8) stays on the heap: {{.*}} [whole_program]
  g[0] = 1;
  g = realloc(g, 16);
  r += g[0];
  free(g);
  /* freed by a callee, a deallocator: stays */
  char *c = malloc(8); // CHECK: cases.c:[[@LINE]]:13: c = malloc(8) stays on the heap: freed by wrapper release (line [[@LINE+3]]) [whole_program]
  c[0] = 2;
  r += c[0];
  release(c);
  /* too large for the default --max-stack-bytes=256: stays */
  char *big = malloc(1024); // CHECK: cases.c:[[@LINE]]:15: big = malloc(1024) stays on the heap: 1024 bytes, more than --max-stack-bytes=256 [whole_program]
  memset(big, 3, 1024);
  r += big[1000];
  free(big);
  /* a size known only at run time: stays */
  char *v = malloc((size_t)n); // CHECK: cases.c:[[@LINE]]:13: v = malloc(?) stays on the heap: size not constant [whole_program]
  memset(v, 4, (size_t)n);
  r += v[0];
  free(v);
  return r;
}

int main(void) {
  printf("result %d\n", cases(3));
  return 0;
}
// OUT: result 378
// IR-LABEL: define {{.*}} @cases(
// IR: %h2s{{[0-9]*}} = alloca [32 x i8], align 16
// IR: call void @llvm.memset.p0.i64(ptr align 16 %h2s{{[0-9]*}}, i8 0, i64 32, i1 false)
// IR: %h2s.sp = call ptr @llvm.stacksave.p0()
// IR-NEXT: %h2s{{[0-9]*}} = alloca [16 x i8], align 16
// IR: call void @llvm.stackrestore.p0(ptr %h2s.sp)
// IR: call noalias ptr @malloc(i64 noundef 8)
// IR-LABEL: define {{.*}} @main(
// Through opt's pass plugin, remarks on stderr:
// RUN: %opt -load-pass-plugin %plugin -passes=escapade-h2s %t.bc -o %t.opt.bc 2>&1 | FileCheck %s
// RUN: %clang %t.opt.bc -o %t.opt && %t.opt | FileCheck %s --check-prefix=OUT
