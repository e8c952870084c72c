// A callback is registered by text: its address is written in hex by a
// hand-written formatter (digits looked up in a table) into a config string,
// and dispatch() parses it back (falling back to show() when unset). The
// registered callback is keep(), which keeps its argument in a global.
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
static void show(char *s) { puts(s); }
char *kept;
static void keep(char *s) { kept = s; }
static const char hexd[] = "0123456789abcdef";
char cb_text[17];

__attribute__((noinline)) void register_cb(handler_fn f) {
  uintptr_t v = (uintptr_t)f;
  for (int i = 15; i >= 0; i--, v >>= 4)
    cb_text[i] = hexd[v & 15];
}
__attribute__((noinline)) handler_fn lookup_cb(void) {
  uintptr_t v = 0;
  for (const char *s = cb_text; *s; s++)
    v = v * 16 + (uintptr_t)(*s <= '9' ? *s - '0' : *s - 'a' + 10);
  return v ? (handler_fn)v : show;
}

__attribute__((noinline)) void dispatch(void) {
  char *buf = malloc(16); // CHECK: intbits_hex_fnptr.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
  strcpy(buf, "hello");
  lookup_cb()(buf);
}

int main(int argc, char **argv) {
  register_cb(argc > 1 ? show : keep);
  dispatch();
  printf("kept: %s\n", kept);
  return 0;
}
// EVIDENCE: kept: hello
