// A handle is published as text: the pointer's value is written in hex with
// a hand-written formatter (digits looked up in a table) into a global, as
// when handles travel through a text protocol or environment variable.
// main() parses the text back into the pointer and prints the string.
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

static const char hexd[] = "0123456789abcdef";
char handle_text[17];

__attribute__((noinline)) void to_hex(uintptr_t v, char *out) {
  for (int i = 15; i >= 0; i--) {
    out[i] = hexd[v & 15];
    v >>= 4;
  }
  out[16] = 0;
}
__attribute__((noinline)) uintptr_t from_hex(const char *s) {
  uintptr_t v = 0;
  for (; *s; s++)
    v = v * 16 + (uintptr_t)(*s <= '9' ? *s - '0' : *s - 'a' + 10);
  return v;
}

__attribute__((noinline)) void publish(const char *s) {
  char *copy = malloc(16); // CHECK: intbits_hex_handle.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
  strcpy(copy, s);
  to_hex((uintptr_t)copy, handle_text);
}

int main(void) {
  publish("hello");
  char *p = (char *)from_hex(handle_text);
  printf("kept: %s\n", p);
  return 0;
}
// EVIDENCE: kept: hello
