// Callbacks that keep their argument: a worker thread adopts its start
// argument as the current job (printed after join), and an on_exit
// handler uses its argument after main has returned.
// RUN: %clang -O0 -g -pthread %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g -pthread %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s --check-prefix=CONS
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s --check-prefix=CONS
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *current_job;
static pthread_t worker;

static void *work_loop(void *arg) {
  current_job = arg;
  return NULL;
}

static void say_bye(int status, void *arg) {
  (void)status;
  printf("at exit: %s\n", (char *)arg);
}

__attribute__((noinline)) void start(const char *s) {
  char *job = malloc(16); // CHECK: class5_thread_exit.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                          // CONS: class5_thread_exit.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  strcpy(job, s);
  pthread_create(&worker, NULL, work_loop, job);
}

__attribute__((noinline)) void arm(const char *s) {
  char *msg = malloc(16); // CHECK: class5_thread_exit.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
                          // CONS: class5_thread_exit.c:[[@LINE-1]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[conservative]
  strcpy(msg, s);
  on_exit(say_bye, msg);
}

int main(void) {
  start("hello");
  pthread_join(worker, NULL);
  printf("kept: %s\n", current_job);
  arm("bye");
  return 0;
}
// EVIDENCE: kept: hello
// EVIDENCE: at exit: bye
