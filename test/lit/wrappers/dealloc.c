// Deallocators recognised from their summaries: zfree reads the block's
// usable size for its statistics and frees it, hfree steps back over a
// header first, hook_free frees through a hook that only ever holds free
// or counting_free, a deallocator itself (so hook_free is one at the
// whole-program level, which resolves the hook; at the conservative level
// the indirect call keeps the block). Freeing a
// block through one of them does not make it escape. A function that
// frees its argument and also stores it is not one (keep_and_free).
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade -m --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade -m --level=conservative,whole_program %t2.bc | FileCheck %s
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t used_memory;
void *last_freed;
static unsigned long frees;

__attribute__((noinline)) static void counting_free(void *p) {
  frees++;
  free(p);
}
void (*free_hook)(void *) = free;

__attribute__((noinline)) void zfree(void *p) { // CHECK: dealloc.c:[[@LINE]]:{{[0-9]+}}: zfree is a deallocator (frees p) [conservative, whole_program]
  if (!p)
    return;
  used_memory -= malloc_usable_size(p);
  free(p);
}

__attribute__((noinline)) void hfree(void *p) { // CHECK: dealloc.c:[[@LINE]]:{{[0-9]+}}: hfree is a deallocator (frees p) [conservative, whole_program]
  char *b = (char *)p - 16;
  used_memory -= *(size_t *)b;
  free(b);
}

__attribute__((noinline)) void hook_free(void *p) { // CHECK: dealloc.c:[[@LINE]]:{{[0-9]+}}: leaking param: p [conservative]
  free_hook(p);                                    // CHECK: dealloc.c:[[@LINE-1]]:{{[0-9]+}}: hook_free is a deallocator (frees p) [whole_program]
}

__attribute__((noinline)) void keep_and_free(void *p) { // CHECK: dealloc.c:[[@LINE]]:{{[0-9]+}}: leaking param: p [conservative, whole_program]
  last_freed = p;
  free(p);
}
// CHECK-NOT: keep_and_free is a deallocator

__attribute__((noinline)) size_t work(const char *s) {
  char *a = malloc(16); // CHECK: dealloc.c:[[@LINE]]:{{[0-9]+}}: a = malloc(16) does not escape [conservative, whole_program]
  char *b = malloc(32); // CHECK: dealloc.c:[[@LINE]]:{{[0-9]+}}: b = malloc(32) does not escape [conservative, whole_program]
  char *c = malloc(16); // CHECK: dealloc.c:[[@LINE]]:{{[0-9]+}}: c = malloc(16) escapes to heap: passed to hook_free at {{.*}}, which leaks param p [conservative]
                        // CHECK: dealloc.c:[[@LINE-1]]:{{[0-9]+}}: c = malloc(16) does not escape [whole_program]
  char *d = malloc(16); // CHECK: dealloc.c:[[@LINE]]:{{[0-9]+}}: d = malloc(16) escapes to heap: {{.*}}keep_and_free{{.*}} [conservative, whole_program]
  strcpy(a, s);
  *(size_t *)b = 16;
  strcpy(b + 16, s);
  strcpy(c, s);
  strcpy(d, s);
  size_t n = strlen(a) + strlen(b + 16) + strlen(c) + strlen(d);
  zfree(a);
  hfree(b + 16);
  hook_free(c);
  keep_and_free(d);
  return n;
}

int main(int argc, char **argv) {
  (void)argv;
  if (argc > 5)
    free_hook = counting_free;
  size_t n = work("freed");
  printf("%zu %d\n", n, last_freed != NULL);
  return 0;
}
// EVIDENCE: 20 1
