// Pool sites: a block from a pool lives as long as its pool. It escapes its
// frame with a pool the frame did not make, or one it makes but hands on;
// it stays local when the frame makes the pool, uses it only as a pool and
// destroys it; and its own flows (a global) make it escape as any site's.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --model=%S/Inputs/pool.model %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --model=%S/Inputs/pool.model %t2.bc | FileCheck %s
// RUN: %escapade --model=%S/Inputs/pool.model --format=json %t0.bc | FileCheck --check-prefix=JSON %s
// JSON: "kind":"pool","allocator":"pool_get","bytes":16
// SARIF and LSP carry pool sites too: rule escape/pool, kind pool.
// RUN: %escapade --model=%S/Inputs/pool.model --format=sarif %t0.bc > %t.sarif
// RUN: python3 %S/../Inputs/validate_json.py %src/docs/schemas/sarif-schema-2.1.0.json %t.sarif | FileCheck --check-prefix=VALID %s
// RUN: FileCheck --check-prefix=SARIF --input-file=%t.sarif %s
// SARIF: "ruleId":"escape/pool",{{.*}}"message":{"text":"pool block x = pool_get(16) escapes its frame: allocated by pool_get
// SARIF: "properties":{"kind":"pool","allocator":"pool_get"
// RUN: %escapade --model=%S/Inputs/pool.model --format=lsp %t0.bc > %t.lsp
// RUN: python3 %S/../Inputs/validate_json.py %src/docs/schemas/lsp-diagnostics.json %t.lsp | FileCheck --check-prefix=VALID %s
// RUN: FileCheck --check-prefix=LSP --input-file=%t.lsp %s
// LSP: "message":"pool block x = pool_get(16) escapes its frame: {{.*}} [whole_program]"
// VALID: valid
// JSON: "summary":{"sites":{{[0-9]+}},"heap":{"direct":0,"wrapper":0,"whole_program":0},"stack":{{[0-9]+}},"pool":4,
#include <stddef.h>

typedef struct pool pool;
pool *pool_new(void);
void *pool_get(pool *p, size_t n);
void pool_end(pool *p);
void keep_pool(pool *p);
void *seen;

int from_callers_pool(pool *p) {
  int *x = pool_get(p, 16); // CHECK: pool.c:[[@LINE]]:{{[0-9]+}}: pool block x = pool_get(16) escapes its frame: allocated by pool_get at {{.*}}pool.c:[[@LINE]]:{{[0-9]+}} from the pool in its argument 0, which may outlive the frame: not made by a pool-create call in from_callers_pool, used only as a pool and destroyed there on every way out (model {{.*}}pool.model:3) [intraprocedural, conservative, whole_program]
  *x = 1;
  return *x;
}

int scratch(void) {
  pool *p = pool_new();
  int *y = pool_get(p, 16); // CHECK: pool.c:[[@LINE]]:{{[0-9]+}}: pool block y = pool_get(16) does not escape [intraprocedural, conservative, whole_program]
  *y = 2;
  int r = *y;
  pool_end(p);
  return r;
}

int handed_on(void) {
  pool *p = pool_new();
  int *z = pool_get(p, 8); // CHECK: pool.c:[[@LINE]]:{{[0-9]+}}: pool block z = pool_get(8) escapes its frame: allocated by pool_get {{.*}}(model {{.*}}pool.model:3) [intraprocedural, conservative, whole_program]
  *z = 3;
  keep_pool(p);
  int r = *z;
  pool_end(p);
  return r;
}

void published(void) {
  pool *p = pool_new();
  int *w = pool_get(p, 4); // CHECK: pool.c:[[@LINE]]:{{[0-9]+}}: pool block w = pool_get(4) escapes its frame: stored to global seen at {{.*}} [intraprocedural, conservative, whole_program]
  seen = w;
  pool_end(p);
}
