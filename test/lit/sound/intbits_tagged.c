// Tagged pointers: hook entries keep an "enabled" flag in bit 0 of the code
// address (set in the initializer), and the cache stores a tagged pointer
// to its string with a "dirty" bit. fire() strips the tag and calls keep(),
// which stores its argument in the tagged cache slot; main() reads it back.
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

typedef void (*hook_fn)(char *);
uintptr_t cache;
static void show(char *s) { puts(s); }
static void keep(char *s) { cache = (uintptr_t)s | 1; }
uintptr_t hooks[2] = {(uintptr_t)&show, (uintptr_t)&keep + 1};

__attribute__((noinline)) void fire(int i) {
  char *ev = malloc(16); // CHECK: intbits_tagged.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
  strcpy(ev, "hello");
  if (hooks[i] & 1)
    ((hook_fn)(hooks[i] & ~(uintptr_t)1))(ev);
}

int main(int argc, char **argv) {
  fire(argc & 1);
  printf("kept: %s\n", (char *)(cache & ~(uintptr_t)1));
  return 0;
}
// EVIDENCE: kept: hello
