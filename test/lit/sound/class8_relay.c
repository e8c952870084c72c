// A pointer relayed down a recursive walk of a heap list: a run-time
// schedule picks, per cell, a stage from a table of function pointers
// (copy to next cell, swap with next cell, park in a global).
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s --check-prefix=CONS
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s --check-prefix=CONS
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cell { struct cell *next; char *data; };
typedef void (*stage_fn)(struct cell *);
static char *parked;
static void st_copy(struct cell *c) { if (c->next) c->next->data = c->data; }
static void st_swap(struct cell *c) {
  if (c->next) { char *t = c->next->data; c->next->data = c->data; c->data = t; }
}
static void st_park(struct cell *c) { parked = c->data; }
static stage_fn stages[3] = {st_copy, st_swap, st_park};
static volatile int which[8] = {0, 1, 0, 1, 0, 0, 0, 2};

static void relay(struct cell *c, int depth) {
  stages[which[depth]](c);
  if (c->next && depth < 7)
    relay(c->next, depth + 1);
}

__attribute__((noinline)) void produce(const char *s) {
  char *msg = malloc(16); // CHECK: class8_relay.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                          // CONS: class8_relay.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  strcpy(msg, s);
  struct cell *head = NULL;
  for (int i = 0; i < 8; i++) {
    struct cell *c = calloc(1, sizeof *c);
    c->next = head;
    head = c;
  }
  head->data = msg;
  relay(head, 0);
}

int main(void) {
  produce("hello");
  printf("kept: %s\n", parked ? parked : "(none)");
  return 0;
}
// EVIDENCE: kept: hello
