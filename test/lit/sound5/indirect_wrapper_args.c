// Allocator wrappers reached through a pointer make a site of their call;
// what else they do with their arguments still counts: tagged_alloc keeps
// its tag in a global, node_alloc stores it in the block it returns.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct node { const char *data; };
static const char *last_tag;
static struct node *last_node;
__attribute__((noinline)) void *tagged_alloc(size_t n, const char *tag) {
  last_tag = tag;
  return malloc(n);
}
__attribute__((noinline)) void *node_alloc(size_t n, const char *data) {
  struct node *b = malloc(n);
  b->data = data;
  return b;
}
typedef void *(*alloc_fn)(size_t, const char *);
static alloc_fn hooks[2] = {tagged_alloc, node_alloc};
static volatile int pick = 0;
__attribute__((noinline)) void work(const char *s, int which) {
  char *tag = malloc(32); // CHECK: indirect_wrapper_args.c:[[@LINE]]:{{[0-9]+}}: tag = malloc(32) escapes to heap: {{.*}}[whole_program]
  strcpy(tag, s);
  struct node *blk = hooks[which](sizeof(struct node) + 16, tag);
  if (which == 1)
    last_node = blk;
  else
    free(blk);
}
int main(void) {
  work("kept-by-tagged_alloc", pick);
  printf("after work #1: %s\n", last_tag);
  work("kept-inside-node", pick + 1);
  printf("after work #2: %s\n", last_node->data);
  return 0;
}
// EVIDENCE: after work #1: kept-by-tagged_alloc
// EVIDENCE: after work #2: kept-inside-node
