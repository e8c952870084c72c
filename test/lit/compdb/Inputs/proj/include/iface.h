/* The interface of the small C project the compdb tests compile: a writer
 * is a struct holding a function pointer; the only writer the program
 * defines is sink.c's, which reads the bytes it is given and keeps none. */
#include <stddef.h>

struct writer {
  size_t (*write)(const char *buf, size_t n);
};

extern const struct writer count_writer;
size_t count_total(void);
void keep(char *p);
