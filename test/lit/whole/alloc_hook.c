// An allocator hook in a config struct that resolves to malloc: in
// whole-program mode the indirect call is an allocation site of its own
// (found_by whole_program); the other levels see an opaque call.
// Why sound: cfg.alloc only ever holds malloc (its initializer), so the
// call allocates a fresh object, which here stays local.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade %t0.bc | FileCheck %s
// RUN: %escapade --format=json %t0.bc | FileCheck %s --check-prefix=JSON
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

struct config {
  void *(*alloc)(size_t);
  void (*release)(void *);
};
static struct config cfg = {malloc, free};

__attribute__((noinline)) int work(struct config *c, int n) {
  int *tmp = c->alloc(n * sizeof(int)); // CHECK: alloc_hook.c:[[@LINE]]:14: {{.*}}malloc(?) escapes to heap: allocator called indirectly [intraprocedural, conservative]
                                         // CHECK-NEXT: alloc_hook.c:[[@LINE-1]]:14: {{.*}}malloc(?) does not escape [whole_program]
  int s = 0;
  for (int i = 0; i < n; i++)
    s += tmp[i] = i;
  c->release(tmp);
  return s;
}

int main(int argc, char **argv) {
  printf("%d\n", work(&cfg, argc + 3));
  return 0;
}
// JSON: "found_by":"whole_program"
// JSON: "indirect_allocation_sites":1
