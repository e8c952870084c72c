// Not a wrapper: the handler a global function pointer holds is given the
// block's address as a number (beside the size, both integers), and the
// installed hook turns it back into a pointer and keeps it. An address
// read as a number escapes, whatever the call it is passed to.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade -m --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade -m --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t used;
static void *low_memory_block;

__attribute__((noinline)) static void keep_hook(size_t size, unsigned long block) {
  (void)size;
  low_memory_block = (void *)block;
}

static void (*zmalloc_oom_handler)(size_t, unsigned long) = keep_hook;

// CHECK-NOT: zmalloc is an allocator wrapper
__attribute__((noinline)) void *zmalloc(size_t size) {
  void *p = malloc(size); // CHECK: attack_oom_gets_address.c:[[@LINE]]:{{[0-9]+}}: p = malloc(?) escapes to heap: {{.*}}whole_program]
  if (!p)
    abort();
  used += size;
  if (used > 8)
    zmalloc_oom_handler(size, (unsigned long)p);
  return p;
}
// CHECK-NOT: zmalloc({{.*}}does not escape

__attribute__((noinline)) size_t work(const char *s) {
  char *tmp = zmalloc(16);
  strcpy(tmp, s);
  return strlen(tmp);
}

int main(void) {
  size_t n = work("handed over");
  printf("%zu, the hook has: %s\n", n, (char *)low_memory_block);
  return 0;
}
// EVIDENCE: 11, the hook has: handed over
