// Each directive of a model file (Inputs/effects.model) next to the call it
// is about: external allocators become sites, an external function that
// keeps nothing lets its argument stay local, one that returns its argument
// passes it on, one that keeps it makes it escape, and a modelled free is
// no unknown call.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative --model=%S/Inputs/effects.model %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative --model=%S/Inputs/effects.model %t2.bc | FileCheck %s
// Without the model the same calls are unknown: nothing is a site and
// every argument escapes.
// RUN: %escapade --level=conservative %t0.bc | FileCheck --check-prefix=NOMODEL %s
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void xfree(void *p);
void log_ptr(const void *p);
void *pass_through(void *p);
void remember(void *p);
void *global;

int logged(void) {
  int v = 1; // CHECK: effects.c:[[@LINE]]:{{[0-9]+}}: &v does not escape [conservative]
  // NOMODEL: effects.c:[[@LINE-1]]:{{[0-9]+}}: &v escapes to heap: passed to log_ptr at {{.*}}effects.c:[[@LINE+1]]:{{[0-9]+}}, which may keep it [conservative]
  log_ptr(&v);
  return v;
}

int freed(void) {
  int *p = xmalloc(sizeof *p); // CHECK: effects.c:[[@LINE]]:{{[0-9]+}}: p = xmalloc(4) does not escape [conservative]
  // NOMODEL-NOT: xmalloc(4)
  *p = 2;
  int r = *p;
  xfree(p);
  return r;
}

void kept(void) {
  char *q = xcalloc(4, 8); // CHECK: effects.c:[[@LINE]]:{{[0-9]+}}: q = xcalloc(32) escapes to heap: passed to remember at {{.*}}effects.c:[[@LINE+1]]:{{[0-9]+}}, which keeps argument 0 (model {{.*}}effects.model:9) [conservative]
  remember(q);
}

void *returned(void) {
  int *r = xmalloc(16); // CHECK: effects.c:[[@LINE]]:{{[0-9]+}}: r = xmalloc(16) escapes to heap: {{.*}}returned{{.*}} [conservative]
  return pass_through(r);
}

int passed_on(void) {
  int w = 3; // CHECK: effects.c:[[@LINE]]:{{[0-9]+}}: &w does not escape [conservative]
  int *x = pass_through(&w);
  return *x;
}

void resized(void) {
  char *s = xmalloc(8); // CHECK: effects.c:[[@LINE]]:{{[0-9]+}}: s = xmalloc(8) does not escape [conservative]
  s = xrealloc(s, 64); // CHECK: effects.c:[[@LINE]]:{{[0-9]+}}: s = xrealloc(64) escapes to heap: stored to global global at {{.*}} [conservative]
  global = s;
}
