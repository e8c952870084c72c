// The check must not report objects that do not outlive their frame: a
// block freed in its frame whose address is handed out again at once (no
// quarantine), a wrapper returning a pointer into its block (only the
// rest of that block is poisoned, not the neighbour), and a thread with
// a small stack (the runtime's per-thread state is allocated, not
// thread-local storage).
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --check -o %t.chk.bc %t.bc
// RUN: %clang -fsanitize=address -g %t.chk.bc %escapade_rt -o %t.chk -lpthread
// RUN: env ASAN_OPTIONS=quarantine_size_mb=0:detect_stack_use_after_return=1:detect_leaks=0 ESCAPADE_CHECK_STATS=1 %t.chk 2>%t.err | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --input-file=%t.err
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *g;

__attribute__((noinline)) void reuse(void) {
  char *p = malloc(32);
  p[0] = 1;
  free(p);
  g = malloc(32); /* very likely p's address again */
  g[0] = 'x';
}

__attribute__((noinline)) static char *with_header(void) {
  char *b = malloc(48);
  return b + 32;
}

char *neighbour;

__attribute__((noinline)) int interior(void) {
  char *s = with_header(); /* never freed: retired, poisoned from s on */
  s[0] = 7;
  neighbour = malloc(48);
  return s[0];
}

static void *work(void *arg) {
  char buf[64];
  snprintf(buf, sizeof buf, "thread %d", *(int *)arg);
  return (void *)(long)strlen(buf);
}

int main(void) {
  reuse();
  int v = interior();
  neighbour[0] = 'y';
  pthread_attr_t a;
  pthread_attr_init(&a);
  pthread_attr_setstacksize(&a, 256 * 1024);
  pthread_t t;
  int id = 1;
  if (pthread_create(&t, &a, work, &id) != 0)
    return 1;
  void *r;
  pthread_join(t, &r);
  printf("%c %d %c %ld\n", g[0], v, neighbour[0], (long)r);
  return 0;
}
// OUT: x 7 y 8
// CHECK-NOT: escapade: check: object of
// CHECK-NOT: AddressSanitizer
// CHECK: escapade: check: {{[1-9][0-9]*}} objects retired
// CHECK-NOT: AddressSanitizer
