/* Go would heap-allocate buf in log_line: w->ops->write is an interface
 * call whose target it cannot see. Linked as a whole program, escapade
 * resolves the call to count_write and upper_write and keeps buf (and the
 * malloc'd scratch line) off the heap. */
#include "writer.h"

#include <stdio.h>
#include <stdlib.h>

void log_line(struct writer *w, int v) {
  char buf[64];
  int n = snprintf(buf, sizeof buf, "value %d\n", v);
  w->ops->write(w, buf, n);
}

static void log_twice(struct writer *w, int v) {
  char *line = malloc(32);
  int n = snprintf(line, 32, "twice %d\n", v);
  w->ops->write(w, line, n);
  w->ops->write(w, line, n);
  free(line);
}

int main(int argc, char **argv) {
  (void)argv;
  struct writer a = {&count_ops, 0}, b = {&upper_ops, 0};
  struct writer *w = argc > 1 ? &a : &b;
  log_line(w, argc);
  log_twice(w, argc);
  printf("%ld %ld\n", a.written, b.written);
  return 0;
}
