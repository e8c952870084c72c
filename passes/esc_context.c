/* esc_context.c: per-caller resolution of indirect calls (esc_context.h). */
#include "esc_context.h"
#include "esc_limits.h"

#include "esc_libc.h"
#include "esc_loc.h"
#include "esc_sites.h"

#include <llvm-c/Target.h>
#include <string.h>


static LLVMTargetDataRef td_of(LLVMValueRef inst) {
  LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInstructionParent(inst));
  return LLVMGetModuleDataLayout(LLVMGetGlobalParent(fn));
}

/* A local whose address only feeds loads, stores, GEPs, casts, memcpy and
 * lifetime markers: its contents are exactly what those stores put. */
static int private_local(LLVMValueRef a) {
  return a && LLVMIsAAllocaInst(a) && !esc_alloca_address_taken(a);
}

/* Every write into local `base`, each at an exact offset: stores,
 * memcpy/memmove and memset with constant lengths, through any chain of
 * GEPs and casts. Returns the number of writes, or -1 when some write
 * cannot be placed exactly (a variable index, a non-constant length) or
 * the address goes anywhere else: then what the local holds is not
 * known. */
typedef struct slot_write {
  LLVMValueRef inst;
  int kind; /* 0 store, 1 memcpy/memmove, 2 memset */
  long long off, len;
} slot_write;

static int slot_writes(LLVMTargetDataRef td, LLVMValueRef base,
                       slot_write *out) {
  LLVMValueRef work[ESC_CTX_MAX_WRITES];
  int nw = 0, n = 0;
  work[nw++] = base;
  while (nw) {
    LLVMValueRef p = work[--nw];
    for (LLVMUseRef u = LLVMGetFirstUse(p); u; u = LLVMGetNextUse(u)) {
      LLVMValueRef U = LLVMGetUser(u);
      if ((LLVMIsAGetElementPtrInst(U) || LLVMIsABitCastInst(U) ||
           LLVMIsAAddrSpaceCastInst(U)) &&
          LLVMGetOperand(U, 0) == p) {
        if (nw >= ESC_CTX_MAX_WRITES)
          return -1;
        work[nw++] = U;
        continue;
      }
      if (LLVMIsALoadInst(U))
        continue;
      long long off;
      if (LLVMIsAStoreInst(U) && LLVMGetOperand(U, 1) == p &&
          LLVMGetOperand(U, 0) != p) {
        if (esc_base_offset(td, p, &off) != base || n >= ESC_CTX_MAX_WRITES)
          return -1;
        LLVMTypeRef t = LLVMTypeOf(LLVMGetOperand(U, 0));
        out[n++] = (slot_write){U, 0, off,
                                (long long)LLVMStoreSizeOfType(td, t)};
        continue;
      }
      LLVMValueRef f = LLVMIsAIntrinsicInst(U) ? esc_called_function(U) : NULL;
      esc_intrinsic what = esc_intrinsic_of(f);
      if (what == ESC_INTR_LIFETIME || what == ESC_INTR_DEBUG)
        continue;
      int cpy = what == ESC_INTR_MEMCPY;
      int set = what == ESC_INTR_MEMSET;
      if ((cpy || set) && LLVMGetOperand(U, 0) == p) {
        LLVMValueRef len = LLVMGetOperand(U, 2);
        if (esc_base_offset(td, p, &off) != base || !LLVMIsAConstantInt(len) ||
            n >= ESC_CTX_MAX_WRITES)
          return -1;
        out[n++] = (slot_write){U, set ? 2 : 1, off,
                                LLVMConstIntGetSExtValue(len)};
        continue;
      }
      if (cpy && LLVMGetOperand(U, 1) == p)
        continue; /* read */
      return -1;
    }
  }
  return n;
}

/* ---- callee side ---- */
static int trace(LLVMValueRef v, esc_ctx_path *p, int depth) {
  if (!v || depth > ESC_CTX_MAX_DEPTH)
    return 0;
  while (LLVMIsACastInst(v) && !LLVMIsAPtrToIntInst(v) &&
         !LLVMIsAIntToPtrInst(v))
    v = LLVMGetOperand(v, 0);
  if (LLVMIsAArgument(v)) {
    LLVMValueRef fn = LLVMGetParamParent(v);
    for (unsigned i = 0; i < LLVMCountParams(fn); i++)
      if (LLVMGetParam(fn, i) == v)
        p->param = (int)i;
    /* a struct passed by value is the callee's own copy, which it may
     * change before the call: the caller's memory is not what it reads */
    if (esc_attr_param_is_copy(fn, (unsigned)p->param))
      return 0;
    p->depth = 0;
    return 1;
  }
  if (!LLVMIsALoadInst(v))
    return 0;
  long long off;
  LLVMValueRef base = esc_base_offset(td_of(v), LLVMGetOperand(v, 0), &off);
  if (!base)
    return 0;
  if (private_local(base)) {
    /* a local: every write to that slot must be a store from one path */
    slot_write w[ESC_CTX_MAX_WRITES];
    int nw = slot_writes(td_of(v), base, w);
    if (nw < 0)
      return 0;
    int found = 0;
    esc_ctx_path acc = {-1, 0, {0}};
    for (int i = 0; i < nw; i++) {
      if (w[i].off + w[i].len <= off || w[i].off >= off + 8)
        continue; /* another part of the local */
      if (w[i].kind != 0 || w[i].off != off)
        return 0; /* written as bytes, or in part */
      esc_ctx_path q = {-1, 0, {0}};
      if (!trace(LLVMGetOperand(w[i].inst, 0), &q, depth + 1))
        return 0;
      if (found && memcmp(&q, &acc, sizeof q))
        return 0;
      acc = q;
      found = 1;
    }
    if (found)
      *p = acc;
    return found;
  }
  if (!trace(base, p, depth + 1) || p->depth >= ESC_CTX_MAX_PATH)
    return 0;
  p->off[p->depth++] = off;
  return 1;
}

esc_ctx_path esc_ctx_trace_callee(LLVMValueRef call) {
  esc_ctx_path p = {-1, 0, {0}};
  if (!trace(LLVMGetCalledValue(call), &p, 0))
    p.param = -1;
  return p;
}

/* ---- caller side ---- */
typedef struct fnset {
  int n;
  LLVMValueRef f[ESC_CTX_MAX_FNS];
} fnset;

static int add(fnset *s, LLVMValueRef f) {
  for (int i = 0; i < s->n; i++)
    if (s->f[i] == f)
      return 1;
  if (s->n >= ESC_CTX_MAX_FNS)
    return 0;
  s->f[s->n++] = f;
  return 1;
}

typedef struct evalctx {
  esc_typeset *ts;
  LLVMTypeRef fty;
  LLVMTargetDataRef td;
} evalctx;

static int eval(evalctx *e, LLVMValueRef v, const long long *offs, int n,
                fnset *out, int depth);

/* What memory at (base + off) holds, dereferenced further by offs. */
static int eval_mem(evalctx *e, LLVMValueRef base, long long off,
                    const long long *offs, int n, fnset *out, int depth) {
  if (depth > ESC_CTX_MAX_DEPTH || !base)
    return 0;
  if (LLVMIsAGlobalVariable(base)) {
    if (!LLVMIsGlobalConstant(base) || !LLVMGetInitializer(base) ||
        LLVMIsDeclaration(base))
      return 0; /* may be written at run time */
    LLVMValueRef c = esc_const_at(e->td, LLVMGetInitializer(base),
                                  LLVMGlobalGetValueType(base), off);
    if (!c)
      return 0;
    return eval(e, c, offs, n, out, depth + 1);
  }
  if (!private_local(base))
    return 0;
  slot_write w[ESC_CTX_MAX_WRITES];
  int nw = slot_writes(e->td, base, w);
  if (nw < 0)
    return 0; /* a write the evaluation cannot place */
  int found = 0;
  for (int i = 0; i < nw; i++) {
    if (w[i].off + w[i].len <= off || w[i].off >= off + 8)
      continue;
    if (w[i].kind == 2) {
      /* zero bytes over the whole pointer: null, no function; any other
       * byte, or part of the pointer, can make a function's address out
       * of what was there (memset(&f, low_byte_of_g, 1)) */
      LLVMValueRef byte = LLVMGetOperand(w[i].inst, 1);
      if (w[i].off > off || w[i].off + w[i].len < off + 8 ||
          !LLVMIsAConstantInt(byte) || LLVMConstIntGetZExtValue(byte) != 0)
        return 0;
      found = 1;
      continue;
    }
    if (w[i].kind == 0) {
      if (w[i].off != off)
        return 0; /* the pointer written in part */
      if (!eval(e, LLVMGetOperand(w[i].inst, 0), offs, n, out, depth + 1))
        return 0;
      found = 1;
      continue;
    }
    long long sofs;
    LLVMValueRef sb = esc_base_offset(e->td, LLVMGetOperand(w[i].inst, 1), &sofs);
    if (off < w[i].off || off + 8 > w[i].off + w[i].len || !sb)
      return 0;
    if (!eval_mem(e, sb, sofs + (off - w[i].off), offs, n, out, depth + 1))
      return 0;
    found = 1;
  }
  return found;
}

static int eval(evalctx *e, LLVMValueRef v, const long long *offs, int n,
                fnset *out, int depth) {
  if (!v || depth > ESC_CTX_MAX_DEPTH)
    return 0;
  if (LLVMIsAConstantPointerNull(v) || LLVMIsAUndefValue(v))
    return 1;
  if (LLVMIsALoadInst(v)) {
    long long off;
    LLVMValueRef base = esc_base_offset(e->td, LLVMGetOperand(v, 0), &off);
    return eval_mem(e, base, off, offs, n, out, depth + 1);
  }
  if (n == 0) {
    LLVMValueRef f = esc_function_of(v);
    if (f)
      return add(out, f);
    if (LLVMIsAConstant(v))
      return 0;
    esc_targets t = esc_typeset_value(e->ts, v, e->fty);
    if (t.unknown)
      return 0;
    for (int i = 0; i < t.n; i++)
      if (!add(out, t.fns[i]))
        return 0;
    return 1;
  }
  long long off;
  LLVMValueRef base = esc_base_offset(e->td, v, &off);
  return eval_mem(e, base, off + offs[0], offs + 1, n - 1, out, depth + 1);
}

int esc_ctx_eval(LLVMValueRef site, const esc_ctx_path *p, esc_typeset *ts,
                 LLVMTypeRef fty, esc_arena *a, esc_targets *out) {
  if (p->param < 0 || (unsigned)p->param >= LLVMGetNumArgOperands(site))
    return 0;
  evalctx e = {ts, fty, td_of(site)};
  fnset s;
  s.n = 0;
  /* offsets are in dereference order, from the parameter outwards */
  if (!eval(&e, LLVMGetOperand(site, (unsigned)p->param), p->off, p->depth,
            &s, 0))
    return 0;
  memset(out, 0, sizeof(*out));
  out->n = s.n;
  out->fns = esc_arena_alloc(a, sizeof(LLVMValueRef) * (size_t)(s.n ? s.n : 1));
  memcpy(out->fns, s.f, sizeof(LLVMValueRef) * (size_t)s.n);
  out->evidence = ESC_EV_CONTEXT;
  out->param = p->param;
  return 1;
}
