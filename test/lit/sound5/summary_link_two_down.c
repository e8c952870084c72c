// link2 stores the pair's second node two levels below its first
// (p->a->next->next = p->b): the same deep object, written into itself.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* A depth-1 object stored two levels down, below its sibling. */
struct node { struct node *next; char *data; };
struct pair { struct node *a, *b; };
static struct node gnode;
__attribute__((noinline)) void link2(struct pair *p) { p->a->next->next = p->b; }
__attribute__((noinline)) void work(const char *s) {
  struct node n3 = {0, 0}, n2 = {&n3, 0}, n1 = {&n2, 0};
  struct pair pr = {&n1, &gnode};
  link2(&pr);                             /* n2.next = &gnode */
  char *m = malloc(16); // CHECK: summary_link_two_down.c:[[@LINE]]:{{[0-9]+}}: m = malloc(16) escapes to heap: {{.*}}[{{.*}}conservative, whole_program]
  strcpy(m, s);
  n1.next->next->data = m;                /* gnode.data = m */
}
int main(void) {
  work("two-down");
  printf("kept after work returned: %s\n", gnode.data);
  return 0;
}
// EVIDENCE: kept after work returned: two-down
