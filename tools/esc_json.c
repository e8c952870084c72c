/*
 * esc_json.c: the JSON reader behind --diff (esc_json.h). Recursive
 * descent over the whole text; values in an arena.
 */
#include "esc_json.h"

#include "esc_limits.h"

#include <stdlib.h>
#include <string.h>

typedef struct reader {
  esc_arena *a;
  const char *s, *end, *p;
  const char *err;
  int depth;
} reader;

static void skip_ws(reader *r) {
  while (r->p < r->end &&
         (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
}

static int fail(reader *r, const char *msg) {
  if (!r->err)
    r->err = msg;
  return 0;
}

static int literal(reader *r, const char *word) {
  size_t n = strlen(word);
  if ((size_t)(r->end - r->p) < n || strncmp(r->p, word, n))
    return fail(r, "unexpected character");
  r->p += n;
  return 1;
}

static void put_utf8(esc_str *b, unsigned c) {
  if (c < 0x80) {
    esc_str_putc(b, (char)c);
  } else if (c < 0x800) {
    esc_str_putc(b, (char)(0xc0 | c >> 6));
    esc_str_putc(b, (char)(0x80 | (c & 0x3f)));
  } else if (c < 0x10000) {
    esc_str_putc(b, (char)(0xe0 | c >> 12));
    esc_str_putc(b, (char)(0x80 | ((c >> 6) & 0x3f)));
    esc_str_putc(b, (char)(0x80 | (c & 0x3f)));
  } else {
    esc_str_putc(b, (char)(0xf0 | c >> 18));
    esc_str_putc(b, (char)(0x80 | ((c >> 12) & 0x3f)));
    esc_str_putc(b, (char)(0x80 | ((c >> 6) & 0x3f)));
    esc_str_putc(b, (char)(0x80 | (c & 0x3f)));
  }
}

static int hex4(reader *r, unsigned *out) {
  unsigned v = 0;
  for (int i = 0; i < 4; i++, r->p++) {
    if (r->p >= r->end)
      return fail(r, "truncated \\u escape");
    char c = *r->p;
    v <<= 4;
    if (c >= '0' && c <= '9')
      v |= (unsigned)(c - '0');
    else if (c >= 'a' && c <= 'f')
      v |= (unsigned)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      v |= (unsigned)(c - 'A' + 10);
    else
      return fail(r, "bad \\u escape");
  }
  *out = v;
  return 1;
}

static const char *string(reader *r) {
  r->p++; /* the opening quote */
  esc_str b = {0};
  esc_str_printf(&b, "%s", "");
  while (r->p < r->end && *r->p != '"') {
    unsigned char c = (unsigned char)*r->p++;
    if (c < 0x20) {
      fail(r, "control character in string");
      break;
    }
    if (c != '\\') {
      esc_str_putc(&b, (char)c);
      continue;
    }
    if (r->p >= r->end)
      break;
    char e = *r->p++;
    unsigned u;
    switch (e) {
    case '"': case '\\': case '/': esc_str_putc(&b, e); break;
    case 'b': esc_str_putc(&b, '\b'); break;
    case 'f': esc_str_putc(&b, '\f'); break;
    case 'n': esc_str_putc(&b, '\n'); break;
    case 'r': esc_str_putc(&b, '\r'); break;
    case 't': esc_str_putc(&b, '\t'); break;
    case 'u':
      if (!hex4(r, &u))
        break;
      if (u >= 0xd800 && u < 0xdc00 && r->end - r->p >= 6 && r->p[0] == '\\' &&
          r->p[1] == 'u') {
        unsigned lo;
        r->p += 2;
        if (hex4(r, &lo) && lo >= 0xdc00 && lo < 0xe000)
          u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
      }
      put_utf8(&b, u);
      break;
    default:
      fail(r, "bad escape in string");
    }
    if (r->err)
      break;
  }
  const char *out = NULL;
  if (!r->err && r->p >= r->end)
    fail(r, "unterminated string");
  if (!r->err) {
    r->p++;
    out = esc_arena_strndup(r->a, b.s, b.len);
  }
  esc_str_free(&b);
  return out;
}

static int value(reader *r, esc_json *v);

/* Members of an array or object, collected then copied to the arena. */
static int members(reader *r, esc_json *v, int object) {
  char close = object ? '}' : ']';
  ESC_VEC(esc_json) items = {0};
  ESC_VEC(const char *) keys = {0};
  r->p++;
  if (++r->depth > ESC_JSON_MAX_DEPTH)
    return fail(r, "nested too deep");
  skip_ws(r);
  int ok = 1;
  if (r->p < r->end && *r->p == close) {
    r->p++;
  } else {
    for (;;) {
      esc_json item;
      memset(&item, 0, sizeof item);
      if (object) {
        skip_ws(r);
        if (r->p >= r->end || *r->p != '"') {
          ok = fail(r, "expected a member name");
          break;
        }
        const char *k = string(r);
        if (!k) {
          ok = 0;
          break;
        }
        ESC_VEC_PUSH(keys, k);
        skip_ws(r);
        if (r->p >= r->end || *r->p != ':') {
          ok = fail(r, "expected ':'");
          break;
        }
        r->p++;
      }
      if (!value(r, &item)) {
        ok = 0;
        break;
      }
      ESC_VEC_PUSH(items, item);
      skip_ws(r);
      if (r->p < r->end && *r->p == ',') {
        r->p++;
        continue;
      }
      if (r->p < r->end && *r->p == close) {
        r->p++;
        break;
      }
      ok = fail(r, object ? "expected ',' or '}'" : "expected ',' or ']'");
      break;
    }
  }
  if (ok) {
    v->type = object ? ESC_JSON_OBJECT : ESC_JSON_ARRAY;
    v->n = (int)items.len;
    v->items = esc_arena_alloc(r->a, sizeof(esc_json) * (items.len + 1));
    if (items.len)
      memcpy(v->items, items.data, sizeof(esc_json) * items.len);
    if (object) {
      v->keys = esc_arena_alloc(r->a, sizeof(char *) * (keys.len + 1));
      if (keys.len)
        memcpy(v->keys, keys.data, sizeof(char *) * keys.len);
    }
  }
  ESC_VEC_FREE(items);
  ESC_VEC_FREE(keys);
  r->depth--;
  return ok;
}

static int value(reader *r, esc_json *v) {
  skip_ws(r);
  if (r->p >= r->end)
    return fail(r, "unexpected end of input");
  switch (*r->p) {
  case '{':
    return members(r, v, 1);
  case '[':
    return members(r, v, 0);
  case '"':
    v->type = ESC_JSON_STRING;
    v->string = string(r);
    return v->string != NULL;
  case 't':
    v->type = ESC_JSON_BOOL;
    v->boolean = 1;
    return literal(r, "true");
  case 'f':
    v->type = ESC_JSON_BOOL;
    return literal(r, "false");
  case 'n':
    v->type = ESC_JSON_NULL;
    return literal(r, "null");
  default: {
    /* a number: strtod on a bounded copy (the text need not end in NUL) */
    char buf[64];
    size_t n = strspn(r->p, "+-0123456789.eE");
    if (n > (size_t)(r->end - r->p))
      n = (size_t)(r->end - r->p);
    if (!n || n >= sizeof buf)
      return fail(r, "unexpected character");
    memcpy(buf, r->p, n);
    buf[n] = 0;
    char *e;
    v->type = ESC_JSON_NUMBER;
    v->number = strtod(buf, &e);
    if (*e)
      return fail(r, "bad number");
    r->p += n;
    return 1;
  }
  }
}

esc_json *esc_json_parse(esc_arena *a, const char *text, size_t len,
                         const char **err, size_t *at) {
  reader r = {a, text, text + len, text, NULL, 0};
  esc_json *v = esc_arena_alloc(a, sizeof *v);
  int ok = value(&r, v);
  if (ok) {
    skip_ws(&r);
    if (r.p != r.end)
      ok = fail(&r, "text after the value");
  }
  if (!ok) {
    *err = r.err ? r.err : "not JSON";
    *at = (size_t)(r.p - text);
    return NULL;
  }
  return v;
}

const esc_json *esc_json_get(const esc_json *v, const char *key) {
  if (!v || v->type != ESC_JSON_OBJECT)
    return NULL;
  for (int i = 0; i < v->n; i++)
    if (!strcmp(v->keys[i], key))
      return &v->items[i];
  return NULL;
}

const char *esc_json_str(const esc_json *v) {
  return v && v->type == ESC_JSON_STRING ? v->string : NULL;
}
