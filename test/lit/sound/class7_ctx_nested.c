// A small interface of slots passed by value; the caller patches slot 1
// through the array field (it.slots[1].fn: a GEP of a GEP of a GEP at -O0)
// before the call, so call_it() calls keep.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s --check-prefix=CONS
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s --check-prefix=CONS
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct slot { void (*fn)(char *); };
struct iface { struct slot slots[2]; };
static char *kept;
static void quiet(char *s) { (void)s; }
static void keep(char *s) { kept = s; }

__attribute__((noinline)) void call_it(struct iface i, char *buf) {
  i.slots[1].fn(buf);
}

__attribute__((noinline)) void work(const char *s) {
  char *buf = malloc(16); // CHECK: class7_ctx_nested.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                          // CONS: class7_ctx_nested.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  strcpy(buf, s);
  struct iface it = {{{quiet}, {quiet}}};
  it.slots[1].fn = keep;
  call_it(it, buf);
}

int main(void) {
  work("hello");
  printf("kept: %s\n", kept);
  return 0;
}
// EVIDENCE: kept: hello
