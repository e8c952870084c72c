// C++ virtual calls without -fwhole-program-vtables carry no type tests:
// the callee is loaded through the object's vtable pointer, untyped. Such a
// load may read any table whose address went elsewhere, including the C++
// runtime's, so the call stays unresolved and the buffer escapes.
// Why sound: nothing ties the load to Sink's vtables, and the runtime's
// vtables (external) may hold code from outside the program.
// RUN: %clangxx -O0 -g -c -emit-llvm %S/virtual.cpp -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clangxx -O2 -g -c -emit-llvm %S/virtual.cpp -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
// CHECK: virtual.cpp:40:{{[0-9]+}}: &line escapes to heap: passed to indirect call at {{.*}} [whole_program]
