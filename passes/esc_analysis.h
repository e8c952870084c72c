/*
 * esc_analysis.h: the analysis state shared by the core's files.
 *
 * esc_result owns everything: an arena for per-module data (strings,
 * locations, summaries' edges), the model of sites and functions
 * (esc_model.h; it borrows the arena and the names), the names from debug
 * info and the resolution. Per function graphs (esc_graph) are built,
 * solved and freed one at a time.
 */
#ifndef ESC_ANALYSIS_H
#define ESC_ANALYSIS_H

#include "esc_model.h"
#include "esc_solver.h"
#include "esc_typeset.h"
#include "escapade/escapade.h"

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
  esc_model model;     /* the sites and functions (esc_model.h) */
  ESC_VEC(LLVMValueRef) indirect; /* every indirect call, in program order */
  esc_typeset *ts;     /* indirect-call resolution (whole level) */
  esc_ptrmap ctx_resolved; /* indirect calls a caller's context resolved */
  esc_stats stats;
  double seconds;
  /* emptied function graphs whose buffers the next one reuses (owned) */
  ESC_VEC(struct esc_graph *) spare_graphs;
};

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
/* " escapes to heap" or, for a pool's block, " escapes its frame". */
const char *esc_site_escapes_words(const esc_site *s);

/* Function fidx's summary at level, as -m prints it (esc_summary.c). */
void esc_summary_text(const esc_result *R, int fidx, esc_level level,
                      esc_str *out);

#endif
