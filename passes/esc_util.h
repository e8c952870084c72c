/*
 * esc_util.h: the small containers every other file uses.
 *
 * - esc_arena: bump allocator; everything allocated from it is freed at once
 *   by esc_arena_free(). Per-module and per-function analysis data live here.
 * - ESC_VEC: growable arrays on malloc (the owner frees .data with free()).
 * - esc_ptrmap: open-addressing map from a non-NULL pointer to an int.
 * - esc_bits: a growable bit set (owner calls esc_bits_free).
 * - esc_str: a growable string (owner frees .s with free()).
 *
 * Allocation failure aborts the process with a message: analysis data is
 * proportional to the input, and there is no useful partial answer.
 */
#ifndef ESC_UTIL_H
#define ESC_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

void *esc_xmalloc(size_t n);
void *esc_xcalloc(size_t n, size_t sz);
void *esc_xrealloc(void *p, size_t n);
char *esc_xstrdup(const char *s);

/* ---- arena ---- */
typedef struct esc_arena_block esc_arena_block;
typedef struct esc_arena {
  esc_arena_block *head;
  size_t used_bytes; /* total bytes handed out, for peak-memory reporting */
} esc_arena;

void esc_arena_init(esc_arena *a);
/* Zeroed memory that lives until esc_arena_free(a). */
void *esc_arena_alloc(esc_arena *a, size_t n);
char *esc_arena_strdup(esc_arena *a, const char *s);
char *esc_arena_strndup(esc_arena *a, const char *s, size_t n);
char *esc_arena_printf(esc_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void esc_arena_free(esc_arena *a);

/* ---- vectors ---- */
#define ESC_VEC(T)                                                             \
  struct {                                                                     \
    T *data;                                                                   \
    size_t len, cap;                                                           \
  }
#define ESC_VEC_PUSH(v, x)                                                     \
  do {                                                                         \
    if ((v).len == (v).cap) {                                                  \
      (v).cap = (v).cap ? 2 * (v).cap : 8;                                     \
      (v).data = esc_xrealloc((v).data, (v).cap * sizeof(*(v).data));          \
    }                                                                          \
    (v).data[(v).len++] = (x);                                                 \
  } while (0)
/* Room for at least n elements in all (len unchanged). */
#define ESC_VEC_RESERVE(v, n)                                                  \
  do {                                                                         \
    if ((v).cap < (n)) {                                                       \
      (v).cap = (n) > 2 * (v).cap ? (n) : 2 * (v).cap;                         \
      (v).data = esc_xrealloc((v).data, (v).cap * sizeof(*(v).data));          \
    }                                                                          \
  } while (0)
#define ESC_VEC_FREE(v)                                                        \
  do {                                                                         \
    free((v).data);                                                            \
    (v).data = NULL;                                                           \
    (v).len = (v).cap = 0;                                                     \
  } while (0)

/* ---- pointer -> int map ---- */
typedef struct esc_ptrmap {
  const void **keys;
  int *vals;
  size_t cap, len;
} esc_ptrmap;

void esc_ptrmap_init(esc_ptrmap *m);
void esc_ptrmap_free(esc_ptrmap *m);
/* Returns the value for key, or -1 when absent. */
int esc_ptrmap_get(const esc_ptrmap *m, const void *key);
void esc_ptrmap_put(esc_ptrmap *m, const void *key, int val);

/* ---- 64-bit key set (pairs of ints) ---- */
typedef struct esc_u64set {
  uint64_t *keys; /* 0 is the empty marker; stored keys are key+1 */
  size_t cap, len;
} esc_u64set;
void esc_u64set_init(esc_u64set *s);
void esc_u64set_free(esc_u64set *s);
/* Inserts key; returns 1 when it was new, 0 when already present. */
int esc_u64set_add(esc_u64set *s, uint64_t key);

/* ---- bit sets ---- */
typedef struct esc_bits {
  uint64_t *w;
  uint32_t nwords;
} esc_bits;

static inline int esc_bits_test(const esc_bits *b, uint32_t i) {
  uint32_t k = i >> 6;
  return k < b->nwords && ((b->w[k] >> (i & 63)) & 1);
}
/* Sets bit i; returns 1 when it was clear before. */
int esc_bits_set(esc_bits *b, uint32_t i);
/* dst |= src; returns 1 when dst changed. */
int esc_bits_or(esc_bits *dst, const esc_bits *src);
/* The first set bit at or after from, or -1 when none (ascending walks:
 * for (i = esc_bits_next(b, 0); i >= 0; i = esc_bits_next(b, i + 1))). */
int esc_bits_next(const esc_bits *b, uint32_t from);
void esc_bits_free(esc_bits *b);
int esc_bits_empty(const esc_bits *b);

/* ---- strings ---- */
typedef struct esc_str {
  char *s;
  size_t len, cap;
} esc_str;
void esc_str_printf(esc_str *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void esc_str_vprintf(esc_str *b, const char *fmt, va_list ap);
void esc_str_putc(esc_str *b, char c);
/* Appends s as a JSON string literal (with quotes); NULL prints null. */
void esc_str_json(esc_str *b, const char *s);
void esc_str_free(esc_str *b);
/* Appends path as a URI path: bytes that cannot stand in one (controls,
 * space, '%', '#', '?', non-ASCII) percent-encoded. */
void esc_str_uri_path(esc_str *b, const char *path);

#endif
