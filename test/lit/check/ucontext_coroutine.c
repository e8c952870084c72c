// A coroutine (makecontext) holds its block across a swap back to start(),
// which returns while the coroutine is suspended. An object noted on
// another stack is not the returning frame's to retire: no report when the
// coroutine resumes and uses its block.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --check -o %t0.chk.bc %t0.bc
// RUN: %clang -fsanitize=address -g %t0.chk.bc %escapade_rt -o %t0.chk
// RUN: %t0.chk 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --check -o %t2.chk.bc %t2.bc
// RUN: %clang -fsanitize=address -g %t2.chk.bc %escapade_rt -o %t2.chk
// RUN: %t2.chk 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
static ucontext_t main_ctx, co_ctx;
static char co_stack[1 << 16] __attribute__((aligned(16)));
static void co_body(void) {
  char *p = malloc(32); /* the coroutine's own block */
  strcpy(p, "coroutine block");
  swapcontext(&co_ctx, &main_ctx); /* suspend */
  printf("resumed: %s\n", p);
  free(p);
  swapcontext(&co_ctx, &main_ctx);
}
__attribute__((noinline)) void start(void) {
  char *tmp = malloc(16);
  strcpy(tmp, "start");
  getcontext(&co_ctx);
  co_ctx.uc_stack.ss_sp = co_stack;
  co_ctx.uc_stack.ss_size = sizeof co_stack;
  co_ctx.uc_link = &main_ctx;
  makecontext(&co_ctx, co_body, 0);
  swapcontext(&main_ctx, &co_ctx);
  free(tmp);
}
int main(void) {
  start();
  swapcontext(&main_ctx, &co_ctx); /* resume after start returned */
  printf("done\n");
  return 0;
}
// CHECK-NOT: escapade: check
// CHECK: resumed: coroutine block
// CHECK-NOT: escapade: check
// CHECK: done
