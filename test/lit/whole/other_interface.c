// A keeper installed only in a different interface type does not matter:
// the call goes through struct reader's field, which only ever holds
// count_read. (struct writer has the same layout; facts are kept per type,
// recorded before linking.)
// Why sound: the only function stored into reader.read is count_read,
// which reads its buffer and keeps nothing; keep_write is only ever stored
// into writer.write.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <stdio.h>
#include <string.h>

struct reader { size_t (*read)(char *buf, size_t n); };
struct writer { size_t (*write)(char *buf, size_t n); };

static size_t count_read(char *buf, size_t n) { return strnlen(buf, n); }
char *kept;
static size_t keep_write(char *buf, size_t n) { kept = buf; return n; }

struct reader the_reader = {count_read};
struct writer the_writer = {keep_write};

__attribute__((noinline)) size_t fill(struct reader *r) {
  char buf[16] = "abc"; // CHECK: other_interface.c:[[@LINE]]:{{[0-9]+}}: &buf escapes to heap: passed to indirect call at {{.*}} [conservative]
                        // CHECK-NEXT: other_interface.c:[[@LINE-1]]:{{[0-9]+}}: &buf does not escape [whole_program]
  return r->read(buf, sizeof buf);
}

int main(void) {
  char out[8] = "x";
  printf("%zu %zu\n", fill(&the_reader), the_writer.write(out, 1));
  return kept != 0;
}
