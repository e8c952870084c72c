// clang -fpass-plugin: the report of the translation unit at the end of
// its optimisation, which is all one unit can show (the sink's target is
// in another one). -mllvm reaches the plugin's options when clang has
// loaded it first (-Xclang -load): clang 19 reads -mllvm before it loads
// pass plugins.
// RUN: %clang -O0 -g -fpass-plugin=%plugin -c %s -I %S/Inputs -o %t.o 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -fpass-plugin=%plugin -c %s -I %S/Inputs -o %t.o 2>&1 | FileCheck %s
// RUN: %clang -O0 -g -fpass-plugin=%plugin -c -emit-llvm %s -I %S/Inputs -o %t.bc 2>&1 | FileCheck %s
// RUN: %clang -O0 -g -Xclang -load -Xclang %plugin -fpass-plugin=%plugin -mllvm -escapade-format=json -mllvm -escapade-output=%t.json -c %s -I %S/Inputs -o %t.o
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// An error is one line naming the file, status 1, no crash report, no
// object file; the gate's status is 3:
// RUN: rm -rf %t.dir && mkdir %t.dir && rm -f %t.err.o
// RUN: not %clang -O0 -g -Xclang -load -Xclang %plugin -fpass-plugin=%plugin -mllvm -escapade-output=%t.dir -c %s -I %S/Inputs -o %t.err.o 2> %t.err
// RUN: FileCheck %s --check-prefix=ERR < %t.err
// RUN: count 1 < %t.err
// RUN: test ! -e %t.err.o
// ERR: escapade: {{.*}}.dir: is a directory
// RUN: %clang -O0 -g -Xclang -load -Xclang %plugin -fpass-plugin=%plugin -mllvm -escapade-forbid-escape=main -c %s -I %S/Inputs -o %t.gate.o 2> %t.err; test $? -eq 3
// RUN: FileCheck %s --check-prefix=GATE < %t.err
// GATE: escapade: forbidden escape: {{.*}}clang_tu.c:{{[0-9]+}}:{{[0-9]+}}: &buf in main escapes to heap
// Compiled for LTO, the unit only gets its type facts, which travel to the
// link in the bitcode; no report:
// RUN: %clang -O0 -g -flto -fpass-plugin=%plugin -c %s -I %S/Inputs -o %t.lto.o 2>&1 | count 0
// RUN: llvm-dis %t.lto.o -o - | FileCheck %s --check-prefix=FACTS
// RUN: %clang -O2 -g -flto -fpass-plugin=%plugin -c %s -I %S/Inputs -o %t.lto2.o 2>&1 | count 0
// RUN: llvm-dis %t.lto2.o -o - | FileCheck %s --check-prefix=FACTS
// FACTS: !escapade.annotated = !{
// RUN: %clang -O0 -g -flto -c %s -I %S/Inputs -o %t.nofacts.o
// RUN: llvm-dis %t.nofacts.o -o - | FileCheck %s --check-prefix=NOFACTS
// NOFACTS-NOT: escapade
// ThinLTO never links the whole program; the plugin says so:
// RUN: %clang -O0 -g -flto=thin -fpass-plugin=%plugin -c %s -I %S/Inputs -o %t.thin.o 2>&1 | FileCheck %s --check-prefix=THIN
// THIN: escapade: warning: {{.*}}clang_tu.c: ThinLTO links no whole program; use -flto=full for the report at the link
#include "sink.h"

int main(void) {
  char buf[16]; // CHECK: clang_tu.c:[[@LINE]]:{{[0-9]+}}: &buf escapes to heap: passed to indirect call at {{.*}} [intraprocedural, conservative, whole_program]
                // JSON: "line":[[@LINE-1]],"column":8,"kind":"stack",{{.*}}"whole_program":{"escapes":true
  the_sink()->put(buf, sizeof buf);
  return buf[0];
}
