// A virtual call whose receiver is an object of the C++ library: attach()
// hands a buffer to streambuf::pubsetbuf, whose virtual setbuf is, for the
// std::stringbuf passed here, libstdc++'s stringbuf::setbuf, which keeps the
// buffer as its get and put area (read back by sgetn after attach
// returned). The only vtable in the bitcode carrying the type
// std::basic_streambuf<char> is the program's NullBuf; libstdc++'s vtables
// (stringbuf, filebuf) are outside it, and the call is guarded by
// llvm.public.type.test, which the linker does not trust for std classes.
// RUN: %clangxx -O0 -g %s -o %t0 && %t0 | FileCheck %s --check-prefix=EVIDENCE
// RUN: %clangxx -O2 -g %s -o %t2 && %t2 | FileCheck %s --check-prefix=EVIDENCE
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
#include <sstream>
#include <streambuf>

// The program's own streambuf: drops what it is given.
struct NullBuf : std::streambuf {
  std::streambuf *setbuf(char *, std::streamsize) override { return this; }
  int overflow(int c) override { return c; }
};
NullBuf null_buf;
std::stringbuf text_buf;

__attribute__((noinline)) void attach(std::streambuf *sb, const char *s) {
  char *area = new char[16]; // CHECK: vcall_std_streambuf.cpp:[[@LINE]]:{{[0-9]+}}: {{.*}}escapes to heap{{.*}}whole_program]
  strcpy(area, s);
  sb->pubsetbuf(area, (std::streamsize)strlen(s));
}

int main(int argc, char **argv) {
  (void)argv;
  attach(argc > 5 ? static_cast<std::streambuf *>(&null_buf) : &text_buf, "hello");
  char out[8] = {0};
  text_buf.sgetn(out, 5);
  printf("kept: %s\n", out);
  return 0;
}
// EVIDENCE: kept: hello
