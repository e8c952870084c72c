// A constructor stores its arguments into the fresh object it returns:
// createObject(type, ptr) gets a block from the malloc wrapper and sets
// o->type and o->ptr. The summary edge "ptr to fresh result object" makes
// ptr escape only when the returned object does; the object is fresh per
// call.
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

__attribute__((noinline)) void *zmalloc(size_t size) {
  void *p = malloc(size);
  if (!p)
    abort();
  return p;
}

struct obj { int type; void *ptr; };

__attribute__((noinline)) struct obj *createObject(int type, void *ptr) { // CHECK: constructor.c:[[@LINE]]:{{[0-9]+}}: leaking param: ptr to fresh result object level=0 [conservative, whole_program]
  struct obj *o = zmalloc(sizeof *o); // CHECK-NEXT: constructor.c:[[@LINE-1]]:{{[0-9]+}}: createObject is an allocator wrapper [conservative, whole_program]
  o->type = type;
  o->ptr = ptr;
  return o;
}

struct obj *kept;

__attribute__((noinline)) size_t work(const char *s) {
  char *a = malloc(16); // CHECK: constructor.c:[[@LINE]]:{{[0-9]+}}: a = malloc(16) does not escape [conservative, whole_program]
  char *b = malloc(16); // CHECK: constructor.c:[[@LINE]]:{{[0-9]+}}: b = malloc(16) escapes to heap: stored in createObject(...) at {{.*}}, which escapes [conservative, whole_program]
  strcpy(a, s);
  strcpy(b, s);
  struct obj *o = createObject(1, a); // CHECK: constructor.c:[[@LINE]]:{{[0-9]+}}: o = createObject(16) does not escape [conservative, whole_program]
                                      // JSON: "line":[[@LINE-1]],"column":{{[0-9]+}},"kind":"heap","allocator":"createObject","bytes":16,"name":"o","found_by":"wrapper",{{.*}}"whole_program":{"escapes":false
  kept = createObject(2, b); // CHECK: constructor.c:[[@LINE]]:{{[0-9]+}}: createObject(16) escapes to heap: stored to global kept at {{.*}} [conservative, whole_program]
                             // JSON: "line":[[@LINE-1]],"column":{{[0-9]+}},"kind":"heap","allocator":"createObject","bytes":16,{{.*}}"found_by":"wrapper",{{.*}}"whole_program":{"escapes":true
  size_t n = strlen(o->ptr);
  free(o);
  free(a);
  return n;
}

int main(void) {
  size_t n = work("object");
  printf("%zu %d: %s\n", n, kept->type, (char *)kept->ptr);
  return 0;
}
// EVIDENCE: 6 2: object
