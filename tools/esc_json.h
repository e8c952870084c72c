/*
 * esc_json.h: a small JSON reader for the CLI's --diff (reading two
 * --format=json reports back).
 *
 * Ownership: every value, key and string lives in the arena given to
 * esc_json_parse and is freed with it.
 */
#ifndef ESC_JSON_H
#define ESC_JSON_H

#include "esc_util.h"

#include <stddef.h>

typedef enum esc_json_type {
  ESC_JSON_NULL,
  ESC_JSON_BOOL,
  ESC_JSON_NUMBER,
  ESC_JSON_STRING,
  ESC_JSON_ARRAY,
  ESC_JSON_OBJECT
} esc_json_type;

typedef struct esc_json {
  esc_json_type type;
  int boolean;
  double number;
  const char *string;     /* NUL-terminated, escapes decoded (UTF-8) */
  int n;                  /* array or object members */
  struct esc_json *items; /* n values */
  const char **keys;      /* object: n keys */
} esc_json;

/* Parses text[0..len) as one JSON value (surrounding white space allowed).
 * Returns it, or NULL with *err set to a static description and *at to the
 * byte offset of the problem. Nesting deeper than ESC_JSON_MAX_DEPTH is an
 * error. */
esc_json *esc_json_parse(esc_arena *a, const char *text, size_t len,
                         const char **err, size_t *at);

/* The member named key of an object, or NULL (also when v is not an
 * object). */
const esc_json *esc_json_get(const esc_json *v, const char *key);
/* The string of v, or NULL when v is not a string. */
const char *esc_json_str(const esc_json *v);

#endif
