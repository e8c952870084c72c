#include "mtu_iface.h"
char *kept_buffer;
static int keep_write(char *buf, int n) { kept_buffer = buf; return n; }
struct writer keep_writer = {keep_write};
