// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*handler)(char *);
static char *kept;
static void keep(char *p) { kept = p; }
static void look(char *p) { (void)p; }

struct node { struct node *self; handler h; };

__attribute__((noinline)) struct node *new_node(void) {
  struct node *n = malloc(sizeof *n);
  n->self = n;
  n->h = look;
  return n;
}

__attribute__((noinline)) void work(void) {
  struct node *n = new_node();
  n->h = keep;
  char *obj = malloc(16); // CHECK: pta_wrapper_self_link.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(obj, "secret");
  n->self->h(obj);
}

int main(void) {
  work();
  printf("kept after return: %s\n", kept ? kept : "(none)");
  return 0;
}
// EVIDENCE: kept after return: secret
