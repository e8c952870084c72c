// Library functions that compare bytes (memchr, strncmp, strspn, bcmp,
// strcmp) read a pointer's bytes as numbers: the address can be rebuilt
// from their results alone.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

uintptr_t a_memchr, a_strncmp, a_strspn, a_bcmp, a_strcmp;
volatile size_t one = 1;

__attribute__((noinline)) void by_memchr(void) {
  char *obj = malloc(16); // CHECK: lib_compare_rebuild.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(obj, "via memchr");
  unsigned char pb[8];
  memcpy(pb, &obj, sizeof obj);
  uintptr_t r = 0;
  for (int i = 0; i < 8; i++)
    for (int c = 0; c < 256; c++)
      if (memchr(&pb[i], c, one)) {
        r |= (uintptr_t)c << (8 * i);
        break;
      }
  a_memchr = r;
}

__attribute__((noinline)) void by_strncmp(void) {
  char *obj = malloc(16); // CHECK: lib_compare_rebuild.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(obj, "via strncmp");
  char pb[8];
  memcpy(pb, &obj, sizeof obj);
  uintptr_t r = 0;
  for (int i = 0; i < 8; i++)
    for (int c = 0; c < 256; c++) {
      char g[2] = {(char)c, 0};
      if (strncmp(&pb[i], g, one) == 0) {
        r |= (uintptr_t)c << (8 * i);
        break;
      }
    }
  a_strncmp = r;
}

__attribute__((noinline)) void by_strspn(void) {
  char *obj = malloc(16); // CHECK: lib_compare_rebuild.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(obj, "via strspn");
  char pb[9] = {0};
  memcpy(pb, &obj, sizeof obj);
  uintptr_t r = 0;
  for (int i = 0; i < 8; i++)
    for (int c = 1; c < 256; c++) {   /* a 0 byte: no c matches */
      char g[2] = {(char)c, 0};
      if (strspn(&pb[i], g) > 0) {
        r |= (uintptr_t)c << (8 * i);
        break;
      }
    }
  a_strspn = r;
}

__attribute__((noinline)) void by_bcmp(void) {
  char *obj = malloc(16); // CHECK: lib_compare_rebuild.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(obj, "via bcmp");
  unsigned char pb[8];
  memcpy(pb, &obj, sizeof obj);
  uintptr_t r = 0;
  for (int i = 0; i < 8; i++)
    for (int c = 0; c < 256; c++) {
      unsigned char g = (unsigned char)c;
      if (bcmp(&pb[i], &g, one) == 0) {
        r |= (uintptr_t)c << (8 * i);
        break;
      }
    }
  a_bcmp = r;
}

__attribute__((noinline)) void by_strcmp(void) {
  char *obj = malloc(16); // CHECK: lib_compare_rebuild.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(obj, "via strcmp");
  char pb[9] = {0};
  memcpy(pb, &obj, sizeof obj);
  uintptr_t r = 0;
  for (int i = 0; i < 8; i++) {
    char t[2] = {0};
    memcpy(t, &pb[i], 1);            /* moved, not read */
    for (int c = 1; c < 256; c++) {  /* a 0 byte: no c matches */
      char g[2] = {(char)c, 0};
      if (strcmp(t, g) == 0) {
        r |= (uintptr_t)c << (8 * i);
        break;
      }
    }
  }
  a_strcmp = r;
}

int main(void) {
  by_memchr();
  by_strncmp();
  by_strspn();
  by_bcmp();
  by_strcmp();
  printf("kept after return: %s\n", (char *)a_memchr);
  printf("kept after return: %s\n", (char *)a_strncmp);
  printf("kept after return: %s\n", (char *)a_strspn);
  printf("kept after return: %s\n", (char *)a_bcmp);
  printf("kept after return: %s\n", (char *)a_strcmp);
  return 0;
}
// EVIDENCE: kept after return: via memchr
// EVIDENCE-NEXT: kept after return: via strncmp
// EVIDENCE-NEXT: kept after return: via strspn
// EVIDENCE-NEXT: kept after return: via bcmp
// EVIDENCE-NEXT: kept after return: via strcmp
