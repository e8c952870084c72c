/* A pool library outside the analysed bitcode (compiled natively by
 * ../malloc_attr_pool.c): pool_get remembers the last pool it served. */
#include <stdlib.h>
struct pool { char name[16]; int served; };
static struct pool *last_pool;
void *pool_get(struct pool *pl, size_t n) {
  last_pool = pl;
  pl->served++;
  return malloc(n);
}
struct pool *pool_last(void) { return last_pool; }
