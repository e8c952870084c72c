// One vtable load, two type tests: at -O2 SimplifyCFG merges the two calls
// of put() into one behind a select of the tests (D1's for the first call,
// Base's for the second). The merged call may reach D2::put, which keeps
// the line: a type test counts only when it is assumed ahead of the call
// in its block, on every path to it.
// RUN: %clangxx -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clangxx -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clangxx -O0 -g -c -flto -fwhole-program-vtables %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clangxx -O2 -g -c -flto -fwhole-program-vtables %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
// RUN: %escapade %t2.bc | not grep "operator new.*does not escape"
#include <cstdio>
#include <cstring>
static char *kept;
namespace {
struct Base { virtual ~Base() {} virtual void put(char *) = 0; };
struct D1 : Base { void put(char *) override {} };
struct D2 : Base { void put(char *p) override { kept = p; } };
}
__attribute__((noinline)) void report(Base *b, int kind, const char *m) {
  char *line = new char[16]; // CHECK: vcall_type_test_merged.cpp:[[@LINE]]:{{[0-9]+}}: line = {{.*}} escapes to heap: {{.*}}D2::put{{.*}} [whole_program]
  strcpy(line, m);
  if (kind == 1)
    static_cast<D1 *>(b)->put(line);
  else
    b->put(line);
}
int main(int argc, char **) {
  D1 d1;
  D2 d2;
  report(&d1, 1, "one");
  report(argc > 0 ? (Base *)&d2 : &d1, 2, "two");
  printf("kept after report returned: %s\n", kept);
}
// EVIDENCE: kept after report returned: two
