// A handler in an initializer nested 70 structs deep.
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

struct s0 { handler h; };
struct s1 { struct s0 in; };
struct s2 { struct s1 in; };
struct s3 { struct s2 in; };
struct s4 { struct s3 in; };
struct s5 { struct s4 in; };
struct s6 { struct s5 in; };
struct s7 { struct s6 in; };
struct s8 { struct s7 in; };
struct s9 { struct s8 in; };
struct s10 { struct s9 in; };
struct s11 { struct s10 in; };
struct s12 { struct s11 in; };
struct s13 { struct s12 in; };
struct s14 { struct s13 in; };
struct s15 { struct s14 in; };
struct s16 { struct s15 in; };
struct s17 { struct s16 in; };
struct s18 { struct s17 in; };
struct s19 { struct s18 in; };
struct s20 { struct s19 in; };
struct s21 { struct s20 in; };
struct s22 { struct s21 in; };
struct s23 { struct s22 in; };
struct s24 { struct s23 in; };
struct s25 { struct s24 in; };
struct s26 { struct s25 in; };
struct s27 { struct s26 in; };
struct s28 { struct s27 in; };
struct s29 { struct s28 in; };
struct s30 { struct s29 in; };
struct s31 { struct s30 in; };
struct s32 { struct s31 in; };
struct s33 { struct s32 in; };
struct s34 { struct s33 in; };
struct s35 { struct s34 in; };
struct s36 { struct s35 in; };
struct s37 { struct s36 in; };
struct s38 { struct s37 in; };
struct s39 { struct s38 in; };
struct s40 { struct s39 in; };
struct s41 { struct s40 in; };
struct s42 { struct s41 in; };
struct s43 { struct s42 in; };
struct s44 { struct s43 in; };
struct s45 { struct s44 in; };
struct s46 { struct s45 in; };
struct s47 { struct s46 in; };
struct s48 { struct s47 in; };
struct s49 { struct s48 in; };
struct s50 { struct s49 in; };
struct s51 { struct s50 in; };
struct s52 { struct s51 in; };
struct s53 { struct s52 in; };
struct s54 { struct s53 in; };
struct s55 { struct s54 in; };
struct s56 { struct s55 in; };
struct s57 { struct s56 in; };
struct s58 { struct s57 in; };
struct s59 { struct s58 in; };
struct s60 { struct s59 in; };
struct s61 { struct s60 in; };
struct s62 { struct s61 in; };
struct s63 { struct s62 in; };
struct s64 { struct s63 in; };
struct s65 { struct s64 in; };
struct s66 { struct s65 in; };
struct s67 { struct s66 in; };
struct s68 { struct s67 in; };
struct s69 { struct s68 in; };
struct s70 { struct s69 in; };
static struct s70 table = {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{keep}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}};

volatile int reset;

__attribute__((noinline)) void work(void) {
  char *obj = malloc(16); // CHECK: pta_deep_initializer.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(obj, "secret");
  if (reset)
    table.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.h = look;
  table.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.in.h(obj);
}

int main(void) {
  work();
  printf("kept after return: %s\n", kept ? kept : "(none)");
  return 0;
}
// EVIDENCE: kept after return: secret
