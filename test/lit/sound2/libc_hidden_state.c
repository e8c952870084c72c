// C library functions that keep their argument in hidden state: strtok
// (its saved position, read back by strtok(NULL, ...) after tokenize
// returned), putenv (the string becomes part of the environment, found
// again by getenv) and tsearch (the key stays in the tree, found by tfind).
// RUN: %clang -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *names;
static int cmp(const void *a, const void *b) { return strcmp(a, b); }

__attribute__((noinline)) char *tokenize(const char *s) {
  char *line = malloc(32); // CHECK: libc_hidden_state.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(line, s);
  return strtok(line, " ") ? "first" : NULL;
}

__attribute__((noinline)) void set_var(const char *kv) {
  char *env = malloc(32); // CHECK: libc_hidden_state.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(env, kv);
  putenv(env);
}

__attribute__((noinline)) void intern(const char *s) {
  char *key = malloc(32); // CHECK: libc_hidden_state.c:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(key, s);
  tsearch(key, &names, cmp);
}

int main(void) {
  tokenize("alpha beta");
  printf("kept: %s\n", strtok(NULL, " "));
  set_var("APP_MODE=fast");
  printf("kept: %s\n", getenv("APP_MODE"));
  intern("gamma");
  void *n = tfind("gamma", &names, cmp);
  printf("kept: %s\n", n ? *(char **)n : "none");
  return 0;
}
// EVIDENCE: kept: beta
// EVIDENCE: kept: fast
// EVIDENCE: kept: gamma
