/*
 * esc_specialise.c: summaries of a callee specialised to one caller's
 * context. At a direct call (whole level, default resolution), the
 * indirect calls of the callee whose callee is traced to a parameter
 * (esc_context.c) are evaluated on what this call passes; when that names
 * fewer functions than the general resolution, the callee is analysed
 * again with those targets bound, once per distinct binding (up to the
 * context budget), and the call uses that summary.
 */
#include "esc_specialise.h"
#include "esc_sites.h"

#include <stdlib.h>
#include <string.h>

static int same_binds(const esc_ctx_bind *a, const esc_ctx_bind *b, int n) {
  for (int i = 0; i < n; i++) {
    if (a[i].call != b[i].call || a[i].targets.n != b[i].targets.n)
      return 0;
    for (int k = 0; k < a[i].targets.n; k++)
      if (a[i].targets.fns[k] != b[i].targets.fns[k])
        return 0;
  }
  return 1;
}

/* Are the whole-level summaries of the defined targets final when a
 * function of call-graph component `scc` is analysed? Components are
 * analysed in order (callees first), and a context's targets need not be
 * callees in the call graph (a general resolution that is unknown adds no
 * edges): a target of a later component has no summary yet, and one of
 * the same component only this round's; a specialised summary, kept for
 * later calls, must not be built on either. */
static int targets_final(esc_result *R, const esc_targets *t, int scc) {
  for (int k = 0; k < t->n; k++) {
    int fi = esc_model_func_index(&R->model, t->fns[k]);
    const esc_func *F = fi >= 0 ? &R->model.funcs.data[fi] : NULL;
    if (F && F->defined && (F->scc >= scc || !F->sum[ESC_WHOLE].done))
      return 0;
  }
  return 1;
}

static void ctx_calls_of(esc_result *R, int fi) {
  const esc_func *F = &R->model.funcs.data[fi];
  if (F->ctx_done)
    return;
  ESC_VEC(esc_ctx_call) v = {0};
  for (int k = 0; k < F->ncalls; k++) {
    LLVMValueRef I = F->calls[k];
    if (!esc_is_indirect_call(I))
      continue;
    esc_ctx_path p = esc_ctx_trace_callee(I);
    if (p.param >= 0)
      ESC_VEC_PUSH(v, ((esc_ctx_call){I, p}));
  }
  esc_model_set_ctx_calls(&R->model, fi, v.data, (int)v.len);
  ESC_VEC_FREE(v);
}

/* The bindings a general whole-level analysis of caller_fidx would make
 * at call, a direct call of fi: the callee's context calls whose targets
 * this call decides better than the general resolution, with targets
 * whose summaries are final. Writes them to b (room for F->nctx) unless b
 * is NULL; stops at the first one when b is NULL. Returns their number. */
static int context_binds(esc_result *R, LLVMValueRef call, int fi,
                         int caller_fidx, esc_ctx_bind *b) {
  const esc_func *F = &R->model.funcs.data[fi];
  int scc = R->model.funcs.data[caller_fidx].scc;
  if (R->opt.resolve != ESC_RESOLVE_TYPESET || F->scc == scc)
    return 0;
  ctx_calls_of(R, fi);
  int nb = 0;
  for (int k = 0; k < F->nctx; k++) {
    const esc_targets *general = esc_typeset_resolve(R->ts, F->ctx[k].call);
    esc_targets t;
    if (!esc_ctx_eval(call, &F->ctx[k].path, R->ts,
                      LLVMGetCalledFunctionType(F->ctx[k].call), &R->arena,
                      &t))
      continue;
    if (!general->unknown && t.n >= general->n)
      continue; /* no better than without context */
    if (!targets_final(R, &t, scc))
      continue;
    if (!b)
      return 1;
    b[nb].call = F->ctx[k].call;
    b[nb].targets = t;
    nb++;
  }
  return nb;
}

/* The summary of callee fi specialised to what this call passes, when the
 * call decides some of fi's indirect calls; NULL for the general one.
 * The callee cannot change what the evaluation read: esc_ctx_eval only
 * reads through the caller's private locals (whose address the callee never
 * sees) and constant globals, and the callee's own locals on the path are
 * traced only when every store to them comes from the same parameter. */
const esc_summary *esc_specialise_call(fctx *c, LLVMValueRef call, int fi) {
  esc_result *R = c->R;
  const esc_func *F = &R->model.funcs.data[fi];
  if (c->level != ESC_WHOLE || c->binds || R->opt.resolve != ESC_RESOLVE_TYPESET)
    return NULL;
  ctx_calls_of(R, fi);
  if (!F->nctx)
    return NULL;
  esc_ctx_bind *b = esc_arena_alloc(&R->arena, sizeof(*b) * (size_t)F->nctx);
  int nb = context_binds(R, call, fi, c->fidx, b);
  if (!nb)
    return NULL;
  const esc_ctx_summary *cs = NULL;
  for (size_t i = 0; i < F->ctx_sums.len && !cs; i++)
    if (F->ctx_sums.data[i]->nbind == nb &&
        same_binds(F->ctx_sums.data[i]->binds, b, nb))
      cs = F->ctx_sums.data[i];
  if (!cs) {
    if ((int)F->ctx_sums.len >= R->opt.context_budget)
      return NULL; /* budget: the general summary is the safe answer */
    esc_ctx_summary *n = esc_arena_alloc(&R->arena, sizeof(*n));
    n->nbind = nb;
    n->binds = b;
    esc_fctx_run(R, fi, ESC_WHOLE, b, nb, 0, &n->sum);
    esc_model_add_ctx_summary(&R->model, fi, n);
    cs = n;
    for (int k = 0; k < nb; k++)
      esc_ptrmap_put(&R->ctx_resolved, b[k].call, b[k].targets.n);
  }
  ESC_VEC_PUSH(c->ctx_uses, ((ctx_use){call, cs}));
  return &cs->sum;
}

void esc_specialise_targets(esc_result *R, LLVMValueRef call, int fi,
                            void (*add)(void *arg, LLVMValueRef fn),
                            void *arg) {
  if (R->opt.resolve != ESC_RESOLVE_TYPESET)
    return;
  const esc_func *F = &R->model.funcs.data[fi];
  ctx_calls_of(R, fi);
  for (int k = 0; k < F->nctx; k++) {
    esc_targets t;
    if (esc_ctx_eval(call, &F->ctx[k].path, R->ts,
                     LLVMGetCalledFunctionType(F->ctx[k].call), &R->arena, &t))
      for (int i = 0; i < t.n; i++)
        add(arg, t.fns[i]);
  }
}

int esc_specialise_binds(esc_result *R, LLVMValueRef call, int fi,
                         int caller_fidx) {
  return context_binds(R, call, fi, caller_fidx, NULL) > 0;
}
