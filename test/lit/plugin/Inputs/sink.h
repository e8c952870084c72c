/* An interface whose only implementation is in sink_impl.c: a translation
 * unit that calls through it cannot tell where its buffer goes, the
 * linked program can. */
struct sink {
  void (*put)(char *buf, int n);
};
struct sink *the_sink(void);
