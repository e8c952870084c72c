// The JSON "cause" of every verdict: one site per cause, each checked at
// the three levels next to its line ("cause" is null when the site does not
// escape). The causes are SARIF's rule ids and LSP's data.cause too.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --format=json %t.bc > %t.json
// RUN: FileCheck %s --input-file=%t.json
// Every escaping verdict has a cause, none of them "other", and a verdict
// that does not escape has none:
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); v=[s[l] for s in d['sites'] for l in ('intraprocedural','conservative','whole_program')]; assert all((x['cause'] is None)==(not x['escapes']) for x in v), v; assert not [x for x in v if x['cause']=='other'], v; print(len(v))" %t.json | FileCheck %s --check-prefix=COUNT
// COUNT: {{^[1-9][0-9]*$}}
// SARIF names the same rule, and LSP the same data.cause:
// RUN: %escapade --format=sarif %t.bc | FileCheck %s --check-prefix=SARIF
// RUN: %escapade --format=lsp %t.bc | FileCheck %s --check-prefix=LSP
// Past the per-function budget every site escapes with cause "budget":
// RUN: %escapade --format=json --budget=1 %t.bc | FileCheck %s --check-prefix=BUDGET
// and past the points-to budget, whole_program's unresolved indirect calls
// are "budget" too (the levels below do not resolve, so they stay
// "indirect-call"):
// RUN: %escapade --format=json --resolve-budget=1 %t.bc | FileCheck %s --check-prefix=RESOLVE
#include <pthread.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

extern void sink(char *p);
extern void (*get_hook(void))(char *);
extern void log_all(const char *fmt, ...);

char *kept;
uintptr_t kept_bits;
struct node { struct node *next; char *data; };
struct node *list;

static void keep(char *p) { kept = p; }
static void peek(char *p) { (void)p[0]; }
static void (*table[])(char *) = {keep, peek};
static void *(*alloc_hook)(size_t) = malloc;
static jmp_buf *where;

static void *worker(void *p) { return p; }

__attribute__((noinline)) char *give(void) {
  char *p = malloc(1); // CHECK-DAG: "line":[[@LINE]],{{.*}}"intraprocedural":{"escapes":true,"reason":"returned from give","cause":"return"},"conservative":{"escapes":true,"reason":"returned from give","cause":"return"},"whole_program":{"escapes":true,"reason":"returned from give","cause":"return"}
  return p; // BUDGET: "line":[[@LINE-1]],{{.*}}"whole_program":{"escapes":true,"reason":"budget: {{[^"]*}}","cause":"budget"}
}
__attribute__((noinline)) int *stack_give(void) {
  int x = 1; // CHECK-DAG: "line":[[@LINE]],{{.*}}"kind":"stack",{{.*}}"whole_program":{"escapes":true,"reason":"address of local returned from stack_give","cause":"return"}
  int *px = &x;
  return px;
}
__attribute__((noinline)) void global(void) {
  char *p = malloc(2); // CHECK-DAG: "line":[[@LINE]],{{.*}}"intraprocedural":{"escapes":true,"reason":"stored to global kept at {{[^"]*}}","cause":"global"},"conservative":{"escapes":true,"reason":"stored to global kept at {{[^"]*}}","cause":"global"},"whole_program":{"escapes":true,"reason":"stored to global kept at {{[^"]*}}","cause":"global"}
  kept = p;
}
__attribute__((noinline)) void memory(void) {
  struct node *n = malloc(sizeof *n);
  n->data = malloc(3); // CHECK-DAG: "line":[[@LINE]],{{.*}}"intraprocedural":{"escapes":true,"reason":"stored in malloc(...) at {{[^"]*}}, which escapes","cause":"memory"},"conservative":{"escapes":true,"reason":"{{[^"]*}}","cause":"memory"},"whole_program":{"escapes":true,"reason":"{{[^"]*}}","cause":"memory"}
  list = n;
}
__attribute__((noinline)) void unknown_call(void) {
  char *p = malloc(4); // CHECK-DAG: "line":[[@LINE]],{{.*}}"intraprocedural":{"escapes":true,"reason":"passed to sink at {{[^"]*}}","cause":"unknown-call"},"conservative":{"escapes":true,"reason":"{{[^"]*}}","cause":"unknown-call"},"whole_program":{"escapes":true,"reason":"{{[^"]*}}","cause":"unknown-call"}
  sink(p);
}
__attribute__((noinline)) void indirect_call(void) {
  char *p = malloc(5); // CHECK-DAG: "line":[[@LINE]],{{.*}}"intraprocedural":{"escapes":true,"reason":"passed to indirect call at {{[^"]*}}","cause":"indirect-call"},"conservative":{"escapes":true,"reason":"{{[^"]*}}","cause":"indirect-call"},"whole_program":{"escapes":true,"reason":"passed to indirect call at {{[^"]*}}","cause":"indirect-call"}
  get_hook()(p);
}
__attribute__((noinline)) void callee(void) {
  char *p = malloc(6); // CHECK-DAG: "line":[[@LINE]],{{.*}}"intraprocedural":{"escapes":true,"reason":"passed to keep at {{[^"]*}}, which may keep it","cause":"unknown-call"},"conservative":{"escapes":true,"reason":"passed to keep at {{[^"]*}}, which leaks param p","cause":"callee"},"whole_program":{"escapes":true,"reason":"{{[^"]*}}","cause":"callee"}
  keep(p);
}
__attribute__((noinline)) void resolved_callee(int i) {
  char *p = malloc(7); // CHECK-DAG: "line":[[@LINE]],{{.*}}"conservative":{"escapes":true,"reason":"passed to indirect call at {{[^"]*}}","cause":"indirect-call"},"whole_program":{"escapes":true,"reason":"passed to indirect call at {{[^"]*}}; target keep keeps param p","cause":"resolved-callee"}
  table[i](p); // RESOLVE: "line":[[@LINE-1]],{{.*}}"conservative":{"escapes":true,"reason":"passed to indirect call at {{[^"]*}}","cause":"indirect-call"},"whole_program":{"escapes":true,"reason":"passed to indirect call at {{[^"]*}}, left unresolved (budget: {{[^"]*}})","cause":"budget"}
}
__attribute__((noinline)) void thread(void) {
  pthread_t t;
  char *p = malloc(8); // CHECK-DAG: "line":[[@LINE]],{{.*}}"intraprocedural":{"escapes":true,"reason":"passed to a new thread (pthread_create) at {{[^"]*}}","cause":"thread"},"conservative":{"escapes":true,"reason":"{{[^"]*}}","cause":"thread"},"whole_program":{"escapes":true,"reason":"{{[^"]*}}","cause":"thread"}
  pthread_create(&t, 0, worker, p);
  pthread_join(t, 0);
}
__attribute__((noinline)) void parameter(char **out) {
  char *p = malloc(9); // CHECK-DAG: "line":[[@LINE]],{{.*}}"whole_program":{"escapes":true,"reason":"stored through parameter out of parameter","cause":"parameter"}
  *out = p;
}
__attribute__((noinline)) void stack_parameter(int **out) {
  int y = 2; // CHECK-DAG: "line":[[@LINE]],{{.*}}"kind":"stack",{{.*}}"whole_program":{"escapes":true,"reason":"stored through parameter out of stack_parameter","cause":"parameter"}
  *out = &y;
}
__attribute__((noinline)) void number(void) {
  char *p = malloc(10); // CHECK-DAG: "line":[[@LINE]],{{.*}}"whole_program":{"escapes":true,"reason":"converted to an integer (ptrtoint) at {{[^"]*}}","cause":"address-as-number"}
  kept_bits = (uintptr_t)p * 31;
}
__attribute__((noinline)) void asm_use(void) {
  char *p = malloc(11); // CHECK-DAG: "line":[[@LINE]],{{.*}}"whole_program":{"escapes":true,"reason":"passed to inline asm at {{[^"]*}}","cause":"asm"}
  __asm__ volatile("" : : "r"(p));
}
__attribute__((noinline)) void vararg(void) {
  char *p = malloc(12); // CHECK-DAG: "line":[[@LINE]],{{.*}}"whole_program":{"escapes":true,"reason":"passed as variadic argument to log_all at {{[^"]*}}","cause":"vararg"}
  log_all("%s", p);
}
__attribute__((noinline)) void output(void) {
  char *p = malloc(13); // CHECK-DAG: "line":[[@LINE]],{{.*}}"whole_program":{"escapes":true,"reason":"written out of the program by printf at {{[^"]*}}","cause":"output"}
  printf("%p\n", (void *)p);
}
__attribute__((noinline)) void jump(void) {
  jmp_buf env; // CHECK-DAG: "line":[[@LINE]],{{.*}}"kind":"stack",{{.*}}"whole_program":{"escapes":true,"reason":"passed to longjmp at {{[^"]*}}","cause":"longjmp"}
  where = &env;
  if (setjmp(env) == 0)
    longjmp(env, 1);
}
__attribute__((noinline)) void unseen(void) {
  char *q = alloc_hook(14); // CHECK-DAG: "line":[[@LINE]],{{.*}}"found_by":"whole_program","intraprocedural":{"escapes":true,"reason":"allocator called indirectly","cause":"unseen-allocator"},"conservative":{"escapes":true,"reason":"allocator called indirectly","cause":"unseen-allocator"},"whole_program":{"escapes":true,"reason":"stored to global kept at {{[^"]*}}","cause":"global"}
  kept = q;
}
__attribute__((noinline)) void local(void) {
  char *p = malloc(15); // CHECK-DAG: "line":[[@LINE]],{{.*}}"intraprocedural":{"escapes":false,"reason":null,"cause":null},"conservative":{"escapes":false,"reason":null,"cause":null},"whole_program":{"escapes":false,"reason":null,"cause":null}
  p[0] = 0;
  free(p);
}

int main(int argc, char **argv) {
  char *out;
  int *pi;
  free(give()); // CHECK-DAG: "line":[[@LINE]],{{.*}}"found_by":"wrapper","intraprocedural":{"escapes":true,"reason":"allocated by give at {{[^"]*}}, which may keep a copy (not looked into)","cause":"wrapper"},"conservative":{"escapes":false,"reason":null,"cause":null}
  (void)stack_give();
  global();
  memory();
  unknown_call();
  indirect_call();
  callee();
  resolved_callee(argc - 1);
  thread();
  parameter(&out);
  stack_parameter(&pi);
  number();
  asm_use();
  vararg();
  output();
  jump();
  unseen();
  local();
  return 0;
}
// SARIF: "id":"escape/resolved-callee"
// SARIF: "ruleId":"escape/resolved-callee"
// LSP: "cause":"resolved-callee"
