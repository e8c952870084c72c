/*
 * esc_build.c: the escape graph of one function at one level, built from its
 * IR (values, calls, intrinsics, instructions), then solved (esc_solver.c)
 * and read back into site verdicts (esc_verdict.c) and a summary
 * (esc_summary.c).
 *
 * Objects: HEAP (object 0), per pointer parameter P1 (what it points to) and
 * PD (anything reachable below), one per allocation site in the function,
 * and one per fresh object a callee hands out at each call site. Values
 * (SSA) are nodes; memory is the content node of each object.
 */
#include "esc_fctx.h"
#include "esc_limits.h"
#include "esc_libc.h"
#include "esc_sites.h"
#include "esc_specialise.h"
#include "esc_usermodel.h"

#include <stdlib.h>
#include <string.h>


static int new_obj(fctx *c, esc_objkind kind, int site, int param, int origin,
                   LLVMValueRef call) {
  int o = esc_graph_object(c->g);
  while ((int)c->obj.len <= o)
    ESC_VEC_PUSH(c->obj, ((objinfo){OBJ_HEAP, -1, -1, -1, NULL}));
  c->obj.data[o] = (objinfo){kind, site, param, origin, call};
  return o;
}

/* ---- values ---- */
static void copy_to(fctx *c, int src, int dst, esc_why w) {
  if (src >= 0 && dst >= 0)
    esc_graph_copy(c->g, src, dst, w);
}

/* A node holding exactly obj. */
static int obj_node(fctx *c, int obj, esc_why w) {
  int n = esc_graph_node(c->g);
  esc_graph_base(c->g, n, obj, w);
  return n;
}

/* D with D >= *arg, D >= *D: everything reachable below arg. */
static int deep_node(fctx *c, LLVMValueRef call, int arg, int argnode) {
  for (size_t i = 0; i < c->deep.len; i++)
    if (c->deep.data[i].call == call && c->deep.data[i].arg == arg)
      return c->deep.data[i].node;
  int d = esc_graph_node(c->g);
  esc_why w = why(ESC_WHY_LOAD, call, NULL, arg);
  esc_graph_load(c->g, argnode, d, w);
  esc_graph_load(c->g, d, d, w);
  ESC_VEC_PUSH(c->deep, ((deep_key){call, arg, d}));
  return d;
}

static const char *callee_name(LLVMValueRef fn) {
  return fn ? esc_value_name(fn) : NULL;
}

/* ---- calls ---- */

/* A call whose callee we cannot see (or choose not to, at the intra level).
 * Sound per esc_libc.h: pointer arguments escape unless attributes or the
 * library table say otherwise. */
/* um (a modelled callee, or NULL): the arguments its model names are
 * left to model_call, and so is the result when the model gives it; a
 * model replaces the library's facts, so they are not read. */
static void unknown_call_model(fctx *c, LLVMValueRef call, LLVMValueRef fn,
                               esc_why_kind kind, const esc_umfn *um) {
  int res = esc_fctx_vnode(c, call);
  unsigned n = call_nargs(call);
  const esc_libfn *lib = fn && !um && LLVMIsDeclaration(fn)
                             ? esc_libc_lookup(esc_value_name(fn))
                             : NULL;
  const char *name = callee_name(fn);
  unsigned io = fn && !um && LLVMIsDeclaration(fn)
                    ? esc_libc_io(esc_value_name(fn))
                    : 0;
  if (io && c->R->own_streams) {
    /* a stream of the program's own may get these very pointers */
    for (unsigned i = 0; i < n; i++)
      copy_to(c, esc_fctx_vnode(c, LLVMGetOperand(call, i)), ESC_ESC_NODE,
              why(ESC_WHY_OUTPUT, call, callee_name(fn), (int)i));
  }
  if (io & ESC_IO_OUT) {
    /* bytes leave the program: every argument, and what pointer arguments
     * point to, is known outside from now on */
    esc_out_plan plan;
    esc_libc_output_plan(fn, call, &plan);
    for (unsigned i = 0; i < n; i++) {
      LLVMValueRef v = LLVMGetOperand(call, i);
      int a = esc_fctx_vnode(c, v);
      if (a < 0)
        continue;
      esc_why w = why(ESC_WHY_OUTPUT, call, callee_name(fn), (int)i);
      unsigned use = esc_libc_output_use(
          &plan, i, LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMPointerTypeKind);
      if (use & ESC_FMT_BYTES)
        esc_graph_load(c->g, a, ESC_ESC_NODE, w); /* the bytes it points to */
      if (use & ESC_FMT_VALUE)
        copy_to(c, a, ESC_ESC_NODE, w); /* a number, or a %p argument */
    }
  }
  if (io & ESC_IO_IN) {
    /* bytes from outside: they may hold any address the program exposed */
    for (unsigned i = 0; i < n; i++) {
      int a = esc_fctx_vnode(c, LLVMGetOperand(call, i));
      if (a >= 0 && LLVMGetTypeKind(LLVMTypeOf(LLVMGetOperand(call, i))) ==
                        LLVMPointerTypeKind)
        esc_graph_store(c->g, a, c->heap_node,
                        why(ESC_WHY_INPUT, call, callee_name(fn), (int)i));
    }
  }
  if ((io & ESC_IO_INT_IN) && res >= 0)
    esc_graph_base(c->g, res, ESC_HEAP_OBJ,
                   why(ESC_WHY_INPUT, call, callee_name(fn), 0));
  if (lib && (lib->flags & ESC_LIB_KNOWN)) {
    esc_why w = why(ESC_WHY_CALL_RESULT, call, name, 0);
    if (lib->ret_arg >= 0 && (unsigned)lib->ret_arg < n)
      copy_to(c, esc_fctx_vnode(c, LLVMGetOperand(call, (unsigned)lib->ret_arg)), res,
              w);
    if ((lib->flags & ESC_LIB_COPY) && (unsigned)lib->src < n &&
        (unsigned)lib->dst < n) {
      int s = esc_fctx_vnode(c, LLVMGetOperand(call, (unsigned)lib->src));
      int d = esc_fctx_vnode(c, LLVMGetOperand(call, (unsigned)lib->dst));
      if (s >= 0 && d >= 0) {
        int tmp = esc_graph_node(c->g);
        esc_graph_load(c->g, s, tmp, why(ESC_WHY_MEMCPY, call, name, 0));
        esc_graph_store(c->g, d, tmp, why(ESC_WHY_MEMCPY, call, name, 0));
      }
    }
    if ((lib->flags & ESC_LIB_STORE_ARG) && (unsigned)lib->src < n &&
        (unsigned)lib->dst < n) {
      int s = esc_fctx_vnode(c, LLVMGetOperand(call, (unsigned)lib->src));
      int d = esc_fctx_vnode(c, LLVMGetOperand(call, (unsigned)lib->dst));
      if (s >= 0 && d >= 0)
        esc_graph_store(c->g, d, s, why(ESC_WHY_STORE, call, name, 0));
    }
    if ((lib->flags & ESC_LIB_RET_UNKNOWN) && res >= 0)
      esc_graph_base(c->g, res, ESC_HEAP_OBJ, w);
    for (unsigned i = 0; i < n; i++) {
      LLVMValueRef ai = LLVMGetOperand(call, i);
      int a = esc_fctx_vnode(c, ai);
      if (a < 0 || LLVMGetTypeKind(LLVMTypeOf(ai)) != LLVMPointerTypeKind)
        continue;
      /* bytes read as numbers (a time_t, a struct flock) */
      if (esc_libc_reads_numbers(lib) &&
          !esc_attr_param(call, fn, i, "writeonly"))
        esc_graph_load(c->g, a, ESC_ESC_NODE,
                       why(ESC_WHY_NUMBER, call, name, (int)i));
      /* bytes may move from any other argument's memory into a writable
       * one (sscanf's %c, strftime's format) */
      if (esc_attr_param(call, fn, i, "readonly") ||
          esc_attr_param(call, fn, i, "readnone"))
        continue;
      for (unsigned j = 0; j < n; j++) {
        LLVMValueRef aj = LLVMGetOperand(call, j);
        int b = esc_fctx_vnode(c, aj);
        if (j == i || b < 0 ||
            LLVMGetTypeKind(LLVMTypeOf(aj)) != LLVMPointerTypeKind)
          continue;
        int tmp = esc_graph_node(c->g);
        esc_graph_load(c->g, b, tmp, why(ESC_WHY_MEMCPY, call, name, (int)j));
        esc_graph_store(c->g, a, tmp, why(ESC_WHY_MEMCPY, call, name, (int)j));
      }
    }
    return;
  }
  esc_memfx fx = esc_attr_memory(call, fn);
  unsigned nparams =
      fn ? LLVMCountParams(fn)
         : LLVMCountParamTypes(LLVMGetCalledFunctionType(call));
  for (unsigned i = 0; i < n; i++) {
    int a = esc_fctx_vnode(c, LLVMGetOperand(call, i));
    if (a < 0 || (um && esc_umfn_arg(um, i) != ESC_UMA_UNKNOWN))
      continue;
    esc_why_kind k = kind;
    if (lib && (lib->flags & ESC_LIB_THREAD)) {
      /* the thread gets arg src and runs dst with it; the handle and the
       * attributes are only read or written as data */
      if ((int)i != lib->src && (int)i != lib->dst)
        continue;
      k = ESC_WHY_THREAD;
    }
    if (lib && (lib->flags & ESC_LIB_LONGJMP))
      k = ESC_WHY_LONGJMP;
    if (i >= nparams && k == ESC_WHY_UNKNOWN_CALL)
      k = ESC_WHY_VARARG;
    esc_why w = why(k, call, name, (int)i);
    int nocap = esc_attr_nocapture(call, fn, i) &&
                !(lib && (lib->flags & (ESC_LIB_THREAD | ESC_LIB_LONGJMP)));
    if (!nocap) {
      copy_to(c, a, ESC_ESC_NODE, w);
      continue;
    }
    if (esc_attr_param(call, fn, i, "readnone") ||
        (!fx.reads_args && !fx.reads_other && !fx.writes_args &&
         !fx.writes_other))
      continue;
    if (fx.writes_args || fx.writes_other) {
      /* it may read pointers out of the argument and keep them */
      esc_graph_load(c->g, a, ESC_ESC_NODE, w);
      if (!esc_attr_param(call, fn, i, "readonly"))
        esc_graph_store(c->g, a, c->heap_node, w);
    } else if (res >= 0) {
      esc_graph_load(c->g, a, res, w); /* read-only: may return them */
      /* as a number (bit i of *w): computed with there, or, for an
       * intrinsic that only loads them (llvm.masked.load), when the
       * caller computes with what it returns */
      if (LLVMGetTypeKind(LLVMTypeOf(call)) != LLVMPointerTypeKind &&
          (!fn || !LLVMGetIntrinsicID(fn) || !esc_bits_only_moved(call, 0)))
        esc_graph_load(c->g, a, ESC_ESC_NODE,
                       why(ESC_WHY_NUMBER, call, name, (int)i));
    }
  }
  int result_modelled =
      um && (um->returns || um->role == ESC_UM_ALLOC ||
             um->role == ESC_UM_REALLOC || um->role == ESC_UM_POOL_ALLOC);
  if (res >= 0 && !result_modelled) {
    esc_graph_base(c->g, res, ESC_HEAP_OBJ,
                   why(ESC_WHY_CALL_RESULT, call, name, 0));
    for (unsigned i = 0; i < n; i++)
      if ((!um || esc_umfn_arg(um, i) == ESC_UMA_UNKNOWN) &&
          esc_attr_param(call, fn, i, "returned"))
        copy_to(c, esc_fctx_vnode(c, LLVMGetOperand(call, i)), res,
                why(ESC_WHY_CALL_RESULT, call, name, (int)i));
  }
}

static void unknown_call(fctx *c, LLVMValueRef call, LLVMValueRef fn,
                         esc_why_kind kind) {
  unknown_call_model(c, call, fn, kind, NULL);
}

static int fresh_object(fctx *c, LLVMValueRef call, int origin, int site,
                        esc_why w) {
  for (size_t i = 0; i < c->fresh.len; i++)
    if (c->fresh.data[i].call == call && c->fresh.data[i].origin == origin)
      return c->fresh.data[i].node;
  /* a wrapper's call site is a site here, grouped in our own summary by
   * the allocation it stems from, so that recursion settles */
  int o = site >= 0 ? new_obj(c, OBJ_HEAPSITE, site, -1, origin, call)
                    : new_obj(c, OBJ_FRESH, -1, -1, origin, call);
  int n = obj_node(c, o, w);
  ESC_VEC_PUSH(c->fresh, ((fresh_key){call, origin, o, n}));
  return n;
}

static long long wrapper_bytes(LLVMValueRef call, const esc_summary *S) {
  if (S->wrapper_bytes >= 0)
    return S->wrapper_bytes;
  if (S->wrapper_size_arg < 0 ||
      (unsigned)S->wrapper_size_arg >= call_nargs(call))
    return -1;
  LLVMValueRef a = LLVMGetOperand(call, (unsigned)S->wrapper_size_arg);
  return LLVMIsAConstantInt(a) ? LLVMConstIntGetSExtValue(a) : -1;
}

static int src_node(fctx *c, LLVMValueRef call, int callee,
                    const esc_summary *S, int kind, int idx, esc_why w) {
  unsigned n = call_nargs(call);
  switch (kind) {
  case ESC_B_HEAP:
    return c->heap_node;
  case ESC_B_P1:
    return (unsigned)idx < n ? esc_fctx_vnode(c, LLVMGetOperand(call, (unsigned)idx))
                             : -1;
  case ESC_B_PD: {
    if ((unsigned)idx >= n)
      return -1;
    int a = esc_fctx_vnode(c, LLVMGetOperand(call, (unsigned)idx));
    return a < 0 ? -1 : deep_node(c, call, idx, a);
  }
  case ESC_B_FRESH: {
    int origin = S->fresh[idx].origin_site;
    int site = -1;
    if ((S->wrapper || S->wrapper_out) &&
        esc_called_function(call) == c->R->model.funcs.data[callee].fn) {
      const esc_func *F = &c->R->model.funcs.data[callee];
      site = esc_model_site_get(&c->R->model, call, ESC_SITE_HEAP,
                                ESC_FOUND_WRAPPER, F->display,
                                wrapper_bytes(call, S));
      esc_model_site_sizes(&c->R->model, site, S->wrapper_size_arg, -1);
      esc_model_site_found(&c->R->model, site, c->level);
    }
    return fresh_object(c, call, origin, site,
                        why(ESC_WHY_CALL_RESULT, call, w.detail, 0));
  }
  }
  return -1;
}

/* Applies a callee's summary at a call site. */
static void apply_summary(fctx *c, LLVMValueRef call, int callee,
                          const esc_summary *S, esc_why_kind kind) {
  const esc_func *F = &c->R->model.funcs.data[callee];
  unsigned n = call_nargs(call);
  int res = esc_fctx_vnode(c, call);
  for (unsigned i = (unsigned)F->nparams; i < n; i++)
    copy_to(c, esc_fctx_vnode(c, LLVMGetOperand(call, i)), ESC_ESC_NODE,
            why(ESC_WHY_VARARG, call, F->name, (int)i));
  for (int e = 0; e < S->nedges; e++) {
    esc_sum_edge E = S->edges[e];
    int aux = (E.src_kind == ESC_B_P1 || E.src_kind == ESC_B_PD) ? E.src_idx
                                                                 : -1;
    esc_why w = why(kind, call, F->name, aux);
    int s = src_node(c, call, callee, S, E.src_kind, E.src_idx, w);
    if (s < 0)
      continue;
    switch (E.dst_kind) {
    case ESC_B_ESC:
      copy_to(c, s, ESC_ESC_NODE, w);
      break;
    case ESC_B_RET:
      copy_to(c, s, res,
              why(ESC_WHY_CALL_RESULT, call, F->name, E.src_idx));
      break;
    case ESC_B_P1:
    case ESC_B_PD: {
      int d = src_node(c, call, callee, S, E.dst_kind, E.dst_idx, w);
      if (d >= 0)
        esc_graph_store(c->g, d, s, why(ESC_WHY_STORE, call, F->name, aux));
      break;
    }
    case ESC_B_FRESH: {
      int d = src_node(c, call, callee, S, ESC_B_FRESH, E.dst_idx, w);
      esc_graph_store(c->g, d, s, why(ESC_WHY_STORE, call, F->name, aux));
      break;
    }
    }
  }
}

/* realloc(p, 0) and its wrappers' calls with a constant 0 size free. */
static int frees_only(LLVMValueRef call, const esc_allocfn *af) {
  return af->realloc_arg >= 0 && af->size_arg >= 0 &&
         esc_alloc_bytes(call, af) == 0;
}

/* The site of allocation call `call` (kind heap or pool, found at this
 * level) and the graph object of its block. */
static int alloc_site_obj(fctx *c, LLVMValueRef call, esc_site_kind kind,
                          const esc_allocfn *af) {
  int site = esc_model_site_get(&c->R->model, call, kind, ESC_FOUND_DIRECT,
                                af->name, esc_alloc_bytes(call, af));
  esc_model_site_found(&c->R->model, site, c->level);
  esc_model_site_sizes(&c->R->model, site, af->size_arg, af->size_arg2);
  return new_obj(c, OBJ_HEAPSITE, site, -1, site, call);
}

/* An allocator known only by its attributes may keep its arguments (a
 * pool it allocates from): they go where an unknown call's go, and so
 * does the block, which it may record in the pool it keeps. */
static void alloc_args_kept(fctx *c, LLVMValueRef call, const esc_allocfn *af,
                            esc_why_kind kind, int block) {
  if (!af->keeps_args)
    return;
  for (unsigned i = 0; i < call_nargs(call); i++)
    copy_to(c, esc_fctx_vnode(c, LLVMGetOperand(call, i)), ESC_ESC_NODE,
            why(kind, call, af->name, (int)i));
  copy_to(c, block, ESC_ESC_NODE, why(ESC_WHY_POOL, call, af->name,
                                      af->copy_arg));
}

static void handle_alloc(fctx *c, LLVMValueRef call, const esc_allocfn *af) {
  if (frees_only(call, af)) {
    alloc_args_kept(c, call, af, ESC_WHY_UNKNOWN_CALL, -1);
    return;
  }
  int o = alloc_site_obj(c, call, ESC_SITE_HEAP, af);
  esc_why w = why(ESC_WHY_ALLOC, call, af->name, 0);
  if (af->keeps_args)
    alloc_args_kept(c, call, af, ESC_WHY_UNKNOWN_CALL, obj_node(c, o, w));
  int res = esc_fctx_vnode(c, call);
  if (af->out_arg >= 0) {
    int out = esc_fctx_vnode(c, LLVMGetOperand(call, (unsigned)af->out_arg));
    if (out >= 0)
      esc_graph_store(c->g, out, obj_node(c, o, w), w);
  } else if (res >= 0) {
    esc_graph_base(c->g, res, o, w);
  }
  int moved = af->realloc_arg >= 0 ? af->realloc_arg : af->copy_arg;
  if (moved >= 0 && (unsigned)moved < call_nargs(call)) {
    int old = esc_fctx_vnode(c, LLVMGetOperand(call, (unsigned)moved));
    if (old >= 0)
      esc_graph_load(c->g, old, esc_graph_content(c->g, o),
                     why(ESC_WHY_MEMCPY, call, af->name, 0));
  }
}

static int has_prefix(const char *s, const char *p) {
  return !strncmp(s, p, strlen(p));
}

/* v without the casts that keep its value */
static LLVMValueRef strip_casts(LLVMValueRef v) {
  while (LLVMIsABitCastInst(v) || LLVMIsAAddrSpaceCastInst(v))
    v = LLVMGetOperand(v, 0);
  return v;
}

/* The pool-destroy call that ends the pool a pool-alloc call takes, when
 * that pool is made by a pool-create call in the same function and used
 * only as the pool argument of pool-alloc and pool-destroy calls: then
 * nothing outside the frame holds the pool, and a block from it is
 * reachable only through the program's own pointers, which the graph
 * follows. NULL otherwise (the pool may outlive the frame, or code that
 * holds it may hand its blocks out). */
static LLVMValueRef pool_destroyed_here(fctx *c, LLVMValueRef call,
                                        const esc_umfn *um) {
  const esc_usermodel *m = c->R->opt.model;
  if ((unsigned)um->pool_arg >= call_nargs(call))
    return NULL;
  LLVMValueRef pool = strip_casts(LLVMGetOperand(call, (unsigned)um->pool_arg));
  if (!esc_is_call(pool) ||
      LLVMGetBasicBlockParent(LLVMGetInstructionParent(pool)) !=
          LLVMGetBasicBlockParent(LLVMGetInstructionParent(call)))
    return NULL;
  const esc_umfn *mk = esc_usermodel_of(m, esc_called_function(pool));
  if (!mk || mk->role != ESC_UM_POOL_CREATE)
    return NULL;
  /* every use, through casts, is a pool argument */
  LLVMValueRef held[ESC_POOL_MAX_CASTS + 1], destroys[ESC_POOL_MAX_DESTROYS];
  int nheld = 0, ndestroys = 0;
  held[nheld++] = pool;
  for (int h = 0; h < nheld; h++)
    for (LLVMUseRef u = LLVMGetFirstUse(held[h]); u; u = LLVMGetNextUse(u)) {
      LLVMValueRef user = LLVMGetUser(u);
      if (LLVMIsABitCastInst(user) || LLVMIsAAddrSpaceCastInst(user)) {
        if (nheld == ESC_POOL_MAX_CASTS + 1)
          return NULL;
        held[nheld++] = user;
        continue;
      }
      LLVMValueRef f = esc_is_call(user) ? esc_called_function(user) : NULL;
      const esc_umfn *uf = esc_usermodel_of(m, f);
      if (!uf || (uf->role != ESC_UM_POOL_ALLOC &&
                  uf->role != ESC_UM_POOL_DESTROY) ||
          LLVMGetCalledValue(user) == held[h])
        return NULL;
      unsigned na = call_nargs(user);
      for (unsigned k = 0; k < na; k++)
        if (LLVMGetOperand(user, k) == held[h] && (int)k != uf->pool_arg)
          return NULL; /* also some other argument: it may be kept */
      if (uf->role == ESC_UM_POOL_DESTROY) {
        if (ndestroys == ESC_POOL_MAX_DESTROYS)
          return NULL;
        destroys[ndestroys++] = user;
      }
    }
  /* destroyed on every way out of the frame (an early return that skips
   * the destroy leaves the pool, and its blocks, alive) */
  if (!ndestroys || !esc_every_exit_passes(pool, destroys, ndestroys))
    return NULL;
  return destroys[0];
}

/* A call of a modelled pool allocator: a pool site. Its block escapes the
 * frame with its pool unless pool_destroyed_here. */
static void handle_pool_alloc(fctx *c, LLVMValueRef call, const esc_umfn *um) {
  esc_allocfn af = {um->name, um->size_arg, um->size_arg2, -1, -1, -1, 0};
  int o = alloc_site_obj(c, call, ESC_SITE_POOL, &af);
  esc_why w = why(ESC_WHY_ALLOC, call, um->name, 0);
  int res = esc_fctx_vnode(c, call);
  int n = obj_node(c, o, w);
  if (res >= 0)
    copy_to(c, n, res, w);
  if (!pool_destroyed_here(c, call, um))
    copy_to(c, n, ESC_ESC_NODE,
            why(ESC_WHY_POOL, call, um->name, um->pool_arg));
}

static void model_args(fctx *c, LLVMValueRef call, LLVMValueRef fn,
                       const esc_umfn *um, esc_why_kind kind);

/* A call of a function the user's model names (its body, if any, is not
 * looked at): its role, then what the model says of each argument, then
 * the arguments it does not name as an unknown call's. */
static void model_call(fctx *c, LLVMValueRef call, LLVMValueRef fn,
                       const esc_umfn *um, esc_why_kind kind) {
  esc_allocfn af;
  if ((um->role == ESC_UM_ALLOC || um->role == ESC_UM_REALLOC) &&
      esc_site_allocator(c->R->opt.model, fn, &af))
    handle_alloc(c, call, &af);
  else if (um->role == ESC_UM_POOL_ALLOC)
    handle_pool_alloc(c, call, um);
  model_args(c, call, fn, um, kind);
}

/* What a modelled callee does with its arguments (not its role). */
static void model_args(fctx *c, LLVMValueRef call, LLVMValueRef fn,
                       const esc_umfn *um, esc_why_kind kind) {
  int res = esc_fctx_vnode(c, call);
  unsigned n = call_nargs(call);
  int fresh = um->role == ESC_UM_ALLOC || um->role == ESC_UM_REALLOC ||
              um->role == ESC_UM_POOL_ALLOC;
  for (unsigned i = 0; i < n && fresh && res >= 0; i++)
    if (esc_umfn_arg(um, i) == ESC_UMA_UNKNOWN &&
        LLVMGetTypeKind(LLVMTypeOf(LLVMGetOperand(call, i))) ==
            LLVMPointerTypeKind) {
      /* code that got an argument the model does not name may have
       * written anything into the new block */
      esc_graph_store(c->g, res, c->heap_node,
                      why(ESC_WHY_STORE, call, um->name, (int)i));
      break;
    }
  for (unsigned i = 0; i < n; i++) {
    esc_umarg e = esc_umfn_arg(um, i);
    int a = esc_fctx_vnode(c, LLVMGetOperand(call, i));
    if (a < 0)
      continue;
    /* a returned argument and a pool may be written: keeping nothing of
     * them is no promise about what the callee writes into them */
    if (e == ESC_UMA_RETURNED || (int)i == um->pool_arg)
      esc_graph_store(c->g, a, c->heap_node,
                      why(ESC_WHY_STORE, call, um->name, (int)i));
    if (e == ESC_UMA_RETURNED)
      copy_to(c, a, res, why(ESC_WHY_CALL_RESULT, call, um->name, (int)i));
    else if (e == ESC_UMA_KEPT)
      copy_to(c, a, ESC_ESC_NODE, why(ESC_WHY_MODEL, call, um->name, (int)i));
  }
  unknown_call_model(c, call, fn, kind, um);
}

static void handle_intrinsic(fctx *c, LLVMValueRef call, LLVMValueRef fn,
                             const char *name) {
  int res = esc_fctx_vnode(c, call);
  unsigned n = call_nargs(call);
  esc_intrinsic what = esc_intrinsic_of(fn);
  switch (what) {
  case ESC_INTR_DEBUG:
  case ESC_INTR_LIFETIME:
  case ESC_INTR_ASSUME:
  case ESC_INTR_PREFETCH:
  case ESC_INTR_MEMSET: /* writes a repeated byte: no address */
  case ESC_INTR_NO_EFFECT:
    return;
  case ESC_INTR_MEMCPY: {
    int d = esc_fctx_vnode(c, LLVMGetOperand(call, 0));
    int s = esc_fctx_vnode(c, LLVMGetOperand(call, 1));
    if (d >= 0 && s >= 0) {
      int tmp = esc_graph_node(c->g);
      esc_why w = why(ESC_WHY_MEMCPY, call, NULL, 0);
      esc_graph_load(c->g, s, tmp, w);
      esc_graph_store(c->g, d, tmp, w);
    }
    return;
  }
  case ESC_INTR_VA_START: {
    int l = esc_fctx_vnode(c, LLVMGetOperand(call, 0));
    if (l >= 0)
      esc_graph_store(c->g, l, c->heap_node,
                      why(ESC_WHY_LOAD, call, name, 0));
    return;
  }
  case ESC_INTR_ADDRESS_BITS:
    copy_to(c, esc_fctx_vnode(c, LLVMGetOperand(call, 0)), res,
            why(ESC_WHY_COPY, call, name, 0));
    copy_to(c, esc_fctx_vnode(c, LLVMGetOperand(call, 0)), ESC_ESC_NODE,
            why(ESC_WHY_NUMBER, call, name, 0));
    return;
  case ESC_INTR_OPAQUE_RESULT:
    if (res >= 0)
      esc_graph_base(c->g, res, ESC_HEAP_OBJ,
                     why(ESC_WHY_CALL_RESULT, call, name, 0));
    return;
  default:
    break;
  }
  int has_ptr_arg = 0;
  for (unsigned i = 0; i < n; i++)
    if (esc_type_has_pointer(LLVMTypeOf(LLVMGetOperand(call, i))))
      has_ptr_arg = 1; /* vectors of pointers too: masked.scatter */
  if (!has_ptr_arg || what == ESC_INTR_VALUE_ONLY ||
      what == ESC_INTR_OBJECTSIZE) {
    /* value-only intrinsics: the result carries what the operands carry */
    for (unsigned i = 0; i < n; i++)
      copy_to(c, esc_fctx_vnode(c, LLVMGetOperand(call, i)), res,
              why(ESC_WHY_COPY, call, name, 0));
    return;
  }
  unknown_call(c, call, fn, ESC_WHY_UNKNOWN_CALL);
}

/* All resolved targets allocate: the call is an allocation site. */
static int targets_all_allocators(fctx *c, const esc_targets *t,
                                  esc_allocfn *af) {
  if (t->unknown || t->n == 0)
    return 0;
  for (int i = 0; i < t->n; i++) {
    esc_allocfn a;
    LLVMValueRef f = t->fns[i];
    int fi = esc_model_func_index(&c->R->model, f);
    int is_alloc = esc_site_allocator(c->R->opt.model, f, &a);
    int is_wrapper = fi >= 0 && !esc_usermodel_of(c->R->opt.model, f) &&
                     c->R->model.funcs.data[fi].sum[ESC_WHOLE].wrapper;
    if (!is_alloc && !is_wrapper)
      return 0;
    if (is_alloc &&
        (a.realloc_arg >= 0 || a.out_arg >= 0 || a.copy_arg >= 0 ||
         a.keeps_args) &&
        t->n > 1)
      return 0; /* moves or hands out through an argument: per target */
    if (i == 0) {
      const esc_func *F = fi >= 0 ? &c->R->model.funcs.data[fi] : NULL;
      *af = is_alloc ? a
                     : (esc_allocfn){F->display, -1, -1, -1, -1, -1, 0};
      if (is_wrapper)
        af->size_arg = F->sum[ESC_WHOLE].wrapper_size_arg;
    } else if (af->size_arg != (is_alloc ? a.size_arg : -2)) {
      af->size_arg = -1;
    }
  }
  return 1;
}

/* The bytes argument arg of call points to move into the block node dst
 * points to. Returns 1 when there was such an argument. */
static int move_bytes(fctx *c, LLVMValueRef call, int arg, int dst,
                      const char *name) {
  if (arg < 0 || (unsigned)arg >= call_nargs(call))
    return 0;
  int src = esc_fctx_vnode(c, LLVMGetOperand(call, (unsigned)arg));
  if (src < 0)
    return 0;
  int tmp = esc_graph_node(c->g);
  esc_why m = why(ESC_WHY_MEMCPY, call, name, 0);
  esc_graph_load(c->g, src, tmp, m);
  esc_graph_store(c->g, dst, tmp, m);
  return 1;
}

static void indirect_call(fctx *c, LLVMValueRef call) {
  if (c->level != ESC_WHOLE) {
    unknown_call(c, call, NULL, ESC_WHY_INDIRECT_CALL);
    return;
  }
  const esc_targets *t = NULL;
  for (int k = 0; k < c->nbind; k++)
    if (c->binds[k].call == call)
      t = &c->binds[k].targets;
  if (!t)
    t = esc_typeset_resolve(c->R->ts, call);
  if (t->unknown || t->n == 0) {
    unknown_call(c, call, NULL, ESC_WHY_INDIRECT_CALL);
    return;
  }
  ESC_VEC_PUSH(c->resolved, call);
  esc_allocfn af;
  if (targets_all_allocators(c, t, &af) &&
      !(af.size_arg >= 0 && esc_alloc_bytes(call, &af) == 0)) {
    /* an allocator reached through a pointer: a site of its own (unless it
     * is asked for 0 bytes: a realloc-style hook freeing) */
    int site = esc_model_site_get(&c->R->model, call, ESC_SITE_HEAP,
                                  ESC_FOUND_INDIRECT, af.name,
                                  esc_alloc_bytes(call, &af));
    esc_model_site_sizes(&c->R->model, site, af.size_arg, -1);
    esc_model_site_found(&c->R->model, site, ESC_WHOLE);
    int o = new_obj(c, OBJ_HEAPSITE, site, -1, site, call);
    int res = esc_fctx_vnode(c, call);
    esc_why w = why(ESC_WHY_ALLOC, call, af.name, 0);
    if (af.keeps_args)
      alloc_args_kept(c, call, &af, ESC_WHY_RESOLVED_CALL, obj_node(c, o, w));
    if (af.out_arg >= 0 && (unsigned)af.out_arg < call_nargs(call)) {
      int out = esc_fctx_vnode(c, LLVMGetOperand(call, (unsigned)af.out_arg));
      if (out >= 0)
        esc_graph_store(c->g, out, obj_node(c, o, w), w);
    } else if (res >= 0) {
      esc_graph_base(c->g, res, o, w);
    }
    if (af.realloc_arg >= 0 && (unsigned)af.realloc_arg < call_nargs(call)) {
      int old = esc_fctx_vnode(c, LLVMGetOperand(call, (unsigned)af.realloc_arg));
      if (old >= 0) {
        esc_graph_load(c->g, old, esc_graph_content(c->g, o),
                       why(ESC_WHY_MEMCPY, call, af.name, 0));
        copy_to(c, old, res, why(ESC_WHY_CALL_RESULT, call, af.name, 0));
      }
    }
    if (af.copy_arg >= 0 && (unsigned)af.copy_arg < call_nargs(call)) {
      int src = esc_fctx_vnode(c, LLVMGetOperand(call, (unsigned)af.copy_arg));
      if (src >= 0)
        esc_graph_load(c->g, src, esc_graph_content(c->g, o),
                       why(ESC_WHY_MEMCPY, call, af.name, 0));
    }
    /* what modelled allocators do with their other arguments, and what
     * wrappers do besides allocating (record an argument, store it in the
     * block): their summaries, the block they return being a fresh object
     * beside this site's */
    for (int i = 0; i < t->n; i++) {
      const esc_umfn *um = esc_usermodel_of(c->R->opt.model, t->fns[i]);
      int fi = esc_model_func_index(&c->R->model, t->fns[i]);
      esc_allocfn a;
      if (um)
        model_args(c, call, t->fns[i], um, ESC_WHY_RESOLVED_CALL);
      else if (fi >= 0 && c->R->model.funcs.data[fi].defined &&
               !esc_site_allocator(c->R->opt.model, t->fns[i], &a))
        apply_summary(c, call, fi, &c->R->model.funcs.data[fi].sum[ESC_WHOLE],
                      ESC_WHY_RESOLVED_CALL);
    }
    return;
  }
  for (int i = 0; i < t->n; i++) {
    LLVMValueRef f = t->fns[i];
    int fi = esc_model_func_index(&c->R->model, f);
    esc_allocfn a;
    int freed;
    const esc_umfn *um = esc_usermodel_of(c->R->opt.model, f);
    if (um && um->role == ESC_UM_POOL_ALLOC) {
      /* a pool's block through a pointer (not a site: one of several
       * targets): it lives as long as a pool this frame does not end */
      int n = fresh_object(c, call, -1, -1,
                           why(ESC_WHY_ALLOC, call, um->name, 0));
      copy_to(c, n, esc_fctx_vnode(c, call),
              why(ESC_WHY_CALL_RESULT, call, um->name, 0));
      copy_to(c, n, ESC_ESC_NODE,
              why(ESC_WHY_POOL, call, um->name, um->pool_arg));
      model_args(c, call, f, um, ESC_WHY_RESOLVED_CALL);
      continue;
    }
    int is_alloc = esc_site_allocator(c->R->opt.model, f, &a);
    if (um && !is_alloc) {
      model_call(c, call, f, um, ESC_WHY_RESOLVED_CALL);
      continue;
    }
    if (um)
      model_args(c, call, f, um, ESC_WHY_RESOLVED_CALL);
    if (!um && esc_site_deallocator(c->R->opt.model, f, &freed))
      continue;
    if (is_alloc) {
      /* one of several targets allocates: a fresh object, not a site */
      int res = esc_fctx_vnode(c, call);
      esc_why w = why(ESC_WHY_ALLOC, call, a.name, 0);
      int n = fresh_object(c, call, -1, -1, w);
      unsigned na = call_nargs(call);
      alloc_args_kept(c, call, &a, ESC_WHY_RESOLVED_CALL, n);
      if (a.out_arg >= 0 && (unsigned)a.out_arg < na) {
        int out = esc_fctx_vnode(c, LLVMGetOperand(call, (unsigned)a.out_arg));
        if (out >= 0)
          esc_graph_store(c->g, out, n, w); /* posix_memalign(&p, ...) */
      } else {
        copy_to(c, n, res, why(ESC_WHY_CALL_RESULT, call, a.name, 0));
      }
      /* realloc: the old block's contents move, and the result may be
       * the old block itself; strdup: its argument's bytes are copied */
      if (move_bytes(c, call, a.realloc_arg, n, a.name))
        copy_to(c, esc_fctx_vnode(c, LLVMGetOperand(call, (unsigned)a.realloc_arg)),
                res, why(ESC_WHY_CALL_RESULT, call, a.name, 0));
      move_bytes(c, call, a.copy_arg, n, a.name);
      continue;
    }
    if (fi < 0 || !c->R->model.funcs.data[fi].defined ||
        c->R->model.funcs.data[fi].sum[ESC_WHOLE].top) {
      unknown_call(c, call, f, ESC_WHY_RESOLVED_CALL);
      continue;
    }
    apply_summary(c, call, fi, &c->R->model.funcs.data[fi].sum[ESC_WHOLE],
                  ESC_WHY_RESOLVED_CALL);
  }
}

static void handle_call(fctx *c, LLVMValueRef call) {
  LLVMValueRef callee_v = LLVMGetCalledValue(call);
  if (LLVMIsACallInst(call) &&
      LLVMGetTailCallKind(call) == LLVMTailCallKindMustTail) {
    /* a musttail call runs in place of this frame, after it is gone: what
     * it is handed outlives the frame, as a returned value does */
    LLVMValueRef f = esc_called_function(call);
    for (unsigned i = 0; i < call_nargs(call); i++)
      copy_to(c, esc_fctx_vnode(c, LLVMGetOperand(call, i)), ESC_ESC_NODE,
              why(ESC_WHY_RETURN, call, f ? esc_value_name(f) : NULL,
                  (int)i));
  }
  if (LLVMIsAInlineAsm(callee_v)) {
    unsigned n = call_nargs(call);
    for (unsigned i = 0; i < n; i++)
      copy_to(c, esc_fctx_vnode(c, LLVMGetOperand(call, i)), ESC_ESC_NODE,
              why(ESC_WHY_ASM, call, NULL, (int)i));
    int res = esc_fctx_vnode(c, call);
    if (res >= 0)
      esc_graph_base(c->g, res, ESC_HEAP_OBJ,
                     why(ESC_WHY_ASM, call, NULL, -1));
    return;
  }
  LLVMValueRef fn = esc_called_function(call);
  if (!fn) {
    indirect_call(c, call);
    return;
  }
  const char *name = esc_value_name(fn);
  if (has_prefix(name, "llvm.")) {
    handle_intrinsic(c, call, fn, name);
    return;
  }
  const esc_umfn *um = esc_usermodel_of(c->R->opt.model, fn);
  if (um) {
    model_call(c, call, fn, um, ESC_WHY_UNKNOWN_CALL);
    return;
  }
  esc_allocfn af;
  if (esc_site_allocator(c->R->opt.model, fn, &af)) {
    handle_alloc(c, call, &af);
    return;
  }
  if (esc_is_free_fn(fn))
    return;
  int fi = esc_model_func_index(&c->R->model, fn);
  const esc_func *F = fi >= 0 ? &c->R->model.funcs.data[fi] : NULL;
  if (c->level == ESC_INTRA || !F || !F->defined) {
    int wrapper_site = -1;
    if (c->level == ESC_INTRA && F && F->defined)
      wrapper_site = esc_ptrmap_get(&c->R->model.site_of, call);
    if (wrapper_site >= 0 &&
        c->R->model.sites.data[wrapper_site].found_by == ESC_FOUND_WRAPPER &&
        (c->R->model.sites.data[wrapper_site].levels_found &
         ((1u << ESC_CONSERVATIVE) | (1u << ESC_WHOLE)))) {
      /* judged locally: fresh only if the declaration promises noalias */
      int o = new_obj(c, OBJ_HEAPSITE, wrapper_site, -1, wrapper_site, call);
      esc_model_site_found(&c->R->model, wrapper_site, ESC_INTRA);
      esc_why w = why(ESC_WHY_ALLOC, call, F->name, 0);
      int n = obj_node(c, o, w);
      int out = F->sum[ESC_WHOLE].wrapper_out
                    ? F->sum[ESC_WHOLE].wrapper_out
                    : F->sum[ESC_CONSERVATIVE].wrapper_out;
      if (out || !esc_attr_ret(call, fn, "noalias"))
        copy_to(c, n, ESC_ESC_NODE,
                why(ESC_WHY_WRAPPER_RESULT, call, F->name, 0));
      unknown_call(c, call, fn, ESC_WHY_UNKNOWN_CALL);
      if (out && (unsigned)(out - 1) < call_nargs(call))
        esc_graph_store(c->g, esc_fctx_vnode(c, LLVMGetOperand(call, (unsigned)out - 1)),
                        n, w);
      else
        copy_to(c, n, esc_fctx_vnode(c, call), w);
      return;
    }
    unknown_call(c, call, fn, ESC_WHY_UNKNOWN_CALL);
    return;
  }
  if (F->sum[c->level].top) {
    unknown_call(c, call, NULL, ESC_WHY_BUDGET);
    return;
  }
  if (c->level == ESC_WHOLE &&
      !esc_summary_equal(&c->R->model.funcs.data[fi].sum[ESC_CONSERVATIVE],
                         &c->R->model.funcs.data[fi].sum[ESC_WHOLE]))
    ESC_VEC_PUSH(c->sharper, call);
  const esc_summary *S = esc_specialise_call(c, call, fi);
  if (S && !S->top) {
    apply_summary(c, call, fi, S, ESC_WHY_CALL_ARG);
    return;
  }
  apply_summary(c, call, fi, &c->R->model.funcs.data[fi].sum[c->level],
                ESC_WHY_CALL_ARG);
}

/* a - b where a and b are addresses in the same object (found by
 * stripping GEPs and casts down to one value): a pure offset. The
 * difference of addresses in two objects carries both: base + (p - base)
 * rebuilds p. */
static const char *store_target_global(LLVMValueRef ptr) {
  LLVMValueRef base = esc_strip(ptr);
  return LLVMIsAGlobalVariable(base) ? esc_value_name(base) : NULL;
}

static void build_inst(fctx *c, LLVMValueRef I) {
  LLVMOpcode op = LLVMGetInstructionOpcode(I);
  switch (op) {
  case LLVMAlloca: {
    int site = esc_ptrmap_get(&c->R->model.site_of, I);
    if (site >= 0)
      esc_model_site_found(&c->R->model, site, c->level);
    int o = new_obj(c, OBJ_STACK, site, -1, -1, NULL);
    esc_graph_base(c->g, esc_fctx_vnode(c, I), o, why(ESC_WHY_ALLOC, I, NULL, 0));
    return;
  }
  case LLVMLoad:
    esc_graph_load(c->g, esc_fctx_vnode(c, LLVMGetOperand(I, 0)) < 0
                             ? c->heap_node
                             : esc_fctx_vnode(c, LLVMGetOperand(I, 0)),
                   esc_fctx_vnode(c, I), why(ESC_WHY_LOAD, I, NULL, 0));
    /* bytes of a pointer loaded as a number and computed with: like a
     * ptrtoint, the address may be rebuilt from them */
    if (LLVMGetTypeKind(LLVMTypeOf(I)) != LLVMPointerTypeKind &&
        !esc_bits_only_moved(I, 0))
      copy_to(c, esc_fctx_vnode(c, I), ESC_ESC_NODE, why(ESC_WHY_NUMBER, I, NULL, 0));
    return;
  case LLVMStore: {
    int v = esc_fctx_vnode(c, LLVMGetOperand(I, 0));
    LLVMValueRef ptr = LLVMGetOperand(I, 1);
    int p = esc_fctx_vnode(c, ptr);
    if (v < 0 || p < 0)
      return;
    esc_graph_store(c->g, p, v,
                    why(ESC_WHY_STORE, I, store_target_global(ptr), 0));
    return;
  }
  case LLVMAtomicRMW:
  case LLVMAtomicCmpXchg: {
    int p = esc_fctx_vnode(c, LLVMGetOperand(I, 0));
    if (p < 0)
      p = c->heap_node;
    unsigned nops = (unsigned)LLVMGetNumOperands(I);
    for (unsigned i = 1; i < nops; i++) {
      int v = esc_fctx_vnode(c, LLVMGetOperand(I, i));
      if (v >= 0)
        esc_graph_store(c->g, p, v,
                        why(ESC_WHY_STORE, I,
                            store_target_global(LLVMGetOperand(I, 0)), 0));
    }
    esc_graph_load(c->g, p, esc_fctx_vnode(c, I), why(ESC_WHY_LOAD, I, NULL, 0));
    if (!esc_atomic_bits_only_moved(I))
      copy_to(c, esc_fctx_vnode(c, I), ESC_ESC_NODE, why(ESC_WHY_NUMBER, I, NULL, 0));
    return;
  }
  case LLVMCall:
  case LLVMInvoke:
  case LLVMCallBr:
    handle_call(c, I);
    return;
  case LLVMRet:
    if (LLVMGetNumOperands(I) > 0)
      copy_to(c, esc_fctx_vnode(c, LLVMGetOperand(I, 0)), c->ret,
              why(ESC_WHY_RETURN, I, NULL, 0));
    return;
  case LLVMICmp:
  case LLVMFCmp:
  case LLVMBr:
  case LLVMSwitch:
  case LLVMIndirectBr:
  case LLVMUnreachable:
  case LLVMFence:
  case LLVMResume:
  case LLVMCleanupRet:
  case LLVMCatchRet:
    return;
  case LLVMVAArg:
  case LLVMLandingPad:
  case LLVMCatchPad:
  case LLVMCleanupPad:
  case LLVMCatchSwitch: {
    int n = esc_fctx_vnode(c, I);
    if (n >= 0)
      esc_graph_base(c->g, n, ESC_HEAP_OBJ,
                     why(ESC_WHY_LOAD, I, NULL, 0));
    return;
  }
  case LLVMIntToPtr:
    copy_to(c, esc_fctx_vnode(c, LLVMGetOperand(I, 0)), esc_fctx_vnode(c, I),
            why(ESC_WHY_COPY, I, NULL, 0));
    /* the pointer the integer carries, and, unless it is a pointer's own
     * round trip, anything whose address was read as a number (those
     * escape: esc_ptrtoint_benign) */
    if (!LLVMIsAPtrToIntInst(LLVMGetOperand(I, 0)))
      esc_graph_base(c->g, esc_fctx_vnode(c, I), ESC_HEAP_OBJ,
                     why(ESC_WHY_INTTOPTR, I, NULL, 0));
    return;
  case LLVMSub:
    if (esc_same_object_difference(I))
      return;
    goto generic;
  case LLVMPtrToInt:
    /* the integer carries the address; used for anything but comparing
     * it with another address, an offset within its object or turning it
     * back, its bits may be rebuilt by other ways (a table of digits, a
     * branch per bit): the object escapes */
    copy_to(c, esc_fctx_vnode(c, LLVMGetOperand(I, 0)), esc_fctx_vnode(c, I),
            why(ESC_WHY_COPY, I, NULL, 0));
    if (!esc_ptrtoint_benign(I))
      copy_to(c, esc_fctx_vnode(c, LLVMGetOperand(I, 0)), ESC_ESC_NODE,
              why(ESC_WHY_PTRTOINT, I, NULL, 0));
    return;
  default:
  generic: {
    /* GEP, casts, phi, select, arithmetic, aggregates, vectors, freeze:
     * the result carries whatever its operands carry. */
    int res = esc_fctx_vnode(c, I);
    if (res < 0)
      return;
    int nops = LLVMGetNumOperands(I);
    for (int i = 0; i < nops; i++) {
      LLVMValueRef o = LLVMGetOperand(I, (unsigned)i);
      if (!o || LLVMValueIsBasicBlock(o))
        continue;
      copy_to(c, esc_fctx_vnode(c, o), res, why(ESC_WHY_COPY, I, NULL, 0));
    }
  }
  }
}

/* ---- entry ---- */
/* Would the whole level build function fidx's graph exactly as the
 * conservative level did? It does when nothing the whole level knows more
 * reaches the function: every indirect call stays unknown (and not for the
 * resolution's budget, which the reason names), and every direct callee
 * has one summary at both levels and no indirect call that this call's
 * context decides (esc_specialise_binds: the general summary is the one
 * the call would use). The graph is then the same, and so are its
 * verdicts, reasons and summary. */
static int whole_as_conservative(esc_result *R, int fidx) {
  if (!R->model.funcs.data[fidx].sum[ESC_CONSERVATIVE].done || !R->ts)
    return 0;
  const esc_func *G = &R->model.funcs.data[fidx];
  for (int k = 0; k < G->ncalls; k++) {
    LLVMValueRef I = G->calls[k];
    if (esc_is_indirect_call(I)) {
      const esc_targets *t = esc_typeset_resolve(R->ts, I);
      if (!(t->unknown || t->n == 0) ||
          (t->unknown_reason && !strncmp(t->unknown_reason, "budget", 6)))
        return 0;
      continue;
    }
    LLVMValueRef fn = esc_called_function(I);
    int fi = fn ? esc_model_func_index(&R->model, fn) : -1;
    if (fi < 0 || !R->model.funcs.data[fi].defined)
      continue;
    const esc_func *F = &R->model.funcs.data[fi];
    if (!esc_summary_equal(&F->sum[ESC_CONSERVATIVE], &F->sum[ESC_WHOLE]) ||
        esc_specialise_binds(R, I, fi, fidx))
      return 0;
  }
  return 1;
}

/* The whole level's verdicts and summary of fidx are the conservative
 * level's (whole_as_conservative), recorded as esc_fctx_run records. */
static void copy_conservative(esc_result *R, int fidx, esc_summary *out) {
  esc_model_copy_level(&R->model, fidx, ESC_CONSERVATIVE, ESC_WHOLE);
  *out = R->model.funcs.data[fidx].sum[ESC_CONSERVATIVE];
}

int esc_analyze_function(esc_result *R, int fidx, esc_level level) {
  esc_summary S;
  if (level == ESC_WHOLE && whole_as_conservative(R, fidx))
    copy_conservative(R, fidx, &S);
  else
    esc_fctx_run(R, fidx, level, NULL, 0, 1, &S);
  if (level == ESC_INTRA)
    return 0;
  return esc_model_store_summary(&R->model, fidx, level, &S);
}

/* The graph of fidx built, solved and read back (esc_fctx.h). */
int esc_fctx_run(esc_result *R, int fidx, esc_level level,
                 const esc_ctx_bind *binds, int nbind, int record,
                 esc_summary *out) {
  const esc_func *F = &R->model.funcs.data[fidx];
  /* a new round forgets what the last one found at this level */
  if (record)
    esc_model_begin_round(&R->model, fidx, level);
  fctx c;
  memset(&c, 0, sizeof c);
  c.R = R;
  c.binds = binds;
  c.nbind = nbind;
  c.level = level;
  c.fidx = fidx;
  c.fn = F->fn;
  /* one function's graph after another in the same buffers; a
   * specialised run inside this one takes a graph of its own */
  c.g = R->spare_graphs.len ? R->spare_graphs.data[--R->spare_graphs.len]
                            : esc_graph_new();
  esc_ptrmap_init(&c.vnode);
  ESC_VEC_PUSH(c.obj, ((objinfo){OBJ_HEAP, -1, -1, -1, NULL}));
  c.ret = esc_graph_node(c.g);
  c.heap_node = esc_graph_node(c.g);
  esc_graph_base(c.g, c.heap_node, ESC_HEAP_OBJ,
                 why(ESC_WHY_GLOBAL, NULL, NULL, 0));
  c.nparams = F->nparams;
  c.p1 = esc_xmalloc(sizeof(int) * (size_t)(c.nparams ? c.nparams : 1));
  c.pd = esc_xmalloc(sizeof(int) * (size_t)(c.nparams ? c.nparams : 1));
  for (int j = 0; j < c.nparams; j++) {
    LLVMValueRef p = LLVMGetParam(F->fn, (unsigned)j);
    c.p1[j] = c.pd[j] = -1;
    if (!esc_fctx_carries_address(LLVMTypeOf(p)))
      continue;
    c.p1[j] = new_obj(&c, OBJ_P1, -1, j, -1, NULL);
    c.pd[j] = new_obj(&c, OBJ_PD, -1, j, -1, NULL);
    esc_why w = why(ESC_WHY_PARAM, NULL, NULL, j);
    esc_graph_base(c.g, esc_fctx_vnode(&c, p), c.p1[j], w);
    esc_graph_base(c.g, esc_graph_content(c.g, c.p1[j]), c.pd[j], w);
    esc_graph_base(c.g, esc_graph_content(c.g, c.pd[j]), c.pd[j], w);
  }
  ESC_FOR_EACH_INST(F->fn, bb, I)
    build_inst(&c, I);

  int ok = esc_fctx_solve(&c);
  if (record)
    esc_fctx_record_verdicts(&c, ok);
  if (level != ESC_INTRA)
    esc_fctx_extract_summary(&c, ok, out);
  free(c.p1);
  free(c.pd);
  ESC_VEC_FREE(c.obj);
  ESC_VEC_FREE(c.fresh);
  ESC_VEC_FREE(c.deep);
  ESC_VEC_FREE(c.resolved);
  ESC_VEC_FREE(c.ctx_uses);
  ESC_VEC_FREE(c.sharper);
  esc_ptrmap_free(&c.vnode);
  esc_graph_clear(c.g);
  ESC_VEC_PUSH(R->spare_graphs, c.g);
  return ok;
}
