// print<escapade> analyses a copy of the module: what opt writes after it
// is what opt read, with -escapade-link files or without, at -O0 and -O2.
// RUN: %clang -O0 -g -c -emit-llvm %s -I %S/Inputs -o %t.bc
// RUN: %clang -O0 -g -c -emit-llvm %S/Inputs/sink_impl.c -I %S/Inputs -o %t.impl.bc
// RUN: %opt -S %t.bc -o %t.plain.ll
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -S %t.bc -o %t.printed.ll 2> %t.report
// RUN: diff %t.plain.ll %t.printed.ll
// RUN: FileCheck %s --check-prefix=TU < %t.report
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -S %t.bc -o %t.linked.ll -escapade-link=%t.impl.bc 2> %t.report
// RUN: diff %t.plain.ll %t.linked.ll
// RUN: FileCheck %s < %t.report
// RUN: %clang -O2 -g -c -emit-llvm %s -I %S/Inputs -o %t2.bc
// RUN: %opt -S %t2.bc -o %t2.plain.ll
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -S %t2.bc -o %t2.linked.ll -escapade-link=%t.impl.bc 2> %t2.report
// RUN: diff %t2.plain.ll %t2.linked.ll
// RUN: FileCheck %s < %t2.report
// A pass after it sees the module unchanged too:
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>,verify' -S %t.bc -o %t.verified.ll -escapade-link=%t.impl.bc 2> /dev/null
// RUN: diff %t.plain.ll %t.verified.ll
// escapade-annotate is the pass that records the type facts in the module:
// RUN: %opt -load-pass-plugin %plugin -passes=escapade-annotate -S %t.bc | FileCheck %s --check-prefix=FACTS
// FACTS: !escapade.annotated = !{
#include "sink.h"

int main(void) {
  char buf[16]; // TU: unchanged.c:[[@LINE]]:{{[0-9]+}}: &buf escapes to heap: passed to indirect call at {{.*}} [intraprocedural, conservative, whole_program]
                // CHECK: unchanged.c:[[@LINE-1]]:{{[0-9]+}}: &buf does not escape [whole_program]
  the_sink()->put(buf, sizeof buf);
  return buf[0];
}
