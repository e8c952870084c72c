// escapade-count: executions and bytes per site, and how many of those
// allocations were freed before their allocating frame returned (for a
// wrapper's call site, the caller's frame): the dynamic upper bound of
// what an escape analysis can keep local. Columns: id, site, kind,
// found_by, allocator, the three levels, executions, bytes, freed in frame,
// bytes freed in frame.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %opt -load-pass-plugin %plugin -passes=escapade-count %t.bc -o %t.counted.bc
// RUN: %clang %t.counted.bc %escapade_rt -o %t.counted
// RUN: rm -f %t.tsv && env ESCAPADE_COUNT_FILE=%t.tsv %t.counted | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t.tsv
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *kept;

__attribute__((noinline)) static char *xmalloc(size_t n) {
  char *p = malloc(n); // CHECK-DAG: freed_in_frame.c:[[@LINE]]:13{{.*}}heap{{.*}}direct{{.*}}malloc{{.*}}	6	96	0	0
  if (!p)
    abort();
  return p;
}

__attribute__((noinline)) static int scratch(int i) {
  char *s = malloc(32); // CHECK-DAG: freed_in_frame.c:[[@LINE]]:13{{.*}}heap{{.*}}direct{{.*}}	5	160	5	160
  memset(s, i, 32);
  int r = s[7];
  free(s);
  return r;
}

__attribute__((noinline)) static void keep(void) {
  kept = malloc(8); // CHECK-DAG: freed_in_frame.c:[[@LINE]]:10{{.*}}heap{{.*}}direct{{.*}}	1	8	0	0
  strcpy(kept, "kept");
}

int main(void) {
  int r = 0;
  for (int i = 0; i < 5; i++)
    r += scratch(i);
  keep();
  for (int i = 0; i < 5; i++) {
    char *w = xmalloc(16); // CHECK-DAG: freed_in_frame.c:[[@LINE]]:15{{.*}}heap{{.*}}wrapper{{.*}}xmalloc{{.*}}	5	80	5	80
    w[0] = (char)i;
    r += w[0];
    free(w);
  }
  char *late = xmalloc(16); // CHECK-DAG: freed_in_frame.c:[[@LINE]]:16{{.*}}heap{{.*}}wrapper{{.*}}	1	16	0	0
  printf("%d %s\n", r, kept);
  free(kept);
  late[0] = 0;
  return 0;
}
// OUT: 20 kept
