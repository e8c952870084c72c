#include <stdlib.h>

char *util_kept;

void util_keep(void) {
  util_kept = malloc(4);
}

int util_local(void) {
  char *t = malloc(2);
  t[0] = 3;
  int r = t[0];
  free(t);
  return r;
}
