// print<escapade> can run twice in one pipeline: the second report is the
// first, since neither changed the module.
// RUN: %clang -O0 -g -c -emit-llvm %s -I %S/Inputs -o %t.bc
// RUN: %clang -O0 -g -c -emit-llvm %S/Inputs/sink_impl.c -I %S/Inputs -o %t.impl.bc
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-link=%t.impl.bc 2> %t.once
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>,print<escapade>' -disable-output %t.bc -escapade-link=%t.impl.bc 2> %t.twice
// RUN: cat %t.once %t.once | diff - %t.twice
// RUN: FileCheck %s < %t.twice
// The alias, and a transform between the two runs:
// RUN: %opt -load-pass-plugin %plugin -passes='escapade,instcombine,escapade' -disable-output %t.bc -escapade-link=%t.impl.bc 2>&1 | FileCheck %s
// The run a default pipeline adds at its end steps aside when the pipeline
// names an escapade pass itself: one report either way.
// RUN: %opt -load-pass-plugin %plugin -passes='default<O2>' -disable-output %t.bc -escapade-link=%t.impl.bc 2>&1 | FileCheck %s --check-prefix=ONCE
// RUN: %opt -load-pass-plugin %plugin -passes='default<O2>,print<escapade>' -disable-output %t.bc -escapade-link=%t.impl.bc 2>&1 | FileCheck %s --check-prefix=ONCE
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>,default<O2>' -disable-output %t.bc -escapade-link=%t.impl.bc 2>&1 | FileCheck %s --check-prefix=ONCE
#include "sink.h"

int main(void) {
  char buf[16]; // CHECK-COUNT-2: twice.c:[[@LINE]]:{{[0-9]+}}: &buf does not escape [whole_program]
                // ONCE: twice.c:[[@LINE-1]]:{{[0-9]+}}: &buf does not escape [whole_program]
                // ONCE-NOT: &buf does not escape
  the_sink()->put(buf, sizeof buf);
  return buf[0];
}
