// link stores one node the pair holds into the other's memory
// (p->a->next = p->b). Inside link both are the parameter's one deep
// object, so the store is deep memory written into deep memory: news to
// the caller, whose first.next now points to the global gnode.
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
struct pair { struct node *a, *b; };
static struct node gnode;                 /* global: outlives work() */
/* links one pointee of the pair to the other: a depth-1 object stored
 * into another depth-1 object's memory */
__attribute__((noinline)) void link(struct pair *p) { p->a->next = p->b; }
__attribute__((noinline)) void work(const char *s) {
  struct node spare = {0, 0};
  struct node first = {&spare, 0};
  struct pair pr = {&first, &gnode};
  link(&pr);                              /* first.next = &gnode */
  char *m = malloc(16); // CHECK: summary_sibling_link.c:[[@LINE]]:{{[0-9]+}}: m = malloc(16) escapes to heap: {{.*}}[{{.*}}conservative, whole_program]
  strcpy(m, s);
  first.next->data = m;                   /* gnode.data = m */
}
int main(void) {
  work("sibling-link");
  printf("kept after work returned: %s\n", gnode.data);
  return 0;
}
// EVIDENCE: kept after work returned: sibling-link
