// An instrumented frame in a signal handler retires its objects while the
// code it interrupted may be retiring too: the record of retired objects
// takes no lock, so the program does not hang (with a lock it did: the
// handler waited for the lock its own thread held). The handler and the
// loop it interrupts each note a local (passed to clock_gettime).
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --check -o %t0.chk.bc %t0.bc
// RUN: %clang -fsanitize=address -g %t0.chk.bc %escapade_rt -o %t0.chk
// RUN: timeout 120 %t0.chk 2>&1 | FileCheck %s
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t ticks;

/* async-signal-safe: clock_gettime and a sig_atomic_t */
static void on_tick(int sig) {
  (void)sig;
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  ticks = ticks + 1 + (int)(ts.tv_nsec & 0);
}

/* a frame with a local whose address is taken (a checked stack site) */
__attribute__((noinline)) static long work(long i) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (ts.tv_nsec & 1) + i;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_tick;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGALRM, &sa, NULL);
  struct itimerval it = {{0, 50}, {0, 50}};
  setitimer(ITIMER_REAL, &it, NULL);
  long s = 0;
  for (long i = 0; i < 3000000; i++)
    s += work(i) & 1;
  struct itimerval off = {{0, 0}, {0, 0}};
  setitimer(ITIMER_REAL, &off, NULL);
  printf("done %d\n", ticks > 0);
  return 0;
}
// CHECK: done 1
