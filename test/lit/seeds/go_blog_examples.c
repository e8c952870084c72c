// The examples of seeds 000 and 004 (Go's -m output on them quoted below),
// translated to C; the conservative level gives Go's verdicts.
//   ./main.go:6:2: moved to heap: foobar           (returning &foobar)
//   leaking param: id                               (recordID: sink = id)
//   leaking param: id to result ~r1 level=0         (validateID: return id)
//   new(int32) does not escape                      (id2, kept local)
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) char *foobar(void) {
  static const char init[] = "foobar";
  char foobar[8]; // CHECK: go_blog_examples.c:[[@LINE]]:{{[0-9]+}}: &foobar escapes to heap: address of local returned from foobar [conservative]
  for (int i = 0; i < 7; i++)
    foobar[i] = init[i];
#pragma clang diagnostic ignored "-Wreturn-stack-address"
  return foobar;
}

int32_t *sink;
__attribute__((noinline)) void recordID(int32_t *id) { sink = id; } // CHECK: go_blog_examples.c:[[@LINE]]:{{[0-9]+}}: leaking param: id [conservative]

__attribute__((noinline)) int32_t *validateID(int32_t *id) { // CHECK: go_blog_examples.c:[[@LINE]]:{{[0-9]+}}: leaking param: id to result ~r0 level=0 [conservative]
  return id[0] > 0 ? id : NULL;
}

int main(void) {
  int32_t id1 = 4096; // CHECK: go_blog_examples.c:[[@LINE]]:{{[0-9]+}}: &id1 does not escape [conservative]
  if (validateID(&id1) == NULL)
    exit(1);
  int32_t *id2 = malloc(sizeof *id2); // CHECK: go_blog_examples.c:[[@LINE]]:18: {{.*}}malloc(4) does not escape [conservative]
  *id2 = 4096;
  int32_t *validID = validateID(id2);
  if (validID == NULL)
    exit(1);
  int32_t *kept = malloc(sizeof *kept); // CHECK: go_blog_examples.c:[[@LINE]]:19: {{.*}}malloc(4) escapes to heap: passed to recordID at {{.*}}, which leaks param id [conservative]
  *kept = 1;
  recordID(kept);
  printf("%d %d %s\n", *validID, *sink, foobar() != NULL ? "y" : "n");
  free(id2);
  return 0;
}
