// A local array whose address is kept in a global: with --force-local the
// check labels it, and AddressSanitizer's use-after-return detection
// (detect_stack_use_after_return=1) catches main's read of it.
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --check --level=conservative --force-local=stack_force_local.c:20 -o %t.forced.bc %t.bc
// RUN: %clang -fsanitize=address -g %t.forced.bc %escapade_rt -o %t.forced
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1 not %t.forced 2>&1 | FileCheck %s
// At -O0 the frame's description has neither the variable's name nor its
// line (no lifetime markers, no value names): the site is named by size.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --check --level=conservative --force-local=stack_force_local.c:20 -o %t0.forced.bc %t0.bc
// RUN: %clang -fsanitize=address -g %t0.forced.bc %escapade_rt -o %t0.forced
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1 not %t0.forced 2>&1 | FileCheck %s
#include <stdio.h>
#include <string.h>

char *kept;

__attribute__((noinline)) void keep(const char *s) {
  char buf[16];
  strcpy(buf, s);
  kept = buf;
}

int main(int argc, char **argv) {
  keep(argc > 5 ? argv[1] : "stack");
  printf("kept: %s\n", kept); // CHECK: AddressSanitizer: stack-use-after-return
  return 0;
}
// After ASan's report, which says whose memory it is, the site:
// CHECK: escapade: check: object of {{.*}}stack_force_local.c:20:{{[0-9]+}}: &buf [conservative, --force-local] used after its frame returned
