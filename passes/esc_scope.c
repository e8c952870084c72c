/*
 * esc_scope.c: what the reports show, and the CI gate.
 *
 * The analysis always covers the whole program; --files, --functions and
 * --system-headers only choose which sites and summaries every format
 * prints (text, JSON, SARIF, LSP) and which sites the gate
 * (--forbid-escape) looks at.
 *
 * Globs are fnmatch(3) patterns without FNM_PATHNAME ('*' crosses '/').
 * A file pattern without a slash is matched against the file's base name;
 * one with a slash against its full name (directory joined) and against
 * every tail of it that starts after a slash, so "src/parse*.c" matches
 * "/home/u/proj/src/parse_expr.c". A function pattern is matched against
 * the demangled name and the symbol.
 */
#include "esc_analysis.h"

#include <fnmatch.h>
#include <string.h>

/* Where system headers live on the platforms escapade runs on: a site
 * whose file is under one of these is in a system header (libc's inline
 * functions, libstdc++'s containers). Debug info does not record
 * clang's own notion of a system header. */
static const char *const system_dirs[] = {
    "/usr/include/", "/usr/local/include/", "/usr/lib/gcc/",
    "/usr/lib/llvm-",  "/usr/lib/clang/",    "/usr/x86_64-linux-gnu/include/",
    "/usr/aarch64-linux-gnu/include/",
};


/* Drops "." and "dir/.." components in place, as a path is read
 * ("/usr/lib/gcc/x86_64-linux-gnu/12/../../../../include/c++" is
 * "/usr/include/c++"); symbolic links are not followed. */
static void lexically_normal(char *path) {
  char *out = path;
  for (const char *p = path; *p;) {
    const char *q = strchr(p, '/');
    size_t n = q ? (size_t)(q - p) : strlen(p);
    if (n == 1 && p[0] == '.') {
      /* skip */
    } else if (n == 2 && p[0] == '.' && p[1] == '.' && out > path + 1) {
      out--; /* the slash ending the previous component */
      while (out > path && out[-1] != '/')
        out--;
    } else if (n || out == path) {
      memmove(out, p, n);
      out += n;
      if (q)
        *out++ = '/';
    }
    p += n + (q ? 1 : 0);
  }
  *out = 0;
}

int esc_loc_in_system_header(const esc_loc *l) {
  if (!l->file)
    return 0;
  esc_str f = {0};
  esc_path_join(l->dir, l->file, &f);
  lexically_normal(f.s);
  int sys = 0;
  for (size_t i = 0; i < sizeof system_dirs / sizeof *system_dirs; i++)
    if (!strncmp(f.s, system_dirs[i], strlen(system_dirs[i])))
      sys = 1;
  esc_str_free(&f);
  return sys;
}

static int file_matches(const char *glob, const esc_loc *l) {
  if (!l->file)
    return 0;
  esc_str f = {0};
  esc_path_join(l->dir, l->file, &f);
  int hit = 0;
  if (!strchr(glob, '/')) {
    const char *base = strrchr(f.s, '/');
    hit = !fnmatch(glob, base ? base + 1 : f.s, 0);
  } else {
    hit = !fnmatch(glob, f.s, 0) || !fnmatch(glob, l->file, 0);
    for (const char *p = strchr(f.s, '/'); p && !hit; p = strchr(p + 1, '/'))
      hit = !fnmatch(glob, p + 1, 0);
  }
  esc_str_free(&f);
  return hit;
}

static int any_glob(const char *const *globs, int n, const char *a,
                    const char *b) {
  for (int i = 0; i < n; i++)
    if ((a && !fnmatch(globs[i], a, 0)) || (b && !fnmatch(globs[i], b, 0)))
      return 1;
  return 0;
}

int esc_func_matches(const esc_result *R, int fidx, const char *const *globs,
                     int n) {
  if (fidx < 0)
    return 0;
  const esc_func *F = &R->model.funcs.data[fidx];
  return any_glob(globs, n, F->display, F->name);
}

int esc_scope_shows(const esc_result *R, const esc_options *o, int fidx,
                    const esc_loc *l) {
  if (!o->system_headers && esc_loc_in_system_header(l))
    return 0;
  if (o->n_file_globs) {
    int hit = 0;
    for (int i = 0; i < o->n_file_globs && !hit; i++)
      hit = file_matches(o->file_globs[i], l);
    if (!hit)
      return 0;
  }
  if (o->n_func_globs &&
      !esc_func_matches(R, fidx, o->func_globs, o->n_func_globs))
    return 0;
  return 1;
}

int esc_site_shown(const esc_result *R, const esc_options *o,
                   const esc_site *s) {
  if (!s->levels_found)
    return 0;
  if (o->avoided_only && !esc_site_avoided(R, s))
    return 0;
  return esc_scope_shows(R, o, s->func, &s->loc);
}

esc_level esc_report_level(const esc_options *o) {
  for (int l = ESC_NLEVELS - 1; l >= 0; l--)
    if (o->level_mask & (1u << l))
      return (esc_level)l;
  return ESC_WHOLE;
}

int esc_gate_forbidden(const esc_result *R, const esc_options *o,
                       esc_level level, const char *const *globs, int nglobs,
                       FILE *diag) {
  int n = 0;
  for (size_t i = 0; i < R->model.sites.len; i++) {
    const esc_site *s = &R->model.sites.data[i];
    if (!s->levels_found || !esc_scope_shows(R, o, s->func, &s->loc) ||
        !esc_func_matches(R, s->func, globs, nglobs))
      continue;
    esc_verdict v = esc_verdict_at(R, s, level);
    if (!v.escapes)
      continue;
    n++;
    if (!diag)
      continue;
    char loc[600];
    esc_loc_format(&s->loc, loc, sizeof loc);
    esc_str d = {0};
    esc_site_describe(s, &d);
    fprintf(diag,
            "escapade: forbidden escape: %s: %s in %s escapes to heap: %s "
            "[%s]\n",
            loc, d.s, R->model.funcs.data[s->func].display, v.reason,
            esc_level_name(level));
    esc_str_free(&d);
  }
  return n;
}
