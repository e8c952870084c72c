// Streams of the program's own (fopencookie): on an unbuffered stream,
// fwrite and puts hand the caller's buffer itself to the cookie's write
// function. log_fp is a log sink that queues the chunks for a later flush
// instead of copying them; stdout (a plain variable in glibc) is replaced by
// a capture stream, as test harnesses do. fwrite and puts are modelled as
// only sending bytes out of the program, keeping nothing.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pending { const char *buf; size_t len; };
static struct pending queue[8];
static int nqueued;

static ssize_t queue_write(void *cookie, const char *buf, size_t len) {
  (void)cookie;
  if (nqueued < 8)
    queue[nqueued++] = (struct pending){buf, len};
  return (ssize_t)len;
}

static FILE *log_fp;

__attribute__((noinline)) void log_msg(const char *s) {
  char *msg = malloc(16); // CHECK: cookie_stream_write.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(msg, s);
  fwrite(msg, 1, strlen(msg), log_fp);
}

__attribute__((noinline)) void greet(const char *who) {
  char *line = malloc(16); // CHECK: cookie_stream_write.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(line, who);
  puts(line);
}

int main(void) {
  cookie_io_functions_t io = {.write = queue_write};
  log_fp = fopencookie(NULL, "w", io);
  setvbuf(log_fp, NULL, _IONBF, 0);
  log_msg("hello");
  FILE *real = stdout;
  stdout = fopencookie(NULL, "w", io);
  setvbuf(stdout, NULL, _IONBF, 0);
  greet("world");
  stdout = real;
  printf("kept: %.*s\n", (int)queue[0].len, queue[0].buf);
  printf("kept: %.5s\n", queue[1].buf);
  return 0;
}
// EVIDENCE: kept: hello
// EVIDENCE: kept: world
