// --assume-typed is an assumption, and the report says so. Two modules
// declare the same ops layout under different names (copy-pasted headers).
// Drivers fill `struct dev_ops`; the core reads it as `struct core_ops`.
// keep() stores its argument in a global, so buf escapes core_write(): the
// default points-to resolution sees it; the typed mode (memory written as
// dev_ops is read as dev_ops) does not, and names the assumption.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
// RUN: %escapade --level=whole_program --assume-typed %t0.bc | FileCheck %s --check-prefix=TYPED
// RUN: %escapade --level=whole_program --assume-typed --stats %t2.bc | FileCheck %s --check-prefixes=TYPED,TYPED-STATS
// RUN: %escapade --level=whole_program --stats %t0.bc | FileCheck %s --check-prefix=STATS
// RUN: %escapade --format=json --assume-typed %t0.bc | FileCheck %s --check-prefix=JSON
// TYPED: # assumptions: typed (memory written through a field of struct S is read through a field of S; {{.*}})
// JSON: "assumptions":["typed"],
// JSON-NEXT: "resolution":{"engine":"type_based",
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dev_ops { int (*open)(void); void (*write)(char *); };
struct core_ops { int (*open)(void); void (*write)(char *); };
static int nop_open(void) { return 0; }
static void show(char *s) { puts(s); }
char *kept;
static void keep(char *s) { kept = s; }
struct dev_ops uart_ops = {nop_open, keep};
struct core_ops null_ops = {nop_open, show};
void *registered;

__attribute__((noinline)) void register_dev(void *ops) { registered = ops; }

__attribute__((noinline)) void core_write(void) {
  const struct core_ops *ops = registered ? registered : &null_ops;
  char *buf = malloc(16); // CHECK: assume_typed.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
                          // TYPED: assume_typed.c:[[@LINE-1]]:{{[0-9]+}}: buf = malloc(16) does not escape [whole_program]
  strcpy(buf, "hello");
  ops->open();
  ops->write(buf);
}

int main(int argc, char **argv) {
  register_dev(argc > 1 ? NULL : &uart_ops);
  core_write();
  printf("kept: %s\n", kept);
  return 0;
}
// EVIDENCE: kept: hello
// TYPED-STATS: # resolution: type_based; assumptions: typed
// STATS: # resolution: points_to (objects {{[0-9]+}}, locations {{[0-9]+}}, exposed {{[0-9]+}}, merged {{[0-9]+}}, grouped {{[0-9]+}}, steps {{[0-9]+}}); assumptions: none beyond the whole program
