// Seed 002: Ok(os.File) reads into a stack array through a concrete type,
// NotOk(net.Conn) through an interface, so Go moves NotOk's array to the
// heap. Here too: under conservative analysis x escapes in not_ok only.
// The result r escapes in both (it is returned), whole program or not.
// Why sound: the only conn_ops.read implementation, socket_read, passes the
// buffer to read(2), which keeps nothing.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct file { int fd; };

__attribute__((noinline)) static int file_read(struct file *f, char *b, int n) {
  return (int)read(f->fd, b, (size_t)n);
}

struct conn;
struct conn_ops { int (*read)(struct conn *c, char *b, int n); };
struct conn { const struct conn_ops *ops; int sock; };

static int socket_read(struct conn *c, char *b, int n) {
  return (int)read(c->sock, b, (size_t)n);
}
static const struct conn_ops socket_ops = {socket_read};

__attribute__((noinline)) char *ok(struct file *f) {
  char x[128]; // CHECK: ok_notok.c:[[@LINE]]:{{[0-9]+}}: &x does not escape [conservative, whole_program]
  int n = file_read(f, x, sizeof x);
  char *r = malloc(n > 0 ? n : 1); // CHECK: ok_notok.c:[[@LINE]]:13: {{.*}}malloc(?) escapes to heap: returned from ok [conservative, whole_program]
  if (n > 0)
    memcpy(r, x, n);
  return r;
}

__attribute__((noinline)) char *not_ok(struct conn *c) {
  char x[128]; // CHECK: ok_notok.c:[[@LINE]]:{{[0-9]+}}: &x escapes to heap: passed to indirect call at {{.*}} [conservative]
               // CHECK-NEXT: ok_notok.c:[[@LINE-1]]:{{[0-9]+}}: &x does not escape [whole_program]
  int n = c->ops->read(c, x, sizeof x);
  char *r = malloc(n > 0 ? n : 1); // CHECK: ok_notok.c:[[@LINE]]:13: {{.*}}malloc(?) escapes to heap: returned from not_ok [conservative, whole_program]
  if (n > 0)
    memcpy(r, x, n);
  return r;
}

int main(void) {
  struct file f = {0};
  struct conn c = {&socket_ops, 0};
  char *a = ok(&f), *b = not_ok(&c);
  int same = a[0] == b[0];
  free(a);
  free(b);
  return same;
}
