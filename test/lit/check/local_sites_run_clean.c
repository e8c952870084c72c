// Sites the analysis keeps local are checked and the program runs clean:
// a block freed in its frame, one per loop iteration, a calloc leaked but
// never reachable after return, posix_memalign's out argument, and a local
// array passed to a callee that only reads it. The IR shows the calls the
// check adds: a mark at entry, a note after each site, a leave before each
// return, and a check before each free.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --level=whole_program %t.bc | FileCheck %s --check-prefix=VERDICT
// RUN: %escapade --check --stats -o %t.chk.bc %t.bc 2>&1 | FileCheck %s --check-prefix=STATS
// RUN: llvm-dis %t.chk.bc -o - | FileCheck %s --check-prefix=IR
// RUN: %clang -fsanitize=address -g %t.chk.bc %escapade_rt -o %t.chk
// RUN: env ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 ESCAPADE_CHECK_STATS=1 %t.chk 2>%t.err | FileCheck %s --check-prefix=OUT
// RUN: FileCheck %s --check-prefix=ERR --input-file=%t.err
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sum(const int *v, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += v[i];
  return s;
}

__attribute__((noinline)) int work(int n) {
  int *v = malloc((size_t)n * sizeof *v); // VERDICT: local_sites_run_clean.c:[[@LINE]]:12: v = malloc(?) does not escape
  for (int i = 0; i < n; i++)
    v[i] = i;
  int s = sum(v, n);
  free(v);
  for (int k = 0; k < 3; k++) {
    char *t = malloc(8); // VERDICT: local_sites_run_clean.c:[[@LINE]]:15: t = malloc(8) does not escape
    t[0] = (char)k;
    s += t[0];
    free(t);
  }
  long *z = calloc(4, sizeof *z); // VERDICT: local_sites_run_clean.c:[[@LINE]]:13: z = calloc(32) does not escape
  s += (int)z[2];
  void *al;
  if (posix_memalign(&al, 64, 128) == 0) { // VERDICT: local_sites_run_clean.c:[[@LINE]]:7: posix_memalign(128) does not escape
    memset(al, 1, 128);
    s += ((char *)al)[5];
    free(al);
  }
  int local[4] = {1, 2, 3, 4}; // VERDICT: local_sites_run_clean.c:[[@LINE]]:7: &local does not escape
  return s + sum(local, 4);
}

int main(void) {
  printf("%d\n", work(5));
  printf("%d\n", work(7));
  return 0;
}
// STATS: escapade: check: {{[1-9][0-9]*}} sites instrumented, 0 not checkable [whole_program]
// IR: define {{.*}} @work(
// IR: call i64 @__escapade_enter()
// IR: call void @__escapade_note(
// IR: call void @__escapade_before_free(
// IR: call void @__escapade_leave(
// IR-NEXT: ret i32
// OUT: 24
// OUT-NEXT: 35
// ERR-NOT: AddressSanitizer
// ERR: escapade: check: {{[1-9][0-9]*}} objects retired, 0 not checked
// ERR-NOT: AddressSanitizer
