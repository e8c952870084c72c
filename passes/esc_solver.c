/* esc_solver.c: inclusion-constraint escape graph and its worklist solver. */
#include "esc_solver.h"

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
  int owner; /* object whose contents this node is, or -1 */
  int queued;
} esc_node;

typedef struct esc_object {
  int tag;
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
  int heap = esc_graph_object(g, -1); /* creates node 0 (ESC) as content */
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
  n.owner = -1;
  ESC_VEC_PUSH(g->nodes, n);
  return (int)g->nodes.len - 1;
}

int esc_graph_object(esc_graph *g, int tag) {
  int content = esc_graph_node(g);
  int id = (int)g->objs.len;
  g->nodes.data[content].owner = id;
  ESC_VEC_PUSH(g->objs, ((esc_object){tag, content}));
  return id;
}

int esc_graph_object_tag(const esc_graph *g, int obj) {
  return g->objs.data[obj].tag;
}
int esc_graph_content(const esc_graph *g, int obj) {
  return g->objs.data[obj].content;
}
int esc_graph_num_nodes(const esc_graph *g) { return (int)g->nodes.len; }
int esc_graph_num_objects(const esc_graph *g) { return (int)g->objs.len; }
int esc_graph_content_owner(const esc_graph *g, int node) {
  return g->nodes.data[node].owner;
}
uint64_t esc_graph_steps(const esc_graph *g) { return g->steps; }

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
