// localtime_r writes a library pointer into its struct tm (tm_zone, the
// zone name tzname[0] also names): a pointer stored through tm_zone is
// read back by main through tzname[0].
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

__attribute__((noinline)) void remember(void) {
  char *obj = malloc(16); // CHECK: lib_tm_zone.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(obj, "secret");
  time_t t = 0;
  struct tm tm;
  localtime_r(&t, &tm);
  memcpy((char *)tm.tm_zone, &obj, sizeof obj); /* "ABCDEFGHIJ": 11 bytes */
}

int main(void) {
  setenv("TZ", "ABCDEFGHIJ0", 1);
  tzset();
  remember();
  char *p;
  memcpy(&p, tzname[0], sizeof p);
  printf("kept after remember returned: %s\n", p);
  return 0;
}

// EVIDENCE: kept after remember returned: secret
