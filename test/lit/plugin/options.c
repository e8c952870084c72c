// Every report option of the CLI has its plugin option, and both give the
// same report: -escapade-X=V is --X=V. List options take comma lists and
// repeat.
// RUN: %clang -O0 -g -c -emit-llvm %s -I %S/Inputs -o %t.bc
// RUN: %clang -O0 -g -c -emit-llvm %S/Inputs/sink_impl.c -I %S/Inputs -o %t.impl.bc
// RUN: %escapade %t.bc %t.impl.bc --files=sink_impl.c > %t.cli
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-link=%t.impl.bc -escapade-files=sink_impl.c -escapade-output=%t.plugin
// RUN: diff %t.cli %t.plugin
// RUN: FileCheck %s --check-prefix=FILES < %t.plugin
// FILES: sink_impl.c:{{[0-9]+}}:{{[0-9]+}}: buf does not escape
// FILES-NOT: options.c
// RUN: %escapade %t.bc %t.impl.bc --functions=keep_one,keep_two > %t.cli
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-link=%t.impl.bc -escapade-functions=keep_one,keep_two -escapade-output=%t.plugin
// RUN: diff %t.cli %t.plugin
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-link=%t.impl.bc -escapade-functions=keep_one -escapade-functions=keep_two -escapade-output=%t.plugin
// RUN: diff %t.cli %t.plugin
// RUN: FileCheck %s --check-prefix=FUNCS < %t.plugin
// RUN: %escapade %t.bc %t.impl.bc --system-headers > %t.cli
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-link=%t.impl.bc -escapade-system-headers -escapade-output=%t.plugin
// RUN: diff %t.cli %t.plugin
// RUN: FileCheck %s --check-prefix=SYS < %t.plugin
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-link=%t.impl.bc -escapade-output=%t.plugin
// RUN: FileCheck %s --check-prefix=NOSYS < %t.plugin
// NOSYS-NOT: esc_sys.h
// RUN: %escapade %t.bc %t.impl.bc --explain-unknown > %t.cli
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-link=%t.impl.bc -escapade-explain-unknown -escapade-output=%t.plugin
// RUN: diff %t.cli %t.plugin
// RUN: FileCheck %s --check-prefix=UNKNOWN < %t.plugin
// RUN: %escapade %t.bc %t.impl.bc --budget=1 > %t.cli
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-link=%t.impl.bc -escapade-budget=1 -escapade-output=%t.plugin
// RUN: diff %t.cli %t.plugin
// RUN: FileCheck %s --check-prefix=BUDGET < %t.plugin
// RUN: %escapade %t.bc %t.impl.bc --format=lsp > %t.cli
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-link=%t.impl.bc -escapade-format=lsp -escapade-output=%t.plugin
// RUN: diff %t.cli %t.plugin
// RUN: FileCheck %s --check-prefix=LSP < %t.plugin
// LSP: "diagnostics"
// The options that were there before, the same way:
// RUN: %escapade %t.bc %t.impl.bc -m=2 --level=conservative,whole_program --avoided --alloc-fn=my_alloc --resolve=signature > %t.cli
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-link=%t.impl.bc -escapade-detail=2 -escapade-level=conservative,whole_program -escapade-avoided -escapade-alloc-fn=my_alloc -escapade-resolve=signature -escapade-output=%t.plugin
// RUN: diff %t.cli %t.plugin
// RUN: %escapade %t.bc %t.impl.bc --assume-typed --assume-closed --resolve-budget=5 > %t.cli
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-link=%t.impl.bc -escapade-assume-typed -escapade-assume-closed -escapade-resolve-budget=5 -escapade-output=%t.plugin
// RUN: diff %t.cli %t.plugin
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-link=%t.impl.bc -escapade-stats 2>&1 | FileCheck %s --check-prefix=STATS
// STATS: # sites: 5; escaping: intraprocedural 5, conservative 5, whole_program 4; avoided 1
//
// The gate: the report, a line per forbidden escape on stderr, status 3,
// judged at the highest level shown (whole_program by default).
// RUN: %escapade %t.bc %t.impl.bc '--forbid-escape=keep_*,nothing' > %t.cli 2> %t.cli.err; test $? -eq 3
// RUN: %opt -load-pass-plugin %plugin -passes=escapade -disable-output %t.bc -escapade-link=%t.impl.bc '-escapade-forbid-escape=keep_*,nothing' -escapade-output=%t.plugin 2> %t.plugin.err; test $? -eq 3
// RUN: diff %t.cli %t.plugin
// RUN: diff %t.cli.err %t.plugin.err
// RUN: FileCheck %s --check-prefix=GATE < %t.plugin.err
// RUN: %opt -load-pass-plugin %plugin -passes=escapade -disable-output %t.bc -escapade-link=%t.impl.bc -escapade-forbid-escape=the_sink,fill -escapade-output=%t.plugin 2> %t.err
// RUN: count 0 < %t.err
//
// -escapade-require-debug-info: a module without debug info is an error.
// RUN: %opt -load-pass-plugin %plugin -passes=escapade -disable-output %t.bc -escapade-require-debug-info -escapade-output=%t.required
// RUN: %opt -load-pass-plugin %plugin -passes=escapade -disable-output %t.bc -escapade-output=%t.plugin
// RUN: diff %t.plugin %t.required
// RUN: %clang -O0 -c -emit-llvm %s -I %S/Inputs -o %t.nodebug.bc
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.nodebug.bc 2>&1 | FileCheck %s --check-prefix=WARN
// WARN: escapade: warning: {{.*}}nodebug.bc: no debug info; locations are function#instruction
// RUN: not %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.nodebug.bc -escapade-require-debug-info 2> %t.err
// RUN: FileCheck %s --check-prefix=NODEBUG < %t.err
// RUN: count 1 < %t.err
// NODEBUG: escapade: {{.*}}nodebug.bc: no debug info (compile with -g)
// Every input is checked, -escapade-link files too:
// RUN: %clang -O0 -c -emit-llvm %S/Inputs/sink_impl.c -I %S/Inputs -o %t.impl.nodebug.bc
// RUN: not %opt -load-pass-plugin %plugin -passes=escapade -disable-output %t.bc -escapade-link=%t.impl.nodebug.bc -escapade-require-debug-info 2> %t.err
// RUN: FileCheck %s --check-prefix=NODEBUG-LINK < %t.err
// RUN: count 1 < %t.err
// NODEBUG-LINK: escapade: {{.*}}impl.nodebug.bc: no debug info (compile with -g)
#include "sink.h"
#include <stdlib.h>

void *kept;
char *sys_copy(void);

void keep_one(void) {
  kept = malloc(8); // FUNCS: options.c:[[@LINE]]:{{[0-9]+}}: malloc(8) escapes to heap: stored to global kept
                    // GATE: escapade: forbidden escape: {{.*}}options.c:[[@LINE-1]]:{{[0-9]+}}: malloc(8) in keep_one escapes to heap
}

void keep_two(void) {
  kept = calloc(2, 8); // FUNCS: options.c:[[@LINE]]:{{[0-9]+}}: calloc(16) escapes to heap: stored to global kept
                       // GATE: escapade: forbidden escape: {{.*}}options.c:[[@LINE-1]]:{{[0-9]+}}: calloc(16) in keep_two escapes to heap
}

int main(void) {
  char buf[16]; // FUNCS-NOT: &buf
                // UNKNOWN: options.c:[[@LINE-1]]:{{[0-9]+}}: &buf does not escape [whole_program]
                // BUDGET: options.c:[[@LINE-2]]:{{[0-9]+}}: &buf escapes to heap: {{.*}}budget
  the_sink()->put(buf, sizeof buf);
  void (*unknown)(char *) = (void (*)(char *))getenv("X");
  char other[8];
  unknown(other); // UNKNOWN: # unknown: indirect call at {{.*}}options.c:[[@LINE]]:{{[0-9]+}}: function pointer may come from outside the program
  keep_one();
  keep_two();
  return buf[0] + *sys_copy();
}

// A function as if from a system header (its debug info says so):
#line 1 "/usr/include/esc_sys.h"
char *sys_copy(void) {
  char *p = malloc(4); // SYS: /usr/include/esc_sys.h:2:{{[0-9]+}}: p = malloc(4) escapes
  kept = p;
  return p;
}
