// --format=sarif: one result per site escaping at the report's level, its
// rule the cause, the flow as a codeFlow, and a note per avoided site;
// valid against the SARIF 2.1.0 schema (docs/schemas/).
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --format=sarif --source-root=%S/.. %t.bc > %t.sarif
// RUN: /usr/bin/python3 %S/../Inputs/validate_json.py %src/docs/schemas/sarif-schema-2.1.0.json %t.sarif | FileCheck %s --check-prefix=VALID
// RUN: FileCheck %s --input-file=%t.sarif
// The plugin writes the same:
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output -escapade-format=sarif %t.bc -escapade-output=%t.plugin.sarif
// RUN: /usr/bin/python3 %S/../Inputs/validate_json.py %src/docs/schemas/sarif-schema-2.1.0.json %t.plugin.sarif | FileCheck %s --check-prefix=VALID
// VALID: valid
// One rule per cause (docs/formats.md lists them), each id once:
// RUN: python3 -c "import json,sys; r=[x['id'] for x in json.load(open(sys.argv[1]))['runs'][0]['tool']['driver']['rules']]; assert len(set(r))==len(r), r; print(len(r), r[0], r[-1])" %t.sarif | FileCheck %s --check-prefix=RULES
// RULES: 22 avoided escape/other
#include <stdlib.h>
#include <string.h>

char *kept;

struct sink {
  void (*put)(char *);
};
static void count(char *p) { (void)strlen(p); }
static struct sink sinks[] = {{count}};

__attribute__((noinline)) void keep(void) {
  kept = malloc(8); // CHECK-DAG: "ruleId":"escape/global","ruleIndex":1,"level":"warning","message":{"text":"malloc(8) escapes to heap: stored to global kept at {{.*}}sarif_format.c:[[@LINE]]:8"}
}

__attribute__((noinline)) char *give(void) {
  char *p = malloc(4); // CHECK-DAG: "ruleId":"escape/return","ruleIndex":3,"level":"warning","message":{"text":"p = malloc(4) escapes to heap: returned from give"}
  return p;
}

__attribute__((noinline)) void put(int i) {
  char buf[8] = "x"; // CHECK-DAG: "ruleId":"avoided","ruleIndex":0,"level":"note","message":{"text":"&buf does not escape; conservative analysis lets it escape; indirect call at {{.*}}sarif_format.c:[[@LINE+1]]:3 resolved by points_to to {count}"}
  sinks[i].put(buf);
}

int main(int argc, char **argv) {
  keep();
  put(argc - 1);
  free(give());
  return 0;
}
// CHECK-DAG: "version":"2.1.0"
// CHECK-DAG: "originalUriBaseIds":{"SRCROOT":{"uri":"file://{{.*}}/"}}
// CHECK-DAG: "artifactLocation":{"uri":"basic/sarif_format.c","uriBaseId":"SRCROOT"},"region":{"startLine":{{[0-9]+}},"startColumn":{{[0-9]+}}}
// CHECK-DAG: "codeFlows":[{"threadFlows":[{"locations":[{"location":{"physicalLocation":
// CHECK-DAG: "properties":{"level":"whole_program","assumptions":[]}
