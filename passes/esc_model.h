/*
 * esc_model.h: the tables of allocation sites and functions, with their
 * verdicts and summaries, below the graph builder and the driver.
 *
 * The builder (esc_build.c) registers sites as it meets them and marks the
 * levels they are found at, the verdicts (esc_verdict.c) set a site's
 * verdict at a level, the driver (esc_analysis.c) adds the functions,
 * orders them and stores their summaries, and the specialisation
 * (esc_specialise.c) keeps a function's context-resolvable calls and its
 * context summaries, and heap-to-stack (esc_h2s.c) says which instruction
 * replaced a site's call. All of them write through the functions below;
 * only esc_model.c writes the tables. Everyone reads the fields directly.
 *
 * Ownership: an esc_model owns its two vectors, the vectors inside each
 * function (its site ids, its context summaries) and the two maps. It
 * borrows the result's arena, which holds what its entries point to
 * (allocator and demangled names, locations, a function's context calls)
 * and what their writers made there (a summary's edges and fresh groups,
 * context summaries and their bindings, verdict strings), and the result's
 * debug names, for the variable a site is assigned to. Both outlive it.
 */
#ifndef ESC_MODEL_H
#define ESC_MODEL_H

#include "esc_context.h"
#include "esc_loc.h"
#include "escapade/escapade.h"

/* A pool site is a call of a modelled pool allocator: a block that lives
 * as long as its pool. */
typedef enum esc_site_kind {
  ESC_SITE_HEAP,
  ESC_SITE_STACK,
  ESC_SITE_POOL
} esc_site_kind;

typedef enum esc_found_by {
  ESC_FOUND_DIRECT = 0,  /* a call of a known allocator, or an alloca */
  ESC_FOUND_WRAPPER,     /* a call of an allocator wrapper */
  ESC_FOUND_INDIRECT     /* an indirect call resolved to allocators only */
} esc_found_by;

typedef struct esc_verdict {
  int known;         /* the level judged this site */
  int escapes;
  const char *reason; /* NULL when it does not escape */
  const char *cause;  /* the reason's kind, a rule id: "global", "return",
                         "callee", ... (esc_verdict.c); NULL when local */
  const char *flow;   /* -m=2 explanation, lines joined by '\n', or NULL */
  const char *avoided_by; /* whole level: the resolved calls that mattered */
} esc_verdict;

typedef struct esc_site {
  int id;
  esc_site_kind kind;
  esc_found_by found_by;
  LLVMValueRef inst; /* the alloca or the call */
  int func;          /* index in esc_model.funcs */
  const char *allocator; /* "malloc", a wrapper's name; NULL for stack */
  long long bytes;       /* -1 when not constant */
  int size_arg, size_arg2; /* call arguments giving the size (-1) */
  const char *name;      /* variable name, or NULL */
  const char *inlined_into; /* the function it was inlined into, or NULL */
  esc_loc loc;
  unsigned levels_found; /* levels at which the site exists (bit mask) */
  esc_verdict v[ESC_NLEVELS];
} esc_site;

/* ---- summaries ---- */
typedef enum esc_bnd_kind {
  ESC_B_HEAP,   /* unknown memory */
  ESC_B_P1,     /* what parameter i points to */
  ESC_B_PD,     /* anything reachable below that (level >= 1) */
  ESC_B_FRESH,  /* a fresh heap object the function hands out */
  ESC_B_ESC,    /* destination: escapes */
  ESC_B_RET,    /* destination: the return value */
} esc_bnd_kind;

/* src flows into dst: src in {HEAP, P1, PD, FRESH}; dst in {ESC, RET} or the
 * contents of {P1, PD, FRESH}. */
typedef struct esc_sum_edge {
  unsigned char src_kind, dst_kind;
  int src_idx, dst_idx;
} esc_sum_edge;

typedef struct esc_sum_fresh {
  int origin_site; /* the allocation site it comes from */
} esc_sum_fresh;

typedef struct esc_summary {
  int done;      /* computed at least once */
  int top;       /* unknown: every argument escapes (budget) */
  const char *top_reason;
  int nedges, nfresh;
  esc_sum_edge *edges; /* arena */
  esc_sum_fresh *fresh;
  int wrapper;          /* returns a fresh allocation, keeps nothing (one
                           of several: a fallback allocator's; the summary
                           then has one fresh group standing for all) */
  int wrapper_out;      /* 1 + parameter through which it hands one out */
  int wrapper_size_arg; /* bytes come from this parameter (-1) */
  long long wrapper_bytes; /* constant size of what it returns (-1) */
  unsigned called_params; /* bit i: parameter i is called (callbacks) */
  unsigned frees_params;  /* bit i: a deallocator of parameter i: it may
                             free the block (free, a deallocator it calls
                             directly or through a pointer that only
                             reaches those), possibly at a constant offset
                             (a header before the block), and the pointer
                             itself goes nowhere else */
} esc_summary;

/* An indirect call whose callee is reached from a parameter. */
typedef struct esc_ctx_call {
  LLVMValueRef call;
  esc_ctx_path path;
} esc_ctx_call;

/* A binding: in a caller's context, indirect call k reaches exactly fns. */
typedef struct esc_ctx_bind {
  LLVMValueRef call;
  esc_targets targets;
} esc_ctx_bind;

/* A summary specialised for one set of bindings. */
typedef struct esc_ctx_summary {
  int nbind;
  esc_ctx_bind *binds; /* arena */
  esc_summary sum;
} esc_ctx_summary;

typedef struct esc_func {
  LLVMValueRef fn;
  const char *name;    /* the IR name */
  const char *display; /* demangled, for reports */
  int defined;
  int nparams;
  esc_summary sum[ESC_NLEVELS];
  unsigned analysed;     /* levels this function was analysed at (mask) */
  int scc;               /* component in the whole-program call graph */
  int ctx_done, nctx;    /* indirect calls reached from parameters */
  esc_ctx_call *ctx;     /* arena */
  ESC_VEC(esc_ctx_summary *) ctx_sums; /* entries in the arena */
  ESC_VEC(int) sites;    /* ids of the sites in this function */
  LLVMValueRef *calls;   /* its call instructions in block order (arena) */
  int ncalls;
} esc_func;

typedef struct esc_model {
  esc_arena *arena;       /* borrowed: the result's */
  const esc_names *names; /* borrowed: the result's debug names */
  ESC_VEC(esc_func) funcs;
  esc_ptrmap func_of; /* LLVMValueRef function -> index */
  ESC_VEC(esc_site) sites;
  esc_ptrmap site_of;  /* alloca/call instruction -> site id */
} esc_model;

void esc_model_init(esc_model *m, esc_arena *arena, const esc_names *names);
/* Frees what the model owns (not the arena nor the names). */
void esc_model_free(esc_model *m);

/* ---- functions ---- */
/* Adds function fn (defined or declared) with no summary yet; its index. */
int esc_model_add_function(esc_model *m, LLVMValueRef fn);
/* The index of function fn, or -1 (fn NULL or not in the module). */
int esc_model_func_index(const esc_model *m, LLVMValueRef fn);
/* Function fidx's component in the whole-program call graph. */
void esc_model_set_scc(esc_model *m, int fidx, int scc);
/* Stores S as fidx's summary at level; 1 when it changed (there was none,
 * or one that differs). */
int esc_model_store_summary(esc_model *m, int fidx, esc_level level,
                            const esc_summary *S);
/* a and b say the same (the SCC fixpoint's test; done and top_reason do
 * not count). */
int esc_summary_equal(const esc_summary *a, const esc_summary *b);
/* Function fidx's call instructions (esc_is_call), in block order, n of
 * them, copied into the arena: the walks that look at calls only. */
void esc_model_set_calls(esc_model *m, int fidx, const LLVMValueRef *calls,
                         int n);
/* Function fidx's indirect calls whose callee is reached from a parameter
 * (n of them, copied into the arena); they are then known (ctx_done). */
void esc_model_set_ctx_calls(esc_model *m, int fidx,
                             const esc_ctx_call *calls, int n);
/* Keeps cs (in the arena) among fidx's context summaries. */
void esc_model_add_ctx_summary(esc_model *m, int fidx, esc_ctx_summary *cs);

/* ---- sites ---- */
/* Registers (or finds) the site for inst, in the function holding it; its
 * id. A new site has no size arguments and is found at no level yet. */
int esc_model_site_get(esc_model *m, LLVMValueRef inst, esc_site_kind kind,
                       esc_found_by by, const char *allocator,
                       long long bytes);
/* Site `site` exists at level. */
void esc_model_site_found(esc_model *m, int site, esc_level level);
/* The call arguments giving site's size (-1: none). */
void esc_model_site_sizes(esc_model *m, int site, int size_arg,
                          int size_arg2);
/* A transform replaced site's instruction by inst (site_of keeps the
 * instruction it was registered for). */
void esc_model_site_moved(esc_model *m, int site, LLVMValueRef inst);
/* Site's verdict at level becomes *v. */
void esc_model_set_verdict(esc_model *m, int site, esc_level level,
                           const esc_verdict *v);
/* Function fidx is analysed (again) at level: what an earlier round
 * found at that level (where its sites exist, their verdicts) is
 * forgotten. */
void esc_model_begin_round(esc_model *m, int fidx, esc_level level);
/* Function fidx is analysed at level `to` with the outcome it had at
 * `from`: its sites exist at `to` where they exist at `from`, with the
 * same verdicts (the summary is stored apart). */
void esc_model_copy_level(esc_model *m, int fidx, esc_level from,
                          esc_level to);

/* "heap", "stack" or "pool", as JSON, SARIF and the count file name a
 * kind. */
const char *esc_site_kind_name(esc_site_kind k);

#endif
