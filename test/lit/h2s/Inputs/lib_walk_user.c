/* The user of ../recursion_library.c's library, compiled normally: its
 * callback calls the library again. */
#include <stdio.h>
long lib_walk(long n, long (*visit)(long));
static long again(long n) { return lib_walk(n, again); }
int main(int argc, char **argv) {
  (void)argv;
  printf("%ld\n", lib_walk(30000L * argc, again));
  return 0;
}
