// Every option with a value takes --opt=VALUE and --opt VALUE; repeatable
// ones also take comma lists. Each pair of spellings gives the same report.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --format=json --level=conservative --alloc-fn=pool_get,other --budget=1000000 %t.bc -o %t.a.json
// RUN: %escapade --format json --level conservative --alloc-fn pool_get --alloc-fn other --budget 1000000 %t.bc --output %t.b.json
// RUN: python3 -c "import json,sys; a,b=(json.load(open(f)) for f in sys.argv[1:]); [d.pop('analysis_seconds') for d in (a,b)]; assert a==b, 'spellings differ'" %t.a.json %t.b.json
// RUN: FileCheck %s < %t.a.json
// CHECK: "allocator":"pool_get"
// RUN: %escapade -o=%t.c.json --format=json --level=conservative --alloc-fn=pool_get,other --budget=1000000 %t.bc
// RUN: python3 -c "import json,sys; a,b=(json.load(open(f)) for f in sys.argv[1:]); [d.pop('analysis_seconds') for d in (a,b)]; assert a==b, 'spellings differ'" %t.a.json %t.c.json
#include <stdlib.h>

static char slab[4096];
static size_t used;

__attribute__((noinline)) void *pool_get(size_t n) {
  void *p = slab + used;
  used += n;
  return p;
}

int main(void) {
  char *p = pool_get(16);
  p[0] = 1;
  return p[0] - 1;
}
