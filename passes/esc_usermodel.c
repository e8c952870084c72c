/*
 * esc_usermodel.c: reading model files and the --alloc-fn/--free-fn
 * shorthands into one table of functions (esc_usermodel.h), and checking
 * it against the program. Every problem is one line naming the file and
 * line, and no model: a half-read model would be a model nobody wrote.
 */
#include "esc_usermodel.h"
#include "esc_limits.h"

#include "esc_loc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct esc_usermodel {
  esc_arena arena;
  esc_umfn *fns; /* sorted by name once loaded (arena) */
  int n;
  const char **assumptions; /* "model:FILE", "alloc-fn:V", "free-fn:V",
                               NULL-terminated (arena) */
};

typedef ESC_VEC(esc_umfn) fn_vec;

typedef struct loader {
  esc_usermodel *m;
  fn_vec fns;
  char *err;
  size_t errlen;
  int failed;
} loader;

static void fail(loader *L, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void fail(loader *L, const char *where, const char *fmt, ...) {
  if (L->failed)
    return; /* the first problem is the one reported */
  L->failed = 1;
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (L->err && L->errlen)
    snprintf(L->err, L->errlen, "%s: %s", where, msg);
}

static const char *role_name(esc_umrole r) {
  static const char *names[] = {"",          "alloc",       "realloc",
                                "free",      "pool-create", "pool-alloc",
                                "pool-destroy"};
  return names[r];
}

static const char *effect_name(esc_umarg a) {
  static const char *names[] = {"", "keeps-nothing", "returns", "keeps"};
  return names[a];
}

static esc_umfn *entry(loader *L, const char *name, const char *where) {
  for (size_t i = 0; i < L->fns.len; i++)
    if (!strcmp(L->fns.data[i].name, name))
      return &L->fns.data[i];
  esc_umfn f;
  memset(&f, 0, sizeof f);
  f.name = esc_arena_strdup(&L->m->arena, name);
  f.size_arg = f.size_arg2 = f.ptr_arg = f.pool_arg = -1;
  f.where = where;
  ESC_VEC_PUSH(L->fns, f);
  return &L->fns.data[L->fns.len - 1];
}

/* A decimal argument index 0..ESC_MODEL_MAX_ARGS-1 into *out. */
static int parse_index(const char *s, size_t n, int *out) {
  if (n == 0 || n > 2)
    return 0;
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return 0;
    v = v * 10 + (s[i] - '0');
  }
  if (v >= ESC_MODEL_MAX_ARGS)
    return 0;
  *out = v;
  return 1;
}

typedef struct directive {
  const char *name;
  esc_umrole role;   /* ESC_UM_NONE for the argument effects */
  esc_umarg effect;  /* for the argument effects */
  const char *keys;  /* keys it takes, "!" before a required one */
} directive;

static const directive directives[] = {
    {"alloc", ESC_UM_ALLOC, 0, "size"},
    {"realloc", ESC_UM_REALLOC, 0, "!ptr size"},
    {"free", ESC_UM_FREE, 0, "!ptr"},
    {"pool-create", ESC_UM_POOL_CREATE, 0, ""},
    {"pool-alloc", ESC_UM_POOL_ALLOC, 0, "!pool size"},
    {"pool-destroy", ESC_UM_POOL_DESTROY, 0, "!pool"},
    {"keeps-nothing", ESC_UM_NONE, ESC_UMA_NOTHING, "!arg"},
    {"returns", ESC_UM_NONE, ESC_UMA_RETURNED, "!arg"},
    {"keeps", ESC_UM_NONE, ESC_UMA_KEPT, "!arg"},
};

/* 1 when key is one of d's keys; *required set from its '!'. */
static int takes_key(const directive *d, const char *key, size_t n,
                     int *required) {
  const char *k = d->keys;
  while (*k) {
    int req = *k == '!';
    k += req;
    size_t len = strcspn(k, " ");
    if (len == n && !strncmp(k, key, n)) {
      *required = req;
      return 1;
    }
    k += len;
    while (*k == ' ')
      k++;
  }
  return 0;
}

/* Applies one parsed line to the table. */
static void apply(loader *L, const directive *d, const char *name,
                  const char *where, int size, int size2, int ptr, int pool,
                  int arg, int size_from_attr) {
  esc_umfn *f = entry(L, name, where);
  if (d->role != ESC_UM_NONE) {
    if (f->role != ESC_UM_NONE) {
      int same = f->role == d->role && f->size_arg == size &&
                 f->size_arg2 == size2 && f->ptr_arg == ptr &&
                 f->pool_arg == pool;
      fail(L, where, "%s: %s is already '%s' (%s)",
           same ? "duplicate entry" : "conflicting entry", name,
           role_name(f->role), f->where);
      return;
    }
    int own[] = {size, size2, ptr, pool};
    for (int i = 0; i < 4; i++) {
      if (own[i] < 0)
        continue;
      for (int j = i + 1; j < 4; j++)
        if (own[i] == own[j]) {
          fail(L, where, "bad argument index: argument %d named twice",
               own[i]);
          return;
        }
      if (f->arg[own[i]] != ESC_UMA_UNKNOWN) {
        fail(L, where, "conflicting entry: %s argument %d is already '%s'",
             name, own[i], effect_name((esc_umarg)f->arg[own[i]]));
        return;
      }
    }
    if (f->returns && d->role != ESC_UM_FREE &&
        d->role != ESC_UM_POOL_DESTROY) {
      fail(L, where, "conflicting entry: %s already returns an argument",
           name);
      return;
    }
    f->role = d->role;
    f->size_arg = size;
    f->size_arg2 = size2;
    f->ptr_arg = ptr;
    f->pool_arg = pool;
    f->size_from_attr = size_from_attr;
    f->where = where;
    return;
  }
  if (f->arg[arg] != ESC_UMA_UNKNOWN) {
    fail(L, where, "%s: %s argument %d is already '%s'",
         f->arg[arg] == d->effect ? "duplicate entry" : "conflicting entry",
         name, arg, effect_name((esc_umarg)f->arg[arg]));
    return;
  }
  if (arg == f->size_arg || arg == f->size_arg2 || arg == f->ptr_arg ||
      arg == f->pool_arg) {
    fail(L, where, "conflicting entry: argument %d is %s's '%s' argument",
         arg, name, role_name(f->role));
    return;
  }
  if (d->effect == ESC_UMA_RETURNED &&
      (f->role == ESC_UM_ALLOC || f->role == ESC_UM_REALLOC ||
       f->role == ESC_UM_POOL_CREATE || f->role == ESC_UM_POOL_ALLOC)) {
    fail(L, where, "conflicting entry: %s returns a new %s ('%s', %s)", name,
         f->role == ESC_UM_POOL_CREATE ? "pool" : "block", role_name(f->role),
         f->where);
    return;
  }
  f->arg[arg] = (unsigned char)d->effect;
  if (d->effect == ESC_UMA_RETURNED)
    f->returns = 1;
}

/* One line (without its newline) of file at lineno. */
static void parse_line(loader *L, const char *file, int lineno, char *line) {
  char *hash = strchr(line, '#');
  if (hash)
    *hash = 0;
  char *tok[ESC_MODEL_MAX_WORDS];
  int nt = 0;
  char *save = NULL;
  for (char *s = strtok_r(line, " \t\r\f\v", &save); s;
       s = strtok_r(NULL, " \t\r\f\v", &save)) {
    if (nt == ESC_MODEL_MAX_WORDS) {
      fail(L, esc_arena_printf(&L->m->arena, "%s:%d", file, lineno),
           "too many words");
      return;
    }
    tok[nt++] = s;
  }
  if (nt == 0)
    return;
  const char *where = esc_arena_printf(&L->m->arena, "%s:%d", file, lineno);
  const directive *d = NULL;
  for (size_t i = 0; i < sizeof directives / sizeof directives[0]; i++)
    if (!strcmp(tok[0], directives[i].name))
      d = &directives[i];
  if (!d) {
    fail(L, where, "unknown directive '%s'", tok[0]);
    return;
  }
  if (nt < 2 || strchr(tok[1], '=')) {
    fail(L, where, "%s: missing function name", d->name);
    return;
  }
  const char *name = tok[1];
  if (!strncmp(name, "llvm.", 5)) {
    fail(L, where, "%s: cannot model an intrinsic", name);
    return;
  }
  int size = -1, size2 = -1, ptr = -1, pool = -1, arg = -1;
  int seen_size = 0;
  for (int t = 2; t < nt; t++) {
    char *eq = strchr(tok[t], '=');
    int required;
    size_t klen = eq ? (size_t)(eq - tok[t]) : strlen(tok[t]);
    if (!eq || !takes_key(d, tok[t], klen, &required)) {
      fail(L, where, "%s takes no '%.*s'%s", d->name, (int)klen, tok[t],
           eq ? "" : " (expected KEY=INDEX)");
      return;
    }
    const char *v = eq + 1;
    int *slot = !strncmp(tok[t], "size", klen) ? &size
                : !strncmp(tok[t], "ptr", klen) ? &ptr
                : !strncmp(tok[t], "pool", klen) ? &pool
                                                  : &arg;
    if (slot == &size ? seen_size : *slot >= 0) {
      fail(L, where, "'%.*s' given twice", (int)klen, tok[t]);
      return;
    }
    size_t vlen = strlen(v);
    const char *star = slot == &size ? strchr(v, '*') : NULL;
    int ok = star ? parse_index(v, (size_t)(star - v), slot) &&
                        parse_index(star + 1, strlen(star + 1), &size2)
                  : parse_index(v, vlen, slot);
    if (!ok) {
      fail(L, where, "bad argument index '%s' (0 to %d%s)", v,
           ESC_MODEL_MAX_ARGS - 1, slot == &size ? ", or N*M" : "");
      return;
    }
    if (slot == &size)
      seen_size = 1;
  }
  /* every required key given */
  const char *k = d->keys;
  while (*k) {
    int req = *k == '!';
    k += req;
    size_t len = strcspn(k, " ");
    int given = !strncmp(k, "ptr", len)    ? ptr >= 0
                : !strncmp(k, "pool", len) ? pool >= 0
                : !strncmp(k, "arg", len)  ? arg >= 0
                                           : 1;
    if (req && !given) {
      fail(L, where, "%s needs %.*s=INDEX", d->name, (int)len, k);
      return;
    }
    k += len;
    while (*k == ' ')
      k++;
  }
  apply(L, d, name, where, size, size2, ptr, pool, arg, 0);
}

static void load_file(loader *L, const char *file) {
  FILE *f = fopen(file, "r");
  if (!f) {
    fail(L, file, "cannot read model file (%s)", strerror(errno));
    return;
  }
  char *buf = NULL;
  size_t cap = 0;
  ssize_t n;
  int lineno = 0;
  errno = 0;
  while (!L->failed && (n = getline(&buf, &cap, f)) >= 0) {
    lineno++;
    const char *where = esc_arena_printf(&L->m->arena, "%s:%d", file, lineno);
    if (n && buf[n - 1] == '\n')
      buf[--n] = 0;
    if (memchr(buf, 0, (size_t)n))
      fail(L, where, "not a text line (a NUL byte)");
    else if (n > ESC_MODEL_MAX_LINE)
      fail(L, where, "line longer than %d bytes", ESC_MODEL_MAX_LINE);
    else
      parse_line(L, file, lineno, buf);
  }
  if (!L->failed && ferror(f))
    fail(L, file, "cannot read model file (%s)", strerror(errno));
  free(buf);
  fclose(f);
}

/* --alloc-fn=NAME[:SIZEARG] */
static void shorthand_alloc(loader *L, const char *v) {
  const char *where = esc_arena_printf(&L->m->arena, "--alloc-fn=%s", v);
  const char *colon = strchr(v, ':');
  size_t n = colon ? (size_t)(colon - v) : strlen(v);
  char *name = esc_arena_strndup(&L->m->arena, v, n);
  if (!*name || !strncmp(name, "llvm.", 5)) {
    fail(L, where, *name ? "cannot model an intrinsic" : "missing function name");
    return;
  }
  int size = -1;
  if (colon && !parse_index(colon + 1, strlen(colon + 1), &size)) {
    fail(L, where, "bad argument index '%s' (0 to %d)", colon + 1,
         ESC_MODEL_MAX_ARGS - 1);
    return;
  }
  apply(L, &directives[0], name, where, size, -1, -1, -1, -1, !colon);
}

static int by_name(const void *a, const void *b) {
  return strcmp(((const esc_umfn *)a)->name, ((const esc_umfn *)b)->name);
}

esc_usermodel *esc_usermodel_load(const esc_options *o, char *err,
                                  size_t errlen) {
  if (err && errlen)
    err[0] = 0;
  loader L = {0};
  L.err = err;
  L.errlen = errlen;
  L.m = esc_xcalloc(1, sizeof(*L.m));
  esc_arena_init(&L.m->arena);
  if (o->n_model_files > ESC_MODEL_MAX_FILES)
    fail(&L, "--model", "more than %d model files", ESC_MODEL_MAX_FILES);
  for (int i = 0; i < o->n_model_files && !L.failed; i++)
    load_file(&L, o->model_files[i]);
  for (int i = 0; i < o->n_alloc_fns && !L.failed; i++)
    shorthand_alloc(&L, o->alloc_fns[i]);
  for (int i = 0; i < o->n_free_fns && !L.failed; i++) {
    const char *v = o->free_fns[i];
    const char *where = esc_arena_printf(&L.m->arena, "--free-fn=%s", v);
    if (!*v || strchr(v, ':') || !strncmp(v, "llvm.", 5))
      fail(&L, where, "expected a function name");
    else
      apply(&L, &directives[2], v, where, -1, -1, 0, -1, -1, 0);
  }
  if (L.failed) {
    ESC_VEC_FREE(L.fns);
    esc_usermodel_free(L.m);
    return NULL;
  }
  esc_usermodel *m = L.m;
  m->n = (int)L.fns.len;
  m->fns = esc_arena_alloc(&m->arena, sizeof(esc_umfn) * (L.fns.len + 1));
  if (L.fns.len)
    memcpy(m->fns, L.fns.data, sizeof(esc_umfn) * L.fns.len);
  qsort(m->fns, L.fns.len, sizeof(esc_umfn), by_name);
  ESC_VEC_FREE(L.fns);
  /* the shorthands are claims about the program as much as a model file
   * is: a wrong --alloc-fn makes a kept block look fresh, so the report
   * names them too */
  int na = o->n_model_files + o->n_alloc_fns + o->n_free_fns, k = 0;
  m->assumptions = esc_arena_alloc(&m->arena, sizeof(char *) * (size_t)(na + 1));
  for (int i = 0; i < o->n_model_files; i++)
    m->assumptions[k++] =
        esc_arena_printf(&m->arena, "model:%s", o->model_files[i]);
  for (int i = 0; i < o->n_alloc_fns; i++)
    m->assumptions[k++] =
        esc_arena_printf(&m->arena, "alloc-fn:%s", o->alloc_fns[i]);
  for (int i = 0; i < o->n_free_fns; i++)
    m->assumptions[k++] =
        esc_arena_printf(&m->arena, "free-fn:%s", o->free_fns[i]);
  return m;
}

void esc_usermodel_free(esc_usermodel *m) {
  if (!m)
    return;
  esc_arena_free(&m->arena);
  free(m);
}

const esc_umfn *esc_usermodel_find(const esc_usermodel *m, const char *name) {
  if (!m || !m->n || !name)
    return NULL;
  esc_umfn key;
  key.name = name;
  return bsearch(&key, m->fns, (size_t)m->n, sizeof(esc_umfn), by_name);
}

const esc_umfn *esc_usermodel_of(const esc_usermodel *m, LLVMValueRef callee) {
  if (!m || !m->n || !callee || !LLVMIsAFunction(callee))
    return NULL;
  return esc_usermodel_find(m, esc_value_name(callee));
}

esc_umarg esc_umfn_arg(const esc_umfn *f, unsigned i) {
  if ((int)i == f->size_arg || (int)i == f->size_arg2 || (int)i == f->ptr_arg ||
      (int)i == f->pool_arg)
    return ESC_UMA_NOTHING;
  return i < ESC_MODEL_MAX_ARGS ? (esc_umarg)f->arg[i] : ESC_UMA_UNKNOWN;
}

const char *const *esc_usermodel_assumptions(const esc_usermodel *m) {
  static const char *const none[] = {NULL};
  return m && m->assumptions ? m->assumptions : none;
}

int esc_usermodel_count(const esc_usermodel *m) { return m ? m->n : 0; }

/* Argument i's type in fn, or NULL past its fixed parameters. */
static LLVMTypeRef param_type(LLVMValueRef fn, int i) {
  return (unsigned)i < LLVMCountParams(fn)
             ? LLVMTypeOf(LLVMGetParam(fn, (unsigned)i))
             : NULL;
}

static int check_arg(const esc_umfn *f, LLVMValueRef fn, int i,
                     int want_pointer, const char *what, char *err,
                     size_t errlen) {
  if (i < 0)
    return 0;
  LLVMTypeRef t = param_type(fn, i);
  if (!t) {
    if (LLVMIsFunctionVarArg(LLVMGlobalGetValueType(fn)) &&
        want_pointer != 0)
      return 0; /* a variadic argument: its type is the call's */
    snprintf(err, errlen, "%s: bad argument index: %s %s=%d, but %s has %u "
             "parameter%s", f->where, f->name, what, i, f->name,
             LLVMCountParams(fn), LLVMCountParams(fn) == 1 ? "" : "s");
    return -1;
  }
  LLVMTypeKind k = LLVMGetTypeKind(t);
  if (want_pointer == 1 && k != LLVMPointerTypeKind) {
    snprintf(err, errlen, "%s: bad argument index: %s %s=%d is not a pointer",
             f->where, f->name, what, i);
    return -1;
  }
  if (want_pointer == 0 && k != LLVMIntegerTypeKind) {
    snprintf(err, errlen, "%s: bad argument index: %s %s=%d is not an integer",
             f->where, f->name, what, i);
    return -1;
  }
  return 0;
}

int esc_usermodel_check_module(const esc_usermodel *m, LLVMModuleRef M,
                               char *err, size_t errlen) {
  if (err && errlen)
    err[0] = 0;
  for (int k = 0; m && k < m->n; k++) {
    const esc_umfn *f = &m->fns[k];
    LLVMValueRef fn = LLVMGetNamedFunction(M, f->name);
    if (!fn)
      continue; /* the model applies where the program has the function */
    if (check_arg(f, fn, f->size_arg, 0, "size", err, errlen) ||
        check_arg(f, fn, f->size_arg2, 0, "size", err, errlen) ||
        check_arg(f, fn, f->ptr_arg, 1, "ptr", err, errlen) ||
        check_arg(f, fn, f->pool_arg, 1, "pool", err, errlen))
      return -1;
    for (int i = 0; i < ESC_MODEL_MAX_ARGS; i++)
      if (f->arg[i] != ESC_UMA_UNKNOWN &&
          check_arg(f, fn, i, 2, "arg", err, errlen))
        return -1;
    LLVMTypeRef rt = LLVMGetReturnType(LLVMGlobalGetValueType(fn));
    int returns_ptr = LLVMGetTypeKind(rt) == LLVMPointerTypeKind;
    if ((f->role == ESC_UM_ALLOC || f->role == ESC_UM_REALLOC ||
         f->role == ESC_UM_POOL_ALLOC || f->role == ESC_UM_POOL_CREATE ||
         f->returns) &&
        !returns_ptr) {
      snprintf(err, errlen, "%s: %s does not return a pointer", f->where,
               f->name);
      return -1;
    }
  }
  return 0;
}
