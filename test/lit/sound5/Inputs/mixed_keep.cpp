// Built without -fwhole-program-vtables: Keep's vtable has no type
// metadata (see ../vcall_mixed_type_metadata.cpp).
#include <cstdio>
#include "mixed_sink.h"
static char *last;
struct Keep : Sink { void put(char *line) override { last = line; } };
int main(int argc, char **) {
  Keep k;
  Sink *s = argc > 5 ? quiet_sink() : &k;
  report(s, "mixed");
  printf("kept after report returned: %s\n", last);
}
