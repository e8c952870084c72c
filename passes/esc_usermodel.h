/*
 * esc_usermodel.h: the user's model of functions (--model=FILE,
 * --alloc-fn, --free-fn): which are allocators, reallocators,
 * deallocators, pool functions, and what others do with an argument.
 *
 * The line format is in docs/formats.md ("Model files"). The model is
 * trusted for what it says and nothing more: an argument it does not
 * mention is what the analysis finds (an unknown call's argument, or the
 * library's and the attributes' facts), and a function it names is only
 * what its lines say (its body, its library facts and its known role are
 * replaced).
 *
 * Ownership: esc_usermodel_load returns a model owned by the caller, freed
 * with esc_usermodel_free; everything in it (names, entries, the
 * assumption strings) lives in its arena.
 */
#ifndef ESC_USERMODEL_H
#define ESC_USERMODEL_H

#include "esc_limits.h"
#include "esc_util.h"
#include "escapade/escapade.h"

#include <llvm-c/Core.h>

typedef enum esc_umrole {
  ESC_UM_NONE = 0,     /* only argument effects */
  ESC_UM_ALLOC,        /* returns a fresh block */
  ESC_UM_REALLOC,      /* fresh block; ptr's bytes move into it */
  ESC_UM_FREE,         /* frees ptr */
  ESC_UM_POOL_CREATE,  /* returns a new pool */
  ESC_UM_POOL_ALLOC,   /* a block that lives as long as pool */
  ESC_UM_POOL_DESTROY  /* frees pool and every block from it */
} esc_umrole;

/* What the function does with one argument. */
typedef enum esc_umarg {
  ESC_UMA_UNKNOWN = 0, /* not in the model: as the analysis finds it */
  ESC_UMA_NOTHING,     /* only read (keeps-nothing, and the role's own
                          arguments: sizes, the freed pointer, the pool) */
  ESC_UMA_RETURNED,    /* the result is this argument (returns) */
  ESC_UMA_KEPT         /* escapes (keeps) */
} esc_umarg;

typedef struct esc_umfn {
  const char *name;
  esc_umrole role;
  int size_arg, size_arg2; /* -1: none; both: size_arg * size_arg2 */
  int size_from_attr;      /* --alloc-fn=NAME: allocsize gives the size */
  int ptr_arg;             /* realloc, free: the block (-1) */
  int pool_arg;            /* pool-alloc, pool-destroy: the pool (-1) */
  unsigned char arg[ESC_MODEL_MAX_ARGS]; /* esc_umarg per argument */
  int returns;             /* some argument is ESC_UMA_RETURNED */
  const char *where;       /* "FILE:LINE" of its first line, for reasons */
} esc_umfn;

/* The entry for name, or NULL. */
const esc_umfn *esc_usermodel_find(const esc_usermodel *m, const char *name);
/* The entry for callee (a function), or NULL: intrinsics never. */
const esc_umfn *esc_usermodel_of(const esc_usermodel *m, LLVMValueRef callee);
/* The effect on argument i of a call of f (role arguments: NOTHING). */
esc_umarg esc_umfn_arg(const esc_umfn *f, unsigned i);
/* "model:FILE" for each model file, "alloc-fn:V" and "free-fn:V" for each
 * shorthand (as given), NULL-terminated. */
const char *const *esc_usermodel_assumptions(const esc_usermodel *m);
/* The number of entries. */
int esc_usermodel_count(const esc_usermodel *m);

#endif
