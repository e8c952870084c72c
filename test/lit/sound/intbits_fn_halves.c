// A handler is "serialized" as two 32-bit words through a union (as when a
// callback travels in a 32-bit message format) and rebuilt into the global
// `current` union, which starts out holding show(). The rebuilt handler is
// keep(), which stores its argument in a global: buf escapes dispatch().
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*handler_fn)(char *);
union fnbits { handler_fn fn; uint32_t w[2]; };
static void show(char *s) { puts(s); }
char *kept;
static void keep(char *s) { kept = s; }
union fnbits current = {.fn = show};
uint32_t wire[2];

__attribute__((noinline)) void send_handler(handler_fn f) {
  union fnbits u;
  u.fn = f;
  wire[0] = u.w[0];
  wire[1] = u.w[1];
}
__attribute__((noinline)) void recv_handler(void) {
  current.w[0] = wire[0];
  current.w[1] = wire[1];
}

__attribute__((noinline)) void dispatch(void) {
  char *buf = malloc(16); // CHECK: intbits_fn_halves.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
  strcpy(buf, "hello");
  current.fn(buf);
}

int main(int argc, char **argv) {
  send_handler(argc > 1 ? show : keep);
  recv_handler();
  dispatch();
  printf("kept: %s\n", kept);
  return 0;
}
// EVIDENCE: kept: hello
