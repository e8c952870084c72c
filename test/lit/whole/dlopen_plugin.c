// A program that loads code with dlopen can be called back by it: code it
// loads may call set_handler with a function of its own. The call through
// the handler then stays unresolved, and the buffer escapes. Built without
// the dlopen call (-DNO_PLUGINS), the same program is closed, and the only
// handler is quiet_handler; --assume-closed says the same of the first.
// Why sound: with dlopen, set_handler is an entry point whose argument may
// be any code; without it, its only caller passes quiet_handler.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t0.bc
// RUN: %escapade --level=whole_program %t0.bc | FileCheck %s --check-prefix=PLUGINS
// RUN: %clang -O0 -g -c -emit-llvm -DNO_PLUGINS %s -o %t1.bc
// RUN: %escapade --level=whole_program %t1.bc | FileCheck %s --check-prefix=CLOSED
// RUN: %escapade --level=whole_program --assume-closed %t0.bc | FileCheck %s --check-prefix=CLOSED
// RUN: %clang -O2 -g -c -emit-llvm %s -o %t2.bc
// RUN: %escapade --level=whole_program %t2.bc | FileCheck %s --check-prefix=PLUGINS
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

struct hooks { size_t (*handler)(char *); };
static struct hooks hooks;
static size_t quiet_handler(char *s) { return strlen(s); }

__attribute__((noinline)) void set_handler(size_t (*h)(char *)) { hooks.handler = h; }

__attribute__((noinline)) size_t fire(int v) {
  char buf[16]; // PLUGINS: dlopen_plugin.c:[[@LINE]]:{{[0-9]+}}: &buf escapes to heap: passed to indirect call at {{.*}} [whole_program]
                // CLOSED: dlopen_plugin.c:[[@LINE-1]]:{{[0-9]+}}: &buf does not escape [whole_program]
  snprintf(buf, sizeof buf, "%d", v);
  return hooks.handler(buf);
}

int main(int argc, char **argv) {
  set_handler(quiet_handler);
#ifndef NO_PLUGINS
  if (argc > 1 && !dlopen(argv[1], RTLD_NOW))
    return 1;
#endif
  return (int)fire(argc);
}
