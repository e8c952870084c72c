#include <stdlib.h>
#include <string.h>

char *last;

int parse(const char *s) {
  char *copy = malloc(32);
  strncpy(copy, s, 31);
  copy[31] = 0;
  int n = (int)strlen(copy);
  free(copy);
  return n;
}

void remember(const char *s) {
  char *p = malloc(16);
  strncpy(p, s, 15);
  p[15] = 0;
  last = p;
}

void scratch(void) {
  char *t = malloc(8);
  t[0] = 1;
  free(t);
}

int main(void) {
  remember("a");
  scratch();
  return parse("abc") == 3 ? 0 : 1;
}
