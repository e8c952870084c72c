/* Two implementations of the writer interface. Neither keeps the buffer it
 * is given, so no caller's buffer needs to outlive the call. */
#include "writer.h"

#include <ctype.h>
#include <stdio.h>

static int count_write(struct writer *w, const char *buf, int n) {
  (void)buf;
  w->written += n;
  return n;
}

static int upper_write(struct writer *w, const char *buf, int n) {
  for (int i = 0; i < n; i++)
    putchar(toupper((unsigned char)buf[i]));
  w->written += n;
  return n;
}

const struct writer_ops count_ops = {count_write};
const struct writer_ops upper_ops = {upper_write};
