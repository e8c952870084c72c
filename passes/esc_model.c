/*
 * esc_model.c: the tables of sites and functions (esc_model.h), and the
 * only writer of them.
 */
#include "esc_model.h"

#include <stdlib.h>
#include <string.h>

void esc_model_init(esc_model *m, esc_arena *arena, const esc_names *names) {
  memset(m, 0, sizeof(*m));
  m->arena = arena;
  m->names = names;
  esc_ptrmap_init(&m->func_of);
  esc_ptrmap_init(&m->site_of);
}

void esc_model_free(esc_model *m) {
  for (size_t f = 0; f < m->funcs.len; f++) {
    ESC_VEC_FREE(m->funcs.data[f].sites);
    ESC_VEC_FREE(m->funcs.data[f].ctx_sums);
  }
  ESC_VEC_FREE(m->funcs);
  ESC_VEC_FREE(m->sites);
  esc_ptrmap_free(&m->func_of);
  esc_ptrmap_free(&m->site_of);
}

/* ---- functions ---- */
int esc_model_add_function(esc_model *m, LLVMValueRef fn) {
  esc_func F;
  memset(&F, 0, sizeof F);
  F.fn = fn;
  F.name = esc_value_name(fn);
  F.display = esc_demangle(m->arena, F.name);
  F.defined = !LLVMIsDeclaration(fn);
  F.nparams = (int)LLVMCountParams(fn);
  /* a declaration has no summary: nothing of it is a wrapper's size
   * (the sizes of a modelled allocator's calls are its model's) */
  for (int l = 0; l < ESC_NLEVELS; l++)
    F.sum[l].wrapper_size_arg = -1, F.sum[l].wrapper_bytes = -1;
  ESC_VEC_PUSH(m->funcs, F);
  esc_ptrmap_put(&m->func_of, fn, (int)m->funcs.len - 1);
  return (int)m->funcs.len - 1;
}

int esc_model_func_index(const esc_model *m, LLVMValueRef fn) {
  return fn ? esc_ptrmap_get(&m->func_of, fn) : -1;
}

void esc_model_set_scc(esc_model *m, int fidx, int scc) {
  m->funcs.data[fidx].scc = scc;
}

int esc_summary_equal(const esc_summary *a, const esc_summary *b) {
  if (a->top != b->top || a->nedges != b->nedges || a->nfresh != b->nfresh ||
      a->wrapper != b->wrapper || a->wrapper_out != b->wrapper_out ||
      a->wrapper_size_arg != b->wrapper_size_arg ||
      a->wrapper_bytes != b->wrapper_bytes ||
      a->called_params != b->called_params ||
      a->frees_params != b->frees_params)
    return 0;
  if (a->nedges &&
      memcmp(a->edges, b->edges, sizeof(esc_sum_edge) * (size_t)a->nedges))
    return 0;
  for (int i = 0; i < a->nfresh; i++)
    if (a->fresh[i].origin_site != b->fresh[i].origin_site)
      return 0;
  return 1;
}

int esc_model_store_summary(esc_model *m, int fidx, esc_level level,
                            const esc_summary *S) {
  esc_summary *old = &m->funcs.data[fidx].sum[level];
  int changed = !old->done || !esc_summary_equal(old, S);
  *old = *S;
  return changed;
}

void esc_model_set_calls(esc_model *m, int fidx, const LLVMValueRef *calls,
                         int n) {
  esc_func *F = &m->funcs.data[fidx];
  F->ncalls = n;
  F->calls = esc_arena_alloc(m->arena,
                             sizeof(LLVMValueRef) * (size_t)(n ? n : 1));
  if (n)
    memcpy(F->calls, calls, sizeof(LLVMValueRef) * (size_t)n);
}

void esc_model_set_ctx_calls(esc_model *m, int fidx,
                             const esc_ctx_call *calls, int n) {
  esc_func *F = &m->funcs.data[fidx];
  F->ctx_done = 1;
  F->nctx = n;
  F->ctx = esc_arena_alloc(m->arena,
                           sizeof(esc_ctx_call) * (size_t)(n ? n : 1));
  if (n)
    memcpy(F->ctx, calls, sizeof(esc_ctx_call) * (size_t)n);
}

void esc_model_add_ctx_summary(esc_model *m, int fidx, esc_ctx_summary *cs) {
  ESC_VEC_PUSH(m->funcs.data[fidx].ctx_sums, cs);
}

/* ---- sites ---- */
/* The variable a heap allocation is assigned to, if debug info says. */
static const char *heap_site_name(const esc_model *m, LLVMValueRef call) {
  const esc_var *v = esc_names_of(m->names, call);
  if (v)
    return v->name;
  for (LLVMUseRef u = LLVMGetFirstUse(call); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 0) == call) {
      v = esc_names_of(m->names, LLVMGetOperand(user, 1));
      if (v)
        return v->name;
    }
  }
  return NULL;
}

static int uses(LLVMValueRef user, LLVMValueRef v) {
  int n = LLVMGetNumOperands(user);
  for (int i = 0; i < n; i++)
    if (LLVMGetOperand(user, (unsigned)i) == v)
      return 1;
  return 0;
}

/* Location of the first instruction (in block order) using v. */
static esc_loc first_use_loc(esc_model *m, LLVMValueRef v, esc_loc dflt) {
  LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInstructionParent(v));
  ESC_FOR_EACH_INST(fn, bb, I) {
    if (LLVMIsAIntrinsicInst(I) || !uses(I, v))
      continue;
    esc_loc l = esc_loc_of(m->arena, I);
    if (l.file)
      return l;
  }
  return dflt;
}

int esc_model_site_get(esc_model *m, LLVMValueRef inst, esc_site_kind kind,
                       esc_found_by by, const char *allocator,
                       long long bytes) {
  int id = esc_ptrmap_get(&m->site_of, inst);
  if (id >= 0)
    return id;
  esc_site s;
  memset(&s, 0, sizeof s);
  s.id = (int)m->sites.len;
  s.kind = kind;
  s.found_by = by;
  s.inst = inst;
  s.func = esc_model_func_index(
      m, LLVMGetBasicBlockParent(LLVMGetInstructionParent(inst)));
  s.allocator = allocator ? esc_arena_strdup(m->arena, allocator) : NULL;
  s.bytes = bytes;
  s.size_arg = s.size_arg2 = -1;
  s.loc = esc_loc_of(m->arena, inst);
  if (kind == ESC_SITE_STACK) {
    const esc_var *v = esc_names_of(m->names, inst);
    if (v) {
      s.name = v->name;
      if (v->decl.file)
        s.loc = v->decl;
    }
    if (!s.loc.file) /* no variable: where the local is first used */
      s.loc = first_use_loc(m, inst, s.loc);
  } else {
    s.name = heap_site_name(m, inst);
  }
  s.inlined_into = esc_loc_inlined(inst) && s.func >= 0
                       ? m->funcs.data[s.func].name
                       : NULL;
  ESC_VEC_PUSH(m->sites, s);
  esc_ptrmap_put(&m->site_of, inst, s.id);
  if (s.func >= 0)
    ESC_VEC_PUSH(m->funcs.data[s.func].sites, s.id);
  return s.id;
}

void esc_model_site_found(esc_model *m, int site, esc_level level) {
  m->sites.data[site].levels_found |= 1u << level;
}

void esc_model_site_sizes(esc_model *m, int site, int size_arg,
                          int size_arg2) {
  m->sites.data[site].size_arg = size_arg;
  m->sites.data[site].size_arg2 = size_arg2;
}

void esc_model_site_moved(esc_model *m, int site, LLVMValueRef inst) {
  m->sites.data[site].inst = inst;
}

void esc_model_set_verdict(esc_model *m, int site, esc_level level,
                           const esc_verdict *v) {
  m->sites.data[site].v[level] = *v;
}

/* Function fidx's sites exist nowhere at level and have no verdict. */
static void forget_level(esc_model *m, int fidx, esc_level level) {
  const esc_func *F = &m->funcs.data[fidx];
  for (size_t i = 0; i < F->sites.len; i++) {
    esc_site *s = &m->sites.data[F->sites.data[i]];
    s->levels_found &= ~(1u << level);
    memset(&s->v[level], 0, sizeof(s->v[level]));
  }
}

void esc_model_begin_round(esc_model *m, int fidx, esc_level level) {
  esc_func *F = &m->funcs.data[fidx];
  if (F->analysed & (1u << level))
    forget_level(m, fidx, level);
  F->analysed |= 1u << level;
}

void esc_model_copy_level(esc_model *m, int fidx, esc_level from,
                          esc_level to) {
  esc_func *F = &m->funcs.data[fidx];
  F->analysed |= 1u << to;
  forget_level(m, fidx, to);
  for (size_t i = 0; i < F->sites.len; i++) {
    esc_site *s = &m->sites.data[F->sites.data[i]];
    if (s->levels_found & (1u << from))
      s->levels_found |= 1u << to;
    if (s->v[from].known)
      s->v[to] = s->v[from];
  }
}

const char *esc_site_kind_name(esc_site_kind k) {
  return k == ESC_SITE_STACK ? "stack" : k == ESC_SITE_POOL ? "pool" : "heap";
}
