// A codec-style bit writer packs a buffer pointer into a global bitstream
// (put_bit sets a bit only `if (bit)`), and main() reads the 64 bits back
// and prints the string: the allocation outlives save_ctx().
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct bitstream { unsigned char buf[32]; unsigned pos; };
struct bitstream stream;

__attribute__((noinline)) void put_bit(struct bitstream *b, int bit) {
  if (bit)
    b->buf[b->pos / 8] |= (unsigned char)(1u << (b->pos % 8));
  b->pos++;
}
__attribute__((noinline)) int get_bit(struct bitstream *b) {
  int bit = (b->buf[b->pos / 8] >> (b->pos % 8)) & 1;
  b->pos++;
  return bit;
}

__attribute__((noinline)) void save_ctx(const char *s) {
  char *ctx = malloc(16); // CHECK: intbits_bitstream.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}[whole_program]
  strcpy(ctx, s);
  uintptr_t v = (uintptr_t)ctx;
  for (int i = 0; i < 64; i++)
    put_bit(&stream, (v >> i) & 1 ? 1 : 0);
}

int main(void) {
  save_ctx("hello");
  stream.pos = 0;
  uintptr_t v = 0;
  for (int i = 0; i < 64; i++)
    v |= (uintptr_t)get_bit(&stream) << i;
  printf("kept: %s\n", (char *)v);
  return 0;
}
// EVIDENCE: kept: hello
