// The report goes to stderr, as LLVM's print<...> passes write theirs, or
// to -escapade-output=FILE: a regular file through a temporary renamed
// into place, a pipe or device in place, a directory not at all.
// RUN: %clang -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc > %t.stdout 2> %t.stderr
// RUN: count 0 < %t.stdout
// RUN: FileCheck %s < %t.stderr
// A file replaces what was there, leaves no temporary, and stderr is quiet:
// RUN: rm -rf %t.d && mkdir %t.d && echo stale > %t.d/report.txt
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-output=%t.d/report.txt > %t.stdout 2> %t.stderr
// RUN: count 0 < %t.stdout
// RUN: count 0 < %t.stderr
// RUN: FileCheck %s --check-prefix=WHOLE < %t.d/report.txt
// RUN: ls %t.d | FileCheck %s --check-prefix=LS
// LS: report.txt
// LS-NOT: {{.}}
// A pipe is written in place (and stays a pipe):
// RUN: rm -f %t.fifo && mkfifo %t.fifo
// RUN: timeout 60 cat %t.fifo > %t.from-fifo & %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-output=%t.fifo; wait
// RUN: test -p %t.fifo
// RUN: FileCheck %s --check-prefix=WHOLE < %t.from-fifo
// So is a device:
// RUN: %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-output=/dev/stdout -escapade-format=json 2> %t.stderr | FileCheck %s --check-prefix=JSON
// RUN: count 0 < %t.stderr
// A name of one of the process's descriptors (/dev/stdout, /dev/fd/N, a
// link to /proc/self/fd/N) is written through that descriptor, whatever it
// is open on: here the shell's regular file, which is neither truncated
// nor replaced, and the link stays a link.
// RUN: rm -rf %t.links && mkdir %t.links && ln -s /proc/self/fd/1 %t.links/out
// RUN: { echo before; %opt -load-pass-plugin %plugin -passes=escapade -disable-output %t.bc -escapade-output=%t.links/out; echo after; } > %t.shell
// RUN: test -L %t.links/out
// RUN: FileCheck %s --check-prefix=SHELL < %t.shell
// RUN: { echo before; %opt -load-pass-plugin %plugin -passes=escapade -disable-output %t.bc -escapade-output=/dev/fd/1; echo after; } > %t.shell
// RUN: FileCheck %s --check-prefix=SHELL < %t.shell
// SHELL: before
// SHELL-NEXT: output.c:{{[0-9]+}}:12: {{.*}}malloc(4) escapes to heap
// SHELL-NEXT: after
// A link to a regular file: the file is replaced, the link kept.
// RUN: echo stale > %t.links/real.txt && ln -s real.txt %t.links/link.txt
// RUN: %opt -load-pass-plugin %plugin -passes=escapade -disable-output %t.bc -escapade-output=%t.links/link.txt
// RUN: test -L %t.links/link.txt
// RUN: FileCheck %s --check-prefix=WHOLE < %t.links/real.txt
// A directory is refused, in one line naming it:
// RUN: not %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-output=%t.d 2> %t.err
// RUN: FileCheck %s --check-prefix=DIR < %t.err
// RUN: count 1 < %t.err
// DIR: escapade: {{.*}}.d: is a directory
// RUN: not %opt -load-pass-plugin %plugin -passes='print<escapade>' -disable-output %t.bc -escapade-output=%t.d/none/report.txt 2> %t.err
// RUN: FileCheck %s --check-prefix=NODIR < %t.err
// RUN: count 1 < %t.err
// NODIR: escapade: {{.*}}.d/none/report.txt: No such file or directory
// RUN: ls %t.d | FileCheck %s --check-prefix=LS
#include <stdlib.h>

int *cache;

int main(void) {
  int *p = malloc(sizeof(int)); // CHECK: output.c:[[@LINE]]:12: {{.*}}malloc(4) escapes to heap: stored to global cache at {{.*}} [intraprocedural, conservative, whole_program]
                                // WHOLE: output.c:[[@LINE-1]]:12: {{.*}}malloc(4) escapes to heap
                                // JSON: "allocator":"malloc","bytes":4
  cache = p;
  return 0;
}
