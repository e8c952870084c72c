// Records holding a pointer are spooled to a tmpfile with fwrite and
// loaded back with fread into heap memory reached through a field of the
// reader's state.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s --check-prefix=CONS
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s --check-prefix=CONS
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec { long id; char *name; };
struct reader { FILE *f; struct rec *buf; };
static FILE *spool;

__attribute__((noinline)) void spool_name(const char *s) {
  char *name = malloc(16); // CHECK: class5_tmpfile_field.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                           // CONS: class5_tmpfile_field.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  strcpy(name, s);
  struct rec r = {7, name};
  fwrite(&r, sizeof r, 1, spool);
}

int main(void) {
  spool = tmpfile();
  if (!spool) return 1;
  spool_name("hello");
  rewind(spool);
  struct reader rd = {spool, malloc(sizeof(struct rec))};
  if (fread(rd.buf, sizeof *rd.buf, 1, rd.f) != 1) return 1;
  printf("kept: %s\n", rd.buf->name);
  return 0;
}
// EVIDENCE: kept: hello
