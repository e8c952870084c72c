// advance(&cur) moves an object from below its parameter up into the
// parameter's pointee: cur, which pointed to the local head, now points
// to the global tail_node, and work's store through cur keeps m. A
// parameter's deep memory written back up (*pp = (*pp)->next) is news to
// the caller: "leaking param: pp to *pp".
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct node { struct node *next; char *data; };
static struct node tail_node;
__attribute__((noinline)) void advance(struct node **pp) { *pp = (*pp)->next; } // CHECK: summary_deep_moved_up.c:[[@LINE]]:{{[0-9]+}}: leaking param: pp to *pp level=1 [conservative, whole_program]
__attribute__((noinline)) void work(const char *s) {
  struct node head = {&tail_node, NULL};
  struct node *cur = &head;
  advance(&cur);
  char *m = malloc(16); // CHECK: summary_deep_moved_up.c:[[@LINE]]:{{[0-9]+}}: m = malloc(16) escapes to heap: {{.*}}[intraprocedural, conservative, whole_program]
  strcpy(m, s);
  cur->data = m;
}
int main(void) {
  work("advanced");
  printf("kept after work returned: %s\n", tail_node.data);
  return 0;
}
// EVIDENCE: kept after work returned: advanced
