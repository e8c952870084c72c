/*
 * esc_analysis.h: the analysis state shared by the core's files.
 *
 * esc_result owns everything: an arena for per-module data (sites, strings,
 * summaries), the function table, and the names from debug info. Per
 * function graphs (esc_graph) are built, solved and freed one at a time.
 */
#ifndef ESC_ANALYSIS_H
#define ESC_ANALYSIS_H

#include "esc_context.h"
#include "esc_loc.h"
#include "esc_solver.h"
#include "esc_typeset.h"
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
  int func;          /* index in esc_result.funcs */
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
} esc_func;

typedef struct esc_stats {
  int indirect_calls;
  int resolved_by[ESC_EVIDENCE_COUNT];
  int unknown;
  long long targets_total; /* over resolved calls */
  int indirect_alloc_sites;
} esc_stats;

struct esc_result {
  esc_arena arena;
  LLVMModuleRef M;
  int own_streams;     /* esc_libc_streams_call_back(M) */
  esc_options opt;     /* opt.model: the user's model in force */
  esc_usermodel *own_model; /* loaded by esc_analyze when opt had none */
  esc_names names;
  ESC_VEC(esc_func) funcs;
  esc_ptrmap func_of; /* LLVMValueRef function -> index */
  ESC_VEC(esc_site) sites;
  esc_ptrmap site_of;  /* alloca/call instruction -> site id */
  ESC_VEC(LLVMValueRef) indirect; /* every indirect call, in program order */
  esc_typeset *ts;     /* indirect-call resolution (whole level) */
  esc_ptrmap ctx_resolved; /* indirect calls a caller's context resolved */
  esc_stats stats;
  double seconds;
  /* emptied function graphs whose buffers the next one reuses (owned) */
  ESC_VEC(struct esc_graph *) spare_graphs;
};

int esc_func_index(const esc_result *R, LLVMValueRef fn);
/* Registers (or finds) the site for inst. */
int esc_site_get(esc_result *R, LLVMValueRef inst, esc_site_kind kind,
                 esc_found_by by, const char *allocator, long long bytes);

/* Builds and solves the graph of function fidx at level, fills the verdicts
 * of its sites at that level and, for summary levels, its summary. Returns 1
 * when the summary changed. */
int esc_analyze_function(esc_result *R, int fidx, esc_level level);

/* The verdict of site s at level l, filling in sites the level did not
 * see (esc_report.c); whether whole_program keeps local a site
 * conservative lets escape. */
esc_verdict esc_verdict_at(const esc_result *R, const esc_site *s,
                           esc_level l);
int esc_site_avoided(const esc_result *R, const esc_site *s);
/* The SARIF 2.1.0 report (esc_sarif.c). */
void esc_report_sarif(esc_result *R, const esc_options *o, esc_str *out);
/* The LSP diagnostics report (esc_lsp.c). */
void esc_report_lsp(esc_result *R, const esc_options *o, esc_str *out);

/* What the reports show (esc_scope.c): a site that exists at some level,
 * is avoided when only avoided sites are asked for, and passes the file,
 * function and system-header filters; esc_scope_shows is the filters
 * alone for a location in function fidx (-1: none). */
int esc_site_shown(const esc_result *R, const esc_options *o,
                   const esc_site *s);
int esc_scope_shows(const esc_result *R, const esc_options *o, int fidx,
                    const esc_loc *l);
int esc_loc_in_system_header(const esc_loc *l);
/* Function fidx's demangled name or symbol matches one of globs. */
int esc_func_matches(const esc_result *R, int fidx, const char *const *globs,
                     int n);
/* Where a function's summary is printed: its first parameter's
 * declaration, else its first located instruction (esc_report.c). */
esc_loc esc_func_loc(esc_result *R, const esc_func *F);

/* The location "... at FILE:LINE:COL" ends flow step step[0..n) with:
 * 1 and file, line, col set, or 0 (esc_report.c). */
int esc_flow_step_location(const char *step, size_t n, char *file, size_t fn,
                           unsigned *line, unsigned *col);

/* "name = malloc(16)" or "&buf", as the reports write a site (esc_report.c). */
void esc_site_describe(const esc_site *s, esc_str *out);
/* "heap", "stack" or "pool", as JSON, SARIF and the count file name a kind;
 * " escapes to heap" or, for a pool's block, " escapes its frame". */
const char *esc_site_kind_name(esc_site_kind k);
const char *esc_site_escapes_words(const esc_site *s);

/* Summary helpers (esc_summary.c). */
int esc_summary_equal(const esc_summary *a, const esc_summary *b);
void esc_summary_text(const esc_result *R, int fidx, esc_level level,
                      esc_str *out);

#endif
