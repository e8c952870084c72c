// Not a wrapper: the handler a global function pointer holds is given the
// block (a "memory is low" hook, called when the counter passes a limit),
// and the installed hook keeps it. At the conservative level the indirect
// call lets the block escape; at the whole-program level the hook resolves
// to keep_hook, which stores it.
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

__attribute__((noinline)) static void keep_hook(size_t size, void *block) {
  (void)size;
  low_memory_block = block;
}

static void (*zmalloc_oom_handler)(size_t, void *) = keep_hook;

// CHECK-NOT: zmalloc is an allocator wrapper
__attribute__((noinline)) void *zmalloc(size_t size) {
  void *p = malloc(size); // CHECK: attack_oom_gets_block.c:[[@LINE]]:{{[0-9]+}}: p = malloc(?) escapes to heap: {{.*}}whole_program]
  if (!p)
    abort();
  used += size;
  if (used > 8)
    zmalloc_oom_handler(size, p);
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
