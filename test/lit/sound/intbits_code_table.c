// A command table stores handler addresses as integers in its initializer
// (as in code that shares one table type for data and code). The command
// chosen at run time is keep(), whose integer is cast back and called: it
// stores the line in a global, so line escapes run_cmd().
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
struct cmd { const char *name; uintptr_t impl; };
struct cmd cmds[] = {{"show", (uintptr_t)&show}, {"keep", (uintptr_t)&keep}};

__attribute__((noinline)) void run_cmd(int i) {
  char *line = malloc(16); // CHECK: intbits_code_table.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
  strcpy(line, "hello");
  ((handler_fn)cmds[i].impl)(line);
}

int main(int argc, char **argv) {
  run_cmd(argc & 1);
  printf("kept: %s\n", kept);
  return 0;
}
// EVIDENCE: kept: hello
