// --assume-typed is an assumption, and the report says so. The program is
// sound/fnslot_struct_alias.c: two modules declare the same ops layout
// under different names; drivers fill `struct dev_ops`, the core reads it
// as `struct core_ops`, and the driver's keep() stores its argument in a
// global, so buf escapes core_write(). The default points-to resolution
// sees it (checked in that file); the typed mode (memory written as
// dev_ops is read as dev_ops) does not, and names the assumption.
// RUN: %clang -O0 -g -c -emit-llvm %S/../sound/fnslot_struct_alias.c -o %t0.bc
// RUN: %clang -O2 -g -c -emit-llvm %S/../sound/fnslot_struct_alias.c -o %t2.bc
// RUN: %escapade --level=whole_program --assume-typed %t0.bc | FileCheck %s --check-prefix=TYPED
// RUN: %escapade --level=whole_program --assume-typed --stats %t2.bc | FileCheck %s --check-prefixes=TYPED,TYPED-STATS
// RUN: %escapade --level=whole_program --stats %t0.bc | FileCheck %s --check-prefixes=SOUND,STATS
// RUN: %escapade --format=json --assume-typed %t0.bc | FileCheck %s --check-prefix=JSON
// TYPED: # assumptions: typed (memory written through a field of struct S is read through a field of S; {{.*}})
// TYPED: fnslot_struct_alias.c:29:{{[0-9]+}}: buf = malloc(16) does not escape [whole_program]
// SOUND: fnslot_struct_alias.c:29:{{[0-9]+}}: buf = malloc(16) escapes to heap{{.*}}[whole_program]
// JSON: "assumptions":["typed"],
// JSON-NEXT: "resolution":{"engine":"type_based",
// TYPED-STATS: # resolution: type_based; assumptions: typed
// STATS: # resolution: points_to (objects {{[0-9]+}}, locations {{[0-9]+}}, exposed {{[0-9]+}}, merged {{[0-9]+}}, grouped {{[0-9]+}}, steps {{[0-9]+}}); assumptions: none beyond the whole program
