// The run-time check on a wrapper with a header: the site's block is the
// whole allocation and the result points past the header. Forced local,
// the kept block is poisoned when work returns and main's read of it
// through the interior pointer is reported with the wrapper's call site;
// the block the verdict keeps local is freed in its frame (nothing
// reported without forcing).
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --check --level=whole_program -o %t.chk.bc %t.bc
// RUN: %clang -fsanitize=address -g %t.chk.bc %escapade_rt -o %t.chk
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 %t.chk 2>&1 | FileCheck %s --check-prefix=CLEAN
// RUN: %escapade --check --level=whole_program --force-local=check_header.c:34 -o %t.forced.bc %t.bc
// RUN: %clang -fsanitize=address -g %t.forced.bc %escapade_rt -o %t.forced
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 not %t.forced 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) void *hmalloc(size_t size) {
  char *b = malloc(size + 16);
  if (!b)
    abort();
  *(size_t *)b = size;
  return b + 16;
}

__attribute__((noinline)) void hfree(void *p) { free((char *)p - 16); }

char *kept;

__attribute__((noinline)) size_t work(const char *s) {
  char *tmp = hmalloc(24);
  strcpy(tmp, s);
  size_t n = strlen(tmp);
  kept = hmalloc(24);
  strcpy(kept, s);
  hfree(tmp);
  return n;
}

int main(void) {
  size_t n = work("past the header");
  printf("%zu: %s\n", n, kept); // CHECK: escapade: check: object of {{.*}}check_header.c:34:10: hmalloc(?) [whole_program, --force-local] used after its frame returned
  return 0;
}
// CLEAN: 15: past the header
// CLEAN-NOT: escapade: check
