// --files and --functions choose what the report shows; the analysis is
// still the whole program's (util_keep's escape is found either way).
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.main.bc
// RUN: %clang -O0 -g -c -emit-llvm %S/Inputs/scope_util.c -o %t.util.bc
//
// Only this file (a pattern without a slash matches the base name):
// RUN: %escapade --files=filters.c %t.main.bc %t.util.bc | FileCheck %s --check-prefix=MAIN --implicit-check-not=scope_util.c
// With a slash, against the full name or any tail of it:
// RUN: %escapade --files 'scope/Inputs/*.c' %t.main.bc %t.util.bc | FileCheck %s --check-prefix=UTIL --implicit-check-not=filters.c
// UTIL-DAG: scope_util.c:6:15: malloc(4) escapes to heap: stored to global util_kept
// UTIL-DAG: scope_util.c:10:13: t = malloc(2) does not escape
// Functions, by glob, comma lists and repeated options alike:
// RUN: %escapade --functions='util_*' --functions=nothing,else %t.main.bc %t.util.bc | FileCheck %s --check-prefix=UTIL --implicit-check-not=filters.c
// RUN: %escapade --functions=util_keep --format=json %t.main.bc %t.util.bc | FileCheck %s --check-prefix=JSON
// JSON: "summary":{"sites":1,
#include <stdlib.h>

void util_keep(void);
int util_local(void);

int main(void) {
  char *buf = malloc(64); // MAIN: filters.c:[[@LINE]]:15: buf = malloc(64) does not escape
  buf[0] = (char)util_local();
  util_keep();
  int r = buf[0] - 3;
  free(buf);
  return r;
}
