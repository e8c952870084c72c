/*
 * esc_diff.c: `escapade --diff OLD.json NEW.json` (esc_diff.h).
 *
 * Sites are matched by what they are, not by where: the same enclosing
 * function, file, kind, allocator and variable name. Among sites alike in
 * all of that, the pairs nearest in line are taken first (exact position
 * first), so an edit that shifts lines does not turn every site below it
 * into a removed and a new one. Only a change of "escapes or not" at the
 * level counts; a new reason for an escape that was already there does
 * not.
 */
#include "esc_diff.h"

#include "esc_json.h"
#include "esc_util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct dsite {
  const char *func, *file, *kind, *allocator, *name;
  long line, col, bytes; /* -1: null */
  int escapes;
  const char *reason;
  int match; /* index in the other report, -1 */
} dsite;

typedef ESC_VEC(dsite) dsite_vec;

static const char *str_or(const esc_json *v, const char *dflt) {
  const char *s = esc_json_str(v);
  return s ? s : dflt;
}

static long num_or(const esc_json *v, long dflt) {
  return v && v->type == ESC_JSON_NUMBER ? (long)v->number : dflt;
}

/* Reads path (a regular file) whole; NULL with a one-line error. */
static char *read_file(const char *path, size_t *len) {
  struct stat st;
  if (stat(path, &st) != 0) {
    fprintf(stderr, "escapade: %s: %s\n", path, strerror(errno));
    return NULL;
  }
  if (!S_ISREG(st.st_mode)) {
    fprintf(stderr, "escapade: %s: not a regular file\n", path);
    return NULL;
  }
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "escapade: %s: %s\n", path, strerror(errno));
    return NULL;
  }
  char *buf = malloc((size_t)st.st_size + 1);
  size_t n = buf ? fread(buf, 1, (size_t)st.st_size, f) : 0;
  int bad = !buf || ferror(f);
  fclose(f);
  if (bad) {
    fprintf(stderr, "escapade: %s: read failed\n", path);
    free(buf);
    return NULL;
  }
  buf[n] = 0;
  *len = n;
  return buf;
}

/* The sites of one report, their verdicts at level; 0, or 1 with a
 * one-line error. */
static int load_report(const char *path, esc_arena *a, esc_level level,
                       dsite_vec *out) {
  size_t len;
  char *text = read_file(path, &len);
  if (!text)
    return 1;
  const char *err = NULL;
  size_t at = 0;
  esc_json *root = esc_json_parse(a, text, len, &err, &at);
  free(text);
  if (!root) {
    fprintf(stderr, "escapade: %s: not a JSON report: %s at byte %zu\n", path,
            err, at);
    return 1;
  }
  const esc_json *sites = esc_json_get(root, "sites");
  if (!sites || sites->type != ESC_JSON_ARRAY) {
    fprintf(stderr, "escapade: %s: no \"sites\" array: not an escapade "
                    "--format=json report\n", path);
    return 1;
  }
  const char *lname = esc_level_name(level);
  for (int i = 0; i < sites->n; i++) {
    const esc_json *s = &sites->items[i];
    const esc_json *v = esc_json_get(s, lname);
    const esc_json *e = esc_json_get(v, "escapes");
    if (s->type != ESC_JSON_OBJECT || !e || e->type != ESC_JSON_BOOL) {
      fprintf(stderr, "escapade: %s: site %d has no %s verdict: not an "
                      "escapade --format=json report\n", path, i, lname);
      return 1;
    }
    dsite d;
    d.func = str_or(esc_json_get(s, "function"), "?");
    d.file = str_or(esc_json_get(s, "file"), NULL);
    d.kind = str_or(esc_json_get(s, "kind"), "heap");
    d.allocator = str_or(esc_json_get(s, "allocator"), NULL);
    d.name = str_or(esc_json_get(s, "name"), NULL);
    d.line = num_or(esc_json_get(s, "line"), -1);
    d.col = num_or(esc_json_get(s, "column"), -1);
    if (!d.file) /* no debug info: the instruction's index in its function */
      d.line = num_or(esc_json_get(s, "instruction"), -1);
    d.bytes = num_or(esc_json_get(s, "bytes"), -1);
    d.escapes = e->boolean;
    d.reason = str_or(esc_json_get(v, "reason"), NULL);
    d.match = -1;
    ESC_VEC_PUSH(*out, d);
  }
  return 0;
}

static int cmp_str(const char *a, const char *b) {
  if (a == b)
    return 0;
  if (!a || !b)
    return a ? 1 : -1;
  return strcmp(a, b);
}

/* Orders sites by what they are (function, file, kind, allocator, name). */
static int key_cmp(const dsite *a, const dsite *b) {
  int c;
  if ((c = cmp_str(a->func, b->func)) || (c = cmp_str(a->file, b->file)) ||
      (c = cmp_str(a->kind, b->kind)) ||
      (c = cmp_str(a->allocator, b->allocator)))
    return c;
  return cmp_str(a->name, b->name);
}

typedef struct keyed {
  const dsite *d;
  int idx;
} keyed;

static int keyed_cmp(const void *pa, const void *pb) {
  const keyed *a = pa, *b = pb;
  int c = key_cmp(a->d, b->d);
  return c ? c : a->idx - b->idx;
}

static keyed *by_key(const dsite_vec *v) {
  keyed *k = malloc(sizeof(keyed) * (v->len + 1));
  for (size_t i = 0; i < v->len; i++) {
    k[i].d = &v->data[i];
    k[i].idx = (int)i;
  }
  if (v->len)
    qsort(k, v->len, sizeof(keyed), keyed_cmp);
  return k;
}

typedef struct cand {
  long dist;
  int o, n;
} cand;

static int cand_cmp(const void *pa, const void *pb) {
  const cand *a = pa, *b = pb;
  if (a->dist != b->dist)
    return a->dist < b->dist ? -1 : 1;
  if (a->o != b->o)
    return a->o - b->o;
  return a->n - b->n;
}

/* Pairs alike sites, nearest first (distance in lines, then columns):
 * both reports sorted by key, each group of alike sites paired greedily. */
static void match_sites(dsite_vec *o, dsite_vec *n) {
  keyed *ko = by_key(o), *kn = by_key(n);
  ESC_VEC(cand) c = {0};
  size_t i = 0, j = 0;
  while (i < o->len && j < n->len) {
    int cmp = key_cmp(ko[i].d, kn[j].d);
    if (cmp < 0) {
      i++;
      continue;
    }
    if (cmp > 0) {
      j++;
      continue;
    }
    size_t ie = i, je = j;
    while (ie < o->len && !key_cmp(ko[ie].d, ko[i].d))
      ie++;
    while (je < n->len && !key_cmp(kn[je].d, kn[j].d))
      je++;
    c.len = 0;
    for (size_t a = i; a < ie; a++)
      for (size_t b = j; b < je; b++) {
        long dl = labs(ko[a].d->line - kn[b].d->line);
        long dc = labs(ko[a].d->col - kn[b].d->col);
        cand k = {dl * 4096 + (dc < 4096 ? dc : 4095), ko[a].idx, kn[b].idx};
        ESC_VEC_PUSH(c, k);
      }
    qsort(c.data, c.len, sizeof(cand), cand_cmp);
    for (size_t k = 0; k < c.len; k++) {
      dsite *x = &o->data[c.data[k].o], *y = &n->data[c.data[k].n];
      if (x->match < 0 && y->match < 0) {
        x->match = c.data[k].n;
        y->match = c.data[k].o;
      }
    }
    i = ie;
    j = je;
  }
  ESC_VEC_FREE(c);
  free(ko);
  free(kn);
}

/* "FILE:LINE:COL: FUNC: name = malloc(16)" as the text report writes a
 * site. */
static void site_text(const dsite *d, esc_str *out) {
  if (d->file)
    esc_str_printf(out, "%s:%ld:%ld: ", d->file, d->line, d->col);
  else
    esc_str_printf(out, "%s#%ld: ", d->func, d->line);
  esc_str_printf(out, "%s: ", d->func);
  if (!strcmp(d->kind, "stack")) {
    esc_str_printf(out, "&%s", d->name ? d->name : "<local>");
    return;
  }
  if (d->name)
    esc_str_printf(out, "%s = ", d->name);
  if (d->bytes >= 0)
    esc_str_printf(out, "%s(%ld)", d->allocator ? d->allocator : "?",
                   d->bytes);
  else
    esc_str_printf(out, "%s(?)", d->allocator ? d->allocator : "?");
}

int esc_diff_reports(const char *old_path, const char *new_path,
                     esc_level level, FILE *out) {
  esc_arena a;
  esc_arena_init(&a);
  dsite_vec o = {0}, n = {0};
  int rc = 1;
  if (load_report(old_path, &a, level, &o) ||
      load_report(new_path, &a, level, &n))
    goto done;
  match_sites(&o, &n);
  const char *lname = esc_level_name(level);
  int new_esc = 0, gone_esc = 0, added = 0, removed = 0, moved = 0;
  esc_str t = {0};
  for (size_t j = 0; j < n.len; j++) {
    const dsite *d = &n.data[j];
    t.len = 0;
    if (t.s)
      t.s[0] = 0;
    site_text(d, &t);
    if (d->match < 0) {
      added++;
      new_esc += d->escapes;
      if (d->escapes)
        fprintf(out, "%s: new site, escapes to heap: %s [%s]\n", t.s,
                d->reason ? d->reason : "?", lname);
      else
        fprintf(out, "%s: new site, does not escape [%s]\n", t.s, lname);
      continue;
    }
    const dsite *was = &o.data[d->match];
    moved += was->line != d->line;
    if (d->escapes && !was->escapes) {
      new_esc++;
      fprintf(out, "%s: escapes to heap now: %s (did not escape) [%s]\n", t.s,
              d->reason ? d->reason : "?", lname);
    } else if (!d->escapes && was->escapes) {
      gone_esc++;
      fprintf(out, "%s: does not escape now (escaped: %s) [%s]\n", t.s,
              was->reason ? was->reason : "?", lname);
    }
  }
  for (size_t i = 0; i < o.len; i++) {
    const dsite *d = &o.data[i];
    if (d->match >= 0)
      continue;
    removed++;
    t.len = 0;
    if (t.s)
      t.s[0] = 0;
    site_text(d, &t);
    fprintf(out, "%s: removed (it %s) [%s]\n", t.s,
            d->escapes ? "escaped" : "did not escape", lname);
  }
  esc_str_free(&t);
  fprintf(out,
          "# diff: %zu sites before, %zu after (%zu matched, %d on other "
          "lines); %d new escapes, %d no longer escape, %d new sites, %d "
          "removed [%s]\n",
          o.len, n.len, n.len - (size_t)added, moved, new_esc, gone_esc,
          added, removed, lname);
  rc = fflush(out) != 0 ? 1 : new_esc ? 3 : 0;
done:
  ESC_VEC_FREE(o);
  ESC_VEC_FREE(n);
  esc_arena_free(&a);
  return rc;
}
