// The JSON "indirect_call_list": every indirect call in module order, with
// its enclosing function, the evidence and targets (demangled name and
// symbol), "unknown" with the reason and, with --explain-unknown, the
// chain, and for a call a caller's context resolved, the sets the contexts
// gave. The list agrees with the "indirect_calls" counts.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --format=json --explain-unknown %t.bc > %t.json
// RUN: FileCheck %s --input-file=%t.json
// RUN: python3 -c "import json,sys; d=json.load(open(sys.argv[1])); l=d['indirect_call_list']; c=d['indirect_calls']; assert len(l)==c['total']==3, d; assert sum(x['targets']=='unknown' and x['resolved_by'] is None for x in l)==c['unknown']==1, l; assert sum(x['resolved_by']=='context' for x in l)==c['resolved_by']['context']==1, l; print('agree')" %t.json | FileCheck %s --check-prefix=AGREE
// AGREE: agree
// The counts, then the list:
// CHECK: "indirect_calls":{"total":3,"resolved_by":{"points_to":1,"type_metadata":0,"struct_field":0,"context":1,"signature":0},"unknown":1,
// CHECK-NEXT: "indirect_call_list":[
// Without --explain-unknown no provenance is kept, so the chain is null:
// RUN: %escapade --format=json %t.bc | FileCheck %s --check-prefix=NOCHAIN
// Without debug info a call is located by function and instruction index:
// RUN: %clang -O0 -c -emit-llvm %s -o %t.nodebug.bc
// RUN: %escapade --format=json %t.nodebug.bc 2>/dev/null | FileCheck %s --check-prefix=NODEBUG
// NODEBUG: {"function":"run","symbol":"run","file":null,"line":null,"column":null,"instruction":{{[0-9]+}},"resolved_by":"points_to","evidence":"points_to","targets":[{"function":"shout","symbol":"shout"},{"function":"whisper","symbol":"whisper"}]}
#include <stdio.h>

extern void (*get_hook(void))(const char *);

static void shout(const char *s) { printf("%s!\n", s); }
static void whisper(const char *s) { printf("(%s)\n", s); }
static void (*const voices[])(const char *) = {shout, whisper};

static int total;
static int *saved;
static void tally(int *x) { total += *x; }
static void keep(int *x) { saved = x; }

__attribute__((noinline)) void run(int i, const char *s) {
  voices[i & 1](s); // CHECK-NEXT: {"function":"run","symbol":"run","file":"{{.*}}json_calls.c","line":[[@LINE]],"column":3,"resolved_by":"points_to","evidence":"points_to","targets":[{"function":"shout","symbol":"shout"},{"function":"whisper","symbol":"whisper"}]}
}

__attribute__((noinline)) void hooked(const char *s) {
  get_hook()(s); // CHECK-NEXT: {"function":"hooked","symbol":"hooked","file":"{{.*}}json_calls.c","line":[[@LINE]],"column":3,"resolved_by":null,"evidence":null,"targets":"unknown","unknown_reason":"{{[^"]+}}","chain":"{{[^"]*}}get_hook{{[^"]*}}"}
                 // NOCHAIN: "line":[[@LINE-1]],"column":3,"resolved_by":null,"evidence":null,"targets":"unknown","unknown_reason":"{{[^"]+}}","chain":null}
}

__attribute__((noinline)) void visit(int *v, int n, void (*cb)(int *)) {
  for (int i = 0; i < n; i++)
    cb(&v[i]); // CHECK-NEXT: {"function":"visit","symbol":"visit","file":"{{.*}}json_calls.c","line":[[@LINE]],"column":5,"resolved_by":"context","evidence":"points_to","targets":[{"function":"tally","symbol":"tally"},{"function":"keep","symbol":"keep"}],"contexts":{{\[}}[{"function":"tally","symbol":"tally"}],[{"function":"keep","symbol":"keep"}]]}
}

int main(int argc, char **argv) {
  int a[2] = {1, 2}, b[2] = {3, 4};
  run(argc, argv[0]);
  hooked(argv[0]);
  visit(a, 2, tally);
  visit(b, 2, keep);
  return total + (saved != 0);
}
