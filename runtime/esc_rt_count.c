/*
 * esc_rt_count.c: the run-time side of the freed-in-frame counts of
 * escapade-count (passes/esc_count.c), in libescapade_rt.a.
 *
 *   mark = __escapade_count_enter();          entry of a function with a
 *                                             heap site
 *   __escapade_count_note(p, bytes, counter)  after the site
 *   __escapade_count_free(p)                  before every deallocation
 *   __escapade_count_leave(mark);             before each return
 *
 * Leaving a frame retires the blocks it noted; a block freed while its
 * frame was live adds one (and its bytes) to its site's counter pair: an
 * allocation a perfect escape analysis could have kept in the frame.
 * Limits: ESC_RT_COUNT_LIVE blocks noted per thread and not yet retired
 * (past it, blocks are not tracked: they count as not freed in frame), and
 * a free looks back over at most ESC_RT_COUNT_SCAN of them (a block freed
 * deeper in the stack of live ones counts as not freed in frame). Both
 * err towards the smaller bound.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

enum { ESC_RT_COUNT_LIVE = 1 << 16, ESC_RT_COUNT_SCAN = 4096 };

typedef struct esc_rt_live {
  uintptr_t p;
  uint64_t bytes;
  uint64_t *counter; /* executions, bytes */
  int freed;
} esc_rt_live;

/* a per-thread stack grown on demand: thread-local storage stays small */
static _Thread_local esc_rt_live *live;
static _Thread_local size_t nlive, cap;

uint64_t __escapade_count_enter(void) { return nlive; }

void __escapade_count_note(void *p, uint64_t bytes, uint64_t *counter) {
  if (!p)
    return;
  if (nlive == cap) {
    size_t ncap = cap ? cap * 2 : 256;
    esc_rt_live *grown =
        ncap <= ESC_RT_COUNT_LIVE ? realloc(live, ncap * sizeof *live) : NULL;
    if (!grown)
      return;
    live = grown;
    cap = ncap;
  }
  live[nlive++] = (esc_rt_live){(uintptr_t)p, bytes, counter, 0};
}

void __escapade_count_free(void *p) {
  if (!p)
    return;
  size_t stop = nlive > ESC_RT_COUNT_SCAN ? nlive - ESC_RT_COUNT_SCAN : 0;
  for (size_t k = nlive; k > stop; k--)
    if (live[k - 1].p == (uintptr_t)p && !live[k - 1].freed) {
      live[k - 1].freed = 1;
      return;
    }
}

void __escapade_count_leave(uint64_t mark) {
  while (nlive > mark) {
    esc_rt_live *l = &live[--nlive];
    if (l->freed) {
      __atomic_add_fetch(&l->counter[0], 1, __ATOMIC_RELAXED);
      __atomic_add_fetch(&l->counter[1], l->bytes, __ATOMIC_RELAXED);
    }
  }
}
