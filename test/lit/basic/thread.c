// The argument of a new thread escapes: the thread may outlive the caller.
// The thread handle itself is only written by pthread_create.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative %t2.bc | FileCheck %s
#include <pthread.h>
#include <stdlib.h>

static void *work(void *arg) { return arg; }

int main(void) {
  pthread_t t; // CHECK: thread.c:[[@LINE]]:{{[0-9]+}}: &t does not escape [conservative]
  int *arg = malloc(sizeof(int)); // CHECK: thread.c:[[@LINE]]:14: {{.*}}malloc(4) escapes to heap: passed to a new thread (pthread_create) at {{.*}}thread.c:[[@LINE+2]]:3 [conservative]
  *arg = 7;
  pthread_create(&t, NULL, work, arg);
  return pthread_join(t, NULL);
}
