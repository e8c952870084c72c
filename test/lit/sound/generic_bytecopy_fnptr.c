// A job descriptor is copied byte by byte (hand-written loop) into the
// "current task" slot, which has a different struct type of the same layout.
// The copied function pointer is keep(), which stores its argument in a
// global, so the buffer passed to current.fn escapes run_current().
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct job { void (*run)(char *); int prio; };
struct task { void (*fn)(char *); int prio; };
static void show(char *s) { puts(s); }
char *kept;
static void keep(char *s) { kept = s; }
struct job jobs[2] = {{show, 1}, {keep, 2}};
struct task current = {show, 0};

__attribute__((noinline)) void copy_bytes(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  for (size_t i = 0; i < n; i++)
    d[i] = s[i];
}

__attribute__((noinline)) void run_current(void) {
  char *buf = malloc(16); // CHECK: generic_bytecopy_fnptr.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
  strcpy(buf, "hello");
  current.fn(buf);
}

int main(int argc, char **argv) {
  copy_bytes(&current, &jobs[argc & 1], sizeof current);
  run_current();
  printf("kept: %s\n", kept);
  return 0;
}
// EVIDENCE: kept: hello
