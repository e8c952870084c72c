// Must stay precise: event union with a common initial sequence; the
// callback is written through one member and called through another, but
// every callback stored anywhere only reads the event text, so text does
// not escape dispatch().
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ev_base { int type; int (*cb)(const char *); };
struct ev_key { int type; int (*cb)(const char *); int code; };
union event { struct ev_base base; struct ev_key key; };
static int print_ev(const char *s) { return printf("event: %s\n", s); }
static int len_ev(const char *s) { return (int)strlen(s); }
union event queue[4] = {{.base = {0, len_ev}}};

__attribute__((noinline)) void post_key(int i, int code) {
  queue[i].key.type = 1;
  queue[i].key.cb = print_ev;
  queue[i].key.code = code;
}

__attribute__((noinline)) int dispatch(int i) {
  char *text = malloc(16); // CHECK: precise_union_event.c:[[@LINE]]:{{[0-9]+}}: {{.*}}malloc(16) does not escape [whole_program]
  strcpy(text, "key");
  int r = queue[i].base.cb(text);
  free(text);
  return r;
}

int main(int argc, char **argv) {
  (void)argv;
  post_key(1, 42);
  return dispatch(argc) > 0 ? 0 : 1;
}
// EVIDENCE: event: key
