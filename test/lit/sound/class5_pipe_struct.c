// A worker-queue message carrying a pointer is written to a pipe and read
// back (same process) into a global; the reader prints the payload after
// post() returned.
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
#include <unistd.h>

struct msg { int kind; char *payload; };
int fds[2];
struct msg inbox;

__attribute__((noinline)) void post(const char *s) {
  char *buf = malloc(16); // CHECK: class5_pipe_struct.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                          // CONS: class5_pipe_struct.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  strcpy(buf, s);
  struct msg m = {1, buf};
  if (write(fds[1], &m, sizeof m) != sizeof m) abort();
}

int main(void) {
  if (pipe(fds)) return 1;
  post("hello");
  if (read(fds[0], &inbox, sizeof inbox) != sizeof inbox) return 1;
  printf("kept: %s\n", inbox.payload);
  return 0;
}
// EVIDENCE: kept: hello
