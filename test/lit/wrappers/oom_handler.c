// Out-of-memory handlers: omalloc calls oom(size) directly, zmalloc calls
// the handler a global function pointer holds (the program may install
// another). Neither handler is given the block (only its size), so it
// cannot keep it: both are wrappers at every level that sees their calls,
// the indirect call included (its arguments are numbers).
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade -m --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %escapade --format=json %t0.bc | FileCheck %s --check-prefix=JSON
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade -m --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %escapade --format=json %t2.bc | FileCheck %s --check-prefix=JSON
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t oom_size;

__attribute__((noinline)) static void oom(size_t size) {
  fprintf(stderr, "out of memory: %zu bytes\n", size);
  abort();
}

__attribute__((noinline)) static void lenient_oom(size_t size) {
  oom_size = size; /* returns: the caller gets NULL */
}

static void (*zmalloc_oom_handler)(size_t) = oom;

__attribute__((noinline)) void *omalloc(size_t size) { // CHECK: oom_handler.c:[[@LINE]]:{{[0-9]+}}: omalloc is an allocator wrapper (size from size) [conservative, whole_program]
  void *p = malloc(size);
  if (!p)
    oom(size);
  return p;
}

__attribute__((noinline)) void *zmalloc(size_t size) { // CHECK: oom_handler.c:[[@LINE]]:{{[0-9]+}}: zmalloc is an allocator wrapper (size from size) [conservative, whole_program]
  void *p = malloc(size);
  if (!p)
    zmalloc_oom_handler(size);
  return p;
}

char *kept;

__attribute__((noinline)) size_t work(const char *s) {
  char *a = omalloc(32); // CHECK: oom_handler.c:[[@LINE]]:{{[0-9]+}}: a = omalloc(32) does not escape [conservative, whole_program]
                         // JSON: "line":[[@LINE-1]],"column":{{[0-9]+}},"kind":"heap","allocator":"omalloc","bytes":32,"name":"a","found_by":"wrapper",{{.*}}"whole_program":{"escapes":false
  char *b = zmalloc(32); // CHECK: oom_handler.c:[[@LINE]]:{{[0-9]+}}: b = zmalloc(32) does not escape [conservative, whole_program]
                         // JSON: "line":[[@LINE-1]],"column":{{[0-9]+}},"kind":"heap","allocator":"zmalloc","bytes":32,"name":"b","found_by":"wrapper",{{.*}}"whole_program":{"escapes":false
  char *k = zmalloc(32); // CHECK: oom_handler.c:[[@LINE]]:{{[0-9]+}}: k = zmalloc(32) escapes to heap: stored to global kept at {{.*}} [conservative, whole_program]
                         // JSON: "line":[[@LINE-1]],"column":{{[0-9]+}},"kind":"heap","allocator":"zmalloc","bytes":32,"name":"k","found_by":"wrapper",{{.*}}"whole_program":{"escapes":true
  strcpy(a, s);
  strcpy(b, s);
  strcpy(k, s);
  kept = k;
  size_t n = strlen(a) + strlen(b);
  free(a);
  free(b);
  return n;
}

int main(int argc, char **argv) {
  (void)argv;
  if (argc > 5)
    zmalloc_oom_handler = lenient_oom;
  size_t n = work("kept");
  printf("%zu %zu: %s\n", n, oom_size, kept);
  return 0;
}
// EVIDENCE: 8 0: kept
