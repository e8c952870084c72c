/* esc_context.c: per-caller resolution of indirect calls (esc_context.h). */
#include "esc_context.h"

#include "esc_loc.h"
#include "esc_sites.h"

#include <llvm-c/Target.h>
#include <string.h>

enum { MAX_DEPTH = 8, MAX_FNS = 64 };

static LLVMTargetDataRef td_of(LLVMValueRef inst) {
  LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInstructionParent(inst));
  return LLVMGetModuleDataLayout(LLVMGetGlobalParent(fn));
}

/* A local whose address only feeds loads, stores, GEPs, casts, memcpy and
 * lifetime markers: its contents are exactly what those stores put. */
static int private_local(LLVMValueRef a) {
  return a && LLVMIsAAllocaInst(a) && !esc_alloca_address_taken(a);
}

/* ---- callee side ---- */
static int trace(LLVMValueRef v, esc_ctx_path *p, int depth) {
  if (!v || depth > MAX_DEPTH)
    return 0;
  while (LLVMIsACastInst(v) && !LLVMIsAPtrToIntInst(v) &&
         !LLVMIsAIntToPtrInst(v))
    v = LLVMGetOperand(v, 0);
  if (LLVMIsAArgument(v)) {
    LLVMValueRef fn = LLVMGetParamParent(v);
    for (unsigned i = 0; i < LLVMCountParams(fn); i++)
      if (LLVMGetParam(fn, i) == v)
        p->param = (int)i;
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
    /* a local: every store to that slot must come from the same path */
    int found = 0;
    esc_ctx_path acc = {-1, 0, {0}};
    for (LLVMUseRef u = LLVMGetFirstUse(base); u; u = LLVMGetNextUse(u)) {
      LLVMValueRef user = LLVMGetUser(u);
      LLVMValueRef stores[64];
      int ns = 0;
      /* the slot is written directly or through a GEP of it */
      if (LLVMIsAStoreInst(user))
        stores[ns++] = user;
      else if (LLVMIsAGetElementPtrInst(user))
        for (LLVMUseRef w = LLVMGetFirstUse(user); w && ns < 64;
             w = LLVMGetNextUse(w))
          if (LLVMIsAStoreInst(LLVMGetUser(w)))
            stores[ns++] = LLVMGetUser(w);
      if (LLVMIsAIntrinsicInst(user) && esc_called_function(user)) {
        const char *n = esc_value_name(esc_called_function(user));
        if (!strncmp(n, "llvm.memcpy", 11) || !strncmp(n, "llvm.memmove", 12) ||
            !strncmp(n, "llvm.memset", 11))
          return 0; /* written as bytes: not traced */
      }
      for (int i = 0; i < ns; i++) {
        long long so;
        LLVMValueRef sb = esc_base_offset(td_of(stores[i]),
                                    LLVMGetOperand(stores[i], 1), &so);
        if (sb != base || so != off)
          continue;
        esc_ctx_path q = {-1, 0, {0}};
        if (!trace(LLVMGetOperand(stores[i], 0), &q, depth + 1))
          return 0;
        if (found && memcmp(&q, &acc, sizeof q))
          return 0;
        acc = q;
        found = 1;
      }
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
  LLVMValueRef f[MAX_FNS];
} fnset;

static int add(fnset *s, LLVMValueRef f) {
  for (int i = 0; i < s->n; i++)
    if (s->f[i] == f)
      return 1;
  if (s->n >= MAX_FNS)
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
  if (depth > MAX_DEPTH || !base)
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
  int found = 0;
  for (LLVMUseRef u = LLVMGetFirstUse(base); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    LLVMValueRef cands[64];
    int nc = 0;
    cands[nc++] = user;
    if (LLVMIsAGetElementPtrInst(user) || LLVMIsABitCastInst(user))
      for (LLVMUseRef w = LLVMGetFirstUse(user); w && nc < 64;
           w = LLVMGetNextUse(w))
        cands[nc++] = LLVMGetUser(w);
    for (int i = 0; i < nc; i++) {
      LLVMValueRef I = cands[i];
      if (LLVMIsAStoreInst(I)) {
        long long so;
        if (esc_base_offset(e->td, LLVMGetOperand(I, 1), &so) != base || so != off)
          continue;
        if (!eval(e, LLVMGetOperand(I, 0), offs, n, out, depth + 1))
          return 0;
        found = 1;
      } else if (LLVMIsAIntrinsicInst(I) && esc_called_function(I)) {
        const char *nm = esc_value_name(esc_called_function(I));
        int cpy = !strncmp(nm, "llvm.memcpy", 11) ||
                  !strncmp(nm, "llvm.memmove", 12);
        int set = !strncmp(nm, "llvm.memset", 11);
        if (!cpy && !set)
          continue;
        long long dofs;
        if (esc_base_offset(e->td, LLVMGetOperand(I, 0), &dofs) != base)
          continue;
        LLVMValueRef len = LLVMGetOperand(I, 2);
        if (!LLVMIsAConstantInt(len))
          return 0;
        long long l = LLVMConstIntGetSExtValue(len);
        if (off < dofs || off >= dofs + l)
          continue;
        if (set) {
          found = 1; /* zero bytes: a null pointer, no function */
          continue;
        }
        long long sofs;
        LLVMValueRef sb = esc_base_offset(e->td, LLVMGetOperand(I, 1), &sofs);
        if (!eval_mem(e, sb, sofs + (off - dofs), offs, n, out, depth + 1))
          return 0;
        found = 1;
      }
    }
  }
  return found;
}

static int eval(evalctx *e, LLVMValueRef v, const long long *offs, int n,
                fnset *out, int depth) {
  if (!v || depth > MAX_DEPTH)
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
