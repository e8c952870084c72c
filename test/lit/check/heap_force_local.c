// The run-time check on a heap site that escapes: the analysis says so,
// so the check leaves it alone and the program runs as it always did; with
// --force-local on that site the check treats it as not escaping, poisons
// the block when keep() returns, and main's read of it is reported with
// the site. This is how the check is shown to fire: it can fail.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --check -o %t.plain.bc %t.bc
// RUN: %clang -fsanitize=address -g %t.plain.bc %escapade_rt -o %t.plain
// RUN: %t.plain | FileCheck %s --check-prefix=PLAIN
// RUN: %escapade --check --force-local=heap_force_local.c:20 -o %t.forced.bc %t.bc
// RUN: %clang -fsanitize=address -g %t.forced.bc %escapade_rt -o %t.forced
// RUN: not %t.forced 2>&1 | FileCheck %s --check-prefix=FORCED
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *kept;

__attribute__((noinline)) void keep(void) {
  char *p = malloc(16); // FORCED: escapade: check: object of {{.*}}heap_force_local.c:[[@LINE]]:13: p = malloc(16) [whole_program, --force-local] used after its frame returned
  strcpy(p, "heap");
  kept = p;
}

int main(void) {
  keep();
  printf("kept: %s\n", kept); // FORCED: AddressSanitizer: use-after-poison
  free(kept);
  return 0;
}
// PLAIN: kept: heap
// The same through opt's pass plugin:
// RUN: %opt -load-pass-plugin %plugin -passes=escapade-check -escapade-force-local=heap_force_local.c:20 %t.bc -o %t.opt.bc
// RUN: %clang -fsanitize=address -g %t.opt.bc %escapade_rt -o %t.opt
// RUN: not %t.opt 2>&1 | FileCheck %s --check-prefix=FORCED
