// Sites in system headers (here libstdc++'s allocator, reached from
// std::vector) are left out of the report unless --system-headers.
// RUN: %clangxx -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade %t.bc | FileCheck %s --implicit-check-not=/include/c++/
// RUN: %escapade --system-headers %t.bc | FileCheck %s --check-prefix=SYS
// RUN: %escapade --format=sarif %t.bc | FileCheck %s --check-prefix=SARIF
// SYS: include/c++/{{.*}}new_allocator.h:{{[0-9]+:[0-9]+}}: operator new(?) escapes to heap
// SARIF-NOT: new_allocator.h
#include <vector>

int main() {
  std::vector<int> v; // CHECK: system_headers.cpp:[[@LINE]]:20: &v does not escape [conservative, whole_program]
  v.push_back(1);
  return v[0] - 1;
}
