// A message is allocated on the heap as a union; the sender fills the
// `reply` view (its done callback is keep()), the dispatcher reads the
// callback through the `hdr` view, which shares the initial members. keep()
// stores its argument in a global, so the payload escapes deliver().
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct hdr { int kind; void (*done)(char *); };
struct reply { int kind; void (*done)(char *); char text[24]; };
union msg { struct hdr hdr; struct reply reply; };

static void show(char *s) { puts(s); }
char *kept;
static void keep(char *s) { kept = s; }
static union msg idle = {.hdr = {0, show}};

__attribute__((noinline)) union msg *make_reply(void (*done)(char *)) {
  union msg *m = malloc(sizeof *m);
  m->reply.kind = 2;
  m->reply.done = done;
  strcpy(m->reply.text, "reply");
  return m;
}

__attribute__((noinline)) void deliver(union msg *m) {
  char *payload = malloc(16); // CHECK: union_heap_msg.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
  strcpy(payload, "hello");
  m->hdr.done(payload);
}

int main(int argc, char **argv) {
  union msg *m = make_reply(keep);
  deliver(argc > 1 ? &idle : m);
  printf("kept: %s\n", kept);
  return 0;
}
// EVIDENCE: kept: hello
