// A region mapped at a fixed address (shared memory at an agreed address,
// a persistent heap): the program reaches it through a constant pointer,
// as embedded code reaches device memory. A store through a constant
// address that names no global, and a callee's store through a parameter
// that is such a constant, are dropped.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct region { long gen; char *last; char *prev; };
#define REGION ((struct region *)0x10000000)

static void set_prev(struct region *r, char *m) { r->prev = m; }

__attribute__((noinline)) void post(const char *s) {
  char *msg = malloc(16); // CHECK: fixed_address_region.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(msg, s);
  REGION->last = msg;
}

__attribute__((noinline)) void post_prev(const char *s) {
  char *msg = malloc(16); // CHECK: fixed_address_region.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(msg, s);
  set_prev(REGION, msg);
}

int main(void) {
  if (mmap(REGION, 4096, PROT_READ | PROT_WRITE,
           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) != REGION)
    return 1;
  post("hello");
  post_prev("world");
  printf("kept: %s %s\n", REGION->last, REGION->prev);
  return 0;
}
// EVIDENCE: kept: hello world
