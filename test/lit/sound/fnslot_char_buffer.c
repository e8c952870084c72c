// A message queue stores fixed-size records in a raw char arena; a record
// is a callback copied in with memcpy at a computed offset. The consumer
// copies the bytes back into a function pointer and calls it. The queued
// callback keep() stores its argument in a global: job escapes consume().
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*job_fn)(char *);
static void show(char *s) { puts(s); }
char *kept;
static void keep(char *s) { kept = s; }
enum { REC = 12 };
unsigned char arena[REC * 8];
unsigned head, tail;

__attribute__((noinline)) void enqueue(job_fn f, int prio) {
  unsigned char *rec = arena + (tail++ % 8) * REC;
  memcpy(rec, &prio, sizeof prio);
  memcpy(rec + 4, &f, sizeof f);
}

__attribute__((noinline)) void consume(void) {
  job_fn f = show;
  if (head != tail)
    memcpy(&f, arena + (head++ % 8) * REC + 4, sizeof f);
  char *job = malloc(16); // CHECK: fnslot_char_buffer.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
  strcpy(job, "hello");
  f(job);
}

int main(int argc, char **argv) {
  enqueue(argc > 1 ? show : keep, 1);
  consume();
  printf("kept: %s\n", kept);
  return 0;
}
// EVIDENCE: kept: hello
