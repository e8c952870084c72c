// A program that loads plugins with dlopen: report() calls Sink::put on an
// object a plugin made, whose class (Keep, built from the PLUGIN half of
// this file into a shared object) keeps the line. The program is open (it
// calls dlopen), yet with -fwhole-program-vtables the call is resolved
// from the vtables in the bitcode alone, which only know Quiet::put.
// RUN: %clangxx -O2 -g -shared -fPIC -DPLUGIN %s -o %t.so
// RUN: %clangxx -O0 -g %s -o %t0 -ldl && %t0 %t.so | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clangxx -O2 -g %s -o %t2 -ldl && %t2 %t.so | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clangxx -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=conservative,whole_program %t0.bc | FileCheck %s
// RUN: %clangxx -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=conservative,whole_program %t2.bc | FileCheck %s
// RUN: %clangxx -O0 -g -flto -fwhole-program-vtables -c %s -o %t0l.bc
// RUN: %escapade --level=conservative,whole_program %t0l.bc | FileCheck %s
// RUN: %clangxx -O2 -g -flto -fwhole-program-vtables -c %s -o %t2l.bc
// RUN: %escapade --level=conservative,whole_program %t2l.bc | FileCheck %s
#include <cstdio>
#include <cstring>
#include <dlfcn.h>

struct Sink {
  virtual ~Sink() {}
  virtual void put(char *line) = 0;
};

#ifdef PLUGIN
static char *last;
struct Keep : Sink {
  void put(char *line) override { last = line; }
};
extern "C" Sink *make_sink() { return new Keep; }
extern "C" const char *last_line() { return last; }
#else
struct Quiet : Sink {
  void put(char *) override {}
};
Quiet quiet;

__attribute__((noinline)) void report(Sink *s, const char *m) {
  char *line = new char[16]; // CHECK: vcall_dlopen_plugin.cpp:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(line, m);
  s->put(line);
}

int main(int argc, char **argv) {
  void *h = argc > 1 ? dlopen(argv[1], RTLD_NOW) : nullptr;
  Sink *s = &quiet;
  if (h)
    s = reinterpret_cast<Sink *(*)()>(dlsym(h, "make_sink"))();
  report(s, "hello");
  if (h)
    printf("kept: %s\n", reinterpret_cast<const char *(*)()>(dlsym(h, "last_line"))());
  return 0;
}
#endif
// EVIDENCE: kept: hello
