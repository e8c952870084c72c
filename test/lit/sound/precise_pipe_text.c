// Must stay precise: only the bytes of the message (text, no pointers)
// go through a pipe and are read back into another buffer; a pointer
// into the message is only compared. The message itself stays local.
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

int fds[2];
int saw_space;

__attribute__((noinline)) void send_text(const char *s) {
  char *msg = malloc(32); // CHECK: precise_pipe_text.c:[[@LINE]]:{{[0-9]+}}: {{.*}}does not escape{{.*}}whole_program]
                          // CONS: precise_pipe_text.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}does not escape [conservative]
  snprintf(msg, 32, "%s world", s);
  char *sp = strchr(msg, ' ');
  saw_space = sp != NULL && sp > msg;
  size_t n = strlen(msg) + 1;
  if (write(fds[1], msg, n) != (ssize_t)n) abort();
  free(msg);
}

int main(void) {
  if (pipe(fds)) return 1;
  send_text("hello");
  char in[32];
  if (read(fds[0], in, sizeof in) <= 0) return 1;
  printf("got: %s %d\n", in, saw_space);
  return 0;
}
// EVIDENCE: got: hello world 1
