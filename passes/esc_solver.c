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

/* How an object first reached a node (provenance). */
typedef struct prov_rec {
  int obj, pred, why;
} prov_rec;

/* Bits of a node's set not yet passed on, with the range of words they
 * are in (lo > hi: none). */
typedef struct fresh_bits {
  esc_bits b;
  uint32_t lo, hi;
} fresh_bits;

typedef struct esc_node {
  esc_bits pts;
  esc_bits done; /* objects whose load/store/closure rules have been applied */
  fresh_bits fresh; /* objects of pts added since the node was processed */
  ESC_VEC(esc_edge) succ;
  ESC_VEC(esc_edge) loads;
  ESC_VEC(esc_edge) stores;
  ESC_VEC(prov_rec) prov; /* one record per object of pts */
  size_t prov_sorted;     /* prov[0..prov_sorted) are sorted by obj */
  int queued;
  int rules_all; /* done was reset: every object of pts is looked at */
} esc_node;

typedef struct esc_object {
  int content;
} esc_object;

struct esc_graph {
  ESC_VEC(esc_node) nodes;
  ESC_VEC(esc_object) objs;
  ESC_VEC(esc_why) whys;
  ESC_VEC(int) work;
  /* copy edges of nodes with more than ESC_GRAPH_SCAN_SUCC successors
   * (a shorter list is searched instead) */
  esc_u64set copy_edges;
  fresh_bits spare; /* a cleared buffer for the node being processed */
  size_t nslots;    /* nodes.data[0..nslots) hold buffers (>= nodes.len) */
  uint64_t steps, budget;
  int over_budget;
  int no_prov; /* provenance not kept */
};

static int add_why(esc_graph *g, esc_why why) {
  ESC_VEC_PUSH(g->whys, why);
  return (int)g->whys.len - 1;
}

/* ---- provenance ---- */
static int cmp_prov(const void *x, const void *y) {
  int a = ((const prov_rec *)x)->obj, b = ((const prov_rec *)y)->obj;
  return a < b ? -1 : a > b;
}

int esc_graph_prov(esc_graph *g, int node, int obj, int *pred, esc_why *why) {
  esc_node *n = &g->nodes.data[node];
  if (n->prov_sorted < n->prov.len) {
    /* records arrive in solve order; each object once (set_bit) */
    qsort(n->prov.data, n->prov.len, sizeof(prov_rec), cmp_prov);
    n->prov_sorted = n->prov.len;
  }
  size_t lo = 0, hi = n->prov.len;
  while (lo < hi) {
    size_t m = (lo + hi) / 2;
    if (n->prov.data[m].obj < obj)
      lo = m + 1;
    else if (n->prov.data[m].obj > obj)
      hi = m;
    else {
      *pred = n->prov.data[m].pred;
      *why = g->whys.data[n->prov.data[m].why];
      return 1;
    }
  }
  return 0;
}

/* ---- construction ---- */
static void graph_init(esc_graph *g) {
  g->spare.lo = 1;
  g->spare.hi = 0;
  add_why(g, (esc_why){ESC_WHY_NONE, 0, NULL, NULL});
  int heap = esc_graph_object(g); /* creates node 0 (ESC) as content */
  esc_graph_base(g, ESC_ESC_NODE, heap, (esc_why){ESC_WHY_NONE, 0, NULL, NULL});
}

esc_graph *esc_graph_new(void) {
  esc_graph *g = esc_xcalloc(1, sizeof(*g));
  esc_u64set_init(&g->copy_edges);
  graph_init(g);
  return g;
}

static void bits_clear(esc_bits *b) {
  if (b->nwords)
    memset(b->w, 0, sizeof(uint64_t) * b->nwords);
}

void esc_graph_clear(esc_graph *g) {
  /* node slots keep their buffers for the next graph (esc_graph_node) */
  g->nodes.len = 0;
  g->objs.len = 0;
  g->whys.len = 0;
  g->work.len = 0;
  if (g->copy_edges.len) {
    if (g->copy_edges.cap > ESC_GRAPH_KEEP_EDGE_SLOTS) {
      esc_u64set_free(&g->copy_edges);
    } else {
      memset(g->copy_edges.keys, 0, sizeof(uint64_t) * g->copy_edges.cap);
      g->copy_edges.len = 0;
    }
  }
  g->steps = g->budget = 0;
  g->over_budget = 0;
  g->no_prov = 0;
  graph_init(g);
}

void esc_graph_free(esc_graph *g) {
  if (!g)
    return;
  for (size_t i = 0; i < g->nslots; i++) {
    esc_node *n = &g->nodes.data[i];
    esc_bits_free(&n->pts);
    esc_bits_free(&n->done);
    esc_bits_free(&n->fresh.b);
    ESC_VEC_FREE(n->succ);
    ESC_VEC_FREE(n->loads);
    ESC_VEC_FREE(n->stores);
    ESC_VEC_FREE(n->prov);
  }
  esc_bits_free(&g->spare.b);
  ESC_VEC_FREE(g->nodes);
  ESC_VEC_FREE(g->objs);
  ESC_VEC_FREE(g->whys);
  ESC_VEC_FREE(g->work);
  esc_u64set_free(&g->copy_edges);
  free(g);
}

void esc_graph_no_provenance(esc_graph *g) { g->no_prov = 1; }

int esc_graph_node(esc_graph *g) {
  if (g->nodes.len < g->nslots) {
    /* a slot of an earlier graph (esc_graph_clear): its buffers, emptied */
    esc_node *n = &g->nodes.data[g->nodes.len];
    bits_clear(&n->pts);
    bits_clear(&n->done);
    bits_clear(&n->fresh.b);
    n->fresh.lo = 1, n->fresh.hi = 0;
    n->succ.len = n->loads.len = n->stores.len = n->prov.len = 0;
    n->prov_sorted = 0;
    n->queued = n->rules_all = 0;
    return (int)g->nodes.len++;
  }
  esc_node n;
  memset(&n, 0, sizeof(n));
  n.fresh.lo = 1;
  ESC_VEC_PUSH(g->nodes, n);
  g->nslots = g->nodes.len;
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

static void fresh_add(fresh_bits *f, uint32_t i) {
  esc_bits_set(&f->b, i);
  uint32_t k = i >> 6;
  if (f->lo > f->hi)
    f->lo = f->hi = k;
  else if (k < f->lo)
    f->lo = k;
  else if (k > f->hi)
    f->hi = k;
}

static void set_bit(esc_graph *g, int node, int obj, int pred, int why) {
  esc_node *n = &g->nodes.data[node];
  if (esc_bits_set(&n->pts, (uint32_t)obj)) {
    if (!g->no_prov)
      ESC_VEC_PUSH(n->prov, ((prov_rec){obj, pred, why}));
    fresh_add(&n->fresh, (uint32_t)obj);
    enqueue(g, node);
  }
}

void esc_graph_base(esc_graph *g, int node, int obj, esc_why why) {
  if (node < 0 || obj < 0)
    return;
  set_bit(g, node, obj, -1, add_why(g, why));
}

/* Word k of src's set restricted to cur and to what src gained since cur
 * was taken (cur NULL: all of src's set). */
static uint64_t src_word(esc_graph *g, int src, const fresh_bits *cur,
                         uint32_t k) {
  if (!cur) {
    const esc_bits *s = &g->nodes.data[src].pts;
    return k < s->nwords ? s->w[k] : 0;
  }
  const fresh_bits *f = &g->nodes.data[src].fresh;
  uint64_t w = 0;
  if (k >= cur->lo && k <= cur->hi)
    w |= cur->b.w[k];
  if (k >= f->lo && k <= f->hi)
    w |= f->b.w[k];
  return w;
}

/* dst |= src, recording how each new object arrived; with cur, only the
 * objects src gained since it was last passed on (cur and src's fresh
 * bits: every older one is in dst already), in the same order. */
static void propagate(esc_graph *g, int src, int dst, int why,
                      const fresh_bits *cur) {
  if (src == dst)
    return;
  g->steps++;
  uint32_t k0 = 0, k1 = g->nodes.data[src].pts.nwords;
  if (cur) {
    const fresh_bits *f = &g->nodes.data[src].fresh;
    k0 = UINT32_MAX, k1 = 0;
    if (cur->lo <= cur->hi)
      k0 = cur->lo, k1 = cur->hi + 1;
    if (f->lo <= f->hi) {
      if (f->lo < k0)
        k0 = f->lo;
      if (f->hi + 1 > k1)
        k1 = f->hi + 1;
    }
  }
  for (uint32_t k = k0; k < k1; k++) {
    uint64_t w = src_word(g, src, cur, k);
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
    /* src's own fresh bits may have grown past k1 (a self loop through
     * contents): they are passed on when src is processed again */
  }
}

/* Is there a copy edge src -> dst? Adds it when not. */
static int new_copy_edge(esc_graph *g, int src, int dst) {
  esc_node *s = &g->nodes.data[src];
  if (s->succ.len < ESC_GRAPH_SCAN_SUCC) {
    for (size_t i = 0; i < s->succ.len; i++)
      if (s->succ.data[i].other == dst)
        return 0;
    return 1;
  }
  if (s->succ.len == ESC_GRAPH_SCAN_SUCC)
    /* the list outgrows searching: its edges go into the set */
    for (size_t i = 0; i < s->succ.len; i++)
      esc_u64set_add(&g->copy_edges, ((uint64_t)(uint32_t)src << 32) |
                                         (uint32_t)s->succ.data[i].other);
  return esc_u64set_add(&g->copy_edges,
                        ((uint64_t)(uint32_t)src << 32) | (uint32_t)dst);
}

static void add_copy_idx(esc_graph *g, int src, int dst, int why) {
  if (src == dst || !new_copy_edge(g, src, dst))
    return;
  ESC_VEC_PUSH(g->nodes.data[src].succ, ((esc_edge){dst, why}));
  propagate(g, src, dst, why, NULL);
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
  n->rules_all = 1;
  enqueue(g, ptr);
}

void esc_graph_store(esc_graph *g, int ptr, int src, esc_why why) {
  if (ptr < 0 || src < 0)
    return;
  esc_node *n = &g->nodes.data[ptr];
  ESC_VEC_PUSH(n->stores, ((esc_edge){src, add_why(g, why)}));
  esc_bits_free(&n->done);
  n->rules_all = 1;
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

/* The next object at or after `from` among n's objects to look at: all of
 * its set (all), or cur and what n gained since (live). */
static int next_obj(esc_graph *g, int n, const fresh_bits *cur, int all,
                    uint32_t from) {
  if (all)
    return esc_bits_next(&g->nodes.data[n].pts, from);
  const fresh_bits *f = &g->nodes.data[n].fresh;
  uint32_t end = 0;
  if (cur->lo <= cur->hi)
    end = cur->hi + 1;
  if (f->lo <= f->hi && f->hi + 1 > end)
    end = f->hi + 1;
  for (uint32_t k = from >> 6; k < end; k++) {
    uint64_t w = src_word(g, n, cur, k);
    if (k == from >> 6)
      w &= ~(uint64_t)0 << (from & 63);
    if (w)
      return (int)(k * 64 + (uint32_t)__builtin_ctzll(w));
  }
  return -1;
}

esc_solve_status esc_graph_solve(esc_graph *g, uint64_t budget) {
  g->steps = 0;
  g->budget = budget;
  while (g->work.len) {
    int n = g->work.data[--g->work.len];
    g->nodes.data[n].queued = 0;
    if (g->steps > budget)
      return ESC_SOLVE_BUDGET;
    /* what n gained since it was last processed: cur; what it gains
     * while it is processed goes to a fresh set of its own */
    fresh_bits cur = g->nodes.data[n].fresh;
    g->nodes.data[n].fresh = g->spare;
    g->spare = (fresh_bits){{NULL, 0}, 1, 0};
    int all = g->nodes.data[n].rules_all;
    g->nodes.data[n].rules_all = 0;
    esc_node *node = &g->nodes.data[n];
    if (node->loads.len || node->stores.len || n == ESC_ESC_NODE) {
      for (int o = next_obj(g, n, &cur, all, 0); o >= 0;
           o = next_obj(g, n, &cur, all, (uint32_t)o + 1)) {
        if (!esc_bits_set(&g->nodes.data[n].done, (uint32_t)o))
          continue;
        g->steps++;
        apply_object_rules(g, n, o);
      }
    }
    /* succ may grow while we iterate (self loops through contents) */
    for (size_t i = 0; i < g->nodes.data[n].succ.len; i++) {
      esc_edge e = g->nodes.data[n].succ.data[i];
      propagate(g, n, e.other, e.why, &cur);
    }
    /* cur's buffer, cleared, is the next node's fresh set */
    if (cur.lo <= cur.hi)
      memset(cur.b.w + cur.lo, 0, sizeof(uint64_t) * (cur.hi - cur.lo + 1));
    cur.lo = 1, cur.hi = 0;
    if (g->spare.b.w)
      esc_bits_free(&cur.b);
    else
      g->spare = cur;
  }
  return g->steps > budget ? ESC_SOLVE_BUDGET : ESC_SOLVE_OK;
}

const esc_bits *esc_graph_pts(const esc_graph *g, int node) {
  return &g->nodes.data[node].pts;
}

int esc_graph_reaches(const esc_graph *g, int from, int to) {
  size_t n = g->nodes.len;
  char *seen = esc_xcalloc(n ? n : 1, 1);
  ESC_VEC(int) work = {0};
  ESC_VEC_PUSH(work, from);
  int found = 0;
  while (work.len && !found) {
    const esc_node *x = &g->nodes.data[work.data[--work.len]];
    for (size_t i = 0; i < x->succ.len && !found; i++) {
      int d = x->succ.data[i].other;
      if (d == to)
        found = 1;
      else if (d != ESC_ESC_NODE && !seen[d]) {
        seen[d] = 1;
        ESC_VEC_PUSH(work, d);
      }
    }
  }
  ESC_VEC_FREE(work);
  free(seen);
  return found;
}

int esc_graph_flows_in(const esc_graph *g, int node, int obj) {
  for (size_t y = 0; y < g->nodes.len; y++) {
    if ((int)y == ESC_ESC_NODE ||
        !esc_bits_test(&g->nodes.data[y].pts, (uint32_t)obj))
      continue;
    const esc_node *x = &g->nodes.data[y];
    for (size_t i = 0; i < x->succ.len; i++)
      if (x->succ.data[i].other == node)
        return 1;
  }
  return 0;
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
  case LLVMX86_MMXTypeKind: /* __m64 */
  case LLVMX86_AMXTypeKind:
  case LLVMTargetExtTypeKind:
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
