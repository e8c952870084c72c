// An aligned-allocation hook with an out parameter (posix_memalign unless
// the program installs another allocator). Reached through the hook,
// posix_memalign is a site of its own, but the block it writes into *out is
// never connected to p: storing p in a global is not seen.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int (*aligned_alloc_hook)(void **, size_t, size_t) = posix_memalign;
static char *current;

__attribute__((noinline)) int make_line(const char *s) {
  char *p = NULL;
  if (aligned_alloc_hook((void **)&p, 64, 64) != 0) // CHECK: hook_posix_memalign.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
    return -1;
  strcpy(p, s);
  current = p;
  return 0;
}

int main(int argc, char **argv) {
  (void)argv;
  if (argc > 5)
    aligned_alloc_hook = NULL;
  if (make_line("hello") == 0)
    printf("kept: %s\n", current);
  return 0;
}
// EVIDENCE: kept: hello
