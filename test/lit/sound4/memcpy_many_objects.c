// A copy between two pointers that may each be any of 240 fields (30
// objects, 8 fields each) has 57600 pairs of locations, past
// ESC_PTA_MEMCPY_PAIRS: the points-to solve sends it through one node,
// the contents of every source object to every destination object,
// anywhere in it. The keeper, only in special.a, is copied into o3.c at
// run time and called through utab, which does not hold special's fields:
// keep stores the block in a global, so the block escapes.
// RUN: %clang -O0 -g %s -o %t0 && %t0 26 232 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 26 232 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*fn)(char *);
struct ob {
  fn a, b, c, d, e, f, g, h;
};

static char *kept;
static volatile long sink;
__attribute__((noinline)) static void keep(char *p) { kept = p; }
__attribute__((noinline)) static void look(char *p) { sink += p[0]; }

/* the 29 plain objects, o0 .. o28 */
#define OBJECTS(X)                                                           \
  X(o0) X(o1) X(o2) X(o3) X(o4) X(o5) X(o6) X(o7) X(o8) X(o9) X(o10)        \
  X(o11) X(o12) X(o13) X(o14) X(o15) X(o16) X(o17) X(o18) X(o19) X(o20)     \
  X(o21) X(o22) X(o23) X(o24) X(o25) X(o26) X(o27) X(o28)
#define DEFINE(o) static struct ob o = {look, look, look, look,             \
                                        look, look, look, look};
#define FIELDS(o) &o.a, &o.b, &o.c, &o.d, &o.e, &o.f, &o.g, &o.h,
OBJECTS(DEFINE)
static struct ob special = {keep, look, look, look, look, look, look, look};
/* every field of every object: tab[8 * i + k] is field k of object i */
static fn *tab[] = {OBJECTS(FIELDS) FIELDS(special)};
/* the same fields but special's: a call through it can reach keep only
 * through the copy */
static fn *utab[] = {OBJECTS(FIELDS)};

__attribute__((noinline)) static void copy(int to, int from) {
  memcpy(tab[to], tab[from], sizeof(fn));
}

__attribute__((noinline)) static void use(int k) {
  char *b = malloc(16); // CHECK: memcpy_many_objects.c:[[@LINE]]:{{[0-9]+}}: b = malloc(16) escapes to heap: {{.*}}[whole_program]
  strcpy(b, "kept after use");
  (*utab[k])(b);
}

int main(int argc, char **argv) {
  if (argc < 3)
    return 2;
  int to = atoi(argv[1]), from = atoi(argv[2]); /* o3.c and special.a */
  copy(to, from);
  use(to);
  printf("%s\n", kept ? kept : "(not kept)");
  return 0;
}
// EVIDENCE: kept after use
