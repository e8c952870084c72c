// Every report names each model file in force, so that a wrong model is
// visible: the text header, JSON's and SARIF's assumptions (as JSON
// strings), and the statistics line.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --model=%S/Inputs/effects.model --model=%S/Inputs/pool.model %t.bc | FileCheck --check-prefix=TEXT %s
// TEXT: {{^}}# assumptions: model:{{.*}}effects.model; model:{{.*}}pool.model{{$}}
// RUN: %escapade --model=%S/Inputs/effects.model --assume-closed --format=json %t.bc | FileCheck --check-prefix=JSON %s
// JSON: "assumptions":["closed","model:{{[^"]*}}effects.model"]
// RUN: %escapade --model=%S/Inputs/effects.model --format=sarif %t.bc | FileCheck --check-prefix=SARIF %s
// SARIF: "assumptions":["model:{{[^"]*}}effects.model"]
// RUN: %escapade --model=%S/Inputs/effects.model --stats %t.bc | FileCheck --check-prefix=STATS %s
// STATS: ; assumptions: model:{{.*}}effects.model{{$}}
// A file name with a quote stays a JSON string.
// RUN: cp %S/Inputs/effects.model '%t.we"ird.model'
// RUN: %escapade '--model=%t.we"ird.model' --format=json %t.bc | FileCheck --check-prefix=QUOTE %s
// QUOTE: "assumptions":["model:{{[^"]*}}we\"ird.model"]
// Without a model: none.
// RUN: %escapade --format=json %t.bc | FileCheck --check-prefix=NONE %s
// NONE: "assumptions":[]
void log_ptr(const void *p);

int main(void) {
  int v = 0;
  log_ptr(&v);
  return v;
}
