// Event union in the X11/SDL style: every member starts with {type, cb}.
// post_key() writes the callback through the `key` member, dispatch() calls
// it through the common initial sequence `base`. The callback is keep(),
// which stores its argument in a global: msg escapes dispatch().
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ev_base { int type; void (*cb)(char *); };
struct ev_key { int type; void (*cb)(char *); int code; };
struct ev_timer { int type; void (*cb)(char *); long ms; };
union event { struct ev_base base; struct ev_key key; struct ev_timer timer; };

static void show(char *s) { puts(s); }
char *kept;
static void keep(char *s) { kept = s; }

union event queue[4] = {{.base = {0, show}}};

__attribute__((noinline)) void post_key(int i, int code) {
  queue[i].key.type = 1;
  queue[i].key.cb = keep;
  queue[i].key.code = code;
}
__attribute__((noinline)) void post_timer(int i, long ms) {
  queue[i].timer.type = 2;
  queue[i].timer.cb = show;
  queue[i].timer.ms = ms;
}

__attribute__((noinline)) void dispatch(int i) {
  char *msg = malloc(16); // CHECK: union_event_cb.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
  strcpy(msg, "hello");
  queue[i].base.cb(msg);
}

int main(int argc, char **argv) {
  post_key(1, 42);
  post_timer(2, 10);
  dispatch(argc);
  printf("kept: %s\n", kept);
  return 0;
}
// EVIDENCE: kept: hello
