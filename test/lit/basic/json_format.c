// The JSON report: one object per site with the three levels side by
// side, and a summary of counts (docs/formats.md).
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --format=json %t0.bc | FileCheck %s
// RUN: %escapade --format=json %t0.bc | python3 -c "import json,sys; d=json.load(sys.stdin); assert d['summary']['sites']==len(d['sites'])==2, d"
#include <stdlib.h>

char *g;

int main(void) {
  char *kept = malloc(16);
  char *tmp = malloc(24);
  g = kept;
  tmp[0] = 1;
  free(tmp);
  return 0;
}
// CHECK: {"sites":[
// CHECK-NEXT: {"id":{{[0-9]+}},"function":"main","symbol":"main","file":"{{.*}}json_format.c","line":11,"column":16,"kind":"heap","allocator":"malloc","bytes":16,"name":"kept","found_by":"direct","intraprocedural":{"escapes":true,"reason":"stored to global g at {{.*}}","cause":"global"},"conservative":{"escapes":true,"reason":"stored to global g at {{.*}}","cause":"global"},"whole_program":{"escapes":true,"reason":"stored to global g at {{.*}}","cause":"global"},"avoided":false}
// CHECK-NEXT: {"id":{{[0-9]+}},"function":"main","symbol":"main","file":"{{.*}}json_format.c","line":12,"column":15,"kind":"heap","allocator":"malloc","bytes":24,"name":"tmp","found_by":"direct","intraprocedural":{"escapes":false,"reason":null,"cause":null},"conservative":{"escapes":false,"reason":null,"cause":null},"whole_program":{"escapes":false,"reason":null,"cause":null},"avoided":false}
// CHECK: "summary":{"sites":2,"heap":{"direct":2,"wrapper":0,"whole_program":0},"stack":0,"pool":0,"escaping":{"intraprocedural":1,"conservative":1,"whole_program":1},"avoided":0}
