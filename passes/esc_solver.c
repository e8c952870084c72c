/*
 * esc_solver.c: inclusion-constraint escape graph and its worklist solver,
 * and the solving of one function's graph: which node a value is, the solve
 * with the frame rule (a stack object the caller can reach escapes), and
 * which objects the caller can reach. Reading verdicts and summaries back
 * from the solved graph is esc_verdict.c's and esc_summary.c's.
 */
#include "esc_solver.h"
#include "esc_limits.h"
#include "esc_fctx.h"

#include <stdlib.h>
#include <string.h>

typedef struct esc_edge {
  int other; /* dst for copies; dst for loads; src for stores */
  int why;
} esc_edge;

typedef struct esc_node {
  esc_bits pts;
  esc_bits done; /* objects whose load/store/closure rules have been applied */
  ESC_VEC(esc_edge) succ;
  ESC_VEC(esc_edge) loads;
  ESC_VEC(esc_edge) stores;
  int queued;
} esc_node;

typedef struct esc_object {
  int content;
} esc_object;

typedef struct prov_entry {
  uint64_t key; /* (node << 32 | obj) + 1; 0 = empty */
  int pred;
  int why;
} prov_entry;

struct esc_graph {
  ESC_VEC(esc_node) nodes;
  ESC_VEC(esc_object) objs;
  ESC_VEC(esc_why) whys;
  ESC_VEC(int) work;
  esc_u64set copy_edges;
  prov_entry *prov;
  size_t prov_cap, prov_len;
  uint64_t steps, budget;
  int over_budget;
  int no_prov; /* provenance not kept */
};

static int add_why(esc_graph *g, esc_why why) {
  ESC_VEC_PUSH(g->whys, why);
  return (int)g->whys.len - 1;
}

/* ---- provenance map ---- */
static size_t prov_hash(uint64_t k) {
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 29;
  return (size_t)k;
}

static void prov_insert(esc_graph *g, uint64_t key, int pred, int why);

static void prov_grow(esc_graph *g) {
  prov_entry *old = g->prov;
  size_t oldcap = g->prov_cap;
  g->prov_cap = oldcap ? oldcap * 2 : 1024;
  g->prov = esc_xcalloc(g->prov_cap, sizeof(prov_entry));
  g->prov_len = 0;
  for (size_t i = 0; i < oldcap; i++)
    if (old[i].key)
      prov_insert(g, old[i].key, old[i].pred, old[i].why);
  free(old);
}

static void prov_insert(esc_graph *g, uint64_t key, int pred, int why) {
  if (2 * (g->prov_len + 1) > g->prov_cap)
    prov_grow(g);
  size_t mask = g->prov_cap - 1;
  for (size_t i = prov_hash(key) & mask;; i = (i + 1) & mask) {
    if (g->prov[i].key == key)
      return; /* the first way in is kept */
    if (!g->prov[i].key) {
      g->prov[i] = (prov_entry){key, pred, why};
      g->prov_len++;
      return;
    }
  }
}

static uint64_t prov_key(int node, int obj) {
  return (((uint64_t)(uint32_t)node << 32) | (uint32_t)obj) + 1;
}

int esc_graph_prov(const esc_graph *g, int node, int obj, int *pred,
                   esc_why *why) {
  if (!g->prov_cap)
    return 0;
  uint64_t key = prov_key(node, obj);
  size_t mask = g->prov_cap - 1;
  for (size_t i = prov_hash(key) & mask;; i = (i + 1) & mask) {
    if (g->prov[i].key == key) {
      *pred = g->prov[i].pred;
      *why = g->whys.data[g->prov[i].why];
      return 1;
    }
    if (!g->prov[i].key)
      return 0;
  }
}

/* ---- construction ---- */
esc_graph *esc_graph_new(void) {
  esc_graph *g = esc_xcalloc(1, sizeof(*g));
  esc_u64set_init(&g->copy_edges);
  add_why(g, (esc_why){ESC_WHY_NONE, 0, NULL, NULL});
  int heap = esc_graph_object(g); /* creates node 0 (ESC) as content */
  esc_graph_base(g, ESC_ESC_NODE, heap, (esc_why){ESC_WHY_NONE, 0, NULL, NULL});
  return g;
}

void esc_graph_free(esc_graph *g) {
  if (!g)
    return;
  for (size_t i = 0; i < g->nodes.len; i++) {
    esc_node *n = &g->nodes.data[i];
    esc_bits_free(&n->pts);
    esc_bits_free(&n->done);
    ESC_VEC_FREE(n->succ);
    ESC_VEC_FREE(n->loads);
    ESC_VEC_FREE(n->stores);
  }
  ESC_VEC_FREE(g->nodes);
  ESC_VEC_FREE(g->objs);
  ESC_VEC_FREE(g->whys);
  ESC_VEC_FREE(g->work);
  esc_u64set_free(&g->copy_edges);
  free(g->prov);
  free(g);
}

void esc_graph_no_provenance(esc_graph *g) { g->no_prov = 1; }

int esc_graph_node(esc_graph *g) {
  esc_node n;
  memset(&n, 0, sizeof(n));
  ESC_VEC_PUSH(g->nodes, n);
  return (int)g->nodes.len - 1;
}

int esc_graph_object(esc_graph *g) {
  int content = esc_graph_node(g);
  int id = (int)g->objs.len;
  ESC_VEC_PUSH(g->objs, ((esc_object){content}));
  return id;
}

int esc_graph_content(const esc_graph *g, int obj) {
  return g->objs.data[obj].content;
}
int esc_graph_num_objects(const esc_graph *g) { return (int)g->objs.len; }

static void enqueue(esc_graph *g, int n) {
  if (!g->nodes.data[n].queued) {
    g->nodes.data[n].queued = 1;
    ESC_VEC_PUSH(g->work, n);
  }
}

static void set_bit(esc_graph *g, int node, int obj, int pred, int why) {
  if (esc_bits_set(&g->nodes.data[node].pts, (uint32_t)obj)) {
    if (!g->no_prov)
      prov_insert(g, prov_key(node, obj), pred, why);
    enqueue(g, node);
  }
}

void esc_graph_base(esc_graph *g, int node, int obj, esc_why why) {
  if (node < 0 || obj < 0)
    return;
  set_bit(g, node, obj, -1, add_why(g, why));
}

/* dst |= src, recording how each new object arrived. */
static void propagate(esc_graph *g, int src, int dst, int why) {
  if (src == dst)
    return;
  esc_bits *s = &g->nodes.data[src].pts;
  g->steps++;
  for (uint32_t k = 0; k < s->nwords; k++) {
    uint64_t w = s->w[k];
    if (!w)
      continue;
    esc_bits *d = &g->nodes.data[dst].pts;
    uint64_t have = k < d->nwords ? d->w[k] : 0;
    uint64_t fresh = w & ~have;
    while (fresh) {
      int bit = __builtin_ctzll(fresh);
      fresh &= fresh - 1;
      set_bit(g, dst, (int)(k * 64 + (uint32_t)bit), src, why);
      g->steps++;
    }
  }
}

static void add_copy_idx(esc_graph *g, int src, int dst, int why) {
  if (src == dst)
    return;
  uint64_t key = ((uint64_t)(uint32_t)src << 32) | (uint32_t)dst;
  if (!esc_u64set_add(&g->copy_edges, key))
    return;
  ESC_VEC_PUSH(g->nodes.data[src].succ, ((esc_edge){dst, why}));
  propagate(g, src, dst, why);
}

void esc_graph_copy(esc_graph *g, int src, int dst, esc_why why) {
  if (src < 0 || dst < 0)
    return;
  add_copy_idx(g, src, dst, add_why(g, why));
}

void esc_graph_load(esc_graph *g, int ptr, int dst, esc_why why) {
  if (ptr < 0 || dst < 0)
    return;
  esc_node *n = &g->nodes.data[ptr];
  ESC_VEC_PUSH(n->loads, ((esc_edge){dst, add_why(g, why)}));
  esc_bits_free(&n->done); /* re-apply to objects already present */
  enqueue(g, ptr);
}

void esc_graph_store(esc_graph *g, int ptr, int src, esc_why why) {
  if (ptr < 0 || src < 0)
    return;
  esc_node *n = &g->nodes.data[ptr];
  ESC_VEC_PUSH(n->stores, ((esc_edge){src, add_why(g, why)}));
  esc_bits_free(&n->done);
  enqueue(g, ptr);
}

/* ---- solving ---- */
static void apply_object_rules(esc_graph *g, int n, int obj) {
  int content = g->objs.data[obj].content;
  for (size_t i = 0; i < g->nodes.data[n].loads.len; i++) {
    esc_edge e = g->nodes.data[n].loads.data[i];
    add_copy_idx(g, content, e.other, e.why);
  }
  for (size_t i = 0; i < g->nodes.data[n].stores.len; i++) {
    esc_edge e = g->nodes.data[n].stores.data[i];
    add_copy_idx(g, e.other, content, e.why);
  }
  if (n == ESC_ESC_NODE && obj != ESC_HEAP_OBJ) {
    int why = add_why(g, (esc_why){ESC_WHY_CLOSURE, obj, NULL, NULL});
    add_copy_idx(g, content, ESC_ESC_NODE, why);
    set_bit(g, content, ESC_HEAP_OBJ, -1, why);
  }
}

esc_solve_status esc_graph_solve(esc_graph *g, uint64_t budget) {
  g->steps = 0;
  g->budget = budget;
  while (g->work.len) {
    int n = g->work.data[--g->work.len];
    g->nodes.data[n].queued = 0;
    if (g->steps > budget)
      return ESC_SOLVE_BUDGET;
    esc_node *node = &g->nodes.data[n];
    if (node->loads.len || node->stores.len || n == ESC_ESC_NODE) {
      for (int o = esc_bits_next(&node->pts, 0); o >= 0;
           o = esc_bits_next(&g->nodes.data[n].pts, (uint32_t)o + 1)) {
        if (!esc_bits_set(&g->nodes.data[n].done, (uint32_t)o))
          continue;
        g->steps++;
        apply_object_rules(g, n, o);
      }
    }
    /* succ may grow while we iterate (self loops through contents) */
    for (size_t i = 0; i < g->nodes.data[n].succ.len; i++) {
      esc_edge e = g->nodes.data[n].succ.data[i];
      propagate(g, n, e.other, e.why);
    }
  }
  return g->steps > budget ? ESC_SOLVE_BUDGET : ESC_SOLVE_OK;
}

const esc_bits *esc_graph_pts(const esc_graph *g, int node) {
  return &g->nodes.data[node].pts;
}

int esc_graph_points_to(const esc_graph *g, int node, int obj) {
  return esc_bits_test(&g->nodes.data[node].pts, (uint32_t)obj);
}

/* ---- one function's graph: values to nodes ---- */
static int const_mentions_global(LLVMValueRef v, int depth) {
  if (LLVMIsAGlobalValue(v) || LLVMIsABlockAddress(v))
    return 1;
  if (depth > ESC_CONST_GLOBAL_DEPTH)
    return 1; /* too deep to look: it may mention one */
  if (!LLVMIsAConstant(v) || LLVMIsAConstantInt(v) ||
      LLVMIsAConstantFP(v) || LLVMIsAConstantPointerNull(v) ||
      LLVMIsAUndefValue(v) || LLVMIsAConstantDataSequential(v))
    return 0;
  int n = LLVMGetNumOperands(v);
  for (int i = 0; i < n; i++)
    if (const_mentions_global(LLVMGetOperand(v, (unsigned)i), depth + 1))
      return 1;
  return 0;
}

/* The node of v, or -1 when v cannot carry an address (void, or a scalar
 * narrower than a pointer). */
int esc_fctx_vnode(fctx *c, LLVMValueRef v) {
  if (!v)
    return -1;
  if (LLVMIsAInstruction(v) || LLVMIsAArgument(v)) {
    if (!esc_fctx_carries_address(LLVMTypeOf(v)))
      return -1;
    int n = esc_ptrmap_get(&c->vnode, v);
    if (n < 0) {
      n = esc_graph_node(c->g);
      esc_ptrmap_put(&c->vnode, v, n);
    }
    return n;
  }
  if (LLVMIsAConstant(v) && const_mentions_global(v, 0))
    return c->heap_node;
  /* a pointer constant that is not null ((struct region *)0x10000000):
   * memory the function does not own */
  if (LLVMIsAConstantExpr(v) &&
      LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMPointerTypeKind)
    return c->heap_node;
  return -1; /* null, integers, undef, metadata, blocks, inline asm */
}

int esc_fctx_carries_address(LLVMTypeRef t) {
  switch (LLVMGetTypeKind(t)) {
  case LLVMPointerTypeKind:
  case LLVMStructTypeKind:
  case LLVMArrayTypeKind:
  case LLVMVectorTypeKind:
  case LLVMScalableVectorTypeKind:
  case LLVMHalfTypeKind:
  case LLVMBFloatTypeKind:
  case LLVMFloatTypeKind:
  case LLVMDoubleTypeKind:
  case LLVMX86_FP80TypeKind:
  case LLVMFP128TypeKind:
  case LLVMPPC_FP128TypeKind:
    return 1;
  case LLVMIntegerTypeKind:
    /* any width: a pointer may travel in halves or byte by byte */
    return LLVMGetIntTypeWidth(t) > 1;
  default:
    return 0;
  }
}

/* ---- one function's graph: solving it ---- */

/* Objects reachable from what the caller can see (the return value and the
 * memory of the parameters), through the contents of heap objects.
 * via[o] = 1 + param index, or -1 for the return value; 0 = unreached. */
void esc_fctx_boundary_reach(fctx *c, int *via) {
  int nobj = esc_graph_num_objects(c->g);
  int *queue = esc_xmalloc(sizeof(int) * (size_t)nobj);
  int qn = 0;
  memset(via, 0, sizeof(int) * (size_t)nobj);
#define SEED(node, tag)                                                        \
  do {                                                                         \
    const esc_bits *b_ = esc_graph_pts(c->g, (node));                          \
    for (int o_ = esc_bits_next(b_, 0); o_ >= 0;                               \
         o_ = esc_bits_next(b_, (uint32_t)o_ + 1))                             \
      if (!via[o_]) {                                                          \
        via[o_] = (tag);                                                       \
        queue[qn++] = o_;                                                      \
      }                                                                        \
  } while (0)
  SEED(c->ret, -1);
  for (int j = 0; j < c->nparams; j++) {
    if (c->p1[j] < 0)
      continue;
    SEED(esc_graph_content(c->g, c->p1[j]), j + 1);
    SEED(esc_graph_content(c->g, c->pd[j]), j + 1);
  }
  for (int qi = 0; qi < qn; qi++) {
    int o = queue[qi];
    esc_objkind k = c->obj.data[o].kind;
    if (k == OBJ_HEAPSITE || k == OBJ_FRESH || k == OBJ_STACK)
      SEED(esc_graph_content(c->g, o), via[o]);
  }
#undef SEED
  free(queue);
}

int esc_fctx_solve(fctx *c) {
  esc_solve_status st = esc_graph_solve(c->g, c->R->opt.solve_budget);
  if (st != ESC_SOLVE_OK)
    return 0;
  /* A stack object the caller can reach outlives its frame: it escapes,
   * and so does everything it holds. Repeat until nothing new. */
  int nobj = esc_graph_num_objects(c->g);
  int *via = esc_xmalloc(sizeof(int) * (size_t)(nobj ? nobj : 1));
  for (int round = 0; round < ESC_FRAME_ROUNDS; round++) {
    nobj = esc_graph_num_objects(c->g);
    via = esc_xrealloc(via, sizeof(int) * (size_t)nobj);
    esc_fctx_boundary_reach(c, via);
    int added = 0;
    for (int o = 0; o < nobj; o++) {
      if (c->obj.data[o].kind != OBJ_STACK || !via[o] ||
          esc_graph_points_to(c->g, ESC_ESC_NODE, o))
        continue;
      esc_why w = via[o] < 0 ? why(ESC_WHY_RETURN, NULL, NULL, -1)
                             : why(ESC_WHY_STORE, NULL, NULL, via[o] - 1);
      esc_graph_base(c->g, ESC_ESC_NODE, o, w);
      added = 1;
    }
    if (!added) {
      free(via);
      return 1;
    }
    if (esc_graph_solve(c->g, c->R->opt.solve_budget) != ESC_SOLVE_OK)
      break;
  }
  free(via);
  return 0;
}
