/* The program the model error cases are checked against. */
#include <stddef.h>
void *xmalloc(size_t n);
void xfree(void *p);
void log_ptr(const void *p);

int main(void) {
  int *p = xmalloc(sizeof *p);
  *p = 1;
  log_ptr(p);
  xfree(p);
  return 0;
}
