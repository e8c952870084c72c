/*
 * esc_lsp.c: editor diagnostics (--format=lsp).
 *
 * A JSON array with one LSP PublishDiagnosticsParams per source file
 * ({"uri":"file:///...","diagnostics":[...]}), in the spirit of the
 * compiler-details diagnostics gopls derives from Go's -json escape
 * output. At the report's level (the highest one asked for):
 *   code "escape"   a site that escapes (severity 3, Information), with
 *                   each located flow step as relatedInformation;
 *   code "avoided"  a site whole-program resolution keeps local that the
 *                   conservative level lets escape (severity 4, Hint);
 *   code "leak"     a parameter summary line ("leaking param: p"), at the
 *                   parameter's declaration (severity 3).
 * Lines and characters are 0-based, as LSP counts them; a range covers
 * the one character at the site's column. Diagnostics without a source
 * file (no debug info) are left out. docs/formats.md has an example and
 * docs/editors.md shows how to feed it to an editor.
 */
#include "esc_analysis.h"

#include <stdlib.h>
#include <string.h>

typedef struct diag {
  const char *file; /* full name, the group key (arena) */
  unsigned line, col;
  int order;
  char *json; /* the Diagnostic object (malloc) */
} diag;

typedef ESC_VEC(diag) diag_vec;

static int diag_cmp(const void *pa, const void *pb) {
  const diag *a = pa, *b = pb;
  int c = strcmp(a->file, b->file);
  if (c)
    return c;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  if (a->col != b->col)
    return a->col < b->col ? -1 : 1;
  return a->order - b->order;
}

static const char *full_name(esc_arena *a, const char *dir, const char *file) {
  esc_str s = {0};
  esc_path_join(dir, file, &s);
  const char *name = esc_arena_strdup(a, s.s);
  esc_str_free(&s);
  return name;
}

static void uri_json(const char *file, esc_str *out) {
  esc_str u = {0};
  esc_str_printf(&u, "file://");
  esc_str_uri_path(&u, file);
  esc_str_json(out, u.s);
  esc_str_free(&u);
}

/* 1-based debug-info line and column (0: unknown) as an LSP range. */
static void range_json(unsigned line, unsigned col, esc_str *out) {
  unsigned l = line ? line - 1 : 0, c = col ? col - 1 : 0;
  esc_str_printf(out,
                 "{\"start\":{\"line\":%u,\"character\":%u},"
                 "\"end\":{\"line\":%u,\"character\":%u}}",
                 l, c, l, c + 1);
}

/* Each flow step that names a location, as relatedInformation. */
static void related_json(esc_arena *a, const char *dir, const char *flow,
                         esc_str *out) {
  int k = 0;
  for (const char *p = flow; p && *p;) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    char file[1024];
    unsigned line, col;
    if (esc_flow_step_location(p, n, file, sizeof file, &line, &col)) {
      esc_str msg = {0};
      esc_str_printf(&msg, "%.*s", (int)n, p);
      esc_str_printf(out, "%s{\"location\":{\"uri\":",
                     k++ ? "," : ",\"relatedInformation\":[");
      uri_json(full_name(a, dir, file), out);
      esc_str_printf(out, ",\"range\":");
      range_json(line, col, out);
      esc_str_printf(out, "},\"message\":");
      esc_str_json(out, msg.s);
      esc_str_printf(out, "}");
      esc_str_free(&msg);
    }
    p += n;
    if (*p)
      p++;
  }
  if (k)
    esc_str_printf(out, "]");
}

static void push(diag_vec *v, const char *file, unsigned line, unsigned col,
                 esc_str *json) {
  diag d = {file, line, col, (int)v->len, json->s};
  ESC_VEC_PUSH(*v, d);
  json->s = NULL;
  json->len = json->cap = 0;
}

static void site_diags(esc_result *R, const esc_options *o, esc_level lvl,
                       diag_vec *v) {
  for (size_t i = 0; i < R->model.sites.len; i++) {
    const esc_site *s = &R->model.sites.data[i];
    if (!s->loc.file || !esc_site_shown(R, o, s))
      continue;
    esc_verdict w = esc_verdict_at(R, s, lvl);
    int av = lvl == ESC_WHOLE && esc_site_avoided(R, s);
    if (!w.escapes && !av)
      continue;
    esc_str msg = {0}, d = {0};
    esc_site_describe(s, &msg);
    if (w.escapes)
      esc_str_printf(&msg, " %s: %s [%s]", esc_site_escapes_words(s), w.reason,
                     esc_level_name(lvl));
    else
      esc_str_printf(&msg, " does not escape; conservative analysis lets it "
                           "escape%s%s",
                     s->v[ESC_WHOLE].avoided_by ? "; " : "",
                     s->v[ESC_WHOLE].avoided_by ? s->v[ESC_WHOLE].avoided_by
                                                : "");
    esc_str_printf(&d, "{\"range\":");
    range_json(s->loc.line, s->loc.col, &d);
    esc_str_printf(&d, ",\"severity\":%d,\"code\":\"%s\",\"source\":"
                       "\"escapade\",\"message\":",
                   w.escapes ? 3 : 4, w.escapes ? "escape" : "avoided");
    esc_str_json(&d, msg.s);
    if (w.escapes && w.flow)
      related_json(&R->arena, s->loc.dir, w.flow, &d);
    esc_str_printf(&d, ",\"data\":{\"site\":%d,\"level\":\"%s\",\"cause\":",
                   s->id, esc_level_name(lvl));
    esc_str_json(&d, w.escapes ? w.cause : NULL);
    esc_str_printf(&d, "}}");
    push(v, full_name(&R->arena, s->loc.dir, s->loc.file), s->loc.line,
         s->loc.col, &d);
    esc_str_free(&msg);
  }
}

/* The parameter a summary line is about ("leaking param: p ...",
 * "leaking param content: p"): its declaration, or the function's
 * location. */
static esc_loc param_loc(esc_result *R, const esc_func *F, const char *line,
                         size_t n) {
  const char *p = strstr(line, "param: ");
  if (!p) {
    p = strstr(line, "param content: ");
    if (p)
      p += 8;
  }
  if (p && (size_t)(p - line) < n) {
    p += 7;
    size_t len = strcspn(p, " \n");
    for (int j = 0; j < F->nparams; j++) {
      const char *name =
          esc_param_name(&R->names, &R->arena, F->fn, (unsigned)j);
      const esc_var *var = esc_param_var(&R->names, F->fn, (unsigned)j);
      if (name && strlen(name) == len && !strncmp(name, p, len) && var &&
          var->decl.file && var->decl.line)
        return var->decl;
    }
  }
  return esc_func_loc(R, F);
}

static void leak_diags(esc_result *R, const esc_options *o, esc_level lvl,
                       diag_vec *v) {
  if (o->avoided_only || lvl == ESC_INTRA)
    return;
  for (size_t f = 0; f < R->model.funcs.len; f++) {
    const esc_func *F = &R->model.funcs.data[f];
    if (!F->defined)
      continue;
    esc_loc floc = esc_func_loc(R, F);
    if (!floc.file || !esc_scope_shows(R, o, (int)f, &floc))
      continue;
    esc_str text = {0};
    esc_summary_text(R, (int)f, lvl, &text);
    for (const char *p = text.s; p && *p;) {
      const char *nl = strchr(p, '\n');
      size_t n = nl ? (size_t)(nl - p) : strlen(p);
      esc_loc l = param_loc(R, F, p, n);
      esc_str msg = {0}, d = {0};
      esc_str_printf(&msg, "%.*s [%s]", (int)n, p, esc_level_name(lvl));
      esc_str_printf(&d, "{\"range\":");
      range_json(l.line, l.col, &d);
      esc_str_printf(&d, ",\"severity\":3,\"code\":\"leak\",\"source\":"
                         "\"escapade\",\"message\":");
      esc_str_json(&d, msg.s);
      esc_str_printf(&d, ",\"data\":{\"function\":");
      esc_str_json(&d, F->display);
      esc_str_printf(&d, ",\"level\":\"%s\"}}", esc_level_name(lvl));
      push(v, full_name(&R->arena, l.dir, l.file), l.line, l.col, &d);
      esc_str_free(&msg);
      p += n;
      if (*p)
        p++;
    }
    esc_str_free(&text);
  }
}

void esc_report_lsp(esc_result *R, const esc_options *o, esc_str *out) {
  esc_level lvl = esc_report_level(o);
  diag_vec v = {0};
  site_diags(R, o, lvl, &v);
  leak_diags(R, o, lvl, &v);
  if (v.len)
    qsort(v.data, v.len, sizeof(diag), diag_cmp);
  esc_str_printf(out, "[");
  for (size_t i = 0; i < v.len; i++) {
    int first = !i || strcmp(v.data[i - 1].file, v.data[i].file);
    if (first) {
      esc_str_printf(out, "%s\n{\"uri\":", i ? "]}," : "");
      uri_json(v.data[i].file, out);
      esc_str_printf(out, ",\"diagnostics\":[");
    }
    esc_str_printf(out, "%s\n  %s", first ? "" : ",", v.data[i].json);
    free(v.data[i].json);
  }
  esc_str_printf(out, "%s\n]\n", v.len ? "]}" : "");
  ESC_VEC_FREE(v);
}
