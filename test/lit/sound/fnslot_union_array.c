// A plugin registry in an array of unions ("any value" slots): hooks are
// registered through the generic `ptr` member as void *, and fired through
// the `hook` member. The registered hook keep() stores its argument in a
// global, so the event name escapes fire().
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

union value { long num; void *ptr; void (*hook)(char *); };
static void show(char *s) { puts(s); }
char *kept;
static void keep(char *s) { kept = s; }
union value slots[8] = {{.hook = show}};

__attribute__((noinline)) void set_slot(int i, void *p) { slots[i].ptr = p; }

__attribute__((noinline)) void fire(int i) {
  char *name = malloc(16); // CHECK: fnslot_union_array.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
  strcpy(name, "hello");
  slots[i].hook(name);
}

int main(int argc, char **argv) {
  set_slot(3, (void *)keep);
  fire(argc > 1 ? 0 : 3);
  printf("kept: %s\n", kept);
  return 0;
}
// EVIDENCE: kept: hello
