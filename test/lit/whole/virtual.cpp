// C++ virtual calls across a hierarchy (built with -flto
// -fwhole-program-vtables). The type tests clang emits are public
// (llvm.public.type.test): a class outside the bitcode (the C++ library's,
// a plugin's) may meet them, so the sound default resolves the calls by
// points-to (the vtable pointers the constructors store); --assume-typed
// trusts the vtables' !type metadata. Every override of
// Sink::put reachable from a Sink only reads the buffer, so the buffer
// stays local under whole-program analysis. Logger::put, which keeps its
// argument, is in a different hierarchy (Logger does not derive from Sink).
// Why sound: the type test on the call names Sink; the vtables carrying
// that type (Sink's subclasses Counter and Upper) hold Counter::put and
// Upper::put at that slot, and both only read.
// RUN: %clangxx -O0 -g -flto -fwhole-program-vtables -c %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program --stats %t0.bc | FileCheck %s
// RUN: %clangxx -O2 -g -flto -fwhole-program-vtables -c %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program --stats %t2.bc | FileCheck %s
// RUN: %escapade --level=conservative,whole_program --stats --assume-typed %t2.bc | FileCheck %s --check-prefix=TYPED
#include <cstdio>
#include <cstring>

struct Sink {
  virtual ~Sink() {}
  virtual size_t put(const char *s) = 0;
};
struct Counter : Sink {
  size_t n = 0;
  size_t put(const char *s) override { return n += strlen(s); }
};
struct Upper : Sink {
  size_t put(const char *s) override {
    size_t k = 0;
    for (; s[k]; k++)
      putchar(s[k] & ~0x20);
    return k;
  }
};

const char *kept;
struct Logger {
  virtual ~Logger() {}
  virtual size_t put(const char *s) { kept = s; return 0; }
};

__attribute__((noinline)) size_t report(Sink *sink, int v) {
  char line[32]; // CHECK: virtual.cpp:[[@LINE]]:{{[0-9]+}}: &line escapes to heap: passed to indirect call at {{.*}} [conservative]
                 // CHECK-NEXT: virtual.cpp:[[@LINE-1]]:{{[0-9]+}}: &line does not escape [whole_program]
                 // CHECK-NEXT: avoided: indirect call at {{.*}} resolved by points_to to {Counter::put(char const*), Upper::put(char const*)}
                 // TYPED: avoided: indirect call at {{.*}} resolved by type_metadata to {Counter::put(char const*), Upper::put(char const*)}
  snprintf(line, sizeof line, "%d", v);
  return sink->put(line);
}

__attribute__((noinline)) size_t log(Logger *l, const char *s) { return l->put(s); }

int main(int argc, char **argv) {
  Counter c;
  Upper u;
  Logger l;
  Sink *s = argc > 1 ? static_cast<Sink *>(&c) : &u;
  return (int)(report(s, argc) + log(&l, argv[0]));
}
// CHECK: # indirect calls: {{[0-9]+}}; resolved: points_to {{[1-9][0-9]*}} type_metadata 0
// TYPED: # indirect calls: {{[0-9]+}}; resolved: points_to 0 type_metadata {{[1-9][0-9]*}}
