/* The one implementation of struct sink: writes into the buffer and
 * keeps nothing. */
#include "sink.h"

static void fill(char *buf, int n) {
  for (int i = 0; i < n; i++)
    buf[i] = (char)i;
}

static struct sink filler = {fill};

struct sink *the_sink(void) { return &filler; }
