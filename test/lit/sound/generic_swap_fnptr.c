// A generic swap helper (memmove through void * and a scratch buffer), as
// used by sort and rotate routines, exchanges two handler slots of a
// pipeline. After the swap the first stage is keep(), which stores its
// argument in a global, so the line escapes run_stage().
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*stage_fn)(char *);
static void show(char *s) { puts(s); }
char *kept;
static void keep(char *s) { kept = s; }
struct stage { const char *name; stage_fn fn; };
struct pipeline { struct stage first; stage_fn later[2]; };
struct pipeline pipe = {{"show", show}, {keep, show}};

__attribute__((noinline)) void swap_bytes(void *a, void *b, size_t n) {
  unsigned char tmp[64];
  memmove(tmp, a, n);
  memmove(a, b, n);
  memmove(b, tmp, n);
}

__attribute__((noinline)) void run_stage(void) {
  char *line = malloc(16); // CHECK: generic_swap_fnptr.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
  strcpy(line, "hello");
  pipe.first.fn(line);
}

int main(int argc, char **argv) {
  swap_bytes(&pipe.first.fn, &pipe.later[argc > 1], sizeof(stage_fn));
  run_stage();
  printf("kept: %s\n", kept);
  return 0;
}
// EVIDENCE: kept: hello
