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

#define LOOKS {look, look, look, look, look, look, look, look}
static struct ob o0 = LOOKS, o1 = LOOKS, o2 = LOOKS, o3 = LOOKS, o4 = LOOKS, o5 = LOOKS, o6 = LOOKS, o7 = LOOKS, o8 = LOOKS, o9 = LOOKS, o10 = LOOKS, o11 = LOOKS, o12 = LOOKS, o13 = LOOKS, o14 = LOOKS, o15 = LOOKS, o16 = LOOKS, o17 = LOOKS, o18 = LOOKS, o19 = LOOKS, o20 = LOOKS, o21 = LOOKS, o22 = LOOKS, o23 = LOOKS, o24 = LOOKS, o25 = LOOKS, o26 = LOOKS, o27 = LOOKS, o28 = LOOKS;
static struct ob special = {keep, look, look, look, look, look, look, look};
/* every field of every object: tab[8 * i + k] is field k of object i */
static fn *tab[] = {
    &o0.a, &o0.b, &o0.c, &o0.d, &o0.e, &o0.f, &o0.g, &o0.h,
    &o1.a, &o1.b, &o1.c, &o1.d, &o1.e, &o1.f, &o1.g, &o1.h,
    &o2.a, &o2.b, &o2.c, &o2.d, &o2.e, &o2.f, &o2.g, &o2.h,
    &o3.a, &o3.b, &o3.c, &o3.d, &o3.e, &o3.f, &o3.g, &o3.h,
    &o4.a, &o4.b, &o4.c, &o4.d, &o4.e, &o4.f, &o4.g, &o4.h,
    &o5.a, &o5.b, &o5.c, &o5.d, &o5.e, &o5.f, &o5.g, &o5.h,
    &o6.a, &o6.b, &o6.c, &o6.d, &o6.e, &o6.f, &o6.g, &o6.h,
    &o7.a, &o7.b, &o7.c, &o7.d, &o7.e, &o7.f, &o7.g, &o7.h,
    &o8.a, &o8.b, &o8.c, &o8.d, &o8.e, &o8.f, &o8.g, &o8.h,
    &o9.a, &o9.b, &o9.c, &o9.d, &o9.e, &o9.f, &o9.g, &o9.h,
    &o10.a, &o10.b, &o10.c, &o10.d, &o10.e, &o10.f, &o10.g, &o10.h,
    &o11.a, &o11.b, &o11.c, &o11.d, &o11.e, &o11.f, &o11.g, &o11.h,
    &o12.a, &o12.b, &o12.c, &o12.d, &o12.e, &o12.f, &o12.g, &o12.h,
    &o13.a, &o13.b, &o13.c, &o13.d, &o13.e, &o13.f, &o13.g, &o13.h,
    &o14.a, &o14.b, &o14.c, &o14.d, &o14.e, &o14.f, &o14.g, &o14.h,
    &o15.a, &o15.b, &o15.c, &o15.d, &o15.e, &o15.f, &o15.g, &o15.h,
    &o16.a, &o16.b, &o16.c, &o16.d, &o16.e, &o16.f, &o16.g, &o16.h,
    &o17.a, &o17.b, &o17.c, &o17.d, &o17.e, &o17.f, &o17.g, &o17.h,
    &o18.a, &o18.b, &o18.c, &o18.d, &o18.e, &o18.f, &o18.g, &o18.h,
    &o19.a, &o19.b, &o19.c, &o19.d, &o19.e, &o19.f, &o19.g, &o19.h,
    &o20.a, &o20.b, &o20.c, &o20.d, &o20.e, &o20.f, &o20.g, &o20.h,
    &o21.a, &o21.b, &o21.c, &o21.d, &o21.e, &o21.f, &o21.g, &o21.h,
    &o22.a, &o22.b, &o22.c, &o22.d, &o22.e, &o22.f, &o22.g, &o22.h,
    &o23.a, &o23.b, &o23.c, &o23.d, &o23.e, &o23.f, &o23.g, &o23.h,
    &o24.a, &o24.b, &o24.c, &o24.d, &o24.e, &o24.f, &o24.g, &o24.h,
    &o25.a, &o25.b, &o25.c, &o25.d, &o25.e, &o25.f, &o25.g, &o25.h,
    &o26.a, &o26.b, &o26.c, &o26.d, &o26.e, &o26.f, &o26.g, &o26.h,
    &o27.a, &o27.b, &o27.c, &o27.d, &o27.e, &o27.f, &o27.g, &o27.h,
    &o28.a, &o28.b, &o28.c, &o28.d, &o28.e, &o28.f, &o28.g, &o28.h,
    &special.a, &special.b, &special.c, &special.d, &special.e, &special.f, &special.g, &special.h,
};
/* the same fields but special's: a call through it can reach keep only
 * through the copy */
static fn *utab[] = {
    &o0.a, &o0.b, &o0.c, &o0.d, &o0.e, &o0.f, &o0.g, &o0.h,
    &o1.a, &o1.b, &o1.c, &o1.d, &o1.e, &o1.f, &o1.g, &o1.h,
    &o2.a, &o2.b, &o2.c, &o2.d, &o2.e, &o2.f, &o2.g, &o2.h,
    &o3.a, &o3.b, &o3.c, &o3.d, &o3.e, &o3.f, &o3.g, &o3.h,
    &o4.a, &o4.b, &o4.c, &o4.d, &o4.e, &o4.f, &o4.g, &o4.h,
    &o5.a, &o5.b, &o5.c, &o5.d, &o5.e, &o5.f, &o5.g, &o5.h,
    &o6.a, &o6.b, &o6.c, &o6.d, &o6.e, &o6.f, &o6.g, &o6.h,
    &o7.a, &o7.b, &o7.c, &o7.d, &o7.e, &o7.f, &o7.g, &o7.h,
    &o8.a, &o8.b, &o8.c, &o8.d, &o8.e, &o8.f, &o8.g, &o8.h,
    &o9.a, &o9.b, &o9.c, &o9.d, &o9.e, &o9.f, &o9.g, &o9.h,
    &o10.a, &o10.b, &o10.c, &o10.d, &o10.e, &o10.f, &o10.g, &o10.h,
    &o11.a, &o11.b, &o11.c, &o11.d, &o11.e, &o11.f, &o11.g, &o11.h,
    &o12.a, &o12.b, &o12.c, &o12.d, &o12.e, &o12.f, &o12.g, &o12.h,
    &o13.a, &o13.b, &o13.c, &o13.d, &o13.e, &o13.f, &o13.g, &o13.h,
    &o14.a, &o14.b, &o14.c, &o14.d, &o14.e, &o14.f, &o14.g, &o14.h,
    &o15.a, &o15.b, &o15.c, &o15.d, &o15.e, &o15.f, &o15.g, &o15.h,
    &o16.a, &o16.b, &o16.c, &o16.d, &o16.e, &o16.f, &o16.g, &o16.h,
    &o17.a, &o17.b, &o17.c, &o17.d, &o17.e, &o17.f, &o17.g, &o17.h,
    &o18.a, &o18.b, &o18.c, &o18.d, &o18.e, &o18.f, &o18.g, &o18.h,
    &o19.a, &o19.b, &o19.c, &o19.d, &o19.e, &o19.f, &o19.g, &o19.h,
    &o20.a, &o20.b, &o20.c, &o20.d, &o20.e, &o20.f, &o20.g, &o20.h,
    &o21.a, &o21.b, &o21.c, &o21.d, &o21.e, &o21.f, &o21.g, &o21.h,
    &o22.a, &o22.b, &o22.c, &o22.d, &o22.e, &o22.f, &o22.g, &o22.h,
    &o23.a, &o23.b, &o23.c, &o23.d, &o23.e, &o23.f, &o23.g, &o23.h,
    &o24.a, &o24.b, &o24.c, &o24.d, &o24.e, &o24.f, &o24.g, &o24.h,
    &o25.a, &o25.b, &o25.c, &o25.d, &o25.e, &o25.f, &o25.g, &o25.h,
    &o26.a, &o26.b, &o26.c, &o26.d, &o26.e, &o26.f, &o26.g, &o26.h,
    &o27.a, &o27.b, &o27.c, &o27.d, &o27.e, &o27.f, &o27.g, &o27.h,
    &o28.a, &o28.b, &o28.c, &o28.d, &o28.e, &o28.f, &o28.g, &o28.h,
};

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
