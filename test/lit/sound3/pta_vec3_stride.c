// GEP strides over float3 vectors (12 bytes stored, 16 allocated).
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*handler)(char *);
static char *kept;
static void keep(char *p) { kept = p; }
static void look(char *p) { (void)p; }

typedef float float3 __attribute__((ext_vector_type(3)));
union slots {
  float3 b[4];  /* 16 bytes each, 12 stored */
  struct { char pad[48]; handler h; } s;   /* h overlays b[3] */
};
static union slots u = {.s = {{0}, look}};

__attribute__((noinline)) void install(void) {
  memcpy(&u.b[3], &(handler){keep}, sizeof(handler));
}

__attribute__((noinline)) void work(void) {
  char *obj = malloc(16); // CHECK: pta_vec3_stride.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(obj, "secret");
  u.s.h(obj);
}

int main(void) {
  install();
  work();
  printf("kept after return: %s\n", kept ? kept : "(none)");
  return 0;
}
// EVIDENCE: kept after return: secret
