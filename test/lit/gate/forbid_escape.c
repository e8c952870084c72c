// The CI gate: --forbid-escape=GLOB exits 3 when a site in a function
// matching GLOB escapes at the report's level (the highest one asked
// for), after writing the report; one line per forbidden escape on stderr.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
//
// hot_* functions keep everything local: the gate passes (0).
// RUN: %escapade --forbid-escape='hot_*' %t.bc > %t.out; test $? -eq 0
// RUN: FileCheck %s --check-prefix=REPORT < %t.out
// REPORT: does not escape
//
// cold_keep's block escapes: the gate fails (3) and names the site.
// RUN: %escapade --forbid-escape 'hot_*,cold_*' %t.bc > %t.out 2> %t.err; test $? -eq 3
// RUN: FileCheck %s --check-prefix=GATE < %t.err
// RUN: FileCheck %s --check-prefix=REPORT < %t.out
//
// The gate judges at the level asked for: at the intraprocedural level
// hot_sum's buffer escapes into the call of add (not seen), so it fails.
// RUN: %escapade --level=intraprocedural --forbid-escape=hot_sum %t.bc > /dev/null 2> %t.intra; test $? -eq 3
// RUN: FileCheck %s --check-prefix=INTRA < %t.intra
#include <stdlib.h>

char *kept;

static int add(int *v, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += v[i];
  return s;
}

int hot_sum(void) {
  int *v = malloc(4 * sizeof(int)); // INTRA: escapade: forbidden escape: {{.*}}forbid_escape.c:[[@LINE]]:12: v = malloc(16) in hot_sum escapes to heap: {{.*}} [intraprocedural]
  for (int i = 0; i < 4; i++)
    v[i] = i;
  int s = add(v, 4);
  free(v);
  return s;
}

void cold_keep(void) {
  kept = malloc(8); // GATE: escapade: forbidden escape: {{.*}}forbid_escape.c:[[@LINE]]:10: malloc(8) in cold_keep escapes to heap: stored to global kept at {{.*}} [whole_program]
}

int main(void) {
  cold_keep();
  return hot_sum() == 6 ? 0 : 1;
}
