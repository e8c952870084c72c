// A program split across three translation units, linked from three .bc
// files. The keeper is installed only in struct writer, whose layout is the
// same as struct reader's: llvm-link merges the two LLVM types, so type
// facts are recorded per module before linking, and the buffer read through
// struct reader stays local. The same holds through the opt plugin with
// -escapade-link.
// Why sound: reader.read only ever holds file_read (Inputs/mtu_impl.c),
// which writes bytes into the buffer and keeps nothing.
// RUN: %clang -O0 -g -c -emit-llvm %s -I %S/Inputs -o %t.main.bc
// RUN: %clang -O0 -g -c -emit-llvm %S/Inputs/mtu_impl.c -o %t.impl.bc
// RUN: %clang -O0 -g -c -emit-llvm %S/Inputs/mtu_keep.c -o %t.keep.bc
// RUN: %escapade --level=conservative,whole_program %t.main.bc %t.impl.bc %t.keep.bc | FileCheck %s
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.main.bc -escapade-link=%t.impl.bc,%t.keep.bc -escapade-level=conservative,whole_program 2>&1 | FileCheck %s
// Linked beforehand with llvm-link, the two types are one. The default
// points-to analysis does not look at types, so the answer is the same;
// under --assume-typed the facts of the two types merge: still sound, less
// precise.
// RUN: %llvm-link %t.main.bc %t.impl.bc %t.keep.bc -o %t.linked.bc
// RUN: %escapade --level=whole_program %t.linked.bc | FileCheck %s --check-prefix=PRELINKED
// PRELINKED: multi_tu.c:31:{{[0-9]+}}: &buf does not escape [whole_program]
// RUN: %escapade --level=whole_program --assume-typed %t.linked.bc | FileCheck %s --check-prefix=PRELINKED-TYPED
// PRELINKED-TYPED: multi_tu.c:{{[0-9]+}}:{{[0-9]+}}: &buf escapes to heap: {{.*}}target keep_write keeps param buf [whole_program]
// RUN: %clang -O2 -g -c -emit-llvm %s -I %S/Inputs -o %t.main2.bc
// RUN: %clang -O2 -g -c -emit-llvm %S/Inputs/mtu_impl.c -o %t.impl2.bc
// RUN: %clang -O2 -g -c -emit-llvm %S/Inputs/mtu_keep.c -o %t.keep2.bc
// RUN: %escapade --level=conservative,whole_program %t.main2.bc %t.impl2.bc %t.keep2.bc | FileCheck %s
#include "mtu_iface.h"
#include <stdio.h>

__attribute__((noinline)) int use_reader(struct reader *r) {
  char buf[16]; // CHECK: multi_tu.c:[[@LINE]]:{{[0-9]+}}: &buf escapes to heap: passed to indirect call at {{.*}} [conservative]
                // CHECK-NEXT: multi_tu.c:[[@LINE-1]]:{{[0-9]+}}: &buf does not escape [whole_program]
                // CHECK-NEXT: avoided: indirect call at {{.*}} resolved by points_to to {file_read}
  int n = r->read(buf, sizeof buf);
  return buf[0] + n;
}

int main(void) {
  char out[4];
  printf("%d %d\n", use_reader(&file_reader), keep_writer.write(out, 4));
  return 0;
}
