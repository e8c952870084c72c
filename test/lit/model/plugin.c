// The plugin's -escapade-model, -escapade-alloc-fn and -escapade-free-fn
// give the CLI's report, and a model error is the CLI's one line with
// status 1 before any output.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --model=%S/Inputs/effects.model %t.bc > %t.cli
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-model=%S/Inputs/effects.model -escapade-output=%t.plugin
// RUN: diff %t.cli %t.plugin
// RUN: FileCheck %s < %t.plugin
// CHECK: # assumptions: model:{{.*}}effects.model
// The shorthands: an allocator with its size argument, a deallocator; the
// report names both in its assumptions, as given.
// RUN: %escapade --alloc-fn=xmalloc:0 --free-fn=xfree %t.bc > %t.cli
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-alloc-fn=xmalloc:0 -escapade-free-fn=xfree -escapade-output=%t.plugin
// RUN: diff %t.cli %t.plugin
// RUN: FileCheck --check-prefix=SHORT %s < %t.plugin
// SHORT: # assumptions: alloc-fn:xmalloc:0; free-fn:xfree
// RUN: printf 'keeps log_ptr\n' > %t.bad
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-model=%t.bad -escapade-output=%t.out 2> %t.err; test $? -eq 1
// RUN: FileCheck --check-prefix=BAD --input-file=%t.err %s
// RUN: not test -s %t.out
// BAD: {{^}}{{.*}}.bad:1: keeps needs arg=INDEX{{$}}
#include <stddef.h>

void *xmalloc(size_t n);
void xfree(void *p);
void log_ptr(const void *p);

int main(void) {
  int *p = xmalloc(sizeof *p); // CHECK: plugin.c:[[@LINE]]:{{[0-9]+}}: p = xmalloc(4) does not escape [intraprocedural, conservative, whole_program]
  // SHORT: plugin.c:[[@LINE-1]]:{{[0-9]+}}: p = xmalloc(4) escapes to heap: passed to log_ptr at {{.*}}, which may keep it [intraprocedural, conservative, whole_program]
  *p = 1;
  log_ptr(p);
  int r = *p;
  xfree(p);
  return r;
}
