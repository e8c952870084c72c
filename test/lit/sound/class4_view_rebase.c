// Objects are named by their offset in a "view" that starts at the arena
// base: v = b + (msg - b), then off = v - b, kept in a global and rebuilt
// as base + off. v - b looks like a same-object difference (v is a GEP of
// b), but the GEP index carries msg, so the offset is msg - b.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s --check-prefix=CONS
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s --check-prefix=CONS
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct view { char *base; };
struct view g_view;
long saved_off;
#define IN_VIEW(b, p) ((b) + ((uintptr_t)(p) - (uintptr_t)(b)))

__attribute__((noinline)) void publish(struct view *vw, const char *s) {
  char *msg = malloc(16); // CHECK: class4_view_rebase.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                          // CONS: class4_view_rebase.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  strcpy(msg, s);
  char *b = vw->base;
  char *v = IN_VIEW(b, msg);
  saved_off = v - b;
}

int main(void) {
  static char arena[64];
  g_view.base = arena;
  publish(&g_view, "hello");
  printf("kept: %s\n", g_view.base + saved_off);
  return 0;
}
// EVIDENCE: kept: hello
