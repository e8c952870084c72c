// An allocator wrapper whose block links to itself (an empty intrusive
// list head, as INIT_LIST_HEAD does): the caller's writes into the block
// are not seen through that link.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*handler)(char *);
static char *kept;
static void keep(char *p) { kept = p; }
static void look(char *p) { (void)p; }

struct list { struct list *next, *prev; };
struct conn { handler on_data; struct list link; };

#define container_of(p, T, m) ((T *)((char *)(p) - offsetof(T, m)))

__attribute__((noinline)) struct conn *conn_new(void) {
  struct conn *c = malloc(sizeof *c);
  c->on_data = look;
  c->link.next = c->link.prev = &c->link;
  return c;
}

__attribute__((noinline)) void work(void) {
  struct conn *c = conn_new();
  c->on_data = keep;
  char *obj = malloc(16); // CHECK: pta_wrapper_list_head.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(obj, "secret");
  struct conn *first = container_of(c->link.next, struct conn, link);
  first->on_data(obj);
}

int main(void) {
  work();
  printf("kept after return: %s\n", kept ? kept : "(none)");
  return 0;
}
// EVIDENCE: kept after return: secret
