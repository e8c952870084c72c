/* BUF_SIZE and include/ come from the compilation database's flags only:
 * without them this file does not compile. */
#include "iface.h"
#include <stdio.h>
#include <stdlib.h>

size_t emit(const struct writer *w, int v) {
  char buf[BUF_SIZE];
  int n = snprintf(buf, sizeof buf, "%d", v);
  return w->write(buf, (size_t)n);
}

int main(int argc, char **argv) {
  char *name = malloc(16);
  if (!name)
    return 1;
  snprintf(name, 16, "%s", argv[0]);
  keep(name);
  return (int)(emit(&count_writer, argc) + count_total());
}
