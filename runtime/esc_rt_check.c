/*
 * esc_rt_check.c: the run-time side of `escapade --check` (libescapade_rt.a).
 *
 * A program instrumented by esc_check.c calls, in every function holding a
 * site the analysis says does not escape:
 *
 *   mark = __escapade_enter();            at entry
 *   __escapade_note(p, bytes, site, heap) after each such allocation
 *   __escapade_leave(mark);               before each return or resume
 *
 * and __escapade_before_free(p) before every deallocation in the program.
 * Leaving a frame retires the objects it noted: a heap object still
 * allocated is poisoned with AddressSanitizer's manual interface, so any
 * later load or store of it is an ASan report; a stack object is left to
 * ASan's use-after-return detection (detect_stack_use_after_return=1).
 * Either way the object is remembered with its site, so that when ASan
 * reports (__asan_on_error) or the program frees a retired heap object,
 * the report names the site and the level that judged it:
 *
 *   escapade: check: object of <file:line:col: what [level]> used after
 *   its frame returned
 *
 * A free of a retired block is reported and ends the program, unless
 * ESCAPADE_CHECK_CONTINUE is set (a harness counting reports, with ASan's
 * halt_on_error=0 and -fsanitize-recover=address): then the free goes on.
 * The program must be built with -fsanitize=address. Objects freed inside
 * their frame are recognised by ASan's own poisoning of freed memory (its
 * quarantine keeps freed blocks from being handed out again at once).
 * Limits: ESC_RT_NOTED objects noted per thread and not yet retired, and
 * ESC_RT_RETIRED retired objects remembered (oldest forgotten first); past
 * the first, objects are not checked (counted, reported at exit when
 * ESCAPADE_CHECK_STATS is set).
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

enum { ESC_RT_NOTED = 1 << 16, ESC_RT_RETIRED = 1 << 16 };

/* AddressSanitizer's interface (sanitizer/asan_interface.h). */
void __asan_poison_memory_region(void const volatile *addr, size_t size);
int __asan_address_is_poisoned(void const volatile *addr);
void *__asan_get_report_address(void);
int __sanitizer_get_ownership(const volatile void *p);
size_t __sanitizer_get_allocated_size(const volatile void *p);
void __sanitizer_print_stack_trace(void);

typedef struct esc_rt_obj {
  uintptr_t p;
  size_t bytes;
  const char *site;
  int heap;
} esc_rt_obj;

static _Thread_local esc_rt_obj noted[ESC_RT_NOTED];
static _Thread_local size_t nnoted;

static esc_rt_obj retired[ESC_RT_RETIRED];
static size_t nretired; /* total ever retired; the ring holds the last */
static pthread_mutex_t retired_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long long unchecked, checked;

size_t __escapade_enter(void) { return nnoted; }

void __escapade_note(void *p, uint64_t bytes, const char *site, int heap) {
  if (!p)
    return;
  if (nnoted == ESC_RT_NOTED) {
    __atomic_add_fetch(&unchecked, 1, __ATOMIC_RELAXED);
    return;
  }
  noted[nnoted++] = (esc_rt_obj){(uintptr_t)p, (size_t)bytes, site, heap};
}

static void retire(esc_rt_obj o) {
  if (o.heap) {
    if (__asan_address_is_poisoned((void *)o.p))
      return; /* freed in its frame */
    if (!o.bytes && __sanitizer_get_ownership((void *)o.p))
      o.bytes = __sanitizer_get_allocated_size((void *)o.p);
    if (!o.bytes) {
      __atomic_add_fetch(&unchecked, 1, __ATOMIC_RELAXED);
      return; /* size unknown (an interior pointer of a wrapper) */
    }
    __asan_poison_memory_region((void *)o.p, o.bytes);
  }
  __atomic_add_fetch(&checked, 1, __ATOMIC_RELAXED);
  pthread_mutex_lock(&retired_lock);
  retired[nretired++ % ESC_RT_RETIRED] = o;
  pthread_mutex_unlock(&retired_lock);
}

void __escapade_leave(size_t mark) {
  /* a frame left by longjmp or an exception is retired by the next
   * instrumented frame that returns below it */
  while (nnoted > mark)
    retire(noted[--nnoted]);
}

/* The most recently retired object holding addr (exact start when
 * start_only), or NULL. Caller holds retired_lock. */
static const esc_rt_obj *find_retired(uintptr_t addr, int start_only) {
  size_t n = nretired < ESC_RT_RETIRED ? nretired : ESC_RT_RETIRED;
  for (size_t k = 0; k < n; k++) {
    const esc_rt_obj *o = &retired[(nretired - 1 - k) % ESC_RT_RETIRED];
    size_t span = o->bytes ? o->bytes : 1;
    if (start_only ? addr == o->p : addr - o->p < span)
      return o;
  }
  return NULL;
}

static void say(const esc_rt_obj *o, const char *what) {
  fprintf(stderr, "escapade: check: object of %s %s after its frame "
          "returned\n", o->site, what);
}

void __escapade_before_free(void *p) {
  if (!p)
    return;
  pthread_mutex_lock(&retired_lock);
  const esc_rt_obj *o = find_retired((uintptr_t)p, 1);
  int live = o && o->heap && __sanitizer_get_ownership(p);
  if (live) {
    say(o, "freed");
    __sanitizer_print_stack_trace();
    if (!getenv("ESCAPADE_CHECK_CONTINUE"))
      _exit(1);
  }
  pthread_mutex_unlock(&retired_lock);
}

/* Called by AddressSanitizer when it reports an error. */
void __asan_on_error(void) {
  uintptr_t addr = (uintptr_t)__asan_get_report_address();
  if (!addr)
    return;
  if (pthread_mutex_trylock(&retired_lock))
    return;
  const esc_rt_obj *o = find_retired(addr, 0);
  if (o)
    say(o, "used");
  pthread_mutex_unlock(&retired_lock);
}

__attribute__((destructor)) static void esc_rt_stats(void) {
  if (getenv("ESCAPADE_CHECK_STATS"))
    fprintf(stderr, "escapade: check: %llu objects retired, %llu not "
            "checked\n", checked, unchecked);
}
