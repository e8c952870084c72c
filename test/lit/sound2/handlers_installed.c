// Sinks switched by handlers the C library calls: a SIGUSR1 handler
// installed with sigaction (run by raise), a pthread_once initialiser, and
// a pthread_key_create destructor (run when the worker thread exits). Each
// installs keep; the messages passed to the sinks later must escape.
// RUN: %clang -O0 -g -pthread %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g -pthread %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *kept[3];
static void keep0(char *s) { kept[0] = s; }
static void keep1(char *s) { kept[1] = s; }
static void keep2(char *s) { kept[2] = s; }
static void quiet(char *s) { (void)s; }
static void (*volatile on_sig)(char *) = quiet;
static void (*on_init)(char *) = quiet;
static void (*on_exit_thread)(char *) = quiet;

static void usr1(int sig, siginfo_t *si, void *uc) { (void)sig; (void)si; (void)uc; on_sig = keep0; }
static pthread_once_t once = PTHREAD_ONCE_INIT;
static void init(void) { on_init = keep1; }
static pthread_key_t key;
static void dtor(void *v) { (void)v; on_exit_thread = keep2; }
static void *worker(void *a) { pthread_setspecific(key, a); return NULL; }

__attribute__((noinline)) void send(int which, const char *s) {
  char *msg = malloc(16); // CHECK: handlers_installed.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(msg, s);
  if (which == 0) on_sig(msg);
  else if (which == 1) on_init(msg);
  else on_exit_thread(msg);
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = usr1;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR1, &sa, NULL);
  raise(SIGUSR1);
  pthread_once(&once, init);
  pthread_key_create(&key, dtor);
  pthread_t t;
  pthread_create(&t, NULL, worker, (void *)1);
  pthread_join(t, NULL);
  send(0, "sig");
  send(1, "once");
  send(2, "key");
  printf("kept: %s %s %s\n", kept[0], kept[1], kept[2]);
  return 0;
}
// EVIDENCE: kept: sig once key
