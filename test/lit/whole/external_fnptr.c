// A function pointer returned by an external function may be code outside
// the program: the call stays unresolved and its argument escapes.
// Why sound: get_hook is not in the program; whatever it returns is unknown.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program --stats %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program --stats %t2.bc | FileCheck %s
#include <stdlib.h>

typedef void (*hook_fn)(char *);
extern hook_fn get_hook(void);

int main(void) {
  char *buf = malloc(8); // CHECK: external_fnptr.c:[[@LINE]]:15: {{.*}}malloc(8) escapes to heap: passed to indirect call at {{.*}} [whole_program]
  buf[0] = 0;
  hook_fn h = get_hook();
  h(buf);
  return 0;
}
// CHECK: # indirect calls: 1; resolved: points_to 0 type_metadata 0 struct_field 0 context 0 signature 0; unknown 1;
