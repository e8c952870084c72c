// "-" reads the module from standard input (bitcode or text); -o writes
// the report to a file, whole, and leaves none behind on an error.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: cat %t.bc | %escapade --level=conservative - | FileCheck %s
// RUN: %clang -O0 -g -S -emit-llvm %s -o - | %escapade --level=conservative - | FileCheck %s
// RUN: rm -f %t.report && %escapade --level=conservative -o %t.report %t.bc && FileCheck %s < %t.report
// RUN: not %escapade -o %t.missing-dir/out.txt %t.bc 2>&1 | FileCheck %s --check-prefix=NODIR
// NODIR: escapade: {{.*}}missing-dir/out.txt: No such file or directory
#include <stdlib.h>

int main(void) {
  char *p = malloc(4); // CHECK: stdin_and_output.c:[[@LINE]]:13: p = malloc(4) does not escape [conservative]
  p[0] = 0;
  free(p);
  return 0;
}
