// C++ virtual calls without -fwhole-program-vtables carry no type tests:
// the callee is loaded through the object's vtable pointer. The points-to
// analysis follows the vtable pointer the constructors store (Counter's or
// Upper's vtable, both defined in the program) to the slot the call loads,
// so the call is resolved without any type assumption.
// Why sound: report's sink is main's c or u, whose vtable pointers are
// only ever written by their constructors; Logger's vtable is never stored
// into a Sink, and the runtime's vtables (external) are not reachable from
// c or u.
// RUN: %clangxx -O0 -g -c -emit-llvm %S/virtual.cpp -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clangxx -O2 -g -c -emit-llvm %S/virtual.cpp -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// CHECK: virtual.cpp:45:{{[0-9]+}}: &line escapes to heap: passed to indirect call at {{.*}} [conservative]
// CHECK-NEXT: virtual.cpp:45:{{[0-9]+}}: &line does not escape [whole_program]
// CHECK-NEXT: avoided: indirect call at {{.*}} resolved by points_to to {Counter::put(char const*), Upper::put(char const*)}
