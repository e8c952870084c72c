/*
 * escapade.h: public C interface of the escapade escape analyzer.
 *
 * Typical use (this is what tools/escapade.c and the opt plugin do):
 *
 *   esc_options o; esc_options_default(&o);
 *   esc_annotate_module(m1); esc_annotate_module(m2);   // per-module facts
 *   ... link m2 into m1 ...
 *   esc_result *r = esc_analyze(m1, &o);
 *   esc_report(r, &o, stdout);
 *   esc_result_free(r);
 *
 * Ownership: esc_analyze returns a result owned by the caller and freed with
 * esc_result_free(). The module must outlive the result and must not be
 * modified while the result is alive. Option strings are borrowed.
 */
#ifndef ESCAPADE_H
#define ESCAPADE_H

#include <llvm-c/Core.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The three levels every site is judged at. */
typedef enum esc_level {
  ESC_INTRA = 0,        /* calls unknown unless attributes say nocapture */
  ESC_CONSERVATIVE = 1, /* direct callees' summaries; indirect calls escape */
  ESC_WHOLE = 2,        /* indirect calls resolved over the linked program */
  ESC_NLEVELS = 3
} esc_level;

/* The version the CLI's --version, SARIF's tool record and the plugin's
 * registration print. */
#define ESC_VERSION "0.2"

typedef enum esc_format {
  ESC_FMT_TEXT,  /* Go's -m style lines */
  ESC_FMT_JSON,  /* one object: sites, summary, resolution (formats.md) */
  ESC_FMT_SARIF, /* SARIF 2.1.0 */
  ESC_FMT_LSP    /* LSP PublishDiagnosticsParams, one per file */
} esc_format;

/* "text", "json", "sarif" or "lsp" into *out: 1, or 0 when unknown. */
int esc_format_parse(const char *name, esc_format *out);

/* How whole-program mode resolves indirect calls. */
typedef enum esc_resolve_mode {
  ESC_RESOLVE_TYPESET = 0,  /* points-to (sound), or by type with
                               assume_typed */
  ESC_RESOLVE_SIGNATURE = 1 /* baseline: address-taken, signature fits */
} esc_resolve_mode;

/* The user's model of functions (esc_usermodel_load). */
typedef struct esc_usermodel esc_usermodel;

typedef struct esc_options {
  const char *const *alloc_fns; /* --alloc-fn NAME or NAME:SIZEARG (borrowed):
                                   shorthand for "alloc NAME size=SIZEARG" */
  int n_alloc_fns;
  const char *const *free_fns;  /* --free-fn NAME (borrowed): shorthand for
                                   "free NAME ptr=0" */
  int n_free_fns;
  const char *const *model_files; /* --model FILE (borrowed; docs/formats.md) */
  int n_model_files;
  const esc_usermodel *model;   /* the model of the three above, from
                                   esc_usermodel_load (borrowed); NULL:
                                   esc_analyze loads it itself, and a model
                                   that does not load is then left out */
  int detail;            /* 1: verdicts and summaries; 2: adds flows */
  esc_format format;
  unsigned level_mask;   /* levels shown in text output (1 << esc_level) */
  uint64_t solve_budget; /* propagation steps per function graph */
  int scc_rounds;        /* fixpoint rounds per call-graph SCC */
  int context_budget;    /* specialised summaries per function */
  esc_resolve_mode resolve;
  int avoided_only;      /* report only sites avoided by whole-program */
  int show_stats;        /* timings and resolution statistics in text */
  int explain_unknown;   /* text: why each unresolved indirect call is */
  int assume_closed;     /* code loaded with dlopen never calls back */
  int assume_typed;      /* resolve by type (MLTA): memory written through
                            a field of S is read through a field of S */
  uint64_t resolve_budget; /* points-to propagation steps (0: default) */
  const char *source_root; /* SARIF: artifact URIs relative to it (borrowed;
                              NULL: as debug info records them) */
  /* What the report shows (the analysis is always whole-program): sites
   * and summaries whose file matches one of file_globs and whose function
   * matches one of func_globs (fnmatch; none given: all), and sites in
   * system headers only with system_headers. Borrowed. */
  const char *const *file_globs;
  int n_file_globs;
  const char *const *func_globs;
  int n_func_globs;
  int system_headers;
} esc_options;

/* The assumptions in force under o, beyond "the linked bitcode is the whole
 * program": names for the report, NULL-terminated, static strings. */
const char *const *esc_assumptions(const esc_options *o);

void esc_options_default(esc_options *o);

/* Reads o's model files and its --alloc-fn and --free-fn shorthands into
 * one model, owned by the caller (esc_usermodel_free). On an unreadable
 * file, an unknown directive, a bad argument index, or a duplicate or
 * conflicting entry: NULL, and err gets one line "FILE:LINE: problem"
 * (the shorthands: "--alloc-fn=VALUE: problem"). */
esc_usermodel *esc_usermodel_load(const esc_options *o, char *err,
                                  size_t errlen);
/* The model against the program: an argument index a line names must be
 * a parameter of the function M declares or defines by that name (or
 * among its variadic arguments), a size an integer and a pointer argument
 * a pointer. 0, or -1 with "FILE:LINE: problem" in err. */
int esc_usermodel_check_module(const esc_usermodel *m, LLVMModuleRef M,
                               char *err, size_t errlen);
void esc_usermodel_free(esc_usermodel *m);
/* Parses a comma-separated list of "intraprocedural", "conservative",
 * "whole_program" and "all" into a level mask; 0 when a name is unknown. */
unsigned esc_level_mask_parse(const char *name);
const char *esc_level_name(esc_level l);

/* Records, on the module's own instructions and functions, the type facts
 * whole-program resolution needs (struct fields holding function pointers).
 * Call it on every module before linking: linking merges struct types with
 * identical layouts, which would mix their facts. Idempotent. */
void esc_annotate_module(LLVMModuleRef M);

typedef struct esc_result esc_result;

/* Analyses M as the whole program. Never fails on valid IR: anything the
 * analysis cannot model makes values escape. */
esc_result *esc_analyze(LLVMModuleRef M, const esc_options *o);
/* 1 when M had no debug info (locations are function#index). */
int esc_result_lacks_debug_info(const esc_result *r);
/* Writes the report; returns 0, or -1 on a write error. */
int esc_report(const esc_result *r, const esc_options *o, FILE *out);
void esc_result_free(esc_result *r);

/* The level SARIF, LSP and the gate judge at: the highest one in
 * o->level_mask (whole_program by default). */
esc_level esc_report_level(const esc_options *o);

/* The CI gate: writes one line to diag (when not NULL) for every site the
 * report shows (o's filters) that escapes at `level` in a function whose
 * name (demangled or symbol) matches one of globs (fnmatch), and returns
 * how many there are. */
int esc_gate_forbidden(const esc_result *r, const esc_options *o,
                       esc_level level, const char *const *globs, int nglobs,
                       FILE *diag);

/* Instruments the analysed module (the one given to esc_analyze) with a
 * counter per allocation site: executions and bytes, written at exit to the
 * file named by $ESCAPADE_COUNT_FILE (appended; format in docs/formats.md).
 * Modifies the module; call esc_result_free right after. Returns the
 * number of sites instrumented. */
int esc_instrument_counts(esc_result *r);

/* Instruments the analysed module for the run-time escape check (link
 * the result with libescapade_rt.a and -fsanitize=address; see
 * docs/formats.md): every site that `level` says does not escape, and
 * every site at a force[i] = "FILE:LINE" (FILE: the end of the site's
 * file name), is poisoned when its frame returns, and a later use of it
 * reports the site. Modifies the module; call esc_result_free right
 * after. Returns the number of sites instrumented; *skipped (when not
 * NULL) gets the number of such sites the check cannot watch (a VLA, or
 * a pool site: its pool frees it unseen). */
int esc_instrument_check(esc_result *r, esc_level level,
                         const char *const *force, int nforce, int *skipped);

/* Heap-to-stack: every heap site `level` says does not escape, allocated
 * by a direct call of malloc, calloc or operator new with a constant size
 * of at most max_bytes, whose block reaches no deallocation but frees that
 * receive only it, becomes an alloca (zeroed for calloc; one per loop
 * iteration, between stacksave and stackrestore, inside a loop), and those
 * frees are removed. One remark per site that does not escape is written
 * to remarks (when not NULL): moved, or why it stays. Modifies the module;
 * call esc_result_free right after. Returns the number of sites moved. */
int esc_heap_to_stack(esc_result *r, esc_level level, long long max_bytes,
                      FILE *remarks);

/* Time spent and memory used by the last esc_analyze, for benchmarks. */
double esc_result_seconds(const esc_result *r);
size_t esc_result_arena_bytes(const esc_result *r);

#ifdef __cplusplus
}
#endif
#endif
