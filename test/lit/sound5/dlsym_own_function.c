// dlsym(RTLD_DEFAULT, ...) hands the program its own exported functions
// (linked with -rdynamic): set_handler is called through that pointer with
// keep, which no call the analysis sees passes. A program that looks up
// symbols by name is entered from outside, as a library is.
// RUN: %clang -O0 -g -rdynamic %s -o %t0 -ldl && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g -rdynamic %s -o %t2 -ldl && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
// The opt-in assumption that loaded code never calls back covers it:
// RUN: %escapade --assume-closed --level=whole_program %t2.bc | FileCheck %s --check-prefix=CLOSED
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef size_t (*handler_fn)(char *);
static handler_fn handler;
static char *kept;
static size_t quiet(char *s) { return strlen(s); }
static size_t keep(char *s) { kept = s; return 0; }
__attribute__((noinline)) void set_handler(handler_fn h) { handler = h; }
__attribute__((noinline)) size_t fire(const char *m) {
  char *buf = malloc(16); // CHECK: dlsym_own_function.c:[[@LINE]]:{{[0-9]+}}: buf = malloc(16) escapes to heap: {{.*}} [whole_program]
  strcpy(buf, m);         // CLOSED: dlsym_own_function.c:[[@LINE-1]]:{{[0-9]+}}: buf = malloc(16) does not escape [whole_program]
  return handler(buf);
}
int main(void) {
  set_handler(quiet);
  void (*set)(handler_fn) =
      (void (*)(handler_fn))dlsym(RTLD_DEFAULT, "set_handler");
  if (set)
    set(keep);
  fire("by-name");
  printf("kept after fire returned: %s\n", kept ? kept : "(none)");
  return 0;
}
// EVIDENCE: kept after fire returned: by-name
