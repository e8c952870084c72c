// A class hierarchy whose overrides live in shapes.cpp and whose virtual
// call is in use.cpp: resolving it takes both units.
#include <cstddef>

struct Sink {
  virtual ~Sink() {}
  virtual size_t put(const char *s) = 0;
};

Sink *make_sink(int which);
