// A context binds a target the call graph does not order: run's indirect
// call is unknown in general (main also hands it a number turned into a
// function pointer), so the call graph has no edge from run to keep; only
// frame's call binds keep there. frame's specialised summary of run is
// built on keep's summary, so keep must be analysed first; keep also calls
// frame, which puts both in one component, where a summary is not final
// until the component settles: the specialisation is not used, and x
// escapes through run's general summary.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef void (*visit_fn)(int *);

static int *kept;
static int frame(int depth);

__attribute__((noinline)) static void run(visit_fn f, int *p) { f(p); }

__attribute__((noinline)) static void keep(int *p) {
  kept = p;
  if (!p)
    frame(1); // never taken: only puts keep and frame in one component
}

__attribute__((noinline)) static int frame(int depth) {
  int x = 42; // CHECK: context_order.c:[[@LINE]]:{{[0-9]+}}: &x escapes {{.*}}
  if (depth < 2)
    run(keep, &x);
  return x;
}

int main(int argc, char **argv) {
  visit_fn g =
      (visit_fn)(uintptr_t)strtoull(argc > 1 ? argv[1] : "0", NULL, 16);
  if (g)
    run(g, NULL);
  frame(0);
  int *volatile k = kept;
  printf("after return: %d\n", *k);
  return 0;
}
// EVIDENCE: after return: {{-?[0-9]+}}
