/*
 * esc_summary.c: function summaries. Extracting one from a solved graph
 * (edges between the objects a caller can see, fresh objects grouped by
 * origin, allocator wrappers) and printing them the way Go's -m prints
 * its leak lattice:
 *   leaking param: p                       p itself reaches the heap
 *   leaking param content: p               something p points to does
 *   leaking param: p to result ~r0 level=0 p is returned (level = derefs)
 *   leaking param: p to *q level=0         p is stored where q points
 *   leaking param: p to fresh result object level=0
 *   leaking param: f to callee             f is called
 *   p does not escape
 * and the allocator wrappers and deallocators found along the way.
 * Storing and comparing them is esc_model.c's.
 */
#include "esc_fctx.h"
#include "esc_limits.h"
#include "esc_sites.h"

#include <stdlib.h>

#include <string.h>

static int has_edge(const esc_summary *S, int sk, int si, int dk, int di) {
  for (int i = 0; i < S->nedges; i++) {
    const esc_sum_edge *e = &S->edges[i];
    if (e->src_kind == sk && e->src_idx == si && e->dst_kind == dk &&
        (di < 0 || e->dst_idx == di))
      return 1;
  }
  return 0;
}

void esc_summary_text(const esc_result *R_, int fidx, esc_level level,
                      esc_str *out) {
  esc_result *R = (esc_result *)R_;
  const esc_func *F = &R->model.funcs.data[fidx];
  const esc_summary *S = &F->sum[level];
  if (!S->done)
    return;
  if (S->top) {
    esc_str_printf(out, "every param of %s leaks (%s)\n", F->display,
                   S->top_reason ? S->top_reason : "unknown");
    return;
  }
  for (int j = 0; j < F->nparams; j++) {
    LLVMValueRef p = LLVMGetParam(F->fn, (unsigned)j);
    if (LLVMGetTypeKind(LLVMTypeOf(p)) != LLVMPointerTypeKind)
      continue;
    const char *name = esc_param_name(&R->names, &R->arena, F->fn, (unsigned)j);
    int any = 0;
    if (has_edge(S, ESC_B_P1, j, ESC_B_ESC, -1)) {
      esc_str_printf(out, "leaking param: %s\n", name);
      any = 1;
    } else if (has_edge(S, ESC_B_PD, j, ESC_B_ESC, -1)) {
      esc_str_printf(out, "leaking param content: %s\n", name);
      any = 1;
    }
    for (int lvl = 0; lvl < 2; lvl++) {
      int sk = lvl ? ESC_B_PD : ESC_B_P1;
      if (has_edge(S, sk, j, ESC_B_RET, -1)) {
        esc_str_printf(out, "leaking param: %s to result ~r0 level=%d\n", name,
                       lvl);
        any = 1;
      }
      for (int k = 0; k < F->nparams; k++)
        for (int dl = 0; dl < 2; dl++)
          if (has_edge(S, sk, j, dl ? ESC_B_PD : ESC_B_P1, k)) {
            /* an integer parameter is a destination only as the address
             * it may carry (a pointer difference used as an index) */
            LLVMValueRef pk = LLVMGetParam(F->fn, (unsigned)k);
            int integer =
                LLVMGetTypeKind(LLVMTypeOf(pk)) != LLVMPointerTypeKind;
            const char *kname =
                esc_param_name(&R->names, &R->arena, F->fn, (unsigned)k);
            esc_str_printf(out, "leaking param: %s to %s%s level=%d", name,
                           dl ? "**" : "*", kname, lvl);
            if (integer)
              esc_str_printf(out, " (only if integer %s holds an address)",
                             kname);
            esc_str_printf(out, "\n");
            any = 1;
          }
      if (has_edge(S, sk, j, ESC_B_FRESH, -1)) {
        esc_str_printf(out, "leaking param: %s to fresh result object level=%d\n",
                       name, lvl);
        any = 1;
      }
    }
    if (j < ESC_SUMMARY_MAX_PARAMS && (S->called_params & (1u << j))) {
      esc_str_printf(out, "leaking param: %s to callee\n", name);
      any = 1;
    }
    if (!any)
      esc_str_printf(out, "%s does not escape\n", name);
  }
  if (S->wrapper || S->wrapper_out) {
    esc_str_printf(out, "%s is an allocator wrapper", F->display);
    if (S->wrapper_out)
      esc_str_printf(out, " (through *%s)",
                     esc_param_name(&R->names, &R->arena, F->fn,
                                    (unsigned)S->wrapper_out - 1));
    if (S->wrapper_size_arg >= 0)
      esc_str_printf(out, " (size from %s)",
                     esc_param_name(&R->names, &R->arena, F->fn,
                                    (unsigned)S->wrapper_size_arg));
    esc_str_printf(out, "\n");
  }
  for (int j = 0; j < F->nparams && j < ESC_SUMMARY_MAX_PARAMS; j++)
    if (S->frees_params & (1u << j))
      esc_str_printf(out, "%s is a deallocator (frees %s)\n", F->display,
                     esc_param_name(&R->names, &R->arena, F->fn, (unsigned)j));
}

/* ---- extracting a summary from a solved graph ---- */
static int edge_cmp(const void *a, const void *b) {
  return memcmp(a, b, sizeof(esc_sum_edge));
}

static int fresh_group(int *origins, int *n, int origin) {
  for (int i = 0; i < *n; i++)
    if (origins[i] == origin)
      return i;
  origins[*n] = origin;
  return (*n)++;
}

static void src_of(fctx *c, int o, const int *via, int *origins, int *nfresh,
                   int *kind, int *idx) {
  objinfo *oi = &c->obj.data[o];
  *idx = 0;
  switch (oi->kind) {
  case OBJ_P1:
    *kind = ESC_B_P1;
    *idx = oi->param;
    return;
  case OBJ_PD:
    *kind = ESC_B_PD;
    *idx = oi->param;
    return;
  case OBJ_HEAPSITE:
  case OBJ_FRESH:
    if (via[o] && !esc_graph_points_to(c->g, ESC_ESC_NODE, o)) {
      *kind = ESC_B_FRESH;
      *idx = fresh_group(origins, nfresh, oi->origin);
      return;
    }
    *kind = ESC_B_HEAP;
    return;
  default:
    *kind = ESC_B_HEAP;
  }
}

static long long size_param_of_site(fctx *c, int site) {
  esc_result *R = c->R;
  LLVMValueRef call = R->model.sites.data[site].inst;
  if (!esc_is_call(call))
    return -1;
  int size_arg = -1;
  esc_allocfn af;
  LLVMValueRef fn = esc_called_function(call);
  if (fn && esc_site_allocator(R->opt.model, fn, &af)) {
    if (af.size_arg2 < 0)
      size_arg = af.size_arg;
  } else if (fn) {
    int fi = esc_model_func_index(&R->model, fn);
    if (fi >= 0)
      size_arg = R->model.funcs.data[fi].sum[c->level].wrapper_size_arg;
  }
  if (size_arg < 0 || (unsigned)size_arg >= call_nargs(call))
    return -1;
  LLVMValueRef a = esc_trace_to_arg(LLVMGetOperand(call, (unsigned)size_arg), 0);
  if (!a)
    return -1;
  for (int j = 0; j < c->nparams; j++)
    if (LLVMGetParam(c->fn, (unsigned)j) == a)
      return j;
  return -1;
}

/* The parameter v is, through casts, GEPs by constants (a header before
 * the block: free((char *)p - 16)) and -O0 spill slots, or -1. */
static int param_at_constant_offset(fctx *c, LLVMValueRef v) {
  for (int guard = 0; guard < ESC_FREED_PARAM_HOPS && v; guard++) {
    if (LLVMIsACastInst(v) && LLVMGetTypeKind(LLVMTypeOf(LLVMGetOperand(
                                  v, 0))) == LLVMPointerTypeKind) {
      v = LLVMGetOperand(v, 0);
      continue;
    }
    if (LLVMIsAGetElementPtrInst(v)) {
      int constant = 1;
      for (unsigned i = 1; i < (unsigned)LLVMGetNumOperands(v); i++)
        if (!LLVMIsAConstantInt(LLVMGetOperand(v, i)))
          constant = 0;
      if (!constant)
        break;
      v = LLVMGetOperand(v, 0);
      continue;
    }
    break;
  }
  LLVMValueRef a = esc_trace_to_arg(v, 0);
  if (a && LLVMGetTypeKind(LLVMTypeOf(a)) != LLVMPointerTypeKind)
    return -1; /* an address made from an integer parameter: not its block */
  for (int j = 0; a && j < c->nparams; j++)
    if (LLVMGetParam(c->fn, (unsigned)j) == a)
      return j;
  return -1;
}

/* Whether fn frees its argument arg: the C library's free (and delete,
 * allockind("free")), or a deallocator by its summary at this level. */
static int frees_arg(fctx *c, LLVMValueRef fn, unsigned arg) {
  if (esc_is_free_fn(fn))
    return arg == 0;
  int fi = esc_model_func_index(&c->R->model, fn);
  if (fi < 0 || fn == c->fn || arg >= ESC_SUMMARY_MAX_PARAMS)
    return 0;
  const esc_summary *S = &c->R->model.funcs.data[fi].sum[c->level];
  return S->done && !S->top && (S->frees_params & (1u << arg));
}

/* Parameters passed to a deallocation (bit j): a call of free or of a
 * deallocator, direct or, at the whole level, through a pointer whose
 * targets are all deallocators of that argument (a free hook). Whether
 * the parameter also goes elsewhere is for the summary's edges to say. */
static unsigned freed_params(fctx *c) {
  unsigned bits = 0;
  const esc_func *F = &c->R->model.funcs.data[c->fidx];
  for (int k = 0; k < F->ncalls; k++) {
    LLVMValueRef I = F->calls[k];
    if (LLVMIsAInlineAsm(LLVMGetCalledValue(I)))
      continue;
    LLVMValueRef fn = esc_called_function(I);
    const esc_targets *t = NULL;
    if (!fn) {
      if (c->level != ESC_WHOLE || !c->R->ts)
        continue;
      for (int k = 0; k < c->nbind; k++)
        if (c->binds[k].call == I)
          t = &c->binds[k].targets;
      if (!t)
        t = esc_typeset_resolve(c->R->ts, I);
      if (!t || t->unknown || t->n == 0)
        continue;
    }
    for (unsigned a = 0; a < call_nargs(I); a++) {
      int j = param_at_constant_offset(c, LLVMGetOperand(I, a));
      if (j < 0 || j >= ESC_SUMMARY_MAX_PARAMS)
        continue;
      int all = fn ? frees_arg(c, fn, a) : 1;
      for (int k = 0; t && k < t->n && all; k++)
        all = frees_arg(c, t->fns[k], a);
      if (all)
        bits |= 1u << j;
    }
  }
  return bits;
}

/* Is parameter j's deep object in `node` (the contents of its pointee,
 * dk ESC_B_P1, or of the deep object itself, ESC_B_PD) only because the
 * base constraints put it there from the start? Then the flow is no news
 * to the caller. It is news when the function puts it there itself in a
 * way that changes what the caller's pointers point to. Into the
 * pointee's memory, that is an object read from below and written back
 * up (*pp = (*pp)->next); a move within the pointee (q->tail = q->spare)
 * is within one object of the caller's, whose memory is one node there
 * too. Into the deep object's memory, any store is news: the deep object
 * stands for every level below the pointee, and p->a->next = p->b links
 * one of the caller's nodes into another's (so a deep field updated in
 * place, (*p)->n++, counts too). */
static int deep_placed_by_base(fctx *c, int j, int dk, int node) {
  if (dk == ESC_B_P1)
    return !esc_graph_reaches(c->g, esc_graph_content(c->g, c->pd[j]), node);
  if (dk == ESC_B_PD)
    return !esc_graph_flows_in(c->g, node, c->pd[j]);
  return 0;
}

void esc_fctx_extract_summary(fctx *c, int ok, esc_summary *S) {
  esc_result *R = c->R;
  memset(S, 0, sizeof(*S));
  S->done = 1;
  S->wrapper_size_arg = -1;
  S->wrapper_bytes = -1;
  if (!ok) {
    S->top = 1;
    S->top_reason = "budget";
    return;
  }
  int nobj = esc_graph_num_objects(c->g);
  int *via = esc_xmalloc(sizeof(int) * (size_t)nobj);
  int *origins = esc_xmalloc(sizeof(int) * (size_t)nobj);
  int nfresh = 0;
  esc_fctx_boundary_reach(c, via);
  ESC_VEC(esc_sum_edge) edges = {0};
  /* destinations: ESC, RET, contents of P1/PD, contents of fresh objects */
  int ndst = 2 + 2 * c->nparams + nobj;
  for (int d = 0; d < ndst; d++) {
    int node, dk, di = 0;
    if (d == 0) {
      node = ESC_ESC_NODE;
      dk = ESC_B_ESC;
    } else if (d == 1) {
      node = c->ret;
      dk = ESC_B_RET;
    } else if (d < 2 + 2 * c->nparams) {
      int j = (d - 2) / 2;
      if (c->p1[j] < 0)
        continue;
      dk = (d - 2) % 2 ? ESC_B_PD : ESC_B_P1;
      node = esc_graph_content(c->g, dk == ESC_B_P1 ? c->p1[j] : c->pd[j]);
      di = j;
    } else {
      int o = d - 2 - 2 * c->nparams;
      int k, idx;
      esc_objkind ok2 = c->obj.data[o].kind;
      if (ok2 != OBJ_HEAPSITE && ok2 != OBJ_FRESH)
        continue;
      src_of(c, o, via, origins, &nfresh, &k, &idx);
      if (k != ESC_B_FRESH)
        continue;
      node = esc_graph_content(c->g, o);
      dk = ESC_B_FRESH;
      di = idx;
    }
    const esc_bits *b = esc_graph_pts(c->g, node);
    for (int o = esc_bits_next(b, 0); o >= 0;
         o = esc_bits_next(b, (uint32_t)o + 1)) {
      int sk, si;
      src_of(c, o, via, origins, &nfresh, &sk, &si);
      if (dk == ESC_B_ESC && sk != ESC_B_P1 && sk != ESC_B_PD)
        continue;
      if (sk == ESC_B_PD && si == di && deep_placed_by_base(c, si, dk, node))
        continue;
      esc_sum_edge e;
      memset(&e, 0, sizeof e);
      e.src_kind = (unsigned char)sk;
      e.src_idx = si;
      e.dst_kind = (unsigned char)dk;
      e.dst_idx = di;
      ESC_VEC_PUSH(edges, e);
    }
  }
  /* wrapper: the result is only fresh objects, and they go nowhere else
   * (into each other at most: an object and the buffer it owns). One of
   * several (malloc, then a fallback allocator when it fails) is still
   * one block per call: the fresh groups merge into one, whose contents
   * hold what any of them holds. */
  LLVMTypeRef rt = LLVMGetReturnType(LLVMGlobalGetValueType(c->fn));
  const esc_bits *rb = esc_graph_pts(c->g, c->ret);
  int only_ret = LLVMGetTypeKind(rt) == LLVMPointerTypeKind &&
                 esc_bits_next(rb, 0) >= 0;
  int size_arg = -2;
  long long bytes = -2;
  for (int o = only_ret ? esc_bits_next(rb, 0) : -1; o >= 0;
       o = esc_bits_next(rb, (uint32_t)o + 1)) {
    int k, idx;
    src_of(c, o, via, origins, &nfresh, &k, &idx);
    if (k != ESC_B_FRESH) {
      only_ret = 0;
      break;
    }
    /* the size is known when every block the result may be agrees */
    int site = c->obj.data[o].site;
    int sa = site >= 0 ? (int)size_param_of_site(c, site) : -1;
    long long by = site >= 0 ? R->model.sites.data[site].bytes : -1;
    size_arg = size_arg == -2 || size_arg == sa ? sa : -1;
    bytes = bytes == -2 || bytes == by ? by : -1;
  }
  for (size_t i = 0; only_ret && i < edges.len; i++)
    if (edges.data[i].src_kind == ESC_B_FRESH &&
        edges.data[i].dst_kind != ESC_B_RET &&
        edges.data[i].dst_kind != ESC_B_FRESH)
      only_ret = 0;
  if (only_ret) {
    S->wrapper = 1;
    S->wrapper_size_arg = size_arg;
    S->wrapper_bytes = bytes;
    for (size_t i = 0; i < edges.len; i++) {
      if (edges.data[i].src_kind == ESC_B_FRESH)
        edges.data[i].src_idx = 0;
      if (edges.data[i].dst_kind == ESC_B_FRESH)
        edges.data[i].dst_idx = 0;
    }
    nfresh = 1;
  }
  if (edges.len)
    qsort(edges.data, edges.len, sizeof(esc_sum_edge), edge_cmp);
  size_t w = 0;
  for (size_t i = 0; i < edges.len; i++)
    if (!w || edge_cmp(&edges.data[w - 1], &edges.data[i]))
      edges.data[w++] = edges.data[i];
  S->nedges = (int)w;
  S->edges = esc_arena_alloc(&R->arena, sizeof(esc_sum_edge) * (w ? w : 1));
  if (w)
    memcpy(S->edges, edges.data, sizeof(esc_sum_edge) * w);
  S->nfresh = nfresh;
  S->fresh = esc_arena_alloc(&R->arena,
                             sizeof(esc_sum_fresh) * (size_t)(nfresh ? nfresh : 1));
  for (int i = 0; i < nfresh; i++)
    S->fresh[i].origin_site = origins[i];
  /* out-parameter wrapper (mallocWithAlarm(n, &p)): one fresh object,
   * stored through one parameter and nowhere else */
  if (!S->wrapper && nfresh == 1) {
    int out = -1, ok_out = 1;
    for (int i = 0; i < S->nedges && ok_out; i++) {
      const esc_sum_edge *e = &S->edges[i];
      if (e->src_kind != ESC_B_FRESH || e->dst_kind == ESC_B_FRESH)
        continue;
      if (e->dst_kind != ESC_B_P1 || (out >= 0 && out != e->dst_idx))
        ok_out = 0;
      out = e->dst_idx;
    }
    if (ok_out && out >= 0) {
      S->wrapper_out = out + 1;
      const esc_bits *b = esc_graph_pts(c->g, esc_graph_content(c->g, c->p1[out]));
      for (int o = esc_bits_next(b, 0); o >= 0;
           o = esc_bits_next(b, (uint32_t)o + 1)) {
        int k, idx;
        src_of(c, o, via, origins, &nfresh, &k, &idx);
        int site = c->obj.data[o].site;
        if (k == ESC_B_FRESH && site >= 0) {
          S->wrapper_size_arg = (int)size_param_of_site(c, site);
          S->wrapper_bytes = R->model.sites.data[site].bytes;
          break;
        }
      }
    }
  }
  /* parameters called through: callbacks */
  const esc_func *F = &R->model.funcs.data[c->fidx];
  for (int k = 0; k < F->ncalls; k++) {
    LLVMValueRef cv = LLVMGetCalledValue(F->calls[k]);
    if (LLVMIsAArgument(cv))
      for (int j = 0; j < c->nparams && j < ESC_SUMMARY_MAX_PARAMS; j++)
        if (LLVMGetParam(c->fn, (unsigned)j) == cv)
          S->called_params |= 1u << j;
  }
  S->frees_params = freed_params(c) & ~S->called_params;
  for (int i = 0; i < S->nedges; i++)
    if (S->edges[i].src_kind == ESC_B_P1 && S->edges[i].src_idx < ESC_SUMMARY_MAX_PARAMS)
      S->frees_params &= ~(1u << S->edges[i].src_idx); /* kept somewhere */
  ESC_VEC_FREE(edges);
  free(via);
  free(origins);
}
