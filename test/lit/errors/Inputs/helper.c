/* A translation unit without main, linked next to another program. */
#include <stdlib.h>

void *helper_make(void) { return malloc(4); }
