/* esc_pta.c: sound whole-program points-to analysis (esc_pta.h).
 *
 * Vocabulary:
 * - an object is memory with one identity: a global, an alloca, the block
 *   of one allocation call, a function's variadic arguments, a function
 *   (code), or EXT (everything outside the program);
 * - a location is (object, byte offset) or (object, anywhere); points-to
 *   sets hold locations;
 * - a granule is 8 bytes of an object, the unit memory contents are kept
 *   in. Each object has an "any" node (written at an unknown offset: flows
 *   into every granule) and an "all" node (every granule flows into it:
 *   what a read at an unknown offset sees).
 * - X is the node of what the outside knows: EXT itself and every location
 *   exposed to it. A value that comes from outside (read from EXT memory,
 *   returned by outside code, a parameter outside code calls with) is
 *   EXT_LOC alone, which stands for every location of X: loads through it
 *   give EXT_LOC, stores through it expose the value stored, calls
 *   through it are unknown. Writing EXT memory adds to X.
 */
#include "esc_pta.h"

#include "esc_libc.h"
#include "esc_limits.h"
#include "esc_loc.h"
#include "esc_scc.h"
#include "esc_sites.h"
#include "esc_typeset.h"
#include "esc_usermodel.h"

#include <limits.h>
#include <llvm-c/Target.h>
#include <stdlib.h>
#include <string.h>

enum { ANY = -1, EXT_OBJ = 0, EXT_LOC = 0 };
#define VAR_OFF LLONG_MIN

typedef ESC_VEC(int) ivec;

typedef enum { OK_EXT, OK_MEM, OK_FUNC } objkind;

typedef struct pobj {
  objkind kind;
  LLVMValueRef v; /* function, alloca, global or call; NULL for EXT, va */
  long long size; /* bytes, -1 when unknown */
  int exposed;
  int readonly;   /* a constant global: writes are undefined */
  int any, all;   /* nodes, -1 until needed */
  int nlocs;      /* offsets in use: location ids obj*256 + 1..nlocs */
  long long *offs; /* offs[k]: byte offset of location k (0 = anywhere) */
  int *group, ngroup; /* a function group's representative: its members */
  int *gcalls, ngcalls; /* and the calls that may reach the group */
} pobj;

/* A set of locations: sorted 64-bit words of a bit set over location ids.
 * The ids of one object are consecutive (obj * 256 + k), so a pointer set
 * into one object takes a word or four. */
/* packed: 12 bytes a word instead of 16 (the sets are most of the
 * solve's memory; x86-64 reads unaligned words at no cost) */
typedef struct __attribute__((packed)) sword {
  uint32_t i;
  uint64_t w;
} sword;
typedef ESC_VEC(sword) sbits;

typedef struct pnode {
  sbits pts;   /* locations propagated from this node */
  sbits delta; /* locations to add: unsorted words, may repeat */
  ivec succ;  /* copy edges */
  ivec cons;  /* constraints triggered by this node's new locations */
  int queued;
  int from;   /* explain: node EXT_LOC came from (-1: placed there) */
  size_t checked; /* set size (words) at the last coarsening check */
} pnode;

typedef enum {
  C_LOAD,
  C_STORE,
  C_GEP,
  C_SMEAR,
  C_MEMCPY,
  C_CALL,
  C_EXPOSE
} ckind;

typedef struct pcons {
  ckind kind;
  int a, b;    /* LOAD ptr->dst, STORE ptr<-src, GEP/SMEAR src->dst,
                  MEMCPY dst<-src, CALL callee */
  long long k; /* bytes (-1: unknown), GEP offset (VAR_OFF), or for INDEX
                  the node of the GEP's base */
  int call;    /* CALL: index in calls */
  unsigned long long pairs; /* MEMCPY: location pairs copied one by one */
  int hub1;    /* MEMCPY past ESC_PTA_MEMCPY_PAIRS: 1 + the node every
                  source's contents flow through to every destination */
} pcons;

typedef struct pindex {
  int base, idx, dst, on;
} pindex;

typedef struct pcall {
  LLVMValueRef inst; /* NULL for a library's callback */
  LLVMTypeRef fty;   /* NULL: not checked */
  int nargs;
  int *args;         /* nodes, -1 for values without addresses */
  int res;
  int unknown_done;
} pcall;

struct esc_pta {
  LLVMModuleRef M;
  LLVMTargetDataRef td;
  int closed, explain;
  uint64_t budget, steps;
  int over_budget;
  ESC_VEC(pobj) objs;
  ESC_VEC(pnode) nodes;
  ESC_VEC(pcons) cons;
  ESC_VEC(pcall) calls;
  int nlocations;
  int nmerged, nfgrouped; /* objects merged, functions grouped */
  esc_ptrmap locmap;  /* (obj, off) -> location */
  esc_ptrmap granmap; /* (obj, granule) -> node */
  esc_ptrmap objmap;  /* value -> object */
  esc_ptrmap vmap;    /* value -> node */
  esc_ptrmap retmap;  /* function -> node of its returns */
  esc_ptrmap vamap;   /* function -> object of its variadic arguments */
  esc_ptrmap plainmap; /* global -> plain_constant_data() */
  esc_ptrmap wrapmap;  /* allocator wrappers */
  int own_streams;     /* esc_libc_streams_call_back(M) */
  const esc_usermodel *model; /* the user's model (borrowed) */
  esc_u64set edges, bound;
  ESC_VEC(pindex) indices; /* GEPs with variable indices (index_c) */
  ivec work;           /* nodes to process this round, in topo order */
  size_t work_head;    /* work[0..work_head) are done */
  ivec next;           /* nodes queued for the next round */
  ivec locs;           /* solve: the new locations of the node at hand */
  ivec topo;           /* node -> order of its copy-edge component (lower
                          first: sources before what they reach) */
  ivec rep;            /* union-find over nodes: cycles are merged */
  ivec objrep;         /* union-find over objects: coarsened sets */
  uint64_t next_collapse; /* steps at which to look for cycles again */
  int X; /* what outside code knows: the exposed locations */
  int E; /* a value from outside: EXT_LOC alone, which stands for any
            location in X wherever it is used */
  ESC_VEC(LLVMValueRef) node_val; /* explain: value of a node */
  ivec node_obj;                  /* explain: object of a memory node */
};

/* ---- sets, nodes, edges ---- */
static inline int lobj(int l) { return (int)((unsigned)l >> 8); }

static uint64_t sb_word(const sbits *b, uint32_t i) {
  size_t lo = 0, hi = b->len;
  while (lo < hi) {
    size_t m = (lo + hi) / 2;
    if (b->data[m].i < i)
      lo = m + 1;
    else if (b->data[m].i > i)
      hi = m;
    else
      return b->data[m].w;
  }
  return 0;
}

/* dst |= src (both sorted), in place: dst grows to hold the union and is
 * merged from the back, so no word is moved twice and nothing is allocated
 * but the growth. */
static void sb_or(sbits *dst, const sword *src, size_t ns) {
  if (!ns)
    return;
  size_t extra = 0, a = 0, b = 0;
  while (a < dst->len && b < ns) { /* words of src not in dst */
    if (dst->data[a].i < src[b].i)
      a++;
    else if (src[b].i < dst->data[a].i)
      extra++, b++;
    else
      a++, b++;
  }
  extra += ns - b;
  size_t n = dst->len + extra;
  if (n > dst->cap) {
    /* an eighth more: sets grow often but are most of the memory */
    dst->cap = n + n / 8;
    dst->data = esc_xrealloc(dst->data, sizeof(sword) * dst->cap);
  }
  size_t i = dst->len, j = ns, k = n;
  while (j > 0) {
    if (i > 0 && dst->data[i - 1].i > src[j - 1].i)
      dst->data[--k] = dst->data[--i];
    else if (i > 0 && dst->data[i - 1].i == src[j - 1].i) {
      sword w = dst->data[--i];
      w.w |= src[--j].w;
      dst->data[--k] = w;
    } else
      dst->data[--k] = src[--j];
  }
  dst->len = n;
}

/* The locations of a set, as ints, into *out (its old elements dropped). */
static void sb_list_into(const sbits *b, ivec *out) {
  size_t k = 0;
  for (size_t i = 0; i < b->len; i++)
    k += (size_t)__builtin_popcountll(b->data[i].w);
  out->len = 0;
  ESC_VEC_RESERVE(*out, k);
  for (size_t i = 0; i < b->len; i++)
    for (uint64_t w = b->data[i].w; w; w &= w - 1)
      out->data[out->len++] =
          (int)(b->data[i].i * 64 + (uint32_t)__builtin_ctzll(w));
}

/* The locations of a set, as ints (malloc'd; *n of them). */
static int *sb_list(const sbits *b, size_t *n) {
  ivec v = {0};
  sb_list_into(b, &v);
  *n = v.len;
  return v.data ? v.data : esc_xmalloc(sizeof(int));
}

/* a \ b into out, which may be a's own words (out[k] is written after
 * a's word k is read); returns how many words. */
static size_t sb_minus_into(const sbits *a, const sbits *b, sword *out) {
  size_t n = 0;
  for (size_t i = 0, j = 0; i < a->len; i++) {
    while (j < b->len && b->data[j].i < a->data[i].i)
      j++;
    uint64_t w = a->data[i].w;
    if (j < b->len && b->data[j].i == a->data[i].i)
      w &= ~b->data[j].w;
    if (w)
      out[n++] = (sword){a->data[i].i, w};
  }
  return n;
}

static int new_node(esc_pta *p) {
  pnode n = {0};
  n.from = -2;
  ESC_VEC_PUSH(p->nodes, n);
  ESC_VEC_PUSH(p->rep, (int)p->nodes.len - 1);
  if (p->explain) {
    ESC_VEC_PUSH(p->node_val, NULL);
    ESC_VEC_PUSH(p->node_obj, -1);
  }
  return (int)p->nodes.len - 1;
}

static int find(esc_pta *p, int n) {
  while (p->rep.data[n] != n) {
    p->rep.data[n] = p->rep.data[p->rep.data[n]];
    n = p->rep.data[n];
  }
  return n;
}

static int find_obj(esc_pta *p, int o) {
  while (p->objrep.data[o] != o) {
    p->objrep.data[o] = p->objrep.data[p->objrep.data[o]];
    o = p->objrep.data[o];
  }
  return o;
}

static void coarsen(esc_pta *p, int n);

/* Does the set hold EXT_LOC (word 0, bit 0: sets are sorted)? */
static int sb_has_ext(const sword *w, size_t n) {
  return n && w[0].i == 0 && (w[0].w & 1);
}

/* Is word index i in an exposed object (its own or its representative's
 * flag)? EXT's words are not. */
static int word_exposed(esc_pta *p, uint32_t i) {
  int o = (int)(i >> 2);
  return o != EXT_OBJ &&
         (p->objs.data[o].exposed || p->objs.data[find_obj(p, o)].exposed);
}

/* EXT_LOC stands for every exposed location (the vocabulary above): in a
 * set that holds it, an exposed object's words say nothing more. Drops
 * them from w[0..n) in place (EXT's own words stay); returns how many are
 * left. X is the exception: its words are what is exposed. */
static size_t drop_exposed(esc_pta *p, sword *w, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (!word_exposed(p, w[i].i))
      w[k++] = w[i];
  return k;
}

static void enqueue(esc_pta *p, int n) {
  n = find(p, n);
  if (!p->nodes.data[n].queued) {
    p->nodes.data[n].queued = 1;
    ESC_VEC_PUSH(p->next, n);
  }
}

/* Adds the locations of src to n (from: the node they come from, -1 for a
 * base). The node's delta is a plain list of words (sorted and merged
 * when the node is processed), so adding costs no more than the check
 * against what the node already propagated. */
static void push_words(esc_pta *p, int n, const sword *src, size_t ns,
                       int from) {
  n = find(p, n);
  pnode *d = &p->nodes.data[n];
  size_t start = d->delta.len;
  int bsearch_each = ns * 8 < d->pts.len;
  /* a set with EXT_LOC needs no exposed location (drop_exposed) */
  int subsumed = n != find(p, p->X) &&
                 (sb_has_ext(d->pts.data, d->pts.len) || sb_has_ext(src, ns));
  size_t a = 0;
  for (size_t k = 0; k < ns; k++) {
    uint32_t i = src[k].i;
    uint64_t w = src[k].w;
    if (subsumed && word_exposed(p, i))
      continue;
    if (bsearch_each) {
      w &= ~sb_word(&d->pts, i);
    } else {
      while (a < d->pts.len && d->pts.data[a].i < i)
        a++;
      if (a < d->pts.len && d->pts.data[a].i == i)
        w &= ~d->pts.data[a].w;
    }
    if (w)
      ESC_VEC_PUSH(d->delta, ((sword){i, w}));
  }
  p->steps += ns;
  if (d->delta.len == start)
    return;
  if (n == find(p, p->X)) {
    /* what outside code knows is kept exactly: exposing is per object */
    enqueue(p, n);
    return;
  }
  /* a set that holds many offsets of one object points anywhere in it:
   * later additions for that object are its "anywhere" location alone */
  sword *add = d->delta.data + start;
  size_t na = d->delta.len - start, k2 = 0, c = 0;
  for (size_t k = 0; k < na;) {
    uint32_t o4 = add[k].i & ~3u;
    size_t e = k;
    while (e < na && (add[e].i & ~3u) == o4)
      e++;
    /* c: the first word of pts at or after the object's words */
    if (bsearch_each) {
      size_t lo = c, hi = d->pts.len;
      while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (d->pts.data[m].i < o4)
          lo = m + 1;
        else
          hi = m;
      }
      c = lo;
    } else
      while (c < d->pts.len && d->pts.data[c].i < o4)
        c++;
    uint64_t w0 = c < d->pts.len && d->pts.data[c].i == o4
                      ? d->pts.data[c].w : 0;
    int r = find_obj(p, (int)(o4 >> 2));
    if (r != (int)(o4 >> 2)) {
      /* an object merged into another: its representative, anywhere */
      if (!(sb_word(&d->pts, (uint32_t)r * 4) & 1))
        add[k2++] = (sword){(uint32_t)r * 4, 1};
      k = e;
      continue;
    }
    int bits = 0;
    for (size_t q = c; q < d->pts.len && d->pts.data[q].i < o4 + 4; q++)
      bits += __builtin_popcountll(d->pts.data[q].w);
    for (size_t q = k; q < e; q++)
      bits += __builtin_popcountll(add[q].w);
    if (bits > ESC_PTA_SMEAR_AT && o4 != 0) {
      if (!(w0 & 1))
        add[k2++] = (sword){o4, 1};
    } else {
      for (size_t q = k; q < e; q++)
        add[k2++] = add[q];
    }
    k = e;
  }
  d->delta.len = start + k2;
  if (!k2)
    return;
  if (add[0].i == 0 && (add[0].w & 1) && d->from == -2)
    d->from = from; /* EXT_LOC arrives */
  enqueue(p, n);
  size_t words = d->pts.len + d->delta.len;
  if (words > ESC_PTA_MERGE_AT && words >= d->checked + ESC_PTA_MERGE_AT / 2) {
    d->checked = words;
    coarsen(p, n);
  }
}

/* Sorts words by index: insertion sort for short runs, else a radix sort
 * on the 32-bit index (two passes of 16 bits). Deltas are mostly sorted
 * runs, often already in order. */
static void sort_words(sword *w, size_t n) {
  size_t i = 1;
  while (i < n && w[i - 1].i <= w[i].i)
    i++;
  if (i >= n)
    return;
  if (n <= 32) {
    for (; i < n; i++) {
      sword x = w[i];
      size_t j = i;
      while (j > 0 && w[j - 1].i > x.i) {
        w[j] = w[j - 1];
        j--;
      }
      w[j] = x;
    }
    return;
  }
  /* LSD radix sort, a byte of the index per pass; a pass where every
   * index has the same byte is skipped */
  sword *tmp = esc_xmalloc(sizeof(sword) * n), *from = w, *to = tmp;
  for (int shift = 0; shift < 32; shift += 8) {
    size_t cnt[256] = {0};
    for (size_t k = 0; k < n; k++)
      cnt[(from[k].i >> shift) & 0xff]++;
    if (cnt[(from[0].i >> shift) & 0xff] == n)
      continue;
    size_t sum = 0;
    for (int d = 0; d < 256; d++) {
      size_t c = cnt[d];
      cnt[d] = sum;
      sum += c;
    }
    for (size_t k = 0; k < n; k++)
      to[cnt[(from[k].i >> shift) & 0xff]++] = from[k];
    sword *t = from;
    from = to;
    to = t;
  }
  if (from != w)
    memcpy(w, from, sizeof(sword) * n);
  free(tmp);
}

/* Sorts a delta and merges words of one index. */
static void sb_normalize(sbits *b) {
  if (b->len < 2)
    return;
  sort_words(b->data, b->len);
  size_t k = 0;
  for (size_t i = 0; i < b->len; i++) {
    if (k && b->data[k - 1].i == b->data[i].i)
      b->data[k - 1].w |= b->data[i].w;
    else
      b->data[k++] = b->data[i];
  }
  b->len = k;
}

static void push_locs(esc_pta *p, int n, const int *locs, size_t k, int from) {
  for (size_t i = 0; i < k; i++) {
    sword w = {(uint32_t)locs[i] >> 6, 1ull << (locs[i] & 63)};
    push_words(p, n, &w, 1, from);
  }
}

static void base(esc_pta *p, int n, int loc) {
  if (n >= 0)
    push_locs(p, n, &loc, 1, -1);
}

static void add_edge(esc_pta *p, int s, int d) {
  if (s < 0 || d < 0)
    return;
  s = find(p, s);
  d = find(p, d);
  if (s == d)
    return;
  if (!esc_u64set_add(&p->edges, ((uint64_t)(unsigned)s << 32) | (unsigned)d))
    return;
  ESC_VEC_PUSH(p->nodes.data[s].succ, d);
  pnode *sn = &p->nodes.data[s];
  if (sn->pts.len)
    push_words(p, d, sn->pts.data, sn->pts.len, s);
}

static int add_cons(esc_pta *p, int trigger, pcons c) {
  if (trigger < 0)
    return -1;
  trigger = find(p, trigger);
  ESC_VEC_PUSH(p->cons, c);
  int id = (int)p->cons.len - 1;
  ESC_VEC_PUSH(p->nodes.data[trigger].cons, id);
  /* apply to what the trigger already holds */
  if (p->nodes.data[trigger].pts.len)
    enqueue(p, trigger), p->nodes.data[trigger].queued = 2;
  return id;
}

/* ---- objects and locations ---- */
static int new_obj(esc_pta *p, objkind k, LLVMValueRef v, long long size) {
  pobj o = {k, v, size, 0, 0, -1, -1, 0, NULL, NULL, 0, NULL, 0};
  ESC_VEC_PUSH(p->objs, o);
  int id = (int)p->objs.len - 1;
  ESC_VEC_PUSH(p->objrep, id);
  if (v)
    esc_ptrmap_put(&p->objmap, v, id);
  return id;
}

static void *key2(int a, long long b) {
  return (void *)(uintptr_t)((((uint64_t)(unsigned)a) << 32) |
                             (uint32_t)(b + 2));
}

static long long loff(const esc_pta *p, int l) {
  unsigned k = (unsigned)l & 255;
  return k ? p->objs.data[lobj(l)].offs[k] : ANY;
}

static int loc(esc_pta *p, int o, long long off) {
  int r = find_obj(p, o);
  if (r != o)
    return r * 256; /* merged: anywhere in its representative */
  pobj *ob = &p->objs.data[o];
  if (ob->kind == OK_EXT)
    off = ANY;
  if (off != ANY && (off < 0 || off > ESC_PTA_MAX_OFFSET ||
                     (ob->size >= 0 && off > ob->size)))
    off = ANY;
  if (ob->kind == OK_FUNC && off != 0)
    off = ANY;
  if (off == ANY)
    return o * 256;
  int l = esc_ptrmap_get(&p->locmap, key2(o, off));
  if (l >= 0)
    return l;
  if (ob->nlocs >= ESC_PTA_MAX_OFFSETS)
    return o * 256;
  if (!ob->offs)
    ob->offs = esc_xcalloc(256, sizeof(long long));
  ob->offs[++ob->nlocs] = off;
  l = o * 256 + ob->nlocs;
  p->nlocations++;
  esc_ptrmap_put(&p->locmap, key2(o, off), l);
  return l;
}

static int any_node(esc_pta *p, int o);
static int all_node(esc_pta *p, int o) {
  if (o == EXT_OBJ)
    return p->X;
  if (p->objs.data[o].all < 0) {
    int n = new_node(p);
    p->objs.data[o].all = n;
    if (p->explain)
      p->node_obj.data[n] = o;
    add_edge(p, any_node(p, o), n);
  }
  return p->objs.data[o].all;
}

static int any_node(esc_pta *p, int o) {
  if (o == EXT_OBJ)
    return p->X;
  if (p->objs.data[o].any < 0) {
    int n = new_node(p);
    p->objs.data[o].any = n;
    if (p->explain)
      p->node_obj.data[n] = o;
    add_edge(p, n, all_node(p, o));
  }
  return p->objs.data[o].any;
}

static int granule(esc_pta *p, int o, long long g) {
  int n = esc_ptrmap_get(&p->granmap, key2(o, g));
  if (n >= 0)
    return n;
  n = new_node(p);
  if (p->explain)
    p->node_obj.data[n] = o;
  esc_ptrmap_put(&p->granmap, key2(o, g), n);
  add_edge(p, any_node(p, o), n);
  add_edge(p, n, all_node(p, o));
  return n;
}

/* The nodes holding bytes [off, off+k) of location l, for reading
 * (write=0) or writing. Returns how many (at most max). */
static int mem_nodes(esc_pta *p, int l, long long k, int write, int *out,
                     int max) {
  int o = lobj(l);
  long long off = loff(p, l);
  pobj *ob = &p->objs.data[o];
  if (ob->kind == OK_EXT) {
    out[0] = p->X;
    return 1;
  }
  if (ob->kind == OK_FUNC || (write && ob->readonly))
    return 0;
  if (off == ANY || k < 0 || k > 8LL * max) {
    out[0] = write ? any_node(p, o) : all_node(p, o);
    return 1;
  }
  if (k == 0)
    k = 1;
  long long g0 = off >> 3, g1 = (off + k - 1) >> 3;
  int n = 0;
  for (long long g = g0; g <= g1 && n < max; g++)
    out[n++] = granule(p, o, g);
  return n;
}

/* ---- values ---- */
static int carries(LLVMTypeRef t) {
  switch (LLVMGetTypeKind(t)) {
  case LLVMVoidTypeKind:
  case LLVMLabelTypeKind:
  case LLVMMetadataTypeKind:
  case LLVMTokenTypeKind:
  case LLVMFunctionTypeKind:
    return 0;
  case LLVMIntegerTypeKind:
    return LLVMGetIntTypeWidth(t) > 1;
  default:
    return 1;
  }
}

static long long type_bytes(esc_pta *p, LLVMTypeRef t) {
  if (!LLVMTypeIsSized(t))
    return -1;
  return (long long)LLVMStoreSizeOfType(p->td, t);
}

/* Bytes between consecutive elements of type t in memory. */
static long long alloc_bytes(esc_pta *p, LLVMTypeRef t) {
  if (!LLVMTypeIsSized(t))
    return -1;
  return (long long)LLVMABISizeOfType(p->td, t);
}

/* Constant offset of a GEP's indices (instruction or constant expression),
 * or VAR_OFF when an index is not constant. */
static long long gep_offset(esc_pta *p, LLVMValueRef gep) {
  LLVMTypeRef t = LLVMGetGEPSourceElementType(gep);
  unsigned n = (unsigned)LLVMGetNumOperands(gep);
  long long off = 0;
  for (unsigned i = 1; i < n; i++) {
    LLVMValueRef idx = LLVMGetOperand(gep, i);
    if (!LLVMIsAConstantInt(idx) || !LLVMTypeIsSized(t))
      return VAR_OFF;
    long long c = LLVMConstIntGetSExtValue(idx);
    if (i == 1) {
      off += c * alloc_bytes(p, t); /* the stride: x86_fp80 is 10 stored,
                                       16 apart */
      continue;
    }
    LLVMTypeKind k = LLVMGetTypeKind(t);
    if (k == LLVMStructTypeKind) {
      off += (long long)LLVMOffsetOfElement(p->td, t, (unsigned)c);
      t = LLVMStructGetTypeAtIndex(t, (unsigned)c);
    } else if (k == LLVMArrayTypeKind || k == LLVMVectorTypeKind) {
      t = LLVMGetElementType(t);
      off += c * alloc_bytes(p, t);
    } else {
      return VAR_OFF;
    }
  }
  return off;
}

static int func_obj(esc_pta *p, LLVMValueRef f) {
  int o = esc_ptrmap_get(&p->objmap, f);
  return o >= 0 ? o : new_obj(p, OK_FUNC, f, 0);
}

static int global_obj(esc_pta *p, LLVMValueRef g) {
  int o = esc_ptrmap_get(&p->objmap, g);
  if (o >= 0)
    return o;
  LLVMTypeRef t = LLVMGlobalGetValueType(g);
  o = new_obj(p, OK_MEM, g, LLVMIsDeclaration(g) ? -1 : type_bytes(p, t));
  p->objs.data[o].readonly = LLVMIsGlobalConstant(g) && !LLVMIsDeclaration(g);
  return o;
}

/* Does constant c mention a global or function (could it carry an
 * address)? */
static int mentions_address(LLVMValueRef c, int depth) {
  if (depth > ESC_PTA_CONST_DEPTH)
    return 1; /* too deep to read: it may */
  if (!c || LLVMIsAConstantDataSequential(c) ||
      LLVMIsAConstantInt(c) || LLVMIsAConstantFP(c) || LLVMIsNull(c) ||
      LLVMIsUndef(c) || LLVMIsPoison(c))
    return 0;
  if (LLVMIsAGlobalValue(c))
    return 1;
  int n = LLVMGetNumOperands(c);
  for (int i = 0; i < n; i++)
    if (mentions_address(LLVMGetOperand(c, (unsigned)i), depth + 1))
      return 1;
  return 0;
}

/* A constant global holding no address (a string literal, a table of
 * numbers): loads from it give no address and it is never written (that
 * would be undefined), so pointers to it are left out of every set. */
static int plain_constant_data(esc_pta *p, LLVMValueRef g) {
  int k = esc_ptrmap_get(&p->plainmap, g);
  if (k >= 0)
    return k;
  k = LLVMIsGlobalConstant(g) && !LLVMIsDeclaration(g) &&
      LLVMGetInitializer(g) && !mentions_address(LLVMGetInitializer(g), 0);
  esc_ptrmap_put(&p->plainmap, g, k);
  return k;
}

/* An ifunc's address: a function its resolver may return, or, when the
 * resolver's answer cannot be followed, any function (EXT_LOC). */
static void ifunc_locs(esc_pta *p, LLVMValueRef ifunc, ivec *out) {
  LLVMValueRef fns[ESC_IR_IFUNC_VALUES];
  int n = esc_ifunc_targets(ifunc, fns, ESC_IR_IFUNC_VALUES);
  if (n < 0) {
    ESC_VEC_PUSH(*out, EXT_LOC);
    return;
  }
  for (int i = 0; i < n; i++)
    ESC_VEC_PUSH(*out, loc(p, func_obj(p, fns[i]), 0));
}

/* Every function and global a constant mentions, anywhere in it (a
 * constant nested past ESC_PTA_CONST_DEPTH): an explicit walk, no
 * recursion. */
static void const_globals(esc_pta *p, LLVMValueRef c, ivec *out) {
  ESC_VEC(LLVMValueRef) work = {0};
  esc_ptrmap seen;
  esc_ptrmap_init(&seen);
  ESC_VEC_PUSH(work, c);
  while (work.len) {
    LLVMValueRef v = work.data[--work.len];
    if (!v || esc_ptrmap_get(&seen, v) >= 0)
      continue;
    esc_ptrmap_put(&seen, v, 1);
    if (LLVMIsAGlobalAlias(v)) {
      ESC_VEC_PUSH(work, LLVMAliasGetAliasee(v));
    } else if (LLVMIsAFunction(v)) {
      ESC_VEC_PUSH(*out, loc(p, func_obj(p, v), ANY));
    } else if (LLVMIsAGlobalIFunc(v)) {
      ifunc_locs(p, v, out);
    } else if (LLVMIsAGlobalVariable(v)) {
      ESC_VEC_PUSH(*out, loc(p, global_obj(p, v), ANY));
    } else if (LLVMIsAConstant(v) && !LLVMIsAConstantDataSequential(v)) {
      int n = LLVMGetNumOperands(v);
      for (int i = 0; i < n; i++)
        ESC_VEC_PUSH(work, LLVMGetOperand(v, (unsigned)i));
    }
  }
  ESC_VEC_PUSH(*out, EXT_LOC); /* and a fixed address, if it makes one */
  ESC_VEC_FREE(work);
  esc_ptrmap_free(&seen);
}

/* Locations a constant may carry, appended to out. */
static void const_locs(esc_pta *p, LLVMValueRef c, ivec *out, int smear,
                       int depth) {
  if (!c)
    return;
  if (depth > ESC_PTA_CONST_DEPTH) {
    const_globals(p, c, out);
    return;
  }
  if (LLVMIsAGlobalAlias(c)) {
    const_locs(p, LLVMAliasGetAliasee(c), out, smear, depth + 1);
    return;
  }
  if (LLVMIsAGlobalIFunc(c)) {
    ifunc_locs(p, c, out);
    return;
  }
  int o = -1;
  if (LLVMIsAFunction(c))
    o = func_obj(p, c);
  else if (LLVMIsAGlobalVariable(c)) {
    if (plain_constant_data(p, c))
      return; /* nothing can be read out of it or written into it */
    o = global_obj(p, c);
  }
  if (o >= 0) {
    ESC_VEC_PUSH(*out, loc(p, o, smear ? ANY : 0));
    return;
  }
  if (LLVMIsAConstantExpr(c) && LLVMGetConstOpcode(c) == LLVMIntToPtr &&
      !mentions_address(c, 0)) {
    ESC_VEC_PUSH(*out, EXT_LOC); /* a fixed address: memory outside */
    return;
  }
  if (LLVMIsAConstantExpr(c)) {
    LLVMOpcode op = LLVMGetConstOpcode(c);
    if (op == LLVMGetElementPtr) {
      long long off = gep_offset(p, c);
      ivec b = {0};
      const_locs(p, LLVMGetOperand(c, 0), &b, smear, depth + 1);
      for (size_t i = 0; i < b.len; i++) {
        int l = b.data[i];
        long long lo = loff(p, l);
        ESC_VEC_PUSH(*out, loc(p, lobj(l),
                               (lo == ANY || off == VAR_OFF) ? ANY : lo + off));
      }
      ESC_VEC_FREE(b);
      return;
    }
    int keep = op == LLVMBitCast || op == LLVMAddrSpaceCast ||
               op == LLVMPtrToInt || op == LLVMIntToPtr || op == LLVMTrunc ||
               op == LLVMZExt || op == LLVMSExt;
    int n = LLVMGetNumOperands(c);
    for (int i = 0; i < n; i++)
      const_locs(p, LLVMGetOperand(c, (unsigned)i), out, smear || !keep,
                 depth + 1);
    return;
  }
  if (LLVMIsAConstantStruct(c) || LLVMIsAConstantArray(c) ||
      LLVMIsAConstantVector(c)) {
    int n = LLVMGetNumOperands(c);
    for (int i = 0; i < n; i++)
      const_locs(p, LLVMGetOperand(c, (unsigned)i), out, smear, depth + 1);
  }
}

static int vnode(esc_pta *p, LLVMValueRef v);

static int const_node(esc_pta *p, LLVMValueRef c) {
  int n = esc_ptrmap_get(&p->vmap, c);
  if (n >= 0)
    return n;
  ivec l = {0};
  const_locs(p, c, &l, 0, 0);
  if (!l.len) {
    ESC_VEC_FREE(l);
    return -1;
  }
  n = new_node(p);
  esc_ptrmap_put(&p->vmap, c, n);
  push_locs(p, n, l.data, l.len, -1);
  ESC_VEC_FREE(l);
  return n;
}

static int is_keep_cast(LLVMValueRef v) {
  if (!LLVMIsAInstruction(v))
    return 0;
  switch (LLVMGetInstructionOpcode(v)) {
  case LLVMBitCast:
  case LLVMAddrSpaceCast:
  case LLVMPtrToInt:
  case LLVMIntToPtr:
  case LLVMTrunc:
  case LLVMZExt:
  case LLVMSExt:
  case LLVMFPToUI:
  case LLVMFPToSI:
  case LLVMUIToFP:
  case LLVMSIToFP:
  case LLVMFPExt:
  case LLVMFPTrunc:
  case LLVMFreeze:
    return 1;
  default:
    return 0;
  }
}

/* The node of value v, or -1 when v carries no address. Casts share their
 * operand's node: they keep the address bits (or a part of them). */
static int vnode(esc_pta *p, LLVMValueRef v) {
  if (!v)
    return -1;
  int n = esc_ptrmap_get(&p->vmap, v);
  if (n >= 0)
    return n;
  if (LLVMIsAConstant(v))
    return const_node(p, v);
  if (!LLVMIsAInstruction(v) && !LLVMIsAArgument(v))
    return -1;
  if (!carries(LLVMTypeOf(v)))
    return -1;
  if (is_keep_cast(v)) {
    n = vnode(p, LLVMGetOperand(v, 0));
    if (n < 0)
      n = new_node(p);
  } else {
    n = new_node(p);
  }
  if (p->explain && !p->node_val.data[n])
    p->node_val.data[n] = v;
  esc_ptrmap_put(&p->vmap, v, n);
  return n;
}

static int ret_node(esc_pta *p, LLVMValueRef fn) {
  int n = esc_ptrmap_get(&p->retmap, fn);
  if (n < 0) {
    n = new_node(p);
    esc_ptrmap_put(&p->retmap, fn, n);
  }
  return n;
}

static int va_obj(esc_pta *p, LLVMValueRef fn) {
  int o = esc_ptrmap_get(&p->vamap, fn);
  if (o < 0) {
    o = new_obj(p, OK_MEM, NULL, -1);
    esc_ptrmap_put(&p->vamap, fn, o);
  }
  return o;
}

static int loc_node(esc_pta *p, int l) {
  int n = new_node(p);
  base(p, n, l);
  return n;
}

/* ---- constraints ---- */
static void load_c(esc_pta *p, int ptr, int dst, long long k) {
  if (ptr >= 0 && dst >= 0)
    add_cons(p, ptr, (pcons){C_LOAD, ptr, dst, k, -1, 0, 0});
}
static void store_c(esc_pta *p, int ptr, int src, long long k) {
  if (ptr >= 0 && src >= 0)
    add_cons(p, ptr, (pcons){C_STORE, ptr, src, k, -1, 0, 0});
}
static void gep_c(esc_pta *p, int src, int dst, long long off) {
  if (src >= 0 && dst >= 0)
    add_cons(p, src, (pcons){off == VAR_OFF ? C_SMEAR : C_GEP, src, dst, off,
                             -1, 0, 0});
}
static void memcpy_c(esc_pta *p, int dst, int src, long long k) {
  if (dst < 0 || src < 0)
    return;
  pcons c = {C_MEMCPY, dst, src, k, -1, 0, 0};
  int id = add_cons(p, dst, c);
  int t = find(p, src);
  if (t != find(p, dst)) { /* the same constraint, seen from the source */
    ESC_VEC_PUSH(p->nodes.data[t].cons, id);
    if (p->nodes.data[t].pts.len)
      enqueue(p, t), p->nodes.data[t].queued = 2;
  }
}
/* GEP dst = base + index, index not constant. The index may carry an
 * address: base + (q - base) is q. It moves dst out of base's object only
 * if it was computed from base's object too (an index that never saw
 * base's address gives a place in base's object, or garbage), or from
 * outside while base is memory outside code knows, or when base carries
 * no address at all ((char *)0 + n). Checked when the solve settles
 * (index_pass); then the index's objects flow into dst. */
static void index_c(esc_pta *p, int base, int idx, int dst) {
  if (idx >= 0 && dst >= 0) {
    pindex x = {base, idx, dst, 0};
    ESC_VEC_PUSH(p->indices, x);
  }
}

/* Everything value n may point to, and what that memory holds, is known
 * outside from now on. */
static void out_c(esc_pta *p, int n) { add_edge(p, n, p->X); }

/* An integer (or vector of them) computed from pieces the graph did not
 * follow, stored to memory: read back as a pointer (a union, a memcpy
 * into a function pointer), it may be any address outside code knows, as
 * an inttoptr of it would. A constant is no program address (code and
 * data move with each run); inttoptr of one is still unknown. */
static int number_may_be_address(LLVMValueRef v) {
  LLVMTypeRef t = LLVMTypeOf(v);
  if (LLVMGetTypeKind(t) == LLVMVectorTypeKind)
    t = LLVMGetElementType(t);
  if (LLVMGetTypeKind(t) != LLVMIntegerTypeKind ||
      LLVMGetIntTypeWidth(t) < 8 || LLVMIsAConstant(v))
    return 0;
  return esc_int_untracked(v, 0);
}

/* ---- calls ---- */
static int new_call(esc_pta *p, LLVMValueRef inst, LLVMTypeRef fty, int nargs,
                    int res) {
  pcall c = {inst, fty, nargs, NULL, res, 0};
  c.args = esc_xmalloc(sizeof(int) * (size_t)(nargs ? nargs : 1));
  for (int i = 0; i < nargs; i++)
    c.args[i] = -1;
  ESC_VEC_PUSH(p->calls, c);
  return (int)p->calls.len - 1;
}

/* Calls outside code: arguments escape, the result comes from outside.
 * why: the node whose set made the call unknown (explanations), or -1. */
static void unknown_code(esc_pta *p, int ci, int why) {
  pcall *c = &p->calls.data[ci];
  if (c->unknown_done)
    return;
  c->unknown_done = 1;
  for (int i = 0; i < c->nargs; i++)
    out_c(p, c->args[i]);
  if (c->res >= 0) {
    int ext = EXT_LOC;
    push_locs(p, c->res, &ext, 1, why);
  }
}

static int param_is_pointer(LLVMValueRef fn, LLVMValueRef inst, int i) {
  if (fn && (unsigned)i < LLVMCountParams(fn))
    return LLVMGetTypeKind(LLVMTypeOf(LLVMGetParam(fn, (unsigned)i))) ==
           LLVMPointerTypeKind;
  if (inst)
    return LLVMGetTypeKind(LLVMTypeOf(LLVMGetOperand(inst, (unsigned)i))) ==
           LLVMPointerTypeKind;
  return 1;
}

static void library_call(esc_pta *p, int ci, LLVMValueRef fn);

/* A function the user's model names, by its model: allocators give a
 * block of their own (a realloc's old bytes move into it, and the result
 * may be the old block), returned arguments reach the result (and, as
 * pools, may be written with anything), arguments it keeps and those it
 * does not name go to outside code, and a result the model does not give
 * is outside memory. */
static void model_call(esc_pta *p, int ci, LLVMValueRef fn,
                       const esc_umfn *um) {
  pcall c = p->calls.data[ci];
  int fresh = um->role == ESC_UM_ALLOC || um->role == ESC_UM_REALLOC ||
              um->role == ESC_UM_POOL_ALLOC;
  if (fresh && c.res >= 0) {
    const void *key = c.inst ? (const void *)c.inst : (const void *)fn;
    int o = esc_ptrmap_get(&p->objmap, key);
    if (o < 0)
      o = new_obj(p, OK_MEM, (LLVMValueRef)key, -1);
    base(p, c.res, loc(p, o, 0));
    if (um->role == ESC_UM_REALLOC && um->ptr_arg < c.nargs) {
      memcpy_c(p, loc_node(p, loc(p, o, ANY)), c.args[um->ptr_arg], -1);
      gep_c(p, c.args[um->ptr_arg], c.res, VAR_OFF);
    }
    for (int i = 0; i < c.nargs; i++)
      if (esc_umfn_arg(um, (unsigned)i) == ESC_UMA_UNKNOWN &&
          param_is_pointer(fn, c.inst, i)) {
        /* code that got an argument the model does not name may have
         * written anything into the new block */
        store_c(p, c.res, p->E, -1);
        break;
      }
  }
  for (int i = 0; i < c.nargs; i++) {
    esc_umarg e = esc_umfn_arg(um, (unsigned)i);
    if ((e == ESC_UMA_RETURNED || i == um->pool_arg) && c.args[i] >= 0)
      store_c(p, c.args[i], p->E, -1); /* it may write what it likes there */
    if (e == ESC_UMA_RETURNED)
      add_edge(p, c.args[i], c.res);
    else if (e != ESC_UMA_NOTHING)
      out_c(p, c.args[i]);
  }
  if (c.res >= 0 && !fresh && !um->returns) {
    int ext = EXT_LOC;
    push_locs(p, c.res, &ext, 1, -1);
  }
}

/* The node of such a parameter: it points to memory of the callee's own,
 * which every call fills with a copy of the argument's (the callee may
 * write its copy; the caller's memory, a constant table maybe, is not
 * what it then reads). */
static int copy_param_node(esc_pta *p, LLVMValueRef param) {
  int n = vnode(p, param);
  if (esc_ptrmap_get(&p->objmap, param) < 0) {
    int o = new_obj(p, OK_MEM, param, -1);
    base(p, n, loc(p, o, 0));
  }
  return n;
}

static void bind(esc_pta *p, int ci, LLVMValueRef fn) {
  if (!esc_u64set_add(&p->bound, ((uint64_t)(unsigned)ci << 32) |
                                     (unsigned)func_obj(p, fn)))
    return;
  pcall *c = &p->calls.data[ci];
  if (c->fty && !esc_call_fits(fn, c->fty, 0))
    return; /* arguments do not line up: undefined behaviour in C */
  const esc_umfn *um = esc_usermodel_of(p->model, fn);
  if (um) {
    model_call(p, ci, fn, um);
    /* a modelled body is still the program's: what it does with its
     * parameters stays sound for its own calls' resolution */
    if (LLVMIsDeclaration(fn))
      return;
  }
  if (LLVMIsDeclaration(fn)) {
    library_call(p, ci, fn);
    return;
  }
  int np = (int)LLVMCountParams(fn);
  int wrapper = c->inst && esc_ptrmap_get(&p->wrapmap, fn) >= 0;
  for (int i = 0; i < c->nargs; i++) {
    c = &p->calls.data[ci];
    if (i < np && esc_attr_param_is_copy(fn, (unsigned)i))
      memcpy_c(p, copy_param_node(p, LLVMGetParam(fn, (unsigned)i)),
               c->args[i], -1);
    else if (i < np)
      add_edge(p, c->args[i], vnode(p, LLVMGetParam(fn, (unsigned)i)));
    else if (LLVMIsFunctionVarArg(LLVMGlobalGetValueType(fn)))
      add_edge(p, c->args[i], any_node(p, va_obj(p, fn)));
  }
  if (wrapper) {
    /* the block this call gets: an object of its own */
    c = &p->calls.data[ci];
    int o = esc_ptrmap_get(&p->objmap, c->inst);
    if (o < 0) {
      o = new_obj(p, OK_MEM, c->inst, -1);
      /* with what the wrapper itself wrote into its block */
      memcpy_c(p, loc_node(p, loc(p, o, ANY)), ret_node(p, fn), -1);
    }
    base(p, p->calls.data[ci].res, loc(p, o, 0));
    return;
  }
  add_edge(p, ret_node(p, fn), p->calls.data[ci].res);
}

/* A callback the library makes: fn(data...) as esc_libcb describes. */
static void library_callback(esc_pta *p, int ci, const esc_libcb *cb) {
  pcall *c = &p->calls.data[ci];
  if (cb->fn_arg >= c->nargs)
    return;
  int callee = c->args[cb->fn_arg];
  int nargs = 0;
  while (nargs < 3 && cb->data[nargs] != -1)
    nargs++;
  for (int k = nargs; k < 3; k++)
    if (cb->data[k] != -1)
      nargs = k + 1;
  int cbi = new_call(p, NULL, NULL, nargs, -1);
  for (int k = 0; k < nargs; k++) {
    int d = cb->data[k];
    if (d == ESC_CB_OUTSIDE) {
      p->calls.data[cbi].args[k] = p->E;
    } else if (d >= 0 && d < p->calls.data[ci].nargs &&
               p->calls.data[ci].args[d] >= 0) {
      int n = new_node(p);
      gep_c(p, p->calls.data[ci].args[d], n, VAR_OFF);
      p->calls.data[cbi].args[k] = n;
    }
  }
  if (callee >= 0)
    add_cons(p, callee, (pcons){C_CALL, callee, -1, 0, cbi, 0, 0});
}

/* A function of the program's libraries (a declaration), by what it does
 * with bytes: esc_libc's tables and the declaration's attributes. Anything
 * not known is outside code. */
static void library_call(esc_pta *p, int ci, LLVMValueRef fn) {
  pcall c = p->calls.data[ci];
  esc_allocfn af;
  if (esc_alloc_classify(fn, &af)) {
    /* a fresh block; realloc and strdup move bytes into it */
    const void *key = c.inst ? (const void *)c.inst : (const void *)fn;
    int o = esc_ptrmap_get(&p->objmap, key);
    if (o < 0)
      o = new_obj(p, OK_MEM, (LLVMValueRef)key,
                  c.inst ? esc_alloc_bytes(c.inst, &af) : -1);
    int l = loc(p, o, 0);
    base(p, c.res, l);
    for (int i = 0; i < c.nargs; i++)
      memcpy_c(p, loc_node(p, loc(p, o, ANY)), c.args[i], -1);
    if (af.realloc_arg >= 0 && af.realloc_arg < c.nargs)
      gep_c(p, c.args[af.realloc_arg], c.res, VAR_OFF);
    if (af.out_arg >= 0 && af.out_arg < c.nargs)
      store_c(p, c.args[af.out_arg], loc_node(p, l), 8);
    for (int i = 0; af.keeps_args && i < c.nargs; i++)
      out_c(p, c.args[i]); /* a pool it keeps: outside code knows it */
    return;
  }
  if (esc_is_free_fn(fn))
    return;
  const char *name = esc_value_name(fn);
  const esc_libfn *lib = esc_libc_lookup(name);
  unsigned io = esc_libc_io(name);
  const esc_libcb *cb = esc_libc_callback(name);
  int known = (lib && (lib->flags & ESC_LIB_KNOWN)) || io || cb;
  if (!known || (lib && (lib->flags & ESC_LIB_LONGJMP))) {
    unknown_code(p, ci, -1);
    return;
  }
  int cookie = io && p->own_streams;
  esc_out_plan plan;
  if (io & ESC_IO_OUT)
    esc_libc_output_plan(fn, c.inst, &plan);
  for (int i = 0; i < c.nargs; i++) {
    int a = c.args[i];
    if (a < 0 || (cb && i == cb->fn_arg))
      continue;
    if (cookie)
      out_c(p, a); /* a stream of the program's own may get this pointer */
    unsigned use = (io & ESC_IO_OUT) ? esc_libc_output_use(
                                           &plan, (unsigned)i,
                                           param_is_pointer(fn, c.inst, i))
                                     : 0;
    if (use & ESC_FMT_VALUE)
      out_c(p, a); /* printed: %p, %lx */
    if (!param_is_pointer(fn, c.inst, i))
      continue;
    int kept = !(lib && (lib->flags & ESC_LIB_KNOWN)) &&
               !(c.inst ? esc_attr_nocapture(c.inst, fn, (unsigned)i)
                        : esc_attr_param(NULL, fn, (unsigned)i, "nocapture"));
    if (lib && (lib->flags & ESC_LIB_STORE_ARG) && i == lib->src)
      kept = 1;
    if (cb && cb->data[1] == ESC_CB_OUTSIDE && i == cb->data[0])
      kept = 1; /* tsearch keeps the key */
    if (kept) {
      out_c(p, a);
      continue;
    }
    if (use & ESC_FMT_BYTES)
      load_c(p, a, p->X, -1); /* the bytes go out */
    if (lib && esc_libc_reads_numbers(lib) &&
        !esc_attr_param(c.inst, fn, (unsigned)i, "writeonly"))
      load_c(p, a, p->X, -1); /* read as numbers: known from then on */
    int ro = esc_attr_param(c.inst, fn, (unsigned)i, "readonly") ||
             esc_attr_param(c.inst, fn, (unsigned)i, "readnone");
    if (ro)
      continue;
    if (io & ESC_IO_IN)
      store_c(p, a, p->E, -1); /* bytes come in */
    /* bytes may move from any other argument's memory into this one */
    for (int j = 0; j < c.nargs; j++)
      if (j != i && c.args[j] >= 0 && param_is_pointer(fn, c.inst, j) &&
          !(cb && j == cb->fn_arg))
        memcpy_c(p, a, c.args[j], -1);
  }
  if (c.res >= 0) {
    int ret_known = 0;
    if (lib && lib->ret_arg >= 0 && lib->ret_arg < c.nargs) {
      gep_c(p, c.args[lib->ret_arg], c.res, VAR_OFF);
      ret_known = 1;
    }
    for (int i = 0; i < c.nargs; i++)
      if (esc_attr_param(c.inst, fn, (unsigned)i, "returned")) {
        add_edge(p, c.args[i], c.res);
        ret_known = 1;
      }
    LLVMTypeRef rt = LLVMGetReturnType(LLVMGlobalGetValueType(fn));
    if ((lib && (lib->flags & ESC_LIB_RET_UNKNOWN)) || (io & ESC_IO_INT_IN) ||
        (LLVMGetTypeKind(rt) == LLVMPointerTypeKind && !ret_known))
      base(p, c.res, EXT_LOC);
    if (cb && !strcmp(name, "bsearch"))
      gep_c(p, c.args[1], c.res, VAR_OFF);
  }
  if (lib && (lib->flags & ESC_LIB_THREAD) && !cb)
    unknown_code(p, ci, -1);
  if (cb) {
    /* qsort and friends move elements around inside their array */
    for (int k = 0; k < 3; k++)
      if (cb->data[k] >= 0 && cb->data[k] < c.nargs)
        memcpy_c(p, c.args[cb->data[k]], c.args[cb->data[k]], -1);
    library_callback(p, ci, cb);
  }
}

/* ---- building ---- */
static void call_inst(esc_pta *p, LLVMValueRef fn, LLVMValueRef I) {
  LLVMValueRef callee = LLVMGetCalledValue(I);
  unsigned nargs = (unsigned)LLVMGetNumArgOperands(I);
  int ci = new_call(p, I, LLVMGetCalledFunctionType(I), (int)nargs, vnode(p, I));
  for (unsigned i = 0; i < nargs; i++)
    p->calls.data[ci].args[i] = vnode(p, LLVMGetOperand(I, i));
  pcall *c = &p->calls.data[ci];
  if (LLVMIsAInlineAsm(callee)) {
    unknown_code(p, ci, -1);
    return;
  }
  LLVMValueRef f = esc_function_of(callee);
  const char *name = f ? esc_value_name(f) : "";
  if (f && !strncmp(name, "llvm.", 5)) {
    int res = c->res;
    int *a = c->args;
    long long n = nargs > 2 && LLVMIsAConstantInt(LLVMGetOperand(I, 2))
                      ? (long long)LLVMConstIntGetZExtValue(LLVMGetOperand(I, 2))
                      : -1;
    if (!strncmp(name, "llvm.memcpy", 11) || !strncmp(name, "llvm.memmove", 12))
      memcpy_c(p, a[0], a[1], n);
    else if (!strncmp(name, "llvm.memset", 11))
      store_c(p, a[0], a[1], n);
    else if (!strncmp(name, "llvm.va_start", 13))
      store_c(p, a[0], loc_node(p, loc(p, va_obj(p, fn), ANY)), -1);
    else if (!strncmp(name, "llvm.va_copy", 12))
      memcpy_c(p, a[0], a[1], -1);
    else if (strstr(name, "masked.store") || strstr(name, "masked.scatter") ||
             strstr(name, "masked.compressstore"))
      store_c(p, a[1], a[0], -1);
    else if (strstr(name, "masked.load") || strstr(name, "masked.gather") ||
             strstr(name, "masked.expandload")) {
      load_c(p, a[0], res, -1);
      add_edge(p, a[nargs - 1], res);
      if (!esc_bits_only_moved(I, 0))
        out_c(p, res); /* loaded bits computed with, as a load's */
    } else if (!strncmp(name, "llvm.returnaddress", 18) ||
               !strncmp(name, "llvm.frameaddress", 17) ||
               !strncmp(name, "llvm.sponentry", 14))
      base(p, res, EXT_LOC);
    else if (!strncmp(name, "llvm.lifetime", 13) ||
             !strncmp(name, "llvm.dbg", 8) || !strncmp(name, "llvm.va_end", 11))
      return;
    else if (!strncmp(name, "llvm.stackrestore", 17) ||
             !strncmp(name, "llvm.stackprotector", 19) ||
             !strncmp(name, "llvm.prefetch", 13) ||
             !strncmp(name, "llvm.invariant.", 15))
      return; /* no bytes of the program move */
    else if (!strncmp(name, "llvm.stacksave", 14))
      base(p, res, EXT_LOC);
    else if (esc_intrinsic_of(f) == ESC_INTR_ADDRESS_BITS) {
      /* the address's bits are read: known outside from then on */
      gep_c(p, a[0], res, VAR_OFF);
      out_c(p, a[0]);
    }
    else if (esc_intrinsic_touches_memory(f))
      unknown_code(p, ci, -1); /* a target's store or load: outside code */
    else
      for (unsigned i = 0; i < nargs; i++)
        gep_c(p, a[i], res, VAR_OFF); /* a result made from the arguments */
    return;
  }
  if (f) {
    p->calls.data[ci].fty = NULL; /* a direct call reaches its callee */
    bind(p, ci, f);
    return;
  }
  int cn = vnode(p, callee);
  if (cn < 0) {
    unknown_code(p, ci, -1);
    return;
  }
  add_cons(p, cn, (pcons){C_CALL, cn, -1, 0, ci, 0, 0});
}

static void build_inst(esc_pta *p, LLVMValueRef fn, LLVMValueRef I) {
  LLVMOpcode op = LLVMGetInstructionOpcode(I);
  switch (op) {
  case LLVMAlloca: {
    long long sz = esc_alloca_bytes(p->M, I);
    int o = new_obj(p, OK_MEM, I, sz);
    base(p, vnode(p, I), loc(p, o, 0));
    return;
  }
  case LLVMLoad:
    load_c(p, vnode(p, LLVMGetOperand(I, 0)), vnode(p, I),
           type_bytes(p, LLVMTypeOf(I)));
    /* a pointer's bytes read as a number: known outside (esc_loc.h) */
    if (LLVMGetTypeKind(LLVMTypeOf(I)) != LLVMPointerTypeKind &&
        !esc_bits_only_moved(I, 0))
      out_c(p, vnode(p, I));
    return;
  case LLVMStore: {
    LLVMValueRef v = LLVMGetOperand(I, 0);
    long long bytes = type_bytes(p, LLVMTypeOf(v));
    store_c(p, vnode(p, LLVMGetOperand(I, 1)), vnode(p, v), bytes);
    /* a number the graph did not follow, written where a pointer may be
     * read back (a union, a memcpy into a function pointer): as for
     * inttoptr, any address outside code knows */
    if (number_may_be_address(v))
      store_c(p, vnode(p, LLVMGetOperand(I, 1)), p->E, bytes);
    return;
  }
  case LLVMAtomicRMW:
  case LLVMAtomicCmpXchg: {
    int ptr = vnode(p, LLVMGetOperand(I, 0));
    unsigned nops = (unsigned)LLVMGetNumOperands(I);
    for (unsigned i = 1; i < nops; i++)
      store_c(p, ptr, vnode(p, LLVMGetOperand(I, i)), -1);
    load_c(p, ptr, vnode(p, I), -1);
    if (!esc_atomic_bits_only_moved(I))
      out_c(p, vnode(p, I)); /* the value read, as a number */
    return;
  }
  case LLVMGetElementPtr: {
    int d = vnode(p, I);
    gep_c(p, vnode(p, LLVMGetOperand(I, 0)), d, gep_offset(p, I));
    /* base + (q - base) is q: an index may carry an address */
    unsigned n = (unsigned)LLVMGetNumOperands(I);
    for (unsigned i = 1; i < n; i++)
      if (!LLVMIsAConstant(LLVMGetOperand(I, i)))
        index_c(p, vnode(p, LLVMGetOperand(I, 0)),
                vnode(p, LLVMGetOperand(I, i)), d);
    return;
  }
  case LLVMCall:
  case LLVMInvoke:
  case LLVMCallBr:
    call_inst(p, fn, I);
    return;
  case LLVMRet:
    if (LLVMGetNumOperands(I) > 0)
      add_edge(p, vnode(p, LLVMGetOperand(I, 0)), ret_node(p, fn));
    return;
  case LLVMVAArg: {
    int d = vnode(p, I);
    add_edge(p, all_node(p, va_obj(p, fn)), d);
    int t = new_node(p);
    load_c(p, vnode(p, LLVMGetOperand(I, 0)), t, -1);
    load_c(p, t, d, -1);
    return;
  }
  case LLVMLandingPad:
  case LLVMCatchPad:
  case LLVMCleanupPad:
  case LLVMCatchSwitch:
    base(p, vnode(p, I), EXT_LOC);
    return;
  case LLVMPHI:
  case LLVMSelect:
  case LLVMExtractValue:
  case LLVMInsertValue:
  case LLVMExtractElement:
  case LLVMInsertElement:
  case LLVMShuffleVector: {
    int d = vnode(p, I);
    int n = LLVMGetNumOperands(I);
    for (int i = 0; i < n; i++) {
      LLVMValueRef o = LLVMGetOperand(I, (unsigned)i);
      if (o && !LLVMValueIsBasicBlock(o))
        add_edge(p, vnode(p, o), d);
    }
    return;
  }
  default:
    if (is_keep_cast(I)) {
      int d = vnode(p, I), s = vnode(p, LLVMGetOperand(I, 0));
      add_edge(p, s, d); /* when the operand had no node of its own */
      /* an address read as a number may come back by ways the analysis
       * does not follow: it is known to "outside" (esc_ptrtoint_benign) */
      if (op == LLVMPtrToInt && !esc_ptrtoint_benign(I))
        out_c(p, s);
      /* and a number turned into a pointer may be any such address (its
       * bits may have come through a table or a branch), unless it is a
       * pointer's own round trip */
      if (op == LLVMIntToPtr && !LLVMIsAPtrToIntInst(LLVMGetOperand(I, 0)))
        base(p, d, EXT_LOC);
      return;
    }
    if (LLVMIsABinaryOperator(I) || LLVMIsAUnaryOperator(I)) {
      /* arithmetic: the address of something in the same object(s) */
      int d = vnode(p, I);
      int n = LLVMGetNumOperands(I);
      for (int i = 0; i < n; i++)
        gep_c(p, vnode(p, LLVMGetOperand(I, (unsigned)i)), d, VAR_OFF);
    }
    return;
  }
}

/* Global initializers: what each granule holds. */
static void init_walk(esc_pta *p, int o, LLVMValueRef c, LLVMTypeRef t,
                      long long off, int depth) {
  if (c && depth > ESC_PTA_CONST_DEPTH) {
    /* too deep to place: whatever it holds is anywhere in the object */
    ivec locs = {0};
    const_globals(p, c, &locs);
    int n = new_node(p);
    push_locs(p, n, locs.data, locs.len, -1);
    add_edge(p, n, any_node(p, o));
    ESC_VEC_FREE(locs);
    return;
  }
  if (!c || LLVMIsNull(c) || LLVMIsUndef(c) || LLVMIsPoison(c) ||
      LLVMIsAConstantDataSequential(c) || LLVMIsAConstantInt(c) ||
      LLVMIsAConstantFP(c))
    return;
  LLVMTypeKind k = LLVMGetTypeKind(t);
  if (LLVMIsAConstantStruct(c) && k == LLVMStructTypeKind) {
    unsigned n = LLVMCountStructElementTypes(t);
    for (unsigned i = 0; i < n; i++)
      init_walk(p, o, LLVMGetOperand(c, i), LLVMStructGetTypeAtIndex(t, i),
                off + (long long)LLVMOffsetOfElement(p->td, t, i), depth + 1);
    return;
  }
  if ((LLVMIsAConstantArray(c) && k == LLVMArrayTypeKind) ||
      (LLVMIsAConstantVector(c) && k == LLVMVectorTypeKind)) {
    LLVMTypeRef et = LLVMGetElementType(t);
    long long es = (long long)LLVMABISizeOfType(p->td, et);
    unsigned n = (unsigned)LLVMGetNumOperands(c);
    for (unsigned i = 0; i < n; i++)
      init_walk(p, o, LLVMGetOperand(c, i), et, off + es * i, depth + 1);
    return;
  }
  int src = const_node(p, c);
  if (src < 0)
    return;
  int nodes[ESC_PTA_INIT_GRANULES];
  int l = loc(p, o, off);
  int n = mem_nodes(p, l, type_bytes(p, t), 1, nodes, ESC_PTA_INIT_GRANULES);
  if (loff(p, l) == ANY || p->objs.data[o].readonly) {
    /* readonly objects are never written, but their initial bytes are */
    n = 0;
    long long sz = type_bytes(p, t);
    if (off >= 0 && off <= ESC_PTA_MAX_OFFSET && sz > 0 &&
        sz <= 8 * ESC_PTA_INIT_GRANULES)
      for (long long g = off >> 3;
           g <= (off + sz - 1) >> 3 && n < ESC_PTA_INIT_GRANULES; g++)
        nodes[n++] = granule(p, o, g);
    else
      nodes[n++] = any_node(p, o);
  }
  for (int i = 0; i < n; i++)
    add_edge(p, src, nodes[i]);
}

static void expose(esc_pta *p, int o) {
  pobj *ob = &p->objs.data[o];
  if (ob->exposed || ob->kind == OK_EXT)
    return;
  ob->exposed = 1;
  if (ob->kind == OK_FUNC) {
    for (int k = 0; k < ob->ngroup; k++)
      expose(p, p->objs.data[o].group[k]); /* a group: all its members */
    ob = &p->objs.data[o];
    LLVMValueRef fn = ob->v;
    if (LLVMIsDeclaration(fn))
      return;
    for (unsigned i = 0; i < LLVMCountParams(fn); i++)
      base(p, vnode(p, LLVMGetParam(fn, i)), EXT_LOC);
    if (LLVMIsFunctionVarArg(LLVMGlobalGetValueType(fn)))
      base(p, any_node(p, va_obj(p, fn)), EXT_LOC);
    add_edge(p, ret_node(p, fn), p->X);
    return;
  }
  add_edge(p, all_node(p, o), p->X);
  if (!ob->readonly)
    base(p, any_node(p, o), EXT_LOC);
}

/* ---- solving ---- */

/* One side of a copy whose pairs went past ESC_PTA_MEMCPY_PAIRS: every
 * location of a source feeds the hub (all of its object: offsets are not
 * kept), the hub feeds every destination's object anywhere. */
static void hub_side(esc_pta *p, int hub, const int *locs, size_t n,
                     int dst_side) {
  int nodes[1];
  for (size_t i = 0; i < n; i++) {
    if (!dst_side && locs[i] == EXT_LOC) {
      base(p, hub, EXT_LOC);
      continue;
    }
    int k = mem_nodes(p, locs[i], -1, dst_side, nodes, 1);
    for (int j = 0; j < k; j++)
      if (dst_side)
        add_edge(p, hub, nodes[j]);
      else
        add_edge(p, nodes[j], hub);
  }
}

/* memcpy(a, b, k) for the new locations D of self (a's node, b's or both):
 * every pair of a destination and a source location copies the bytes,
 * granule by granule when both offsets are known. Pairs grow as the
 * product of the two sets; past ESC_PTA_MEMCPY_PAIRS for one copy, the
 * copy goes through a hub instead (linear in the sets, offsets lost). */
static void memcpy_apply(esc_pta *p, int ci, int self, const int *D,
                         size_t nd) {
  pcons c = p->cons.data[ci];
  int A = find(p, c.a), B = find(p, c.b);
  int self_dst = self == A;
  int other = self_dst ? B : A;
  int nodes[ESC_PTA_ACCESS_GRANULES], nodes2[ESC_PTA_ACCESS_GRANULES];
  if (c.hub1) {
    hub_side(p, c.hub1 - 1, D, nd, self_dst);
    if (A == B)
      hub_side(p, c.hub1 - 1, D, nd, 0);
    return;
  }
  size_t no;
  int *ol = sb_list(&p->nodes.data[other].pts, &no);
  p->cons.data[ci].pairs += (unsigned long long)nd * no;
  if (p->cons.data[ci].pairs > ESC_PTA_MEMCPY_PAIRS) {
    free(ol);
    int hub = new_node(p);
    p->cons.data[ci].hub1 = hub + 1;
    size_t na, nb;
    int *la = sb_list(&p->nodes.data[A].pts, &na);
    int *lb = sb_list(&p->nodes.data[B].pts, &nb);
    hub_side(p, hub, la, na, 1);
    hub_side(p, hub, lb, nb, 0);
    free(la);
    free(lb);
    return;
  }
  for (size_t i = 0; i < nd; i++) {
    int l = D[i];
    for (size_t j = 0; j < no; j++) {
      int ld = self_dst ? l : ol[j], ls = self_dst ? ol[j] : l;
      long long dof = loff(p, ld), sof = loff(p, ls);
      int exact = c.k > 0 && c.k <= ESC_PTA_COPY_EXACT_BYTES && dof != ANY && sof != ANY &&
                  lobj(ld) != EXT_OBJ && lobj(ls) != EXT_OBJ;
      if (!exact && ls == EXT_LOC) {
        int nd2 = mem_nodes(p, ld, c.k, 1, nodes, ESC_PTA_ACCESS_GRANULES);
        for (int b = 0; b < nd2; b++)
          base(p, nodes[b], EXT_LOC);
        continue;
      }
      if (!exact) {
        int nd2 = mem_nodes(p, ld, c.k, 1, nodes, ESC_PTA_ACCESS_GRANULES);
        int ns = mem_nodes(p, ls, c.k, 0, nodes2, ESC_PTA_ACCESS_GRANULES);
        for (int a = 0; a < ns; a++)
          for (int b = 0; b < nd2; b++)
            add_edge(p, nodes2[a], nodes[b]);
        continue;
      }
      /* granule by granule: bytes [s, s+8) of the source land at
       * [s + dof - sof, ...) */
      int od = lobj(ld), os = lobj(ls);
      for (long long s = sof & ~7LL; s < sof + c.k; s += 8) {
        long long lo = s < sof ? sof : s;
        long long hi = s + 8 > sof + c.k ? sof + c.k : s + 8;
        long long d0 = lo - sof + dof, d1 = hi - 1 - sof + dof;
        int sn = granule(p, os, s >> 3);
        if (p->objs.data[od].kind == OK_FUNC || p->objs.data[od].readonly)
          continue;
        for (long long g = d0 >> 3; g <= d1 >> 3; g++) {
          int dn = (p->objs.data[od].size >= 0 &&
                    g * 8 >= p->objs.data[od].size)
                       ? any_node(p, od)
                       : granule(p, od, g);
          add_edge(p, sn, dn);
        }
      }
    }
  }
  free(ol);
}

static void apply(esc_pta *p, int ci, int self, const int *D, size_t nd) {
  pcons c = p->cons.data[ci];
  p->steps += nd; /* a step per location a constraint is applied to */
  int nodes[ESC_PTA_ACCESS_GRANULES];
  if (c.kind == C_GEP || c.kind == C_SMEAR) {
    /* the moved locations of the whole set, added at once */
    sbits out = {0};
    ESC_VEC_RESERVE(out, nd);
    for (size_t i = 0; i < nd; i++) {
      long long lo = loff(p, D[i]);
      int nl = loc(p, lobj(D[i]),
                   (c.kind == C_SMEAR || lo == ANY) ? ANY : lo + c.k);
      out.data[out.len++] = (sword){(uint32_t)nl >> 6, 1ull << (nl & 63)};
    }
    sb_normalize(&out);
    push_words(p, c.b, out.data, out.len, self);
    ESC_VEC_FREE(out);
    return;
  }
  if (c.kind == C_MEMCPY) {
    memcpy_apply(p, ci, self, D, nd);
    return;
  }
  for (size_t i = 0; i < nd; i++) {
    int l = D[i];
    switch (c.kind) {
    case C_LOAD: {
      if (l == EXT_LOC) {
        /* outside memory holds what outside knows */
        int ext = EXT_LOC;
        push_locs(p, c.b, &ext, 1, self);
        break;
      }
      int n = mem_nodes(p, l, c.k, 0, nodes, ESC_PTA_ACCESS_GRANULES);
      for (int j = 0; j < n; j++)
        add_edge(p, nodes[j], c.b);
      break;
    }
    case C_STORE: {
      int n = mem_nodes(p, l, c.k, 1, nodes, ESC_PTA_ACCESS_GRANULES);
      for (int j = 0; j < n; j++)
        add_edge(p, c.b, nodes[j]);
      break;
    }
    case C_CALL: {
      int o = lobj(l);
      pobj *ob = &p->objs.data[o];
      if (ob->kind != OK_FUNC) {
        unknown_code(p, c.call, self); /* outside code, or data called as code */
      } else if (loff(p, l) == ANY && ob->ngroup) {
        /* a function group: every member, now and later */
        int *gc = esc_xrealloc(ob->gcalls, sizeof(int) * (size_t)(ob->ngcalls + 1));
        gc[ob->ngcalls++] = c.call;
        ob->gcalls = gc;
        for (int k = 0; k < ob->ngroup; k++)
          bind(p, c.call, p->objs.data[ob->group[k]].v);
      } else {
        bind(p, c.call, ob->v);
      }
      break;
    }
    case C_EXPOSE:
      expose(p, lobj(l));
      break;
    case C_GEP:
    case C_SMEAR:
    case C_MEMCPY:
      break; /* handled above, for the whole set at once */
    }
  }
}

/* ---- coarsening ---- */
static int cmp_node(const void *x, const void *y);
static sbits sb_minus(const sbits *a, const sbits *b);
static sbits sb_and(const sbits *a, const sbits *b);
static int any_node(esc_pta *p, int o);
static int all_node(esc_pta *p, int o);
static void expose(esc_pta *p, int o);

/* Words of b with every merged object replaced by its representative's
 * "anywhere" location (sorted, merged). */
static sbits canonical(esc_pta *p, const sbits *b) {
  sbits r = {0};
  for (size_t i = 0; i < b->len; i++) {
    uint32_t o = b->data[i].i >> 2;
    int ro = find_obj(p, (int)o);
    if (ro != (int)o)
      ESC_VEC_PUSH(r, ((sword){(uint32_t)ro * 4, 1}));
    else
      ESC_VEC_PUSH(r, b->data[i]);
  }
  sb_normalize(&r);
  /* and many offsets of one object: anywhere in it */
  size_t k = 0;
  for (size_t i = 0; i < r.len;) {
    uint32_t o4 = r.data[i].i & ~3u;
    size_t e = i;
    int bits = 0;
    while (e < r.len && (r.data[e].i & ~3u) == o4)
      bits += __builtin_popcountll(r.data[e++].w);
    if (bits > ESC_PTA_SMEAR_AT && o4 != 0) {
      r.data[k++] = (sword){o4, 1};
    } else {
      for (size_t q = i; q < e; q++)
        r.data[k++] = r.data[q];
    }
    i = e;
  }
  r.len = k;
  return r;
}

/* Rewrites node n's sets in canonical form: what it already propagated
 * and is still there stays propagated, the rest is new. */
static void recanonicalize(esc_pta *p, int n) {
  pnode *d = &p->nodes.data[n];
  sb_normalize(&d->delta);
  sbits all = {0};
  sb_or(&all, d->pts.data, d->pts.len);
  sb_or(&all, d->delta.data, d->delta.len);
  sbits c = canonical(p, &all);
  sbits keep = sb_and(&d->pts, &c);
  sbits fresh = sb_minus(&c, &keep);
  ESC_VEC_FREE(all);
  ESC_VEC_FREE(c);
  ESC_VEC_FREE(d->pts);
  ESC_VEC_FREE(d->delta);
  d->pts = keep;
  d->delta = fresh;
  if (d->delta.len)
    enqueue(p, n);
}

static void bind(esc_pta *p, int ci, LLVMValueRef fn);

/* The distinct objects of kind k (representatives, EXT and exposed ones
 * left out) node n's sets point into, sorted. */
static ivec node_objects(esc_pta *p, int n, objkind k) {
  pnode *d = &p->nodes.data[n];
  ivec out = {0};
  const sbits *sets[2] = {&d->pts, &d->delta};
  for (int s = 0; s < 2; s++)
    for (size_t i = 0; i < sets[s]->len; i++) {
      int o = find_obj(p, (int)(sets[s]->data[i].i >> 2));
      if (o != EXT_OBJ && p->objs.data[o].kind == k &&
          !p->objs.data[o].exposed)
        ESC_VEC_PUSH(out, o);
    }
  if (out.len > 1)
    qsort(out.data, out.len, sizeof(int), cmp_node);
  size_t m = 0;
  for (size_t i = 0; i < out.len; i++)
    if (!m || out.data[m - 1] != out.data[i])
      out.data[m++] = out.data[i];
  out.len = m;
  return out;
}

static void group_add(pobj *g, int member) {
  g->group = esc_xrealloc(g->group, sizeof(int) * (size_t)(g->ngroup + 1));
  g->group[g->ngroup++] = member;
}

/* A set holding more than ESC_PTA_MERGE_FUNCTIONS functions: they become
 * one group (a call reaching the group reaches every member), and the set
 * holds the group. */
static void merge_functions(esc_pta *p, int n) {
  /* functions outside code may call are left alone: grouping them would
   * let it call the others */
  ivec fns = node_objects(p, n, OK_FUNC);
  if (fns.len <= ESC_PTA_MERGE_FUNCTIONS) {
    ESC_VEC_FREE(fns);
    return;
  }
  int r = fns.data[0];
  p->nfgrouped += (int)fns.len - 1;
  pobj *g = &p->objs.data[r];
  if (!g->ngroup)
    group_add(g, r);
  for (size_t i = 1; i < fns.len; i++) {
    int o = fns.data[i];
    pobj *b = &p->objs.data[o];
    p->objrep.data[o] = r;
    int *bm = b->group, nb = b->ngroup;
    int one = o;
    if (!nb) {
      bm = &one;
      nb = 1;
    }
    /* calls that reach either group reach the other's members */
    for (int c = 0; c < p->objs.data[r].ngcalls; c++)
      for (int k = 0; k < nb; k++)
        bind(p, p->objs.data[r].gcalls[c], p->objs.data[bm[k]].v);
    int oldn = p->objs.data[r].ngroup;
    for (int c = 0; c < b->ngcalls; c++)
      for (int k = 0; k < oldn; k++)
        bind(p, b->gcalls[c], p->objs.data[p->objs.data[r].group[k]].v);
    for (int k = 0; k < nb; k++)
      group_add(&p->objs.data[r], bm[k]);
    for (int c = 0; c < b->ngcalls; c++) {
      pobj *gr = &p->objs.data[r];
      gr->gcalls = esc_xrealloc(gr->gcalls, sizeof(int) * (size_t)(gr->ngcalls + 1));
      gr->gcalls[gr->ngcalls++] = b->gcalls[c];
    }
  }
  ESC_VEC_FREE(fns);
  recanonicalize(p, n);
}

/* A set pointing into more than ESC_PTA_MERGE_AT objects of memory: those
 * objects become one (their contents flow both ways), and the set points
 * anywhere in it. Functions and EXT keep their identity. */
static void coarsen(esc_pta *p, int n) {
  if (find(p, n) == find(p, p->X))
    return; /* kept exactly */
  sb_normalize(&p->nodes.data[n].delta);
  ivec objs = node_objects(p, n, OK_MEM);
  merge_functions(p, n);
  if (objs.len <= ESC_PTA_MERGE_AT) {
    ESC_VEC_FREE(objs);
    recanonicalize(p, n); /* offsets of one object may still be many */
    return;
  }
  /* none of them is exposed (node_objects): merging does not widen what
   * outside code knows */
  int r = objs.data[0];
  p->nmerged += (int)objs.len - 1;
  p->objs.data[r].size = -1;
  for (size_t i = 1; i < objs.len; i++) {
    int o = objs.data[i];
    p->objrep.data[o] = r;
    /* one object: what any member holds, all of them may */
    add_edge(p, all_node(p, o), any_node(p, r));
    add_edge(p, any_node(p, r), any_node(p, o));
  }
  p->objs.data[r].readonly = 0;
  add_edge(p, all_node(p, r), any_node(p, r));
  ESC_VEC_FREE(objs);
  recanonicalize(p, n);
}

/* ---- cycles ---- */
static sbits sb_and(const sbits *a, const sbits *b) {
  sbits r = {0};
  size_t i = 0, j = 0;
  while (i < a->len && j < b->len) {
    if (a->data[i].i < b->data[j].i)
      i++;
    else if (a->data[i].i > b->data[j].i)
      j++;
    else {
      uint64_t w = a->data[i].w & b->data[j].w;
      if (w)
        ESC_VEC_PUSH(r, ((sword){a->data[i].i, w}));
      i++, j++;
    }
  }
  return r;
}

/* a \ b */
static sbits sb_minus(const sbits *a, const sbits *b) {
  sbits r = {0};
  ESC_VEC_RESERVE(r, a->len);
  r.len = sb_minus_into(a, b, r.data);
  return r;
}

/* Nodes on a cycle of copy edges hold the same set: b becomes a. What
 * both had already propagated stays propagated; the rest is new to the
 * merged node's edges and constraints. */
static void merge(esc_pta *p, int a, int b) {
  p->rep.data[b] = a;
  pnode *A = &p->nodes.data[a], *B = &p->nodes.data[b];
  sbits inter = sb_and(&A->pts, &B->pts);
  sb_normalize(&A->delta);
  sb_normalize(&B->delta);
  sbits all = {0};
  sb_or(&all, A->pts.data, A->pts.len);
  sb_or(&all, B->pts.data, B->pts.len);
  sb_or(&all, A->delta.data, A->delta.len);
  sb_or(&all, B->delta.data, B->delta.len);
  sbits rest = sb_minus(&all, &inter);
  ESC_VEC_FREE(all);
  ESC_VEC_FREE(A->pts);
  ESC_VEC_FREE(A->delta);
  ESC_VEC_FREE(B->pts);
  ESC_VEC_FREE(B->delta);
  A->pts = inter;
  A->delta = rest;
  A->checked = 0;
  for (size_t i = 0; i < B->succ.len; i++)
    ESC_VEC_PUSH(A->succ, B->succ.data[i]);
  for (size_t i = 0; i < B->cons.len; i++)
    ESC_VEC_PUSH(A->cons, B->cons.data[i]);
  ESC_VEC_FREE(B->succ);
  ESC_VEC_FREE(B->cons);
  if (A->from == -2)
    A->from = B->from;
  int re = A->queued == 2 || B->queued == 2;
  B->queued = 0;
  if (A->delta.len || re) {
    if (!A->queued)
      ESC_VEC_PUSH(p->next, a);
    A->queued = re ? 2 : 1;
  }
}

static int cmp_node(const void *x, const void *y) {
  int a = *(const int *)x, b = *(const int *)y;
  return a < b ? -1 : a > b;
}

/* Strongly connected components of the copy edges between
 * representatives (esc_scc); every component becomes one node. */
static void collapse_cycles(esc_pta *p) {
  int n = (int)p->nodes.len;
  int *start = esc_xmalloc(sizeof(int) * (size_t)(n + 1));
  ESC_VEC(int) adj = {0};
  for (int v = 0; v < n; v++) {
    start[v] = (int)adj.len;
    if (find(p, v) != v)
      continue;
    for (size_t e = 0; e < p->nodes.data[v].succ.len; e++) {
      int w = find(p, p->nodes.data[v].succ.data[e]);
      if (w != v)
        ESC_VEC_PUSH(adj, w);
    }
  }
  start[n] = (int)adj.len;
  esc_scc_result r;
  esc_scc_compute(n, start, adj.data, &r);
  /* components come sinks first: sources get the lower order */
  p->topo.len = 0;
  for (int v = 0; v < n; v++)
    ESC_VEC_PUSH(p->topo, r.ncomps - 1 - r.comp_of[v]);
  for (int c = 0; c < r.ncomps; c++) {
    int first = r.members[r.comp_start[c]];
    for (int k = r.comp_start[c] + 1; k < r.comp_start[c + 1]; k++)
      if (find(p, r.members[k]) == r.members[k] && r.members[k] != first &&
          find(p, first) == first)
        merge(p, first, r.members[k]);
  }
  esc_scc_free(&r);
  free(start);
  ESC_VEC_FREE(adj);
  /* edges now between representatives: no self edges, no repeats */
  for (int i = 0; i < n; i++) {
    if (find(p, i) != i)
      continue;
    ivec *sv = &p->nodes.data[i].succ;
    for (size_t k = 0; k < sv->len; k++)
      sv->data[k] = find(p, sv->data[k]);
    if (sv->len > 1)
      qsort(sv->data, sv->len, sizeof(int), cmp_node);
    size_t m = 0;
    for (size_t k = 0; k < sv->len; k++)
      if (sv->data[k] != i && (!m || sv->data[m - 1] != sv->data[k]))
        sv->data[m++] = sv->data[k];
    sv->len = m;
  }
}

static esc_pta *topo_sort_pta; /* qsort has no context argument */
static int cmp_topo(const void *x, const void *y) {
  int a = *(const int *)x, b = *(const int *)y;
  const ivec *t = &topo_sort_pta->topo;
  int ta = a < (int)t->len ? t->data[a] : INT_MAX;
  int tb = b < (int)t->len ? t->data[b] : INT_MAX;
  return ta != tb ? (ta < tb ? -1 : 1) : (a < b ? -1 : a > b);
}

/* The next round: the queued nodes in topological order of the copy
 * edges, so that a node's additions arrive before it passes them on. */
static int next_round(esc_pta *p) {
  ESC_VEC_FREE(p->work);
  p->work = p->next;
  p->next = (ivec){0};
  p->work_head = 0;
  topo_sort_pta = p;
  if (p->work.len > 1)
    qsort(p->work.data, p->work.len, sizeof(int), cmp_topo);
  return p->work.len > 0;
}

static void solve(esc_pta *p) {
  while (p->work_head < p->work.len || next_round(p)) {
    if (p->steps > p->budget) {
      p->over_budget = 1;
      return;
    }
    int n = p->work.data[p->work_head++];
    if (find(p, n) != n)
      continue; /* merged into another node, which is queued */
    if (p->steps >= p->next_collapse) {
      uint64_t graph = p->nodes.len + p->edges.len;
      p->next_collapse =
          p->steps + (ESC_PTA_COLLAPSE_FACTOR * graph > ESC_PTA_COLLAPSE_EVERY
                          ? ESC_PTA_COLLAPSE_FACTOR * graph
                          : ESC_PTA_COLLAPSE_EVERY);
      ESC_VEC_PUSH(p->next, n);
      collapse_cycles(p);
      continue;
    }
    pnode *nd = &p->nodes.data[n];
    int reapply = nd->queued == 2;
    nd->queued = 0;
    sbits D0 = nd->delta;
    nd->delta = (sbits){0};
    sb_normalize(&D0);
    sbits D = D0; /* D0 \ pts, in place */
    D.len = sb_minus_into(&D0, &nd->pts, D0.data);
    if (n != find(p, p->X)) {
      /* EXT_LOC subsumes what is exposed: objects exposed since their
       * words were added go now; when EXT_LOC itself is new, also from
       * what the node already propagated (drop_exposed) */
      int had = sb_has_ext(nd->pts.data, nd->pts.len);
      if (had || sb_has_ext(D.data, D.len))
        D.len = drop_exposed(p, D.data, D.len);
      if (!had && sb_has_ext(D.data, D.len))
        nd->pts.len = drop_exposed(p, nd->pts.data, nd->pts.len);
    }
    if (D.len)
      sb_or(&nd->pts, D.data, D.len);
    if (nd->pts.len > ESC_PTA_MERGE_AT &&
        nd->pts.len >= nd->checked + ESC_PTA_MERGE_AT / 2) {
      nd->checked = nd->pts.len;
      coarsen(p, n);
      nd = &p->nodes.data[n];
    }
    /* a constraint added after the node had locations sees them all */
    const sbits *src = reapply ? &p->nodes.data[n].pts : &D;
    sbits copy = {0};
    if (reapply) {
      copy.len = copy.cap = src->len;
      copy.data = esc_xmalloc(sizeof(sword) * (copy.len ? copy.len : 1));
      memcpy(copy.data, src->data, sizeof(sword) * copy.len);
      src = &copy;
    }
    if (src->len) {
      for (size_t i = 0; i < p->nodes.data[n].succ.len; i++)
        push_words(p, p->nodes.data[n].succ.data[i], src->data, src->len, n);
      if (p->nodes.data[n].cons.len) {
        /* the solver's own buffer: apply never solves */
        sb_list_into(src, &p->locs);
        for (size_t i = 0; i < p->nodes.data[n].cons.len; i++)
          apply(p, p->nodes.data[n].cons.data[i], n, p->locs.data,
                p->locs.len);
      }
    }
    ESC_VEC_FREE(copy);
    ESC_VEC_FREE(D);
  }
}

/* Do a and b hold locations of one object (EXT included; merged objects
 * are one)? */
static int sb_objects_meet(esc_pta *p, const sbits *a, const sbits *b) {
  sbits ca = canonical(p, a), cb = canonical(p, b);
  size_t i = 0, j = 0;
  int meet = 0;
  while (i < ca.len && j < cb.len && !meet) {
    uint32_t ga = ca.data[i].i >> 2, gb = cb.data[j].i >> 2;
    if (ga == gb)
      meet = 1;
    else if (ga < gb)
      i++;
    else
      j++;
  }
  ESC_VEC_FREE(ca);
  ESC_VEC_FREE(cb);
  return meet;
}

static int points_to_exposed(esc_pta *p, const sbits *b) {
  for (size_t i = 0; i < b->len; i++)
    if (p->objs.data[b->data[i].i >> 2].exposed ||
        p->objs.data[find_obj(p, (int)(b->data[i].i >> 2))].exposed ||
        b->data[i].i == 0)
      return 1;
  return 0;
}

/* Turns on the indices that may lead out of their base's object
 * (index_c); returns 1 when one was. */
static int index_pass(esc_pta *p) {
  int changed = 0;
  for (size_t k = 0; k < p->indices.len; k++) {
    pindex *x = &p->indices.data[k];
    if (x->on)
      continue;
    const sbits *ib = &p->nodes.data[find(p, x->idx)].pts;
    if (!ib->len)
      continue;
    const sbits *bb =
        x->base >= 0 ? &p->nodes.data[find(p, x->base)].pts : NULL;
    int on = !bb || !bb->len || sb_objects_meet(p, ib, bb) ||
             ((sb_word(ib, 0) & 1) && points_to_exposed(p, bb));
    if (on) {
      x->on = 1;
      gep_c(p, x->idx, x->dst, VAR_OFF);
      changed = 1;
    }
  }
  return changed;
}

/* ---- entry ---- */
/* A wrapper whose calls may each get an object of their own: the block
 * it makes is never stored anywhere but -O0 spill slots and never handed
 * to a function that could store it. A block that points to itself (a
 * self link, an empty intrusive list's head) would otherwise name the
 * inner allocation, not the caller's copy, and the caller's writes through
 * its copy would be missed by loads through the link. */
static int clone_safe(LLVMValueRef fn, const esc_usermodel *model) {
  ESC_VEC(LLVMValueRef) held = {0};
  esc_ptrmap seen;
  esc_ptrmap_init(&seen);
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef I = LLVMGetFirstInstruction(bb); I;
         I = LLVMGetNextInstruction(I))
      if (esc_is_call(I) &&
          LLVMGetTypeKind(LLVMTypeOf(I)) == LLVMPointerTypeKind)
        ESC_VEC_PUSH(held, I); /* every call result: the block among them */
  int ok = 1;
  for (size_t k = 0; k < held.len && ok; k++) {
    LLVMValueRef v = held.data[k];
    if (esc_ptrmap_get(&seen, v) >= 0)
      continue;
    esc_ptrmap_put(&seen, v, 1);
    for (LLVMUseRef u = LLVMGetFirstUse(v); u && ok; u = LLVMGetNextUse(u)) {
      LLVMValueRef user = LLVMGetUser(u);
      if (LLVMIsALoadInst(user) || LLVMIsAICmpInst(user) ||
          LLVMIsAReturnInst(user))
        continue;
      if (LLVMIsAStoreInst(user)) {
        if (LLVMGetOperand(user, 1) == v && LLVMGetOperand(user, 0) != v)
          continue; /* a store through it */
        LLVMValueRef slot = LLVMGetOperand(user, 1);
        int spill = LLVMIsAAllocaInst(slot) != NULL;
        for (LLVMUseRef su = spill ? LLVMGetFirstUse(slot) : NULL; su;
             su = LLVMGetNextUse(su)) {
          LLVMValueRef s2 = LLVMGetUser(su);
          if (LLVMIsALoadInst(s2))
            ESC_VEC_PUSH(held, s2);
          else if (!(LLVMIsAStoreInst(s2) && LLVMGetOperand(s2, 1) == slot &&
                     LLVMGetOperand(s2, 0) != slot) &&
                   !esc_is_call(s2)) /* lifetime and debug markers */
            spill = 0;
          else if (esc_is_call(s2)) {
            LLVMValueRef f = esc_called_function(s2);
            const char *n = f ? esc_value_name(f) : "";
            if (strncmp(n, "llvm.lifetime", 13) && strncmp(n, "llvm.dbg", 8))
              spill = 0;
          }
        }
        if (!spill)
          ok = 0; /* stored in memory: maybe in the block itself */
        continue;
      }
      if (esc_is_call(user)) {
        LLVMValueRef f = esc_called_function(user);
        const char *n = f ? esc_value_name(f) : "";
        if (esc_usermodel_of(model, f)) {
          ok = 0; /* a modelled callee's facts are not the library's */
          continue;
        }
        const esc_libfn *lib = f && LLVMIsDeclaration(f) ? esc_libc_lookup(n)
                                                         : NULL;
        if (!strncmp(n, "llvm.memset", 11) || !strncmp(n, "llvm.dbg", 8) ||
            !strncmp(n, "llvm.lifetime", 13) ||
            (!strncmp(n, "llvm.memcpy", 11) && LLVMGetOperand(user, 0) == v))
          continue;
        if (lib && (lib->flags & ESC_LIB_KNOWN) &&
            !(lib->flags & (ESC_LIB_STORE_ARG | ESC_LIB_THREAD)))
          continue;
        ok = 0; /* a callee might store it */
        continue;
      }
      if (LLVMIsAGetElementPtrInst(user) || LLVMIsABitCastInst(user) ||
          LLVMIsAPHINode(user) || LLVMIsASelectInst(user) ||
          LLVMIsAAddrSpaceCastInst(user)) {
        ESC_VEC_PUSH(held, user);
        continue;
      }
      ok = 0; /* a ptrtoint and the like */
    }
  }
  ESC_VEC_FREE(held);
  esc_ptrmap_free(&seen);
  return ok;
}

esc_pta *esc_pta_build(LLVMModuleRef M, int closed, uint64_t budget,
                       int explain, const LLVMValueRef *wrappers,
                       int nwrappers, const esc_usermodel *model) {
  esc_pta *p = esc_xcalloc(1, sizeof(*p));
  p->M = M;
  p->model = model;
  p->td = LLVMGetModuleDataLayout(M);
  p->closed = closed;
  p->explain = explain;
  p->budget = budget ? budget : ESC_PTA_BUDGET_DEFAULT;
  p->own_streams = esc_libc_streams_call_back(M);
  esc_ptrmap_init(&p->locmap);
  esc_ptrmap_init(&p->granmap);
  esc_ptrmap_init(&p->objmap);
  esc_ptrmap_init(&p->vmap);
  esc_ptrmap_init(&p->retmap);
  esc_ptrmap_init(&p->vamap);
  esc_ptrmap_init(&p->plainmap);
  esc_ptrmap_init(&p->wrapmap);
  for (int i = 0; i < nwrappers; i++)
    if (clone_safe(wrappers[i], model))
      esc_ptrmap_put(&p->wrapmap, wrappers[i], 1);
  esc_u64set_init(&p->edges);
  esc_u64set_init(&p->bound);
  new_obj(p, OK_EXT, NULL, -1);
  /* EXT_LOC is object 0 anywhere: id 0 */
  p->X = new_node(p);
  base(p, p->X, EXT_LOC);
  add_cons(p, p->X, (pcons){C_EXPOSE, p->X, -1, 0, -1, 0, 0});
  p->E = loc_node(p, EXT_LOC);

  LLVMValueRef main_fn = LLVMGetNamedFunction(M, "main");
  /* a library, or a program whose loaded code may call back, is open */
  int has_main = !esc_libc_exports_entered(M, closed);
  for (LLVMValueRef g = LLVMGetFirstGlobal(M); g; g = LLVMGetNextGlobal(g)) {
    if (plain_constant_data(p, g))
      continue;
    int o = global_obj(p, g);
    int external = LLVMGetLinkage(g) != LLVMInternalLinkage &&
                   LLVMGetLinkage(g) != LLVMPrivateLinkage;
    if (LLVMIsDeclaration(g) || !LLVMGetInitializer(g) ||
        (external && !has_main))
      base(p, p->X, loc(p, o, 0));
    if (!LLVMIsDeclaration(g) && LLVMGetInitializer(g))
      init_walk(p, o, LLVMGetInitializer(g), LLVMGlobalGetValueType(g), 0, 0);
  }
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn;
       fn = LLVMGetNextFunction(fn)) {
    if (LLVMIsDeclaration(fn))
      continue;
    int external = LLVMGetLinkage(fn) != LLVMInternalLinkage &&
                   LLVMGetLinkage(fn) != LLVMPrivateLinkage;
    if (fn == main_fn)
      for (unsigned i = 0; i < LLVMCountParams(fn); i++)
        base(p, vnode(p, LLVMGetParam(fn, i)), EXT_LOC);
    else if (!has_main && external)
      base(p, p->X, loc(p, func_obj(p, fn), 0));
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
         bb = LLVMGetNextBasicBlock(bb))
      for (LLVMValueRef I = LLVMGetFirstInstruction(bb); I;
           I = LLVMGetNextInstruction(I))
        build_inst(p, fn, I);
  }
  for (int changed = 1; changed && !p->over_budget;) {
    solve(p);
    changed = index_pass(p);
  }
  return p;
}

void esc_pta_free(esc_pta *p) {
  if (!p)
    return;
  for (size_t i = 0; i < p->nodes.len; i++) {
    ESC_VEC_FREE(p->nodes.data[i].pts);
    ESC_VEC_FREE(p->nodes.data[i].delta);
    ESC_VEC_FREE(p->nodes.data[i].succ);
    ESC_VEC_FREE(p->nodes.data[i].cons);
  }
  for (size_t i = 0; i < p->calls.len; i++)
    free(p->calls.data[i].args);
  for (size_t i = 0; i < p->objs.len; i++) {
    free(p->objs.data[i].offs);
    free(p->objs.data[i].group);
    free(p->objs.data[i].gcalls);
  }
  ESC_VEC_FREE(p->objs);
  ESC_VEC_FREE(p->nodes);
  ESC_VEC_FREE(p->cons);
  ESC_VEC_FREE(p->calls);
  ESC_VEC_FREE(p->work);
  ESC_VEC_FREE(p->next);
  ESC_VEC_FREE(p->topo);
  ESC_VEC_FREE(p->locs);
  ESC_VEC_FREE(p->rep);
  ESC_VEC_FREE(p->objrep);
  ESC_VEC_FREE(p->indices);
  ESC_VEC_FREE(p->node_val);
  ESC_VEC_FREE(p->node_obj);
  esc_ptrmap_free(&p->locmap);
  esc_ptrmap_free(&p->granmap);
  esc_ptrmap_free(&p->objmap);
  esc_ptrmap_free(&p->vmap);
  esc_ptrmap_free(&p->retmap);
  esc_ptrmap_free(&p->vamap);
  esc_ptrmap_free(&p->plainmap);
  esc_ptrmap_free(&p->wrapmap);
  esc_u64set_free(&p->edges);
  esc_u64set_free(&p->bound);
  free(p);
}

int esc_pta_functions(esc_pta *p, LLVMValueRef v, LLVMValueRef **fns, int *n,
                      const char **why) {
  *fns = NULL;
  *n = 0;
  *why = NULL;
  if (p->over_budget) {
    *why = "budget: the points-to solve did not finish (--resolve-budget)";
    return 1;
  }
  int node = esc_ptrmap_get(&p->vmap, v);
  if (node < 0 && LLVMIsAConstant(v))
    node = const_node(p, v);
  if (node < 0) {
    *why = "callee is not an address the program computed";
    return 1;
  }
  size_t np;
  int *pts = sb_list(&p->nodes.data[find(p, node)].pts, &np);
  int unknown = 0;
  *fns = esc_xmalloc(sizeof(LLVMValueRef) * (np ? np : 1));
  for (size_t i = 0; i < np; i++) {
    pobj *ob = &p->objs.data[lobj(pts[i])];
    if (ob->kind == OK_FUNC) {
      int one = lobj(pts[i]);
      const int *mem = &one;
      int nm = 1;
      if (loff(p, pts[i]) == ANY && ob->ngroup) {
        mem = ob->group;
        nm = ob->ngroup;
      }
      *fns = esc_xrealloc(*fns, sizeof(LLVMValueRef) * (size_t)(*n + nm + 1));
      for (int k = 0; k < nm; k++) {
        LLVMValueRef f = p->objs.data[mem[k]].v;
        int dup = 0;
        for (int j = 0; j < *n; j++)
          dup |= (*fns)[j] == f;
        if (!dup)
          (*fns)[(*n)++] = f;
      }
    } else if (ob->kind == OK_EXT) {
      unknown = 1;
      *why = "function pointer may come from outside the program";
    } else if (!unknown) {
      unknown = 1;
      *why = "callee may point to data, not code";
    }
  }
  free(pts);
  return unknown;
}

static const char *node_text(esc_pta *p, int n, esc_arena *a) {
  if (n == p->X)
    return "what code outside the program knows";
  LLVMValueRef v = n < (int)p->node_val.len ? p->node_val.data[n] : NULL;
  int o = n < (int)p->node_obj.len ? p->node_obj.data[n] : -1;
  if (o >= 0) {
    LLVMValueRef ov = p->objs.data[o].v;
    if (!ov)
      return "variadic arguments";
    if (LLVMIsAGlobalVariable(ov))
      return esc_arena_printf(a, "memory of %s", esc_value_name(ov));
    if (LLVMIsAInstruction(ov))
      return esc_arena_printf(a, "memory allocated at %s",
                              esc_loc_text(a, ov));
    return "memory";
  }
  return v ? esc_value_text(a, v) : "a return or copy node";
}

const char *esc_pta_explain(esc_pta *p, LLVMValueRef v, esc_arena *a) {
  int node = esc_ptrmap_get(&p->vmap, v);
  if (!p->explain || node < 0)
    return "(no provenance kept)";
  /* The chain from the value back to where EXT_LOC was placed: the first
   * hops say where the value is used, the last ones where the outside
   * value came in; the middle is elided. */
  ivec chain = {0};
  for (size_t k = 0; node >= 0 && k <= p->nodes.len; k++) {
    ESC_VEC_PUSH(chain, node);
    if (node == p->X)
      break;
    node = p->nodes.data[node].from;
  }
  esc_str s = {0};
  enum { HEAD = 4, TAIL = 8 };
  for (size_t k = 0; k < chain.len; k++) {
    if (k == HEAD && chain.len > HEAD + TAIL + 1) {
      esc_str_printf(&s, " <- ... (%zu more)", chain.len - HEAD - TAIL);
      k = chain.len - TAIL - 1;
      continue;
    }
    esc_str_printf(&s, "%s%s", k ? " <- " : "",
                   node_text(p, chain.data[k], a));
  }
  if (chain.len && chain.data[chain.len - 1] != p->X &&
      p->nodes.data[chain.data[chain.len - 1]].from == -2)
    esc_str_printf(&s, " (addresses of data called as code)");
  const char *out = s.s ? esc_arena_strdup(a, s.s) : "(no provenance kept)";
  esc_str_free(&s);
  ESC_VEC_FREE(chain);
  return out;
}

esc_pta_stats esc_pta_get_stats(const esc_pta *p) {
  esc_pta_stats st = {0};
  for (size_t i = 1; i < p->objs.len; i++) {
    st.objects += p->objs.data[i].kind == OK_MEM;
    st.exposed += p->objs.data[i].exposed;
  }
  st.locations = p->nlocations;
  st.merged = p->nmerged;
  st.grouped = p->nfgrouped;
  st.steps = p->steps;
  st.over_budget = p->over_budget;
  return st;
}
