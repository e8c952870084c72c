#include <stdlib.h>
#include <string.h>

char *last;
char *seen;

/* A comment that shifts every line below it
   by a few lines. */

int parse(const char *s) {
  char *copy = malloc(32);
  strncpy(copy, s, 31);
  copy[31] = 0;
  int n = (int)strlen(copy);
  seen = copy;
  return n;
}

void remember(const char *s) {
  static char p[16];
  strncpy(p, s, 15);
  p[15] = 0;
  last = p;
}

void scratch(void) {
  char *t = malloc(8);
  t[0] = 1;
  free(t);
  char *u = calloc(2, 4);
  free(u);
}

int main(void) {
  remember("a");
  scratch();
  return parse("abc") == 3 ? 0 : 1;
}
