// mmap(addr, ..., MAP_FIXED, ...) returns addr itself: a block whose
// address comes back from mmap and is kept in a global escapes.
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static char *kept;

__attribute__((noinline)) void remap(void) {
  char *blk = aligned_alloc(4096, 8192); // CHECK: lib_mmap_fixed.c:[[@LINE]]:{{[0-9]+}}: {{.*}} escapes to heap: {{.*}}whole_program]
  char *m = mmap(blk, 4096, PROT_READ | PROT_WRITE,
                 MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED)
    abort();
  strcpy(blk, "secret");     /* written through the block's own pointer */
  kept = m;                  /* m == blk */
}

int main(void) {
  remap();
  printf("kept after remap returned: %s\n", kept);
  return 0;
}

// EVIDENCE: kept after remap returned: secret
