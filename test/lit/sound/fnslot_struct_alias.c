// Two modules declare the same ops layout under different names (a common
// result of copy-pasted headers). Drivers fill `struct dev_ops`; the core
// reads the table through its own `struct core_ops`. The driver's write
// callback keep() stores its argument in a global: buf escapes core_write().
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
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
  char *buf = malloc(16); // CHECK: fnslot_struct_alias.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
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
