// This unit has type metadata (-fwhole-program-vtables); Inputs/
// mixed_keep.cpp, linked with it, was built without, so its class Keep is
// in no type set. Type tests describe only the classes of units built with
// the flag: with any vtable lacking metadata, virtual calls are resolved by
// points-to.
// RUN: %clangxx -O0 -g -fvisibility=hidden %s %S/Inputs/mixed_keep.cpp -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clangxx -O2 -g -fvisibility=hidden %s %S/Inputs/mixed_keep.cpp -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clangxx -O0 -g -c -flto -fwhole-program-vtables -fvisibility=hidden %s -o %t0a.bc
// RUN: %clangxx -O0 -g -c -emit-llvm -fvisibility=hidden %S/Inputs/mixed_keep.cpp -o %t0b.bc
// RUN: %escapade --level=whole_program %t0a.bc %t0b.bc 2>/dev/null | FileCheck %s
// RUN: %escapade %t0a.bc %t0b.bc 2>&1 >/dev/null | FileCheck %s --check-prefix=WARN
// RUN: %clangxx -O2 -g -c -flto -fwhole-program-vtables -fvisibility=hidden %s -o %t2a.bc
// RUN: %clangxx -O2 -g -c -emit-llvm -fvisibility=hidden %S/Inputs/mixed_keep.cpp -o %t2b.bc
// RUN: %escapade --level=whole_program %t2a.bc %t2b.bc 2>/dev/null | FileCheck %s
#include <cstring>
#include "Inputs/mixed_sink.h"
struct Quiet : Sink { void put(char *) override {} };
static Quiet quiet;
Sink *quiet_sink() { return &quiet; }
__attribute__((noinline)) void report(Sink *s, const char *m) {
  char *line = new char[16]; // CHECK: vcall_mixed_type_metadata.cpp:[[@LINE]]:{{[0-9]+}}: line = {{.*}} escapes to heap: {{.*}} [whole_program]
  strcpy(line, m);
  s->put(line);
}
// WARN: warning: {{.*}}0b.bc: C++ without type metadata
// EVIDENCE: kept after report returned: mixed
