// The LTO link through lld: each unit compiled with -flto and the plugin
// carries its type facts; lld runs the plugin on the merged module before
// optimising it, and that report is the report of the same two files
// linked with llvm-link: the sink's target, defined in the other unit, is
// known, and the buffer stays local under whole_program.
// REQUIRES: lld
// RUN: %clang -O0 -g -flto -fpass-plugin=%plugin -c %s -I %S/Inputs -o %t.main.o
// RUN: %clang -O0 -g -flto -fpass-plugin=%plugin -c %S/Inputs/sink_impl.c -I %S/Inputs -o %t.impl.o
// RUN: %clang -flto -fuse-ld=lld -Wl,--load-pass-plugin=%plugin %t.main.o %t.impl.o -o %t.exe 2> %t.lto
// RUN: FileCheck %s < %t.lto
// RUN: %clang -O0 -g -c -emit-llvm %s -I %S/Inputs -o %t.main.bc
// RUN: %clang -O0 -g -c -emit-llvm %S/Inputs/sink_impl.c -I %S/Inputs -o %t.impl.bc
// RUN: %llvm-link %t.main.bc %t.impl.bc -o %t.linked.bc
// RUN: %escapade %t.linked.bc > %t.bitcode
// RUN: diff %t.bitcode %t.lto
// The linked program runs (the report changed nothing):
// RUN: %t.exe
// Options at the link: lld 19 reads -mllvm before it loads pass plugins,
// so the plugin is preloaded for its options to be known by then.
// RUN: env LD_PRELOAD=%plugin %clang -flto -fuse-ld=lld -Wl,--load-pass-plugin=%plugin -Wl,-mllvm,-escapade-level=whole_program -Wl,-mllvm,-escapade-output=%t.lto.txt %t.main.o %t.impl.o -o %t.exe
// RUN: FileCheck %s --check-prefix=WHOLE < %t.lto.txt
// RUN: %escapade --level=whole_program %t.linked.bc | diff - %t.lto.txt
// The gate fails the link with its status, 3:
// RUN: env LD_PRELOAD=%plugin %clang -flto -fuse-ld=lld -Wl,--load-pass-plugin=%plugin -Wl,-mllvm,-escapade-level=conservative -Wl,-mllvm,-escapade-forbid-escape=main %t.main.o %t.impl.o -o %t.gate.exe 2> %t.err; test $? -eq 3
// RUN: FileCheck %s --check-prefix=GATE < %t.err
// GATE: escapade: forbidden escape: {{.*}}lto_link.c:{{[0-9]+}}:{{[0-9]+}}: &buf in main escapes to heap: {{.*}} [conservative]
// At whole_program, the default, main keeps its buffer: the link goes on.
// RUN: env LD_PRELOAD=%plugin %clang -flto -fuse-ld=lld -Wl,--load-pass-plugin=%plugin -Wl,-mllvm,-escapade-forbid-escape=main %t.main.o %t.impl.o -o %t.gate.exe -Wl,-mllvm,-escapade-output=%t.gate.txt
// RUN: %t.gate.exe
// At -O2 the units are optimised before the link; the verdict holds:
// RUN: %clang -O2 -g -flto -fpass-plugin=%plugin -c %s -I %S/Inputs -o %t.main2.o
// RUN: %clang -O2 -g -flto -fpass-plugin=%plugin -c %S/Inputs/sink_impl.c -I %S/Inputs -o %t.impl2.o
// RUN: %clang -O2 -flto -fuse-ld=lld -Wl,--load-pass-plugin=%plugin %t.main2.o %t.impl2.o -o %t.exe2 2>&1 | FileCheck %s
// RUN: %t.exe2
#include "sink.h"

int main(void) {
  char buf[16]; // CHECK: lto_link.c:[[@LINE]]:{{[0-9]+}}: &buf escapes to heap: passed to indirect call at {{.*}} [intraprocedural, conservative]
                // CHECK-NEXT: lto_link.c:[[@LINE-1]]:{{[0-9]+}}: &buf does not escape [whole_program]
                // CHECK-NEXT: avoided: indirect call at {{.*}} resolved by points_to to {fill}
                // WHOLE: lto_link.c:[[@LINE-3]]:{{[0-9]+}}: &buf does not escape [whole_program]
  the_sink()->put(buf, sizeof buf);
  return buf[0] == 0 ? 0 : 1;
}
