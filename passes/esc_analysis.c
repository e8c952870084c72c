/*
 * esc_analysis.c: the analysis driver. Levels are computed in this order:
 *   conservative   bottom-up over SCCs of the direct call graph
 *   whole_program  bottom-up over SCCs of direct + resolved indirect edges
 *   intraprocedural every function alone (it needs the wrapper sites the
 *                   summary levels found, to judge them as well)
 * Each SCC is iterated until its summaries stop changing, at most
 * opt.scc_rounds times; past that its summaries become "top" (every
 * argument escapes, reason budget) and its functions are judged once more.
 */
#include "esc_analysis.h"
#include "esc_specialise.h"
#include "esc_limits.h"

#include <llvm-c/Error.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "esc_libc.h"
#include "esc_scc.h"
#include "esc_solver.h"
#include "esc_sites.h"
#include "esc_usermodel.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

void esc_options_default(esc_options *o) {
  memset(o, 0, sizeof(*o));
  o->detail = 1;
  o->format = ESC_FMT_TEXT;
  o->level_mask = 7;
  o->solve_budget = ESC_SOLVE_BUDGET_DEFAULT;
  o->scc_rounds = ESC_SCC_ROUNDS_DEFAULT;
  o->context_budget = ESC_CONTEXT_BUDGET_DEFAULT;
  o->resolve = ESC_RESOLVE_TYPESET;
}

const char *const *esc_assumptions(const esc_options *o) {
  static const char *const none[] = {NULL};
  static const char *names[3 + ESC_MODEL_MAX_FILES];
  int n = 0;
  if (o->resolve == ESC_RESOLVE_SIGNATURE)
    names[n++] = "signature";
  else if (o->assume_typed)
    names[n++] = "typed";
  if (o->assume_closed)
    names[n++] = "closed";
  /* each model file, so that a wrong model shows in every report */
  for (const char *const *m = esc_usermodel_assumptions(o->model);
       *m && n < 2 + ESC_MODEL_MAX_FILES; m++)
    names[n++] = *m;
  names[n] = NULL;
  return n ? names : none;
}

unsigned esc_level_mask_parse(const char *list) {
  unsigned mask = 0;
  while (*list) {
    size_t n = strcspn(list, ",");
    unsigned bit = 0;
    if (n == 3 && !strncmp(list, "all", 3))
      bit = 7;
    for (int l = 0; l < ESC_NLEVELS; l++) {
      const char *name = esc_level_name((esc_level)l);
      if (strlen(name) == n && !strncmp(list, name, n))
        bit = 1u << l;
    }
    if (!bit)
      return 0;
    mask |= bit;
    list += n;
    if (*list == ',')
      list++;
  }
  return mask;
}

const char *esc_level_name(esc_level l) {
  static const char *names[] = {"intraprocedural", "conservative",
                                "whole_program"};
  return (unsigned)l < ESC_NLEVELS ? names[l] : "?";
}

static void collect_functions(esc_result *R) {
  for (LLVMValueRef fn = LLVMGetFirstFunction(R->M); fn;
       fn = LLVMGetNextFunction(fn))
    esc_model_add_function(&R->model, fn);
}

/* One walk over the program: stack sites, each function's calls, and the
 * indirect calls. */
static void collect_stack_sites_and_calls(esc_result *R) {
  ESC_VEC(LLVMValueRef) calls = {0};
  for (size_t f = 0; f < R->model.funcs.len; f++) {
    if (!R->model.funcs.data[f].defined)
      continue;
    calls.len = 0;
    ESC_FOR_EACH_INST(R->model.funcs.data[f].fn, bb, I) {
      if (LLVMIsAAllocaInst(I) && esc_alloca_address_taken(I))
        esc_model_site_get(&R->model, I, ESC_SITE_STACK, ESC_FOUND_DIRECT, NULL,
                     esc_alloca_bytes(R->M, I));
      else if (esc_is_call(I)) {
        ESC_VEC_PUSH(calls, I);
        if (esc_is_indirect_call(I))
          ESC_VEC_PUSH(R->indirect, I);
      }
    }
    esc_model_set_calls(&R->model, (int)f, calls.data, (int)calls.len);
  }
  ESC_VEC_FREE(calls);
}

typedef ESC_VEC(int) edge_vec;
typedef struct edge_add {
  esc_result *R;
  edge_vec *edges;
} edge_add;

static void add_defined(void *arg, LLVMValueRef fn) {
  edge_add *e = arg;
  int t = esc_model_func_index(&e->R->model, fn);
  if (t >= 0 && e->R->model.funcs.data[t].defined)
    ESC_VEC_PUSH(*e->edges, t);
}

/* Call graph over defined functions: direct calls, plus (whole level) the
 * defined targets of resolved indirect calls and the functions a direct
 * call's context may bind in its callee (esc_specialise_targets). */
static void call_graph(esc_result *R, int with_indirect, int **adj_start,
                       int **adj) {
  int n = (int)R->model.funcs.len;
  edge_vec edges = {0};
  edge_add ea = {R, &edges};
  int *start = esc_xmalloc(sizeof(int) * (size_t)(n + 1));
  for (int f = 0; f < n; f++) {
    start[f] = (int)edges.len;
    if (!R->model.funcs.data[f].defined)
      continue;
    for (int k = 0; k < R->model.funcs.data[f].ncalls; k++) {
      LLVMValueRef I = R->model.funcs.data[f].calls[k];
      LLVMValueRef callee = esc_called_function(I);
      if (callee) {
        int t = esc_model_func_index(&R->model, callee);
        if (t >= 0 && R->model.funcs.data[t].defined) {
          ESC_VEC_PUSH(edges, t);
          if (with_indirect)
            esc_specialise_targets(R, I, t, add_defined, &ea);
        }
      } else if (with_indirect &&
                 !LLVMIsAInlineAsm(LLVMGetCalledValue(I))) {
        const esc_targets *ts = esc_typeset_resolve(R->ts, I);
        /* an unknown call is outside code at every level: the functions
         * its set happens to name as well order nothing */
        for (int k = 0; !ts->unknown && k < ts->n; k++) {
          int t = esc_model_func_index(&R->model, ts->fns[k]);
          if (t >= 0 && R->model.funcs.data[t].defined)
            ESC_VEC_PUSH(edges, t);
        }
      }
    }
  }
  start[n] = (int)edges.len;
  *adj_start = start;
  *adj = edges.data ? edges.data : esc_xmalloc(sizeof(int));
}

static void solve_level(esc_result *R, esc_level level) {
  int *adj_start, *adj;
  call_graph(R, level == ESC_WHOLE, &adj_start, &adj);
  esc_scc_result scc;
  esc_scc_compute((int)R->model.funcs.len, adj_start, adj, &scc);
  if (level == ESC_WHOLE)
    for (size_t f = 0; f < R->model.funcs.len; f++)
      esc_model_set_scc(&R->model, (int)f, scc.comp_of[f]);
  for (int c = 0; c < scc.ncomps; c++) {
    int b = scc.comp_start[c], e = scc.comp_start[c + 1];
    int first = scc.members[b];
    if (!R->model.funcs.data[first].defined)
      continue;
    int recursive = e - b > 1;
    for (int k = adj_start[first]; !recursive && k < adj_start[first + 1]; k++)
      if (adj[k] == first)
        recursive = 1;
    int round = 0, changed = 1;
    for (; changed && round < (recursive ? R->opt.scc_rounds : 1); round++) {
      changed = 0;
      for (int m = b; m < e; m++)
        changed |= esc_analyze_function(R, scc.members[m], level);
    }
    if (changed && recursive) {
      /* no fixpoint within budget: give up on these summaries */
      esc_summary top;
      memset(&top, 0, sizeof top);
      top.done = top.top = 1;
      top.top_reason = "budget: recursion did not settle";
      top.wrapper_size_arg = -1;
      for (int m = b; m < e; m++)
        esc_model_store_summary(&R->model, scc.members[m], level, &top);
      for (int m = b; m < e; m++)
        esc_analyze_function(R, scc.members[m], level);
      for (int m = b; m < e; m++) {
        esc_summary S = R->model.funcs.data[scc.members[m]].sum[level];
        S.top = 1;
        S.top_reason = "budget: recursion did not settle";
        esc_model_store_summary(&R->model, scc.members[m], level, &S);
      }
    }
  }
  esc_scc_free(&scc);
  free(adj_start);
  free(adj);
}

static void indirect_stats(esc_result *R) {
  for (size_t i = 0; i < R->indirect.len; i++) {
    LLVMValueRef I = R->indirect.data[i];
    R->stats.indirect_calls++;
    const esc_targets *t = esc_typeset_resolve(R->ts, I);
    if (esc_ptrmap_get(&R->ctx_resolved, I) >= 0) {
      /* a caller's context gave the answer the analysis used */
      R->stats.resolved_by[ESC_EV_CONTEXT]++;
      R->stats.targets_total += esc_ptrmap_get(&R->ctx_resolved, I);
      continue;
    }
    if (t->unknown || t->n == 0) {
      R->stats.unknown++;
      continue;
    }
    R->stats.resolved_by[t->evidence]++;
    R->stats.targets_total += t->n;
  }
  for (size_t s = 0; s < R->model.sites.len; s++)
    if (R->model.sites.data[s].found_by == ESC_FOUND_INDIRECT)
      R->stats.indirect_alloc_sites++;
}

esc_result *esc_analyze(LLVMModuleRef M, const esc_options *o) {
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  esc_result *R = esc_xcalloc(1, sizeof(*R));
  esc_arena_init(&R->arena);
  R->M = M;
  R->opt = *o;
  if (!o->model && (o->n_model_files || o->n_alloc_fns || o->n_free_fns)) {
    /* callers that report model errors load it first (esc_usermodel_load);
     * one that does not load is no model: every call stays as the
     * analysis finds it */
    R->own_model = esc_usermodel_load(o, NULL, 0);
    R->opt.model = R->own_model;
  }
  esc_model_init(&R->model, &R->arena, &R->names);
  esc_ptrmap_init(&R->ctx_resolved);

  /* LLVM's own library facts (nocapture, readonly, returned, ...) on the
   * declarations, before anything reads attributes, with the
   * module in the form it came in (a pass pipeline converts it otherwise) */
  LLVMPassBuilderOptionsRef pbo = LLVMCreatePassBuilderOptions();
  LLVMErrorRef err = LLVMRunPasses(M, "inferattrs", NULL, pbo);
  if (err)
    LLVMConsumeError(err); /* attributes are an optimisation of precision */
  LLVMDisposePassBuilderOptions(pbo);
  /* names are read from debug intrinsics; the analysis then walks the
   * module with debug records, whichever form it came in (no intrinsics
   * among the instructions it visits and counts in function#N) */
  esc_names_prepare_module(M);
  esc_promote_slots(M);
  esc_names_build(&R->names, &R->arena, M);
  LLVMSetIsNewDbgInfoFormat(M, 1);

  R->own_streams = esc_libc_streams_call_back(M);
  collect_functions(R);
  collect_stack_sites_and_calls(R);
  solve_level(R, ESC_CONSERVATIVE);
  /* allocator wrappers the conservative level found (it needs no
   * resolution): the points-to analysis gives each of their calls an
   * object of its own */
  ESC_VEC(LLVMValueRef) wrappers = {0};
  for (size_t f = 0; f < R->model.funcs.len; f++)
    if (R->model.funcs.data[f].defined &&
        R->model.funcs.data[f].sum[ESC_CONSERVATIVE].wrapper)
      ESC_VEC_PUSH(wrappers, R->model.funcs.data[f].fn);
  esc_typeset_opts to = {(int)o->resolve,   o->assume_typed,
                         o->explain_unknown, o->assume_closed,
                         o->resolve_budget, wrappers.data,
                         (int)wrappers.len, R->opt.model};
  R->ts = esc_typeset_build(M, &R->arena, &to);
  ESC_VEC_FREE(wrappers);
  solve_level(R, ESC_WHOLE);
  for (size_t f = 0; f < R->model.funcs.len; f++)
    if (R->model.funcs.data[f].defined)
      esc_analyze_function(R, (int)f, ESC_INTRA);
  indirect_stats(R);

  clock_gettime(CLOCK_MONOTONIC, &t1);
  R->seconds = (double)(t1.tv_sec - t0.tv_sec) +
               (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  return R;
}

int esc_result_lacks_debug_info(const esc_result *r) {
  return !r->names.has_debug_info;
}
double esc_result_seconds(const esc_result *r) { return r->seconds; }
size_t esc_result_arena_bytes(const esc_result *r) {
  return r->arena.used_bytes;
}

void esc_result_free(esc_result *R) {
  if (!R)
    return;
  esc_typeset_free(R->ts);
  for (size_t i = 0; i < R->spare_graphs.len; i++)
    esc_graph_free(R->spare_graphs.data[i]);
  ESC_VEC_FREE(R->spare_graphs);
  esc_ptrmap_free(&R->ctx_resolved);
  esc_model_free(&R->model);
  esc_names_free(&R->names);
  ESC_VEC_FREE(R->indirect);
  esc_arena_free(&R->arena);
  esc_usermodel_free(R->own_model);
  free(R);
}
