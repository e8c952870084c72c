#include "iface.h"

char *kept;

void keep(char *p) { kept = p; }
