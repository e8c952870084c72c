// Open-file-description locks: the lock's l_start (a pointer's bytes,
// moved with memcpy) is kept by the kernel and reported back by
// F_OFD_GETLK on a second descriptor of the same file.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct msg { char text[32]; };

__attribute__((noinline)) static int stash(int fd) {
  struct msg *m = malloc(sizeof *m); // CHECK: lib_ofd_lock_start.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(m->text, "alive after stash()");
  struct flock fl = {0};
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  memcpy(&fl.l_start, &m, sizeof m);
  fl.l_len = 1;
  return fcntl(fd, F_OFD_SETLK, &fl);
}

int main(void) {
  char path[] = "/tmp/esc_ofdXXXXXX";
  int fd1 = mkstemp(path);
  int fd2 = open(path, O_RDWR);
  unlink(path);
  if (fd1 < 0 || fd2 < 0 || stash(fd1) != 0) { perror("setup"); return 1; }
  struct flock q = {0};
  q.l_type = F_WRLCK;
  q.l_whence = SEEK_SET;
  q.l_start = 0;
  q.l_len = 0;            /* whole file */
  if (fcntl(fd2, F_OFD_GETLK, &q) != 0 || q.l_type == F_UNLCK) { puts("no lock seen"); return 1; }
  struct msg *got;
  memcpy(&got, &q.l_start, sizeof got);
  printf("lock at %p: %s\n", (void *)got, got->text);
  return 0;
}
// EVIDENCE: lock at {{0x[0-9a-f]+}}: alive after stash()
