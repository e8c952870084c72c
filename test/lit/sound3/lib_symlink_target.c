// A pointer's bytes travel through a symlink target (symlink, then readlink).
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct msg { char text[32]; };
static struct msg *got;

__attribute__((noinline)) static int stash(const char *lnk) {
  struct msg *m = malloc(sizeof *m);          /* site */ // CHECK: lib_symlink_target.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(m->text, "alive after stash()");
  char target[16] = {0};
  memcpy(target, &m, sizeof m);               /* pointer bytes as a name */
  if (strlen(target) < 6 || memchr(target, 0, 6)) return -1;
  unlink(lnk);
  return symlink(target, lnk);
}

int main(void) {
  char lnk[64];
  snprintf(lnk, sizeof lnk, "/tmp/esc_sym_%d", (int)getpid());
  if (stash(lnk) != 0) { puts("setup failed"); return 1; }
  char back[16] = {0};
  ssize_t n = readlink(lnk, back, sizeof back);
  unlink(lnk);
  memcpy(&got, back, sizeof got);
  printf("read %zd bytes: %s\n", n, got->text);
  return 0;
}
// EVIDENCE: read 6 bytes: alive after stash()
