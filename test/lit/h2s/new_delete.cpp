// operator new and new[] with delete and delete[] in the same frame: the
// objects move to the stack and the deletes go (a delete of a stack
// address would abort the run). A node linked into a list that outlives
// the frame stays.
// RUN: %clangxx -O0 -g -c -emit-llvm %s -o %t.bc
// RUN: %escapade --h2s -o %t.h2s.bc %t.bc | FileCheck %s
// RUN: %clangxx %t.bc -o %t.before && %t.before > %t.out.before
// RUN: %clangxx %t.h2s.bc -o %t.after && %t.after > %t.out.after
// RUN: diff %t.out.before %t.out.after
// RUN: FileCheck %s --check-prefix=OUT --input-file=%t.out.after
#include <cstdio>

struct Point {
  int x, y;
};

struct Node {
  Node *next;
  int v;
};

Node *head;

__attribute__((noinline)) int area(int w, int h) {
  Point *p = new Point{w, h}; // CHECK: new_delete.cpp:[[@LINE]]:14: p = operator new(8) moved to the stack [whole_program]
  int *cells = new int[16]; // CHECK: new_delete.cpp:[[@LINE]]:16: cells = operator new[](64) moved to the stack [whole_program]
  for (int i = 0; i < 16; i++)
    cells[i] = i;
  int a = p->x * p->y + cells[15];
  delete p;
  delete[] cells;
  return a;
}

__attribute__((noinline)) void push(int v) {
  Node *n = new Node{head, v}; // CHECK-NOT: new_delete.cpp:[[@LINE]]:{{.*}}moved
  head = n;
}

int main() {
  push(1);
  push(2);
  std::printf("area %d list %d %d\n", area(3, 4), head->v, head->next->v);
  return 0;
}
// OUT: area 27 list 2 1
