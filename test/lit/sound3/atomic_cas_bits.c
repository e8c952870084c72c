// A lock-free "take" of a handle slot: the slot is read with an atomic
// compare-and-swap on its integer view (no plain load), and the taken value is
// copied bit by bit (a branch per bit) into a global ticket.
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

struct msg { char text[32]; };
union slot { struct msg *p; uint64_t u; };
static uint64_t ticket;

__attribute__((noinline)) static void stash(void) {
  union slot s;
  s.p = malloc(sizeof *s.p); // CHECK: atomic_cas_bits.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  strcpy(s.p->text, "alive after stash()");
  uint64_t x = __sync_val_compare_and_swap(&s.u, 0, 0);
  uint64_t t = 0;
  for (int i = 0; i < 64; i++)
    if ((x >> i) & 1)
      t |= (uint64_t)1 << i;
  ticket = t;
}

int main(void) {
  stash();
  struct msg *got = (struct msg *)(uintptr_t)ticket;
  printf("ticket %#llx: %s\n", (unsigned long long)ticket, got->text);
  return 0;
}
// EVIDENCE: ticket {{0x[0-9a-f]+}}: alive after stash()
