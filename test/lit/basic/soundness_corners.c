// Ways out that are easy to miss: a struct returned by value, a malloc'd
// object handed out through a parameter and then memcpy'd into a global,
// a library function we do not model (qsort), a thread-local, recursion
// that keeps a pointer to a caller's frame, realloc, and a struct copy out
// of a heap object into a global. Each of these escapes.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdlib.h>
#include <string.h>

struct P { char *p; int n; };
struct node { struct node *next; int v; };
struct P gP;
struct node *gN;
char *gR;
__thread char *tls;

__attribute__((noinline)) struct P mk(void) {
  struct P r;
  r.p = malloc(4); // CHECK: soundness_corners.c:[[@LINE]]:9: {{.*}}malloc(4) escapes to heap: returned from mk [whole_program]
  r.n = 1;
  return r;
}

__attribute__((noinline)) void fill(struct P *out) { out->p = malloc(8); }

__attribute__((noinline)) void rec(struct node *n, int d) {
  if (d) {
    struct node m; // CHECK: soundness_corners.c:[[@LINE]]:{{[0-9]+}}: &m escapes to heap: passed to rec at {{.*}}, which leaks param n [whole_program]
    m.next = n;
    m.v = d;
    rec(&m, d - 1);
  } else {
    gN = n;
  }
}

static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

int main(int argc, char **argv) {
  struct P a = mk();
  gP = a;
  struct P b;
  fill(&b); // CHECK: soundness_corners.c:[[@LINE]]:3: fill(8) escapes to heap: copied into memory that escapes at {{.*}} [whole_program]
  memcpy(&gP, &b, sizeof b);
  int *arr = malloc(16); // CHECK: soundness_corners.c:[[@LINE]]:14: {{.*}}malloc(16) escapes to heap: passed to qsort at {{.*}}, which may keep it [whole_program]
  arr[0] = 2;
  arr[1] = 1;
  qsort(arr, 2, 4, cmp);
  char *t = malloc(3); // CHECK: soundness_corners.c:[[@LINE]]:13: {{.*}}malloc(3) escapes to heap: stored to memory that escapes at {{.*}} [whole_program]
  tls = t;
  struct node top; // CHECK: soundness_corners.c:[[@LINE]]:{{[0-9]+}}: &top escapes to heap: passed to rec at {{.*}}, which leaks param n [whole_program]
  top.next = 0;
  rec(&top, argc);
  char *r = malloc(4);
  char *r2 = realloc(r, 8); // CHECK: soundness_corners.c:[[@LINE]]:14: {{.*}}realloc(8) escapes to heap: stored to global gR at {{.*}} [whole_program]
  gR = r2;
  struct P *h = malloc(sizeof *h);
  h->p = malloc(2); // CHECK: soundness_corners.c:[[@LINE]]:10: {{.*}}malloc(2) escapes to heap: {{.*}} [whole_program]
  gP = *h;
  return 0;
}
