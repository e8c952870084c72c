// Several processes of one program append their counts to one file at
// exit (8 processes, 303 sites each, lines longer than one stdio buffer
// in all): no line of one process lands inside a line of another.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %opt -load-pass-plugin %plugin -passes=escapade-count %t.bc -o %t.counted.bc
// RUN: %clang %t.counted.bc %escapade_rt -o %t.counted
// RUN: rm -f %t.tsv && env ESCAPADE_COUNT_FILE=%t.tsv %t.counted
// RUN: awk -F'\t' 'NF != 12 { bad++ } END { print NR " lines, " bad + 0 " malformed" }' %t.tsv | FileCheck %s
// CHECK: 2424 lines, 0 malformed
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define SITE(n) void *site##n(void) { return malloc(n + 1); }
#define TEN(n) SITE(n##0) SITE(n##1) SITE(n##2) SITE(n##3) SITE(n##4) \
               SITE(n##5) SITE(n##6) SITE(n##7) SITE(n##8) SITE(n##9)
#define HUNDRED(n) TEN(n##0) TEN(n##1) TEN(n##2) TEN(n##3) TEN(n##4) \
                   TEN(n##5) TEN(n##6) TEN(n##7) TEN(n##8) TEN(n##9)
HUNDRED(1) HUNDRED(2) HUNDRED(3)
enum { PROCS = 8 };

int main(void) {
  int go[2];
  if (pipe(go))
    return 1;
  free(site100());
  for (int k = 1; k < PROCS; k++)
    if (fork() == 0)
      break; /* children and the parent all dump at exit */
  char c;
  close(go[1]);
  read(go[0], &c, 1); /* every process waits for the last close */
  while (wait(NULL) > 0)
    ;
  return 0;
}
