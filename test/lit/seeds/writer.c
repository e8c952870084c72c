// The seed problem: w.Write(buf) heap-allocates buf in Go because the
// target of an interface call is unknown. In C the interface is a struct of
// function pointers. Conservatively the buffer escapes; the whole program
// has only harmless writers, so whole-program analysis keeps it local.
// Why sound: every function stored into writer_ops.write (count_write,
// upper_write) only reads the buffer; no other function reaches that field.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade %t2.bc | FileCheck %s
#include <ctype.h>
#include <stdio.h>

struct writer;
struct writer_ops {
  int (*write)(struct writer *w, const char *buf, int n);
};
struct writer {
  const struct writer_ops *ops;
  long written;
};

static int count_write(struct writer *w, const char *buf, int n) {
  (void)buf;
  w->written += n;
  return n;
}

static int upper_write(struct writer *w, const char *buf, int n) {
  for (int i = 0; i < n; i++)
    putchar(toupper((unsigned char)buf[i]));
  w->written += n;
  return n;
}

static const struct writer_ops count_ops = {count_write};
static const struct writer_ops upper_ops = {upper_write};

__attribute__((noinline)) void log_line(struct writer *w, int v) {
  char buf[64]; // CHECK: writer.c:[[@LINE]]:{{[0-9]+}}: &buf escapes to heap: passed to indirect call at {{.*}} [intraprocedural, conservative]
                // CHECK-NEXT: writer.c:[[@LINE-1]]:{{[0-9]+}}: &buf does not escape [whole_program]
                // CHECK-NEXT: avoided: indirect call at {{.*}} resolved by points_to to {count_write, upper_write}
  int n = snprintf(buf, sizeof buf, "value %d\n", v);
  w->ops->write(w, buf, n);
}

int main(int argc, char **argv) {
  struct writer a = {&count_ops, 0}, b = {&upper_ops, 0};
  log_line(argc > 1 ? &a : &b, argc);
  printf("%ld %ld\n", a.written, b.written);
  return 0;
}
