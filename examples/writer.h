/* A C "interface": a writer is an ops table plus state. */
#ifndef WRITER_H
#define WRITER_H
struct writer;
struct writer_ops {
  int (*write)(struct writer *w, const char *buf, int n);
};
struct writer {
  const struct writer_ops *ops;
  long written;
};
extern const struct writer_ops count_ops, upper_ops;
void log_line(struct writer *w, int v);
#endif
