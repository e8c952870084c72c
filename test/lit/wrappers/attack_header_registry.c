// Not a wrapper: the header before each block records the block's own
// address, and the header is entered into a global registry (to walk all
// live blocks). The result is an interior pointer of a block the registry
// reaches, so it escapes.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade -m --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade -m --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct header { struct header *self; size_t size; char data[]; };
static struct header *registry[16];
static int nregistered;

// CHECK-NOT: rmalloc is an allocator wrapper
__attribute__((noinline)) void *rmalloc(size_t size) {
  struct header *h = malloc(sizeof *h + size); // CHECK: attack_header_registry.c:[[@LINE]]:{{[0-9]+}}: h = malloc(?) escapes to heap: {{.*}} [conservative, whole_program]
  if (!h)
    abort();
  h->self = h;
  h->size = size;
  registry[nregistered++ & 15] = h->self;
  return h->data;
}
// CHECK-NOT: rmalloc({{.*}}does not escape

__attribute__((noinline)) size_t work(const char *s) {
  char *tmp = rmalloc(16);
  strcpy(tmp, s);
  return strlen(tmp);
}

int main(void) {
  size_t n = work("registered");
  printf("%zu, registry has: %s\n", n, registry[0]->data);
  return 0;
}
// EVIDENCE: 10, registry has: registered
