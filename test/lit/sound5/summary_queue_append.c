// append_spare is a queue's append step: the tail node is linked to the
// spare node (q->tail->next = q->spare). first.next then points to the
// global pool_node, and m stored through it outlives work.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* A queue whose tail is linked to a node the queue also holds: a common
 * "q->tail->next = q->spare" step. Both nodes are depth-1 objects of the
 * parameter; the store puts one into the other's memory. */
struct node { struct node *next; char *data; };
struct queue { struct node *tail, *spare; };
static struct node pool_node;             /* global: outlives work() */
__attribute__((noinline)) void append_spare(struct queue *q) {
  q->tail->next = q->spare;
  q->tail = q->spare;
}
__attribute__((noinline)) void work(const char *s) {
  struct node last = {0, 0}, first = {&last, 0};
  struct queue q = {&first, &pool_node};
  append_spare(&q);                       /* first.next = &pool_node */
  char *m = malloc(16); // CHECK: summary_queue_append.c:[[@LINE]]:{{[0-9]+}}: m = malloc(16) escapes to heap: {{.*}}[{{.*}}conservative, whole_program]
  strcpy(m, s);
  first.next->data = m;                   /* pool_node.data = m */
}
int main(void) {
  work("queued");
  printf("kept after work returned: %s\n", pool_node.data);
  return 0;
}
// EVIDENCE: kept after work returned: queued
