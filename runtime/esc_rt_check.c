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
 * Frees seen by __escapade_before_free mark a live frame's block freed, so
 * an address handed out again is not mistaken for it; a block is retired
 * from where it starts (a wrapper may return a pointer into its block) to
 * the end of ASan's chunk.
 * Limits: ESC_RT_NOTED objects noted per thread and not yet retired, and
 * ESC_RT_RETIRED retired objects remembered (oldest forgotten first); past
 * the first, objects are not checked (counted, reported at exit when
 * ESCAPADE_CHECK_STATS is set). Objects of a frame left by longjmp to an
 * uninstrumented frame are never retired, so never checked; nor are those
 * noted on another stack than the returning frame's (a makecontext
 * coroutine's, while it is suspended): a coroutine stack within
 * ESC_RT_STACK_SPAN below the frame that switched to it counts as the
 * same stack. The record of retired objects takes no lock (a signal
 * handler's frames retire too), so a report may, rarely, name the site of
 * an object retired at the same moment by another thread.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { ESC_RT_NOTED = 1 << 20, ESC_RT_RETIRED = 1 << 16 };

/* AddressSanitizer's interface (sanitizer/asan_interface.h). */
void __asan_poison_memory_region(void const volatile *addr, size_t size);
int __asan_address_is_poisoned(void const volatile *addr);
void *__asan_get_report_address(void);
const char *__asan_get_report_description(void);
const char *__asan_locate_address(void *addr, char *name, size_t name_size,
                                  void **region_address, size_t *region_size);

void __sanitizer_print_stack_trace(void);

typedef struct esc_rt_obj {
  uintptr_t p;
  size_t bytes;     /* heap: p to the end of its block; stack: the object */
  const char *site;
  int heap;
  int freed;        /* heap: freed while its frame was live */
  uintptr_t frame;  /* where on the stack it was noted */
} esc_rt_obj;

/* How far below a returning frame the frames a longjmp or an exception
 * left behind may be (a thread's stack). An object noted farther away was
 * noted on another stack (a makecontext coroutine still suspended): it
 * is not retired with this frame, and not checked. */
#define ESC_RT_STACK_SPAN ((uintptr_t)64 << 20)
/* The instrumented frame that calls __escapade_note and __escapade_leave
 * is just above both runtime frames; this much apart counts as one. */
#define ESC_RT_FRAME_SLACK ((uintptr_t)4096)

/* Noted, not yet retired: a per-thread stack grown on demand (thread-local
 * storage stays small, so threads with small stacks still start). */
static _Thread_local esc_rt_obj *noted;
static _Thread_local size_t nnoted, cap;

/* The last ESC_RT_RETIRED retired objects, written without a lock: a
 * signal handler's instrumented frame may retire while the code it
 * interrupted is retiring, and a child forked from a threaded program
 * inherits whatever state the ring was in. A reader may see an entry
 * being overwritten; it only names sites in reports. */
static esc_rt_obj retired[ESC_RT_RETIRED];
static size_t nretired; /* total ever retired; the ring holds the last */
static unsigned long long unchecked, checked;

size_t __escapade_enter(void) { return nnoted; }

void __escapade_note(void *p, uint64_t bytes, const char *site, int heap) {
  if (!p)
    return;
  if (nnoted == cap) {
    size_t ncap = cap ? cap * 2 : 256;
    esc_rt_obj *grown =
        ncap <= ESC_RT_NOTED ? realloc(noted, ncap * sizeof *noted) : NULL;
    if (!grown) {
      __atomic_add_fetch(&unchecked, 1, __ATOMIC_RELAXED);
      return;
    }
    noted = grown;
    cap = ncap;
  }
  noted[nnoted++] = (esc_rt_obj){(uintptr_t)p, (size_t)bytes, site, heap, 0,
                                 (uintptr_t)__builtin_frame_address(0)};
}

static void retire(esc_rt_obj o) {
  if (o.heap) {
    if (o.freed || __asan_address_is_poisoned((void *)o.p))
      return; /* freed in its frame */
    /* the block's extent from ASan: p may be inside it (a wrapper's
     * header), and nothing past the block is touched */
    void *start = NULL;
    size_t size = 0;
    const char *kind = __asan_locate_address((void *)o.p, NULL, 0, &start,
                                             &size);
    if (!kind || strcmp(kind, "heap") || (uintptr_t)start > o.p ||
        o.p >= (uintptr_t)start + size) {
      __atomic_add_fetch(&unchecked, 1, __ATOMIC_RELAXED);
      return; /* not an ASan heap block: not checked */
    }
    o.bytes = (uintptr_t)start + size - o.p;
    if (o.bytes)
      __asan_poison_memory_region((void *)o.p, o.bytes);
  }
  __atomic_add_fetch(&checked, 1, __ATOMIC_RELAXED);
  size_t at = __atomic_fetch_add(&nretired, 1, __ATOMIC_ACQ_REL);
  retired[at % ESC_RT_RETIRED] = o;
}

void __escapade_leave(size_t mark) {
  /* a frame left by longjmp or an exception is retired by the next
   * instrumented frame that returns below it; an object noted on another
   * stack (a coroutine this frame switched to, still suspended) is not
   * this frame's to retire */
  uintptr_t here = (uintptr_t)__builtin_frame_address(0);
  while (nnoted > mark) {
    esc_rt_obj o = noted[--nnoted];
    if (o.frame <= here + ESC_RT_FRAME_SLACK && here - o.frame < ESC_RT_STACK_SPAN)
      retire(o);
    else
      __atomic_add_fetch(&unchecked, 1, __ATOMIC_RELAXED);
  }
}

/* The most recently retired object holding addr (its exact start when
 * start_only) of the kind given, or NULL. */
static const esc_rt_obj *find_retired(uintptr_t addr, int start_only,
                                      int heap) {
  size_t total = __atomic_load_n(&nretired, __ATOMIC_ACQUIRE);
  size_t n = total < ESC_RT_RETIRED ? total : ESC_RT_RETIRED;
  for (size_t k = 0; k < n; k++) {
    const esc_rt_obj *o = &retired[(total - 1 - k) % ESC_RT_RETIRED];
    size_t span = o->bytes ? o->bytes : 1;
    if (o->heap == heap && (start_only ? addr == o->p : addr - o->p < span))
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
  /* a block of a live frame: it is freed in its frame */
  for (size_t k = nnoted; k > 0; k--)
    if (noted[k - 1].heap && noted[k - 1].p == (uintptr_t)p) {
      noted[k - 1].freed = 1;
      break;
    }
  /* still ours only while poisoned: a block allocated again at the same
   * address (after a free the check did not see) is not; asked first, so
   * that a free of a live block does not search the ring */
  if (!__asan_address_is_poisoned(p))
    return;
  const esc_rt_obj *o = find_retired((uintptr_t)p, 1, 1);
  if (o) {
    say(o, "freed");
    __sanitizer_print_stack_trace();
    if (!getenv("ESCAPADE_CHECK_CONTINUE"))
      _exit(1);
  }
}

/* Called by AddressSanitizer when it starts reporting an error: a use of
 * a retired heap block is a use-after-poison, named here, before ASan's
 * report. A stack-use-after-return is named after the report (report()
 * below), once ASan has said which variable the memory belongs to: a later
 * frame may have reused a retired object's memory. ASan's own lock is held
 * here, so nothing that asks ASan about addresses may be called. */
static uintptr_t stack_report_addr;

void __asan_on_error(void) {
  uintptr_t addr = (uintptr_t)__asan_get_report_address();
  const char *what = __asan_get_report_description();
  stack_report_addr = 0;
  if (!addr || !what)
    return;
  if (!strcmp(what, "stack-use-after-return")) {
    stack_report_addr = addr;
    return;
  }
  if (strcmp(what, "use-after-poison"))
    return;
  const esc_rt_obj *o = find_retired(addr, 0, 1);
  if (o)
    say(o, "used");
}

/* The variable of a retired stack object o: the site reads
 * "FILE:LINE:COL: &NAME [...]"; ASan's frame description marks the one
 * accessed with "[FROM, TO) 'NAME' (line LINE) <== Memory access". A
 * variable with neither name nor line (an -O0 unit read without value
 * names and lifetime markers) is o when its size is o's. */
static int same_variable(const esc_rt_obj *o, const char *asan_report) {
  const char *site = o->site;
  const char *mark = strstr(asan_report, "<== Memory access");
  if (!mark)
    return 0;
  const char *q = mark;
  while (q > asan_report && q[-1] != '\n')
    q--;
  const char *tick = strchr(q, '\'');
  const char *end = tick ? strchr(tick + 1, '\'') : NULL;
  if (!tick || !end || end > mark)
    return 0;
  if (end == tick + 1 && strncmp(end, "' (line ", 8)) {
    unsigned long from, to;
    const char *br = strchr(q, '[');
    return br && br < tick && sscanf(br, "[%lu, %lu)", &from, &to) == 2 &&
           to > from && to - from == o->bytes;
  }
  if (strncmp(end, "' (line ", 8))
    return 0;
  unsigned line = (unsigned)strtoul(end + 8, NULL, 10);
  const char *c1 = strchr(site, ':');
  if (!c1 || (unsigned)strtoul(c1 + 1, NULL, 10) != line)
    return 0;
  if (end == tick + 1)
    return 1; /* no name in the IR (bitcode built without names) */
  char want[300];
  snprintf(want, sizeof want, "&%.*s ", (int)(end - tick - 1), tick + 1);
  return strstr(site, want) != NULL;
}

static void report(const char *asan_report) {
  if (!stack_report_addr)
    return;
  const esc_rt_obj *o = find_retired(stack_report_addr, 0, 0);
  if (o && same_variable(o, asan_report))
    say(o, "used");
}

void __asan_set_error_report_callback(void (*callback)(const char *));

__attribute__((constructor)) static void esc_rt_init(void) {
  __asan_set_error_report_callback(report);
}

__attribute__((destructor)) static void esc_rt_stats(void) {
  if (getenv("ESCAPADE_CHECK_STATS"))
    fprintf(stderr, "escapade: check: %llu objects retired, %llu not "
            "checked\n", checked, unchecked);
}
