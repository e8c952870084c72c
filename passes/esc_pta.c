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
#include "esc_sites.h"
#include "esc_typeset.h"

#include <limits.h>
#include <llvm-c/Target.h>
#include <stdio.h>
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
  int nlocs;
} pobj;

typedef struct pnode {
  ivec pts;   /* sorted locations */
  ivec delta; /* locations to add, unsorted */
  ivec succ;  /* copy edges */
  ivec cons;  /* constraints triggered by this node's new locations */
  int queued;
  int from;   /* explain: node EXT_LOC came from (-1: placed there) */
} pnode;

typedef enum {
  C_LOAD,
  C_STORE,
  C_GEP,
  C_SMEAR,
  C_INDEX,
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
} pcons;

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
  ivec loc_obj;
  ESC_VEC(long long) loc_off;
  esc_ptrmap locmap;  /* (obj, off) -> location */
  esc_ptrmap granmap; /* (obj, granule) -> node */
  esc_ptrmap objmap;  /* value -> object */
  esc_ptrmap vmap;    /* value -> node */
  esc_ptrmap retmap;  /* function -> node of its returns */
  esc_ptrmap vamap;   /* function -> object of its variadic arguments */
  esc_u64set edges, bound;
  ivec outside_index; /* INDEX constraints whose index came from outside */
  ivec work;
  int X; /* what outside code knows: the exposed locations */
  int E; /* a value from outside: EXT_LOC alone, which stands for any
            location in X wherever it is used */
  ESC_VEC(LLVMValueRef) node_val; /* explain: value of a node */
  ivec node_obj;                  /* explain: object of a memory node */
};

/* ---- sets, nodes, edges ---- */
static int in_sorted(const ivec *v, int x) {
  size_t lo = 0, hi = v->len;
  while (lo < hi) {
    size_t m = (lo + hi) / 2;
    if (v->data[m] < x)
      lo = m + 1;
    else if (v->data[m] > x)
      hi = m;
    else
      return 1;
  }
  return 0;
}

static int new_node(esc_pta *p) {
  pnode n = {0};
  n.from = -2;
  ESC_VEC_PUSH(p->nodes, n);
  if (p->explain) {
    ESC_VEC_PUSH(p->node_val, NULL);
    ESC_VEC_PUSH(p->node_obj, -1);
  }
  return (int)p->nodes.len - 1;
}

static void enqueue(esc_pta *p, int n) {
  if (!p->nodes.data[n].queued) {
    p->nodes.data[n].queued = 1;
    ESC_VEC_PUSH(p->work, n);
  }
}

/* Adds locations to n (from: the node they come from, -1 for a base). */
static void push_locs(esc_pta *p, int n, const int *locs, size_t k, int from) {
  pnode *d = &p->nodes.data[n];
  int any = 0;
  for (size_t i = 0; i < k; i++) {
    if (in_sorted(&d->pts, locs[i]))
      continue;
    if (locs[i] == EXT_LOC && d->from == -2)
      d->from = from;
    ESC_VEC_PUSH(d->delta, locs[i]);
    d = &p->nodes.data[n];
    any = 1;
  }
  p->steps += k;
  if (any)
    enqueue(p, n);
}

static void base(esc_pta *p, int n, int loc) {
  if (n >= 0)
    push_locs(p, n, &loc, 1, -1);
}

static void add_edge(esc_pta *p, int s, int d) {
  if (s < 0 || d < 0 || s == d)
    return;
  if (!esc_u64set_add(&p->edges, ((uint64_t)(unsigned)s << 32) | (unsigned)d))
    return;
  ESC_VEC_PUSH(p->nodes.data[s].succ, d);
  pnode *sn = &p->nodes.data[s];
  if (sn->pts.len) {
    /* copy: push_locs may grow the node array */
    int *tmp = esc_xmalloc(sizeof(int) * sn->pts.len);
    size_t k = sn->pts.len;
    memcpy(tmp, sn->pts.data, sizeof(int) * k);
    push_locs(p, d, tmp, k, s);
    free(tmp);
  }
}

static int add_cons(esc_pta *p, int trigger, pcons c) {
  if (trigger < 0)
    return -1;
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
  pobj o = {k, v, size, 0, 0, -1, -1, 0};
  ESC_VEC_PUSH(p->objs, o);
  int id = (int)p->objs.len - 1;
  if (v)
    esc_ptrmap_put(&p->objmap, v, id);
  return id;
}

static void *key2(int a, long long b) {
  return (void *)(uintptr_t)((((uint64_t)(unsigned)a) << 32) |
                             (uint32_t)(b + 2));
}

static int loc(esc_pta *p, int o, long long off) {
  pobj *ob = &p->objs.data[o];
  if (ob->kind == OK_EXT)
    off = ANY;
  if (off != ANY && (off < 0 || off > ESC_PTA_MAX_OFFSET ||
                     (ob->size >= 0 && off > ob->size)))
    off = ANY;
  if (ob->kind == OK_FUNC && off != 0)
    off = ANY;
  int l = esc_ptrmap_get(&p->locmap, key2(o, off));
  if (l >= 0)
    return l;
  if (off != ANY && ob->nlocs >= ESC_PTA_MAX_OFFSETS)
    return loc(p, o, ANY);
  ob->nlocs++;
  ESC_VEC_PUSH(p->loc_obj, o);
  ESC_VEC_PUSH(p->loc_off, off);
  l = (int)p->loc_obj.len - 1;
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
  int o = p->loc_obj.data[l];
  long long off = p->loc_off.data[l];
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

/* Constant offset of a GEP's indices (instruction or constant expression),
 * or VAR_OFF when an index is not constant. */
static long long gep_offset(esc_pta *p, LLVMValueRef gep) {
  LLVMTypeRef t = LLVMGetGEPSourceElementType(gep);
  unsigned n = (unsigned)LLVMGetNumOperands(gep);
  long long off = 0;
  for (unsigned i = 1; i < n; i++) {
    LLVMValueRef idx = LLVMGetOperand(gep, i);
    if (!LLVMIsAConstantInt(idx))
      return VAR_OFF;
    long long c = LLVMConstIntGetSExtValue(idx);
    if (i == 1) {
      off += c * type_bytes(p, t);
      continue;
    }
    LLVMTypeKind k = LLVMGetTypeKind(t);
    if (k == LLVMStructTypeKind) {
      off += (long long)LLVMOffsetOfElement(p->td, t, (unsigned)c);
      t = LLVMStructGetTypeAtIndex(t, (unsigned)c);
    } else if (k == LLVMArrayTypeKind || k == LLVMVectorTypeKind) {
      t = LLVMGetElementType(t);
      off += c * type_bytes(p, t);
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

/* Locations a constant may carry, appended to out. */
static void const_locs(esc_pta *p, LLVMValueRef c, ivec *out, int smear,
                       int depth) {
  if (!c || depth > 32)
    return;
  if (LLVMIsAGlobalAlias(c)) {
    const_locs(p, LLVMAliasGetAliasee(c), out, smear, depth + 1);
    return;
  }
  int o = -1;
  if (LLVMIsAFunction(c))
    o = func_obj(p, c);
  else if (LLVMIsAGlobalVariable(c))
    o = global_obj(p, c);
  if (o >= 0) {
    ESC_VEC_PUSH(*out, loc(p, o, smear ? ANY : 0));
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
        long long lo = p->loc_off.data[l];
        ESC_VEC_PUSH(*out, loc(p, p->loc_obj.data[l],
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
    add_cons(p, ptr, (pcons){C_LOAD, ptr, dst, k, -1});
}
static void store_c(esc_pta *p, int ptr, int src, long long k) {
  if (ptr >= 0 && src >= 0)
    add_cons(p, ptr, (pcons){C_STORE, ptr, src, k, -1});
}
static void gep_c(esc_pta *p, int src, int dst, long long off) {
  if (src >= 0 && dst >= 0)
    add_cons(p, src, (pcons){off == VAR_OFF ? C_SMEAR : C_GEP, src, dst, off,
                             -1});
}
static void memcpy_c(esc_pta *p, int dst, int src, long long k) {
  if (dst < 0 || src < 0)
    return;
  pcons c = {C_MEMCPY, dst, src, k, -1};
  add_cons(p, dst, c);
  if (src != dst)
    add_cons(p, src, c);
}
/* GEP dst = base + index, index not constant: dst may point anywhere in
 * what the index was computed from (base + (q - base) is q). An index
 * that came from outside can only lead out of base's object if outside
 * code knows base's address: checked when the solve settles. */
static void index_c(esc_pta *p, int base, int idx, int dst) {
  if (idx >= 0 && dst >= 0)
    add_cons(p, idx, (pcons){C_INDEX, idx, dst, base, -1});
}

/* Everything value n may point to, and what that memory holds, is known
 * outside from now on. */
static void out_c(esc_pta *p, int n) { add_edge(p, n, p->X); }

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

static void unknown_code(esc_pta *p, int ci) {
  pcall *c = &p->calls.data[ci];
  if (c->unknown_done)
    return;
  c->unknown_done = 1;
  for (int i = 0; i < c->nargs; i++)
    out_c(p, c->args[i]);
  base(p, c->res, EXT_LOC);
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

static void bind(esc_pta *p, int ci, LLVMValueRef fn) {
  if (!esc_u64set_add(&p->bound, ((uint64_t)(unsigned)ci << 32) |
                                     (unsigned)func_obj(p, fn)))
    return;
  pcall *c = &p->calls.data[ci];
  if (c->fty && !esc_call_fits(fn, c->fty, 0))
    return; /* arguments do not line up: undefined behaviour in C */
  if (LLVMIsDeclaration(fn)) {
    library_call(p, ci, fn);
    return;
  }
  int np = (int)LLVMCountParams(fn);
  for (int i = 0; i < c->nargs; i++) {
    c = &p->calls.data[ci];
    if (i < np)
      add_edge(p, c->args[i], vnode(p, LLVMGetParam(fn, (unsigned)i)));
    else if (LLVMIsFunctionVarArg(LLVMGlobalGetValueType(fn)))
      add_edge(p, c->args[i], any_node(p, va_obj(p, fn)));
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
    add_cons(p, callee, (pcons){C_CALL, callee, -1, 0, cbi});
}

/* A function of the program's libraries (a declaration), by what it does
 * with bytes: esc_libc's tables and the declaration's attributes. Anything
 * not known is outside code. */
static void library_call(esc_pta *p, int ci, LLVMValueRef fn) {
  pcall c = p->calls.data[ci];
  esc_allocfn af;
  if (esc_alloc_classify(fn, NULL, 0, &af)) {
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
    unknown_code(p, ci);
    return;
  }
  for (int i = 0; i < c.nargs; i++) {
    int a = c.args[i];
    if (a < 0 || (cb && i == cb->fn_arg))
      continue;
    unsigned use = (io & ESC_IO_OUT) ? esc_libc_output_use(
                                           fn, c.inst, (unsigned)i,
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
    unknown_code(p, ci);
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
    unknown_code(p, ci);
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
    } else if (!strncmp(name, "llvm.returnaddress", 18) ||
               !strncmp(name, "llvm.frameaddress", 17) ||
               !strncmp(name, "llvm.sponentry", 14))
      base(p, res, EXT_LOC);
    else if (!strncmp(name, "llvm.lifetime", 13) ||
             !strncmp(name, "llvm.dbg", 8) || !strncmp(name, "llvm.va_end", 11))
      return;
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
    unknown_code(p, ci);
    return;
  }
  add_cons(p, cn, (pcons){C_CALL, cn, -1, 0, ci});
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
    return;
  case LLVMStore:
    store_c(p, vnode(p, LLVMGetOperand(I, 1)), vnode(p, LLVMGetOperand(I, 0)),
            type_bytes(p, LLVMTypeOf(LLVMGetOperand(I, 0))));
    return;
  case LLVMAtomicRMW:
  case LLVMAtomicCmpXchg: {
    int ptr = vnode(p, LLVMGetOperand(I, 0));
    unsigned nops = (unsigned)LLVMGetNumOperands(I);
    for (unsigned i = 1; i < nops; i++)
      store_c(p, ptr, vnode(p, LLVMGetOperand(I, i)), -1);
    load_c(p, ptr, vnode(p, I), -1);
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
  if (!c || depth > 64 || LLVMIsNull(c) || LLVMIsUndef(c) || LLVMIsPoison(c) ||
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
  int nodes[16];
  int l = loc(p, o, off);
  int n = mem_nodes(p, l, type_bytes(p, t), 1, nodes, 16);
  if (p->loc_off.data[l] == ANY || p->objs.data[o].readonly) {
    /* readonly objects are never written, but their initial bytes are */
    n = 0;
    long long sz = type_bytes(p, t);
    if (off >= 0 && off <= ESC_PTA_MAX_OFFSET && sz > 0 && sz <= 128)
      for (long long g = off >> 3; g <= (off + sz - 1) >> 3 && n < 16; g++)
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
static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return x < y ? -1 : x > y;
}

static void apply(esc_pta *p, int ci, int self, const int *D, size_t nd) {
  pcons c = p->cons.data[ci];
  int nodes[64], nodes2[64];
  for (size_t i = 0; i < nd; i++) {
    int l = D[i];
    switch (c.kind) {
    case C_LOAD: {
      if (l == EXT_LOC) {
        base(p, c.b, EXT_LOC); /* outside memory holds what outside knows */
        break;
      }
      int n = mem_nodes(p, l, c.k, 0, nodes, 64);
      for (int j = 0; j < n; j++)
        add_edge(p, nodes[j], c.b);
      break;
    }
    case C_STORE: {
      int n = mem_nodes(p, l, c.k, 1, nodes, 64);
      for (int j = 0; j < n; j++)
        add_edge(p, c.b, nodes[j]);
      break;
    }
    case C_GEP:
    case C_SMEAR: {
      long long lo = p->loc_off.data[l];
      int nl = loc(p, p->loc_obj.data[l],
                   (c.kind == C_SMEAR || lo == ANY) ? ANY : lo + c.k);
      push_locs(p, c.b, &nl, 1, self);
      break;
    }
    case C_INDEX:
      if (l == EXT_LOC) {
        ESC_VEC_PUSH(p->outside_index, ci);
      } else {
        int nl = loc(p, p->loc_obj.data[l], ANY);
        push_locs(p, c.b, &nl, 1, self);
      }
      break;
    case C_MEMCPY: {
      /* pairs with every location of the other side */
      int other = self == c.a ? c.b : c.a;
      size_t no = p->nodes.data[other].pts.len;
      int *ol = esc_xmalloc(sizeof(int) * (no ? no : 1));
      memcpy(ol, p->nodes.data[other].pts.data, sizeof(int) * no);
      for (size_t j = 0; j < no; j++) {
        int ld = self == c.a ? l : ol[j], ls = self == c.a ? ol[j] : l;
        long long dof = p->loc_off.data[ld], sof = p->loc_off.data[ls];
        int exact = c.k > 0 && c.k <= 512 && dof != ANY && sof != ANY &&
                    p->loc_obj.data[ld] != EXT_OBJ &&
                    p->loc_obj.data[ls] != EXT_OBJ;
        if (!exact && ls == EXT_LOC) {
          int nd2 = mem_nodes(p, ld, c.k, 1, nodes, 64);
          for (int b = 0; b < nd2; b++)
            base(p, nodes[b], EXT_LOC);
          continue;
        }
        if (!exact) {
          int nd2 = mem_nodes(p, ld, c.k, 1, nodes, 64);
          int ns = mem_nodes(p, ls, c.k, 0, nodes2, 64);
          for (int a = 0; a < ns; a++)
            for (int b = 0; b < nd2; b++)
              add_edge(p, nodes2[a], nodes[b]);
          continue;
        }
        /* granule by granule: bytes [s, s+8) of the source land at
         * [s + dof - sof, ...) */
        int od = p->loc_obj.data[ld], os = p->loc_obj.data[ls];
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
      free(ol);
      break;
    }
    case C_CALL: {
      int o = p->loc_obj.data[l];
      pobj *ob = &p->objs.data[o];
      if (ob->kind == OK_FUNC)
        bind(p, c.call, ob->v);
      else
        unknown_code(p, c.call); /* outside code, or data called as code */
      break;
    }
    case C_EXPOSE:
      expose(p, p->loc_obj.data[l]);
      break;
    }
  }
}

static void solve(esc_pta *p) {
  while (p->work.len) {
    if (p->steps > p->budget) {
      p->over_budget = 1;
      return;
    }
    int n = p->work.data[--p->work.len];
    pnode *nd = &p->nodes.data[n];
    int reapply = nd->queued == 2;
    nd->queued = 0;
    /* the new locations */
    ivec D = nd->delta;
    nd->delta = (ivec){0};
    if (D.len > 1)
      qsort(D.data, D.len, sizeof(int), cmp_int);
    size_t k = 0;
    for (size_t i = 0; i < D.len; i++)
      if ((k == 0 || D.data[k - 1] != D.data[i]) && !in_sorted(&nd->pts, D.data[i]))
        D.data[k++] = D.data[i];
    D.len = k;
    if (D.len) {
      /* merge into pts */
      ivec m = {0};
      size_t a = 0, b = 0;
      m.cap = nd->pts.len + D.len;
      m.data = esc_xmalloc(sizeof(int) * m.cap);
      while (a < nd->pts.len || b < D.len)
        m.data[m.len++] = (b >= D.len || (a < nd->pts.len &&
                                          nd->pts.data[a] < D.data[b]))
                              ? nd->pts.data[a++]
                              : D.data[b++];
      ESC_VEC_FREE(nd->pts);
      nd->pts = m;
    }
    /* a constraint added after the node had locations sees them all */
    const int *src = D.data;
    size_t ns = D.len;
    ivec all = {0};
    if (reapply) {
      all.len = all.cap = nd->pts.len;
      all.data = esc_xmalloc(sizeof(int) * (all.len ? all.len : 1));
      memcpy(all.data, nd->pts.data, sizeof(int) * all.len);
      src = all.data;
      ns = all.len;
    }
    if (ns) {
      for (size_t i = 0; i < p->nodes.data[n].succ.len; i++)
        push_locs(p, p->nodes.data[n].succ.data[i], src, ns, n);
      for (size_t i = 0; i < p->nodes.data[n].cons.len; i++)
        apply(p, p->nodes.data[n].cons.data[i], n, src, ns);
    }
    ESC_VEC_FREE(all);
    ESC_VEC_FREE(D);
  }
}

/* ---- entry ---- */
esc_pta *esc_pta_build(LLVMModuleRef M, int closed, uint64_t budget,
                       int explain) {
  esc_pta *p = esc_xcalloc(1, sizeof(*p));
  p->M = M;
  p->td = LLVMGetModuleDataLayout(M);
  p->closed = closed;
  p->explain = explain;
  p->budget = budget ? budget : ESC_PTA_BUDGET_DEFAULT;
  esc_ptrmap_init(&p->locmap);
  esc_ptrmap_init(&p->granmap);
  esc_ptrmap_init(&p->objmap);
  esc_ptrmap_init(&p->vmap);
  esc_ptrmap_init(&p->retmap);
  esc_ptrmap_init(&p->vamap);
  esc_u64set_init(&p->edges);
  esc_u64set_init(&p->bound);
  new_obj(p, OK_EXT, NULL, -1);
  loc(p, EXT_OBJ, ANY); /* EXT_LOC */
  p->X = new_node(p);
  base(p, p->X, EXT_LOC);
  add_cons(p, p->X, (pcons){C_EXPOSE, p->X, -1, 0, -1});
  p->E = loc_node(p, EXT_LOC);

  LLVMValueRef main_fn = LLVMGetNamedFunction(M, "main");
  int has_main = main_fn && !LLVMIsDeclaration(main_fn);
  static const char *const loaders[] = {"dlopen", "dlmopen"};
  for (size_t i = 0; i < 2 && !closed; i++) {
    LLVMValueRef f = LLVMGetNamedFunction(M, loaders[i]);
    if (f && LLVMGetFirstUse(f))
      has_main = 0; /* loaded code may call back: the program is open */
  }
  for (LLVMValueRef g = LLVMGetFirstGlobal(M); g; g = LLVMGetNextGlobal(g)) {
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
  /* an index from outside leads anywhere outside code knows when the
   * base is memory it knows too */
  for (int changed = 1; changed && !p->over_budget;) {
    solve(p);
    changed = 0;
    for (size_t i = 0; i < p->outside_index.len; i++) {
      pcons c = p->cons.data[p->outside_index.data[i]];
      const ivec *b = c.k >= 0 ? &p->nodes.data[c.k].pts : NULL;
      int known = !b;
      for (size_t j = 0; b && j < b->len && !known; j++)
        known = p->objs.data[p->loc_obj.data[b->data[j]]].exposed ||
                b->data[j] == EXT_LOC;
      if (known && esc_u64set_add(&p->bound, ((uint64_t)0xffffffffu << 32) |
                                                 (unsigned)p->outside_index.data[i])) {
        base(p, c.b, EXT_LOC);
        changed = 1;
      }
    }
  }
  if (getenv("ESC_PTA_DEBUG")) {
    size_t tot = 0, mx = 0, big = 0;
    for (size_t i = 0; i < p->nodes.len; i++) {
      size_t k = p->nodes.data[i].pts.len;
      tot += k; if (k > mx) mx = k; if (k > 100) big++;
    }
    fprintf(stderr, "pta: nodes %zu locs %zu objs %zu cons %zu edges %zu sum %zu max %zu big %zu X %zu steps %llu\n",
            p->nodes.len, p->loc_obj.len, p->objs.len, p->cons.len, p->edges.len, tot, mx, big,
            p->nodes.data[p->X].pts.len, (unsigned long long)p->steps);
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
  ESC_VEC_FREE(p->objs);
  ESC_VEC_FREE(p->nodes);
  ESC_VEC_FREE(p->cons);
  ESC_VEC_FREE(p->calls);
  ESC_VEC_FREE(p->loc_obj);
  ESC_VEC_FREE(p->loc_off);
  ESC_VEC_FREE(p->work);
  ESC_VEC_FREE(p->outside_index);
  ESC_VEC_FREE(p->node_val);
  ESC_VEC_FREE(p->node_obj);
  esc_ptrmap_free(&p->locmap);
  esc_ptrmap_free(&p->granmap);
  esc_ptrmap_free(&p->objmap);
  esc_ptrmap_free(&p->vmap);
  esc_ptrmap_free(&p->retmap);
  esc_ptrmap_free(&p->vamap);
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
  const ivec *pts = &p->nodes.data[node].pts;
  int unknown = 0;
  *fns = esc_xmalloc(sizeof(LLVMValueRef) * (pts->len ? pts->len : 1));
  for (size_t i = 0; i < pts->len; i++) {
    pobj *ob = &p->objs.data[p->loc_obj.data[pts->data[i]]];
    if (ob->kind == OK_FUNC) {
      int dup = 0;
      for (int j = 0; j < *n; j++)
        dup |= (*fns)[j] == ob->v;
      if (!dup)
        (*fns)[(*n)++] = ob->v;
    } else if (ob->kind == OK_EXT) {
      unknown = 1;
      *why = "function pointer may come from outside the program";
    } else if (!unknown) {
      unknown = 1;
      *why = "callee may point to data, not code";
    }
  }
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
    if (LLVMIsAInstruction(ov)) {
      esc_loc l = esc_loc_of(a, ov);
      char buf[400];
      esc_loc_format(&l, buf, sizeof buf);
      return esc_arena_printf(a, "memory allocated at %s", buf);
    }
    return "memory";
  }
  if (!v)
    return "a return or copy node";
  if (LLVMIsAArgument(v))
    return esc_arena_printf(a, "a parameter of %s",
                            esc_value_name(LLVMGetParamParent(v)));
  if (LLVMIsAInstruction(v)) {
    esc_loc l = esc_loc_of(a, v);
    char buf[400];
    esc_loc_format(&l, buf, sizeof buf);
    if (esc_is_call(v)) {
      LLVMValueRef f = esc_called_function(v);
      return esc_arena_printf(a, "result of %s at %s",
                              f ? esc_value_name(f) : "an indirect call", buf);
    }
    return esc_arena_printf(a, "%s at %s",
                            LLVMIsALoadInst(v) ? "load" : "value", buf);
  }
  return "a value";
}

const char *esc_pta_explain(esc_pta *p, LLVMValueRef v, esc_arena *a) {
  int node = esc_ptrmap_get(&p->vmap, v);
  if (!p->explain || node < 0)
    return "(no provenance kept)";
  esc_str s = {0};
  for (int k = 0; k < 24 && node >= 0; k++) {
    esc_str_printf(&s, "%s%s", k ? " <- " : "", node_text(p, node, a));
    if (node == p->X)
      break;
    node = p->nodes.data[node].from;
  }
  const char *out = s.s ? esc_arena_strdup(a, s.s) : "(no provenance kept)";
  esc_str_free(&s);
  return out;
}

esc_pta_stats esc_pta_get_stats(const esc_pta *p) {
  esc_pta_stats st = {0};
  for (size_t i = 1; i < p->objs.len; i++) {
    st.objects += p->objs.data[i].kind == OK_MEM;
    st.exposed += p->objs.data[i].exposed;
  }
  st.locations = (int)p->loc_obj.len;
  st.steps = p->steps;
  st.over_budget = p->over_budget;
  return st;
}
