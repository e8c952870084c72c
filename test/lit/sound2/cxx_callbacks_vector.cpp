// C++ callbacks kept in global containers: a lambda capturing the message,
// stored as std::function in a global vector and run at the end of main;
// a std::function sink registered by main; and virtual take() on objects
// owned by a vector of unique_ptr (with and without whole-program vtables).
// RUN: %clangxx -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clangxx -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clangxx -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clangxx -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %clangxx -O2 -g -flto -fwhole-program-vtables -c %s -o %t2l.bc
// RUN: %escapade --level=conservative,whole_program %t2l.bc | FileCheck %s
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <vector>

static std::vector<std::function<void()>> at_end;
static std::vector<std::function<void(char *)>> sinks;
static char *kept[2];

__attribute__((noinline)) void defer(const char *s) {
  char *msg = new char[16]; // CHECK: cxx_callbacks_vector.cpp:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(msg, s);
  at_end.push_back([msg] { printf("deferred: %s\n", msg); });
}

__attribute__((noinline)) void emit(const char *s) {
  char *msg = new char[16]; // CHECK: cxx_callbacks_vector.cpp:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(msg, s);
  for (auto &f : sinks)
    f(msg);
}

struct Base { virtual ~Base() {} virtual void take(char *s) = 0; };
struct Keeper : Base { void take(char *s) override { kept[1] = s; } };
struct Nop : Base { void take(char *) override {} };
static std::vector<std::unique_ptr<Base>> objs;

__attribute__((noinline)) void feed(const char *s) {
  char *msg = new char[16]; // CHECK: cxx_callbacks_vector.cpp:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(msg, s);
  for (auto &o : objs)
    o->take(msg);
}

int main(int argc, char **) {
  defer("hello");
  sinks.push_back([](char *s) { kept[0] = s; });
  emit("world");
  objs.emplace_back(new Nop);
  if (argc > 0)
    objs.emplace_back(new Keeper);
  feed("third");
  printf("kept: %s %s\n", kept[0], kept[1]);
  for (auto &f : at_end)
    f();
}
// EVIDENCE: kept: world third
// EVIDENCE: deferred: hello
