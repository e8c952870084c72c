// The model in the whole-program resolver: a modelled function reached
// through a pointer is treated by its model. inspect, modelled as keeping
// nothing, does not expose the table to outside code, so points-to
// resolves the call through it to log_ptr, which keeps nothing too; an
// allocator called through a pointer is a site. Without the model inspect
// may rewrite the table: the call is unknown and &v escapes.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --model=%S/Inputs/indirect.model %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --model=%S/Inputs/indirect.model %t2.bc | FileCheck %s
// The type-based resolution reads the model too.
// RUN: %escapade --assume-typed --model=%S/Inputs/indirect.model %t0.bc | FileCheck %s
// RUN: %escapade %t0.bc | FileCheck --check-prefix=NOMODEL %s
#include <stddef.h>

void *xmalloc(size_t n);
void log_ptr(const void *p);
struct ops {
  void (*log)(const void *);
  void *(*alloc)(size_t);
};
void inspect(struct ops *o);
static struct ops table = {log_ptr, xmalloc};

__attribute__((noinline)) int run(struct ops *o) {
  inspect(o);
  int v = 1; // CHECK: whole_program.c:[[@LINE]]:{{[0-9]+}}: &v does not escape [whole_program]
  // NOMODEL: whole_program.c:[[@LINE-1]]:{{[0-9]+}}: &v escapes to heap: passed to indirect call at {{.*}} [intraprocedural, conservative, whole_program]
  o->log(&v);
  int *p = o->alloc(8); // CHECK: whole_program.c:[[@LINE]]:{{[0-9]+}}: p = xmalloc(8) does not escape [whole_program]
  *p = v;
  o->log(p);
  return *p;
}

int main(void) { return run(&table); }
