// leaf is not recursive: its block moves into its frame. Optimised after
// the move (clang -O2, or the plugin's pass before default<O2>), leaf
// would be inlined into walk, which recurses 200 000 deep, and every frame
// of walk would hold the slot. A function with a moved block is noinline.
// RUN: %clang -O2 -Xclang -disable-llvm-passes -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --h2s -o %t.h2s.bc %t.bc | FileCheck %s
// RUN: llvm-dis %t.h2s.bc -o - | FileCheck %s --check-prefix=IR
// RUN: %clang -O2 %t.bc -o %t.before && %t.before > %t.out.before
// RUN: %clang -O2 %t.h2s.bc -o %t.after && %t.after > %t.out.after
// RUN: diff %t.out.before %t.out.after
// RUN: %opt -load-pass-plugin %plugin -passes='escapade-h2s,default<O2>' %t.bc -o %t.opt.bc 2>/dev/null
// RUN: %clang -O2 %t.opt.bc -o %t.plugin && %t.plugin > %t.out.plugin
// RUN: diff %t.out.before %t.out.plugin
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static long leaf(long n) {
  char *b = malloc(256); // CHECK: inlined_later.c:[[@LINE]]:{{[0-9]+}}: b = malloc(256) moved to the stack [whole_program]
  snprintf(b, 256, "%ld:%ld", n, n * n);
  long r = (long)strlen(b);
  free(b);
  return r;
}
// IR: define internal {{.*}}@leaf({{.*}}) [[ATTRS:#[0-9]+]]
// IR: attributes [[ATTRS]] = { {{.*}}noinline
static long walk(long n) {
  if (n == 0)
    return leaf(n + 5);
  long r = walk(n - 1);
  return r * 31 + (n ^ r);
}
int main(int argc, char **argv) {
  (void)argv;
  printf("%ld\n", walk(200000L * argc));
  return 0;
}
