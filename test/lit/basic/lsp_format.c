// --format=lsp: LSP PublishDiagnosticsParams per file, for editors. Codes
// "escape" (with each flow step as relatedInformation), "avoided" and
// "leak"; lines and characters 0-based. Checked against the LSP 3.17
// shapes (docs/schemas/lsp-diagnostics.json).
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --format=lsp %t.bc > %t.json
// RUN: /usr/bin/python3 %S/../Inputs/validate_json.py %src/docs/schemas/lsp-diagnostics.json %t.json | FileCheck %s --check-prefix=VALID
// VALID: valid
// RUN: FileCheck %s < %t.json
// CHECK: [
// CHECK-NEXT: {"uri":"file://{{/.*}}/lsp_format.c","diagnostics":[
#include <stdlib.h>
#include <string.h>

char *kept;

struct sink {
  void (*put)(char *);
};
static void count(char *p) { (void)strlen(p); }
static struct sink sinks[] = {{count}};

void keep(char *p) { // CHECK: {"range":{"start":{"line":[[#@LINE-1]],"character":16},"end":{"line":[[#@LINE-1]],"character":17}},"severity":3,"code":"leak","source":"escapade","message":"leaking param: p [whole_program]","data":{"function":"keep","level":"whole_program"}}
  kept = p;
}

void hold(void) {
  char *q = malloc(8); // CHECK: {"range":{"start":{"line":[[#@LINE-1]],"character":12},"end":{"line":[[#@LINE-1]],"character":13}},"severity":3,"code":"escape","source":"escapade","message":"q = malloc(8) escapes to heap: passed to keep at {{[^"]*}}lsp_format.c:[[#@LINE+1]]:3, which leaks param p [whole_program]","relatedInformation":[{"location":{"uri":"file://{{/.*}}/lsp_format.c","range":{"start":{"line":[[#@LINE-1]],"character":12},"end":{"line":[[#@LINE-1]],"character":13}}},"message":"allocated at {{[^"]*}}"}{{.*}},{"location":{"uri":"file://{{/.*}}/lsp_format.c","range":{"start":{"line":[[#@LINE]],"character":2},"end":{"line":[[#@LINE]],"character":3}}},"message":"passed to keep at {{[^"]*}}"}],"data":{"site":{{[0-9]+}},"level":"whole_program","cause":"callee"}}
  keep(q);
}

int put(int i, char *s) {
  char *buf = malloc(16); // CHECK: {"range":{"start":{"line":[[#@LINE-1]],"character":14},"end":{"line":[[#@LINE-1]],"character":15}},"severity":4,"code":"avoided","source":"escapade","message":"buf = malloc(16) does not escape; conservative analysis lets it escape{{[^"]*}}","data":{"site":{{[0-9]+}},"level":"whole_program","cause":null}}
  strcpy(buf, s);
  sinks[i].put(buf);
  free(buf);
  return 0;
}

int main(void) {
  hold();
  return put(0, "x");
}
// CHECK: ]}
// CHECK-NEXT: ]
//
// With no site to show, an empty array:
// RUN: %escapade --format=lsp --functions=nothing %t.bc | FileCheck %s --check-prefix=EMPTY
// EMPTY: {{^}}[{{$}}
// EMPTY-NEXT: {{^}}]{{$}}
