// A linked list of handlers built in one translation unit (PART=1, the
// registry), filled by a constructor in another (PART=2, an audit module
// whose handler keeps the event) and walked in a third (main). Linked from
// three .bc files.
// RUN: %clang -O0 -g -DPART=1 -c %s -o %t0.1.o && %clang -O0 -g -DPART=2 -c %s -o %t0.2.o
// RUN: %clang -O0 -g %s %t0.1.o %t0.2.o -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g -DPART=1 -c %s -o %t2.1.o && %clang -O2 -g -DPART=2 -c %s -o %t2.2.o
// RUN: %clang -O2 -g %s %t2.1.o %t2.2.o -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %clang -O0 -g -DPART=1 -c -emit-llvm %s -o %t0.1.bc
// RUN: %clang -O0 -g -DPART=2 -c -emit-llvm %s -o %t0.2.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc %t0.1.bc %t0.2.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %clang -O2 -g -DPART=1 -c -emit-llvm %s -o %t2.1.bc
// RUN: %clang -O2 -g -DPART=2 -c -emit-llvm %s -o %t2.2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc %t2.1.bc %t2.2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct handler { struct handler *next; void (*fn)(void *ctx, char *ev); void *ctx; };
void register_handler(void (*fn)(void *, char *), void *ctx);
struct handler *first_handler(void);

#if PART == 1
static struct handler *head;
void register_handler(void (*fn)(void *, char *), void *ctx) {
  struct handler *h = malloc(sizeof *h);
  *h = (struct handler){head, fn, ctx};
  head = h;
}
struct handler *first_handler(void) { return head; }
#elif PART == 2
char *audit_last;
static void audit(void *ctx, char *ev) { *(char **)ctx = ev; }
__attribute__((constructor)) static void audit_init(void) { register_handler(audit, &audit_last); }
#else
extern char *audit_last;
static void ignore(void *ctx, char *ev) { (void)ctx; (void)ev; }

__attribute__((noinline)) void emit(const char *s) {
  char *ev = malloc(16); // CHECK: mtu_handler_list.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(ev, s);
  for (struct handler *h = first_handler(); h; h = h->next)
    h->fn(h->ctx, ev);
}

int main(void) {
  register_handler(ignore, NULL);
  emit("hello");
  printf("kept: %s\n", audit_last);
  return 0;
}
#endif
// EVIDENCE: kept: hello
