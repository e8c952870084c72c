// A debugging allocator linked into the program (the SHIM half of this
// file, a second translation unit): it replaces the malloc family, as glibc
// allows, and its free parks the block instead of releasing it, to catch
// writes after free. free is taken by name for the C library's, which keeps
// nothing, although the program defines it.
// RUN: %clang -O0 -g -DSHIM -c %s -o %t0.shim.o
// RUN: %clang -O0 -g %s %t0.shim.o -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g -DSHIM -c %s -o %t2.shim.o
// RUN: %clang -O2 -g %s %t2.shim.o -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %clang -O0 -g -DSHIM -c -emit-llvm %s -o %t0.shim.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc %t0.shim.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %clang -O2 -g -DSHIM -c -emit-llvm %s -o %t2.shim.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc %t2.shim.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef SHIM
extern void *__libc_malloc(size_t) __attribute__((malloc, alloc_size(1)));
extern void *__libc_calloc(size_t, size_t) __attribute__((malloc, alloc_size(1, 2)));
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
void *quarantined;
void *malloc(size_t n) { return __libc_malloc(n); }
void *calloc(size_t n, size_t m) { return __libc_calloc(n, m); }
void *realloc(void *p, size_t n) { return __libc_realloc(p, n); }
void free(void *p) {
  if (quarantined)
    __libc_free(quarantined);
  quarantined = p;
}
#else
extern void *quarantined;

__attribute__((noinline)) void greet(const char *s) {
  char *msg = malloc(16); // CHECK: free_shim_quarantine.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(msg, s);
  puts(msg);
  free(msg);
}

int main(void) {
  greet("hello");
  printf("kept: %s\n", (char *)quarantined);
  return 0;
}
#endif
// EVIDENCE: kept: hello
