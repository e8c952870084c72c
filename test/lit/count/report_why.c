// bench/report.py's "Why sites escape" tables: escaping sites by cause at
// conservative and whole_program, heap and stack, static and weighted by
// the executions escapade-count measured (joined to the report's sites by
// id). A report without causes (escapade before the field) gets no table.
// RUN: rm -rf %t && mkdir -p %t && cksum < %src/docs/results.md > %t/doc.before
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t/p.bc
// RUN: %escapade --format=json --system-headers --time %t/p.bc > %t/p.json 2> %t/p.json.time
// RUN: %opt -load-pass-plugin %plugin -passes=escapade-count %t/p.bc -o %t/p.counted.bc
// RUN: %clang %t/p.counted.bc %escapade_rt -o %t/p.counted
// RUN: env ESCAPADE_COUNT_FILE=%t/p.tsv %t/p.counted
// RUN: python3 %S/../Inputs/report_manifest.py %t/corpus zlib O0 %t/p.json %t/p.tsv
// RUN: python3 %S/../Inputs/report_manifest.py %t/corpus zlib O2 %t/p.json %t/p.tsv --strip-causes
// RUN: python3 %src/bench/report.py --corpus %t/corpus --results %t/results --out %t/results.md
// RUN: FileCheck %s --input-file=%t/results.md
// RUN: python3 -c "import json,sys; w=json.load(open(sys.argv[1]))['why_escape']; assert w['causes']['global']['whole_program/heap']==[1,3], w; print('ok')" %t/results/zlib-O0.json | FileCheck %s --check-prefix=JSON
// JSON: ok
// With --out, docs/results.md is left as it was:
// RUN: cksum < %src/docs/results.md | diff %t/doc.before -
#include <stdlib.h>
#include <string.h>

char *kept;
extern void (*volatile hook)(char *);
static void keep(char *p) { kept = p; }
static void peek(char *p) { (void)p[0]; }
void (*volatile hook)(char *) = peek;

// CHECK: ## Why sites escape
// CHECK: ### zlib -O0
// CHECK: | cause | cons. heap sites | cons. heap executions | cons. stack sites | cons. stack executions | whole heap sites | whole heap executions | whole stack sites | whole stack executions |
__attribute__((noinline)) void global(int i) {
  char *p = malloc(8); // CHECK-DAG: | `global` | 1 | 3 | 0 | 0 | 1 | 3 | 0 | 0 |
  p[0] = (char)i;
  kept = p;
}
__attribute__((noinline)) void callee(void) {
  char buf[8] = "x"; // CHECK-DAG: | `callee` | 0 | 0 | 1 | 2 | 0 | 0 | 1 | 2 |
  keep(buf);
}
__attribute__((noinline)) void indirect(void) {
  char *q = malloc(4); // CHECK-DAG: | `indirect-call` | 1 | 5 | 0 | 0 | 0 | 0 | 0 | 0 |
  q[0] = 0;
  hook(q);
  free(q);
}
__attribute__((noinline)) char *give(void) {
  char *r = malloc(2); // CHECK-DAG: | `return` | 1 | 1 | 0 | 0 | 1 | 1 | 0 | 0 |
  return r;
}

int main(void) {
  for (int i = 0; i < 3; i++)
    global(i);
  for (int i = 0; i < 2; i++)
    callee();
  for (int i = 0; i < 5; i++)
    indirect();
  free(give());
  return 0;
}
// whole_program resolves hook to peek, so q no longer escapes there:
// CHECK: | total | 3 | 9 | 1 | 2 | 2 | 4 | 1 | 2 |
// CHECK: ### zlib -O2
// CHECK-EMPTY:
// CHECK-NEXT: (report without causes: written by an escapade older than the `cause` field; regenerate with `python3 bench/corpus.py`)
