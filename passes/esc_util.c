/* esc_util.c: arena, maps, bit sets and strings (see esc_util.h). */
#include "esc_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(void) {
  fputs("escapade: out of memory\n", stderr);
  abort();
}

void *esc_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    oom();
  return p;
}

void *esc_xcalloc(size_t n, size_t sz) {
  void *p = calloc(n ? n : 1, sz ? sz : 1);
  if (!p)
    oom();
  return p;
}

void *esc_xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p)
    oom();
  return p;
}

char *esc_xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(esc_xmalloc(n), s, n);
}

/* ---- arena ---- */
struct esc_arena_block {
  esc_arena_block *next;
  size_t size, used;
  max_align_t data[];
};

void esc_arena_init(esc_arena *a) {
  a->head = NULL;
  a->used_bytes = 0;
}

void *esc_arena_alloc(esc_arena *a, size_t n) {
  n = (n + 15) & ~(size_t)15;
  esc_arena_block *b = a->head;
  if (!b || b->size - b->used < n) {
    size_t size = n > 65536 ? n : 65536;
    b = esc_xmalloc(sizeof(*b) + size);
    b->next = a->head;
    b->size = size;
    b->used = 0;
    a->head = b;
  }
  void *p = (char *)b->data + b->used;
  b->used += n;
  a->used_bytes += n;
  memset(p, 0, n);
  return p;
}

char *esc_arena_strndup(esc_arena *a, const char *s, size_t n) {
  char *p = esc_arena_alloc(a, n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *esc_arena_strdup(esc_arena *a, const char *s) {
  return s ? esc_arena_strndup(a, s, strlen(s)) : NULL;
}

char *esc_arena_printf(esc_arena *a, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *p = esc_arena_alloc(a, (size_t)n + 1);
  vsnprintf(p, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  return p;
}

void esc_arena_free(esc_arena *a) {
  esc_arena_block *b = a->head;
  while (b) {
    esc_arena_block *next = b->next;
    free(b);
    b = next;
  }
  a->head = NULL;
  a->used_bytes = 0;
}

/* ---- pointer map ---- */
static size_t hash_ptr(const void *p) {
  uint64_t x = (uint64_t)(uintptr_t)p;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return (size_t)x;
}

void esc_ptrmap_init(esc_ptrmap *m) { memset(m, 0, sizeof(*m)); }

void esc_ptrmap_free(esc_ptrmap *m) {
  free(m->keys);
  free(m->vals);
  memset(m, 0, sizeof(*m));
}

int esc_ptrmap_get(const esc_ptrmap *m, const void *key) {
  if (!m->cap)
    return -1;
  size_t mask = m->cap - 1;
  for (size_t i = hash_ptr(key) & mask;; i = (i + 1) & mask) {
    if (m->keys[i] == key)
      return m->vals[i];
    if (!m->keys[i])
      return -1;
  }
}

static void ptrmap_grow(esc_ptrmap *m) {
  esc_ptrmap old = *m;
  m->cap = old.cap ? old.cap * 2 : 64;
  m->keys = esc_xcalloc(m->cap, sizeof(*m->keys));
  m->vals = esc_xcalloc(m->cap, sizeof(*m->vals));
  m->len = 0;
  for (size_t i = 0; i < old.cap; i++)
    if (old.keys[i])
      esc_ptrmap_put(m, old.keys[i], old.vals[i]);
  free(old.keys);
  free(old.vals);
}

void esc_ptrmap_put(esc_ptrmap *m, const void *key, int val) {
  if (2 * (m->len + 1) > m->cap)
    ptrmap_grow(m);
  size_t mask = m->cap - 1;
  for (size_t i = hash_ptr(key) & mask;; i = (i + 1) & mask) {
    if (m->keys[i] == key) {
      m->vals[i] = val;
      return;
    }
    if (!m->keys[i]) {
      m->keys[i] = key;
      m->vals[i] = val;
      m->len++;
      return;
    }
  }
}

/* ---- u64 set ---- */
void esc_u64set_init(esc_u64set *s) { memset(s, 0, sizeof(*s)); }
void esc_u64set_free(esc_u64set *s) {
  free(s->keys);
  memset(s, 0, sizeof(*s));
}

static int u64set_insert(esc_u64set *s, uint64_t stored) {
  size_t mask = s->cap - 1;
  for (size_t i = hash_ptr((void *)(uintptr_t)stored) & mask;;
       i = (i + 1) & mask) {
    if (s->keys[i] == stored)
      return 0;
    if (!s->keys[i]) {
      s->keys[i] = stored;
      s->len++;
      return 1;
    }
  }
}

int esc_u64set_add(esc_u64set *s, uint64_t key) {
  if (2 * (s->len + 1) > s->cap) {
    esc_u64set old = *s;
    s->cap = old.cap ? old.cap * 2 : 64;
    s->keys = esc_xcalloc(s->cap, sizeof(*s->keys));
    s->len = 0;
    for (size_t i = 0; i < old.cap; i++)
      if (old.keys[i])
        u64set_insert(s, old.keys[i]);
    free(old.keys);
  }
  return u64set_insert(s, key + 1);
}

/* ---- bit sets ---- */
static void bits_reserve(esc_bits *b, uint32_t nwords) {
  if (nwords <= b->nwords)
    return;
  uint32_t n = b->nwords ? b->nwords : 1;
  while (n < nwords)
    n *= 2;
  b->w = esc_xrealloc(b->w, n * sizeof(uint64_t));
  memset(b->w + b->nwords, 0, (n - b->nwords) * sizeof(uint64_t));
  b->nwords = n;
}

int esc_bits_set(esc_bits *b, uint32_t i) {
  uint32_t k = i >> 6;
  bits_reserve(b, k + 1);
  uint64_t m = (uint64_t)1 << (i & 63);
  if (b->w[k] & m)
    return 0;
  b->w[k] |= m;
  return 1;
}

int esc_bits_or(esc_bits *dst, const esc_bits *src) {
  uint32_t n = src->nwords;
  while (n && !src->w[n - 1])
    n--;
  bits_reserve(dst, n);
  int changed = 0;
  for (uint32_t k = 0; k < n; k++) {
    uint64_t v = dst->w[k] | src->w[k];
    if (v != dst->w[k]) {
      dst->w[k] = v;
      changed = 1;
    }
  }
  return changed;
}

int esc_bits_next(const esc_bits *b, uint32_t from) {
  uint32_t k = from >> 6;
  if (k >= b->nwords)
    return -1;
  uint64_t w = b->w[k] & (~(uint64_t)0 << (from & 63));
  for (;;) {
    if (w)
      return (int)(k * 64 + (uint32_t)__builtin_ctzll(w));
    if (++k >= b->nwords)
      return -1;
    w = b->w[k];
  }
}

int esc_bits_empty(const esc_bits *b) { return esc_bits_next(b, 0) < 0; }

void esc_bits_free(esc_bits *b) {
  free(b->w);
  b->w = NULL;
  b->nwords = 0;
}

/* ---- strings ---- */
void esc_str_vprintf(esc_str *b, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  if (n < 0) {
    va_end(ap2);
    return;
  }
  if (b->len + (size_t)n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + (size_t)n + 1)
      cap *= 2;
    b->s = esc_xrealloc(b->s, cap);
    b->cap = cap;
  }
  vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap2);
  b->len += (size_t)n;
  va_end(ap2);
}

void esc_str_printf(esc_str *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  esc_str_vprintf(b, fmt, ap);
  va_end(ap);
}

void esc_str_putc(esc_str *b, char c) { esc_str_printf(b, "%c", c); }

void esc_str_json(esc_str *b, const char *s) {
  if (!s) {
    esc_str_printf(b, "null");
    return;
  }
  esc_str_putc(b, '"');
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    switch (*p) {
    case '"':
      esc_str_printf(b, "\\\"");
      break;
    case '\\':
      esc_str_printf(b, "\\\\");
      break;
    case '\n':
      esc_str_printf(b, "\\n");
      break;
    case '\t':
      esc_str_printf(b, "\\t");
      break;
    default:
      if (*p < 0x20)
        esc_str_printf(b, "\\u%04x", *p);
      else
        esc_str_putc(b, (char)*p);
    }
  }
  esc_str_putc(b, '"');
}

void esc_str_free(esc_str *b) {
  free(b->s);
  memset(b, 0, sizeof(*b));
}

void esc_str_uri_path(esc_str *b, const char *path) {
  for (const char *p = path; *p; p++) {
    unsigned char ch = (unsigned char)*p;
    if (ch <= ' ' || ch == '%' || ch == '#' || ch == '?' || ch >= 0x7f)
      esc_str_printf(b, "%%%02X", ch);
    else
      esc_str_putc(b, (char)ch);
  }
}
