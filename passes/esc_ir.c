/*
 * esc_ir.c: questions about LLVM IR the analysis asks everywhere (see
 * esc_ir.h): what a value is based on, which function a call or constant
 * designates, how an integer's bits are used.
 */
#include "esc_ir.h"
#include "esc_limits.h"

#include "esc_sites.h"

#include <llvm-c/Target.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *esc_value_name(LLVMValueRef v) {
  size_t len;
  const char *s = LLVMGetValueName2(v, &len);
  return s ? s : "";
}

/* The opcode of an instruction or constant expression; 0 otherwise. */
static LLVMOpcode opcode_of(LLVMValueRef v) {
  if (LLVMIsAInstruction(v))
    return LLVMGetInstructionOpcode(v);
  if (LLVMIsAConstantExpr(v))
    return LLVMGetConstOpcode(v);
  return (LLVMOpcode)0;
}

LLVMValueRef esc_strip(LLVMValueRef v) {
  for (int guard = 0; guard < ESC_IR_STRIP_HOPS && v; guard++) {
    LLVMOpcode op = opcode_of(v);
    if (op != LLVMGetElementPtr && op != LLVMBitCast &&
        op != LLVMAddrSpaceCast)
      return v;
    v = LLVMGetOperand(v, 0);
  }
  return v;
}

/* The intrinsics esc_intrinsic_of tells apart, by base name (an
 * overloaded intrinsic's ID covers every mangled name). */
static const struct {
  const char *name;
  esc_intrinsic what;
} intrinsic_table[] = {
    {"llvm.dbg.assign", ESC_INTR_DEBUG},
    {"llvm.dbg.declare", ESC_INTR_DEBUG},
    {"llvm.dbg.label", ESC_INTR_DEBUG},
    {"llvm.dbg.value", ESC_INTR_DEBUG},
    {"llvm.lifetime.start", ESC_INTR_LIFETIME},
    {"llvm.lifetime.end", ESC_INTR_LIFETIME},
    {"llvm.assume", ESC_INTR_ASSUME},
    {"llvm.prefetch", ESC_INTR_PREFETCH},
    {"llvm.memset", ESC_INTR_MEMSET},
    {"llvm.memset.inline", ESC_INTR_MEMSET},
    {"llvm.memset.element.unordered.atomic", ESC_INTR_MEMSET},
    {"llvm.memcpy", ESC_INTR_MEMCPY},
    {"llvm.memcpy.inline", ESC_INTR_MEMCPY},
    {"llvm.memcpy.element.unordered.atomic", ESC_INTR_MEMCPY},
    {"llvm.memmove", ESC_INTR_MEMCPY},
    {"llvm.memmove.element.unordered.atomic", ESC_INTR_MEMCPY},
    {"llvm.objectsize", ESC_INTR_OBJECTSIZE},
    {"llvm.type.test", ESC_INTR_NO_EFFECT},
    {"llvm.public.type.test", ESC_INTR_NO_EFFECT},
    {"llvm.invariant.start", ESC_INTR_NO_EFFECT},
    {"llvm.invariant.end", ESC_INTR_NO_EFFECT},
    {"llvm.stackrestore", ESC_INTR_NO_EFFECT},
    {"llvm.va_end", ESC_INTR_NO_EFFECT},
    {"llvm.donothing", ESC_INTR_NO_EFFECT},
    {"llvm.trap", ESC_INTR_NO_EFFECT},
    {"llvm.debugtrap", ESC_INTR_NO_EFFECT},
    {"llvm.experimental.noalias.scope.decl", ESC_INTR_NO_EFFECT},
    {"llvm.pseudoprobe", ESC_INTR_NO_EFFECT},
    {"llvm.sideeffect", ESC_INTR_NO_EFFECT},
    {"llvm.va_start", ESC_INTR_VA_START},
    {"llvm.va_copy", ESC_INTR_VA_START},
    {"llvm.stacksave", ESC_INTR_OPAQUE_RESULT},
    {"llvm.type.checked.load", ESC_INTR_OPAQUE_RESULT},
    {"llvm.type.checked.load.relative", ESC_INTR_OPAQUE_RESULT},
    {"llvm.load.relative", ESC_INTR_OPAQUE_RESULT},
    {"llvm.thread.pointer", ESC_INTR_OPAQUE_RESULT},
    {"llvm.returnaddress", ESC_INTR_OPAQUE_RESULT},
    {"llvm.frameaddress", ESC_INTR_OPAQUE_RESULT},
    {"llvm.ptrmask", ESC_INTR_ADDRESS_BITS},
    {"llvm.launder.invariant.group", ESC_INTR_VALUE_ONLY},
    {"llvm.strip.invariant.group", ESC_INTR_VALUE_ONLY},
    {"llvm.expect", ESC_INTR_VALUE_ONLY},
    {"llvm.expect.with.probability", ESC_INTR_VALUE_ONLY},
    {"llvm.ssa.copy", ESC_INTR_VALUE_ONLY},
    {"llvm.ptr.annotation", ESC_INTR_VALUE_ONLY},
    {"llvm.threadlocal.address", ESC_INTR_VALUE_ONLY},
    {"llvm.is.constant", ESC_INTR_VALUE_ONLY},
};
#define N_INTRINSICS (sizeof intrinsic_table / sizeof intrinsic_table[0])

esc_intrinsic esc_intrinsic_of(LLVMValueRef fn) {
  /* IDs are fixed in the LLVM library: looked up once */
  static unsigned ids[N_INTRINSICS];
  static int looked_up;
  if (!looked_up) {
    for (size_t i = 0; i < N_INTRINSICS; i++)
      ids[i] = LLVMLookupIntrinsicID(intrinsic_table[i].name,
                                     strlen(intrinsic_table[i].name));
    looked_up = 1;
  }
  unsigned id = fn && LLVMIsAFunction(fn) ? LLVMGetIntrinsicID(fn) : 0;
  if (!id)
    return ESC_INTR_UNLISTED;
  for (size_t i = 0; i < N_INTRINSICS; i++)
    if (ids[i] == id)
      return intrinsic_table[i].what;
  return ESC_INTR_UNLISTED;
}

int esc_intrinsic_touches_memory(LLVMValueRef fn) {
  static unsigned kind;
  if (!kind)
    kind = LLVMGetEnumAttributeKindForName("memory", 6);
  LLVMAttributeRef a =
      LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, kind);
  if (!a)
    return 1;
  /* MemoryEffects: two mod/ref bits per location, argument memory (bits
   * 0-1), inaccessible memory (2-3) and other memory (4-5) */
  uint64_t me = LLVMGetEnumAttributeValue(a);
  return (me & 0x33) != 0;
}

int esc_type_has_pointer(LLVMTypeRef t) {
  LLVMTypeKind k = LLVMGetTypeKind(t);
  if (k == LLVMVectorTypeKind || k == LLVMScalableVectorTypeKind)
    k = LLVMGetTypeKind(LLVMGetElementType(t));
  return k == LLVMPointerTypeKind;
}

LLVMValueRef esc_called_function(LLVMValueRef call) {
  LLVMValueRef callee = LLVMGetCalledValue(call);
  return callee ? esc_function_of(callee) : NULL;
}

LLVMValueRef esc_base_offset(LLVMTargetDataRef td, LLVMValueRef v,
                             long long *off) {
  *off = 0;
  for (int guard = 0; guard < ESC_IR_OFFSET_HOPS && v; guard++) {
    LLVMOpcode op = opcode_of(v);
    if (!op)
      return v;
    if (op == LLVMBitCast || op == LLVMAddrSpaceCast) {
      v = LLVMGetOperand(v, 0);
      continue;
    }
    if (op != LLVMGetElementPtr)
      return v;
    LLVMTypeRef t = LLVMGetGEPSourceElementType(v);
    int n = LLVMGetNumOperands(v);
    long long o = 0;
    for (int i = 1; i < n; i++) {
      LLVMValueRef idx = LLVMGetOperand(v, (unsigned)i);
      if (!LLVMIsAConstantInt(idx))
        return NULL; /* variable index: no fixed offset */
      long long k = LLVMConstIntGetSExtValue(idx);
      if (i == 1) {
        o += k * (long long)LLVMABISizeOfType(td, t);
      } else if (LLVMGetTypeKind(t) == LLVMStructTypeKind) {
        o += (long long)LLVMOffsetOfElement(td, t, (unsigned)k);
        t = LLVMStructGetTypeAtIndex(t, (unsigned)k);
      } else {
        t = LLVMGetElementType(t);
        o += k * (long long)LLVMABISizeOfType(td, t);
      }
    }
    *off += o;
    v = LLVMGetOperand(v, 0);
  }
  return v;
}

LLVMValueRef esc_trace_to_arg(LLVMValueRef v, int depth) {
  if (!v || depth > ESC_IR_ARG_DEPTH)
    return NULL;
  /* a truncation keeps only part of the value: malloc((unsigned)n) is not
   * n bytes when n is wider */
  while (LLVMIsACastInst(v) && LLVMGetInstructionOpcode(v) != LLVMTrunc)
    v = LLVMGetOperand(v, 0);
  if (LLVMIsAArgument(v))
    return v;
  if (!LLVMIsALoadInst(v))
    return NULL;
  LLVMValueRef slot = LLVMGetOperand(v, 0);
  if (!LLVMIsAAllocaInst(slot))
    return NULL;
  LLVMValueRef found = NULL;
  for (LLVMUseRef u = LLVMGetFirstUse(slot); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (LLVMIsALoadInst(user) || LLVMIsAIntrinsicInst(user))
      continue;
    if (!LLVMIsAStoreInst(user) || LLVMGetOperand(user, 1) != slot)
      return NULL; /* the slot's address goes elsewhere */
    LLVMValueRef a = esc_trace_to_arg(LLVMGetOperand(user, 0), depth + 1);
    if (!a || (found && a != found))
      return NULL;
    found = a;
  }
  return found;
}

/* The global value a constant designates, through aliases and constant
 * casts (ptrtoint included, as LLVM writes function pointers stored as
 * integers), or NULL past ESC_IR_FUNCTION_HOPS or at anything else. */
static LLVMValueRef global_through_casts(LLVMValueRef v) {
  for (int guard = 0; guard < ESC_IR_FUNCTION_HOPS && v; guard++) {
    if (LLVMIsAGlobalAlias(v)) {
      v = LLVMAliasGetAliasee(v);
      continue;
    }
    if (!LLVMIsAConstantExpr(v))
      return v;
    LLVMOpcode op = LLVMGetConstOpcode(v);
    if (op != LLVMBitCast && op != LLVMAddrSpaceCast && op != LLVMPtrToInt &&
        op != LLVMIntToPtr)
      return NULL;
    v = LLVMGetOperand(v, 0);
  }
  return NULL;
}

LLVMValueRef esc_function_of(LLVMValueRef v) {
  v = global_through_casts(v);
  return v && LLVMIsAFunction(v) ? v : NULL;
}

int esc_call_returns_twice(LLVMValueRef call) {
  static unsigned rt;
  if (!rt)
    rt = LLVMGetEnumAttributeKindForName("returns_twice", 13);
  LLVMValueRef f = esc_called_function(call);
  return (f && LLVMGetEnumAttributeAtIndex(f, LLVMAttributeFunctionIndex,
                                           rt)) ||
         LLVMGetCallSiteEnumAttribute(call, LLVMAttributeFunctionIndex, rt);
}

/* Scans bb from instruction I on: 1 when one of the stops comes first,
 * -1 when the block leaves the function, 0 when it goes on to its
 * successors. */
static int scan_for_stop(LLVMValueRef I, LLVMValueRef const *stops, int n) {
  for (; I; I = LLVMGetNextInstruction(I)) {
    for (int k = 0; k < n; k++)
      if (stops[k] == I)
        return 1;
    if (!LLVMIsATerminatorInst(I))
      continue;
    switch (LLVMGetInstructionOpcode(I)) {
    case LLVMRet:
    case LLVMResume:
      return -1;
    case LLVMCleanupRet:
    case LLVMCatchSwitch:
      /* unwinding to the caller when it names no block to go to */
      if (!LLVMGetUnwindDest(I))
        return -1;
      return 0;
    default:
      return 0;
    }
  }
  return 0;
}

int esc_every_exit_passes(LLVMValueRef from, LLVMValueRef const *stops,
                          int n) {
  LLVMBasicBlockRef start = LLVMGetInstructionParent(from);
  int r = scan_for_stop(LLVMGetNextInstruction(from), stops, n);
  if (r)
    return r > 0;
  esc_ptrmap seen;
  esc_ptrmap_init(&seen);
  ESC_VEC(LLVMBasicBlockRef) work = {0};
  ESC_VEC_PUSH(work, start);
  int ok = 1;
  while (work.len && ok) {
    LLVMBasicBlockRef bb = work.data[--work.len];
    LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
    unsigned ns = t ? LLVMGetNumSuccessors(t) : 0;
    for (unsigned i = 0; i < ns && ok; i++) {
      LLVMBasicBlockRef s = LLVMGetSuccessor(t, i);
      if (esc_ptrmap_get(&seen, s) >= 0)
        continue;
      esc_ptrmap_put(&seen, s, 1);
      /* start itself again (a loop back to the create): from its top */
      r = scan_for_stop(LLVMGetFirstInstruction(s), stops, n);
      if (r < 0)
        ok = 0;
      else if (r == 0)
        ESC_VEC_PUSH(work, s);
    }
  }
  ESC_VEC_FREE(work);
  esc_ptrmap_free(&seen);
  return ok;
}

LLVMValueRef esc_ifunc_of(LLVMValueRef v) {
  v = global_through_casts(v);
  return v && LLVMIsAGlobalIFunc(v) ? v : NULL;
}

int esc_ifunc_targets(LLVMValueRef ifunc, LLVMValueRef *out, int max) {
  LLVMValueRef resolver = esc_function_of(LLVMGetGlobalIFuncResolver(ifunc));
  if (!resolver || LLVMIsDeclaration(resolver))
    return -1;
  LLVMValueRef work[ESC_IR_IFUNC_VALUES];
  int nw = 0, n = 0, seen = 0;
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(resolver); bb;
       bb = LLVMGetNextBasicBlock(bb)) {
    LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
    if (!t || LLVMGetInstructionOpcode(t) != LLVMRet ||
        !LLVMGetNumOperands(t))
      continue;
    if (nw >= ESC_IR_IFUNC_VALUES)
      return -1;
    work[nw++] = LLVMGetOperand(t, 0);
  }
  while (nw) {
    LLVMValueRef v = work[--nw];
    if (++seen > ESC_IR_IFUNC_VALUES)
      return -1;
    LLVMValueRef f = esc_function_of(v);
    if (f) {
      int dup = 0;
      for (int i = 0; i < n; i++)
        dup |= out[i] == f;
      if (!dup) {
        if (n >= max)
          return -1;
        out[n++] = f;
      }
      continue;
    }
    if (LLVMIsAConstantPointerNull(v))
      continue; /* no function: a call through it is a crash */
    int from = 0, to = 0;
    if (LLVMIsAPHINode(v)) {
      to = (int)LLVMCountIncoming(v);
    } else if (LLVMIsASelectInst(v)) {
      from = 1, to = 3;
    } else if (LLVMIsABitCastInst(v) || LLVMIsAAddrSpaceCastInst(v)) {
      to = 1;
    } else {
      return -1; /* loaded, computed, returned by a call */
    }
    for (int i = from; i < to; i++) {
      if (nw >= ESC_IR_IFUNC_VALUES)
        return -1;
      work[nw++] = LLVMIsAPHINode(v) ? LLVMGetIncomingValue(v, (unsigned)i)
                                     : LLVMGetOperand(v, (unsigned)i);
    }
  }
  return n;
}

/* From the C++ runtime (libstdc++), which libLLVM already depends on. */
char *__cxa_demangle(const char *mangled, char *buf, size_t *len, int *status);

const char *esc_demangle(esc_arena *a, const char *name) {
  if (!name || strncmp(name, "_Z", 2))
    return name;
  int status = 0;
  char *d = __cxa_demangle(name, NULL, NULL, &status);
  if (!d || status != 0) {
    free(d);
    return name;
  }
  const char *out = esc_arena_strdup(a, d);
  free(d);
  return out;
}

int esc_struct_field_at(LLVMTargetDataRef td, LLVMTypeRef st, long long off,
                        long long *field_off) {
  if (off < 0)
    return -1;
  for (unsigned i = LLVMCountStructElementTypes(st); i-- > 0;) {
    long long fo = (long long)LLVMOffsetOfElement(td, st, i);
    if (fo <= off) {
      *field_off = fo;
      return (int)i;
    }
  }
  return -1;
}

int esc_field_path(LLVMTargetDataRef td, LLVMTypeRef t, long long off,
                   unsigned *path, int max, LLVMTypeRef *leaf) {
  int n = 0;
  for (; t && n < max && off >= 0;) {
    LLVMTypeKind k = LLVMGetTypeKind(t);
    if (k == LLVMStructTypeKind && !LLVMIsOpaqueStruct(t)) {
      long long fo;
      int i = esc_struct_field_at(td, t, off, &fo);
      if (i < 0)
        return -1;
      path[n++] = (unsigned)i;
      t = LLVMStructGetTypeAtIndex(t, (unsigned)i);
      off -= fo;
    } else if (k == LLVMArrayTypeKind) {
      LLVMTypeRef el = LLVMGetElementType(t);
      long long sz = (long long)LLVMABISizeOfType(td, el);
      if (sz <= 0)
        return -1;
      path[n++] = (unsigned)(off / sz);
      t = el;
      off %= sz;
    } else {
      if (off != 0)
        return -1;
      *leaf = t;
      return n;
    }
  }
  return -1;
}

LLVMValueRef esc_const_at(LLVMTargetDataRef td, LLVMValueRef c, LLVMTypeRef t,
                          long long off) {
  unsigned path[ESC_IR_FIELD_PATH];
  LLVMTypeRef leaf;
  int n = esc_field_path(td, t, off, path, ESC_IR_FIELD_PATH, &leaf);
  for (int i = 0; i < n && c; i++)
    c = LLVMGetAggregateElement(c, path[i]);
  return n < 0 ? NULL : c;
}

int esc_int_untracked(LLVMValueRef v, int depth) {
  if (!v || depth > ESC_IR_INT_DEPTH)
    return 1;
  if (LLVMIsAConstant(v))
    return !esc_function_of(v); /* an integer constant: an address from nowhere */
  if (LLVMIsAArgument(v) || LLVMIsALoadInst(v) || LLVMIsACallInst(v) ||
      LLVMIsAInvokeInst(v) || LLVMIsAPtrToIntInst(v) ||
      LLVMIsAExtractValueInst(v) || LLVMIsAExtractElementInst(v))
    return 0; /* values the flow graphs follow */
  if (LLVMIsAZExtInst(v) || LLVMIsASExtInst(v) || LLVMIsATruncInst(v) ||
      LLVMIsAFPToUIInst(v) || LLVMIsAFPToSIInst(v))
    return 1; /* rebuilt from narrower pieces */
  if (LLVMIsAPHINode(v) || LLVMIsASelectInst(v) || LLVMIsABinaryOperator(v) ||
      LLVMIsAFreezeInst(v) || LLVMIsABitCastInst(v)) {
    int n = LLVMGetNumOperands(v);
    for (int i = LLVMIsASelectInst(v) ? 1 : 0; i < n; i++) {
      LLVMValueRef o = LLVMGetOperand(v, (unsigned)i);
      if (LLVMIsAConstantInt(o) && LLVMIsABinaryOperator(v))
        continue; /* masks and offsets on a tracked value */
      if (esc_int_untracked(o, depth + 1))
        return 1;
    }
    return 0;
  }
  return 1;
}

LLVMTypeRef esc_object_struct_type(LLVMValueRef base) {
  LLVMTypeRef t = NULL;
  if (base && LLVMIsAAllocaInst(base))
    t = LLVMGetAllocatedType(base);
  else if (base && LLVMIsAGlobalVariable(base))
    t = LLVMGlobalGetValueType(base);
  while (t && LLVMGetTypeKind(t) == LLVMArrayTypeKind)
    t = LLVMGetElementType(t);
  return t && LLVMGetTypeKind(t) == LLVMStructTypeKind ? t : NULL;
}

void esc_struct_source_name(const char *s, char *out, size_t n) {
  static const char *prefixes[] = {"struct.", "class.", "union."};
  if (!s || !*s)
    s = "{literal}";
  for (size_t i = 0; i < 3; i++)
    if (!strncmp(s, prefixes[i], strlen(prefixes[i]))) {
      s += strlen(prefixes[i]);
      break;
    }
  snprintf(out, n, "%s", s);
  /* linking and parsing add ".N" to keep names unique */
  for (;;) {
    char *dot = strrchr(out, '.');
    if (!dot || !dot[1])
      break;
    char *p = dot + 1;
    while (*p >= '0' && *p <= '9')
      p++;
    if (*p)
      break;
    *dot = 0;
  }
}

/* The value v's address is computed from: GEPs and casts stripped, and
 * -O0 spill slots looked through (a load from a local whose address is not
 * taken and that is stored exactly once, in the entry block, reads that
 * store's value). */
static LLVMValueRef address_root(LLVMValueRef v, int depth) {
  v = esc_strip(v);
  if (!v || depth > ESC_IR_ROOT_DEPTH || !LLVMIsALoadInst(v))
    return v;
  LLVMValueRef slot = LLVMGetOperand(v, 0);
  if (!LLVMIsAAllocaInst(slot) || esc_alloca_address_taken(slot))
    return v;
  LLVMValueRef only = NULL;
  for (LLVMUseRef u = LLVMGetFirstUse(slot); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (LLVMIsALoadInst(user))
      continue;
    if (!LLVMIsAStoreInst(user) || LLVMGetOperand(user, 1) != slot || only)
      return v; /* written another way, or twice */
    only = user;
  }
  /* a store in the entry block runs once per call: every load reads the
   * same value (a store in a loop writes a new one each time) */
  if (!only || LLVMGetInstructionParent(only) !=
                   LLVMGetEntryBasicBlock(LLVMGetBasicBlockParent(
                       LLVMGetInstructionParent(only))))
    return v;
  return address_root(LLVMGetOperand(only, 0), depth + 1);
}

int esc_function_address_taken(LLVMValueRef fn) {
  for (LLVMUseRef u = LLVMGetFirstUse(fn); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (!esc_is_call(user) || LLVMGetCalledValue(user) != fn)
      return 1;
    unsigned n = LLVMGetNumArgOperands(user);
    for (unsigned i = 0; i < n; i++)
      if (LLVMGetOperand(user, i) == fn)
        return 1;
  }
  return 0;
}

int esc_same_object_difference(LLVMValueRef sub) {
  LLVMValueRef a = LLVMGetOperand(sub, 0), b = LLVMGetOperand(sub, 1);
  if (!LLVMIsAPtrToIntInst(a) || !LLVMIsAPtrToIntInst(b))
    return 0;
  LLVMValueRef ra = address_root(LLVMGetOperand(a, 0), 0);
  LLVMValueRef rb = address_root(LLVMGetOperand(b, 0), 0);
  return ra && ra == rb;
}

/* An address, or null: what a pointer's integer may be compared with. A
 * pointer this function makes from a number (inttoptr) is no address: the
 * comparison would say where the other pointer is (a bisection over
 * (uintptr_t)(void *)mid). One made elsewhere is the stated limit
 * (docs/design.md). */
static int address_like(LLVMValueRef v) {
  if (LLVMIsAPtrToIntInst(v)) {
    LLVMValueRef root = address_root(LLVMGetOperand(v, 0), 0);
    if (!root || LLVMGetTypeKind(LLVMTypeOf(root)) != LLVMPointerTypeKind ||
        LLVMIsAIntToPtrInst(root) ||
        (LLVMIsAConstantExpr(root) && LLVMGetConstOpcode(root) == LLVMIntToPtr))
      return 0;
    return 1;
  }
  if (LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMPointerTypeKind) {
    /* a pointer this function made from a number is a number */
    LLVMValueRef root = address_root(v, 0);
    return !root || !(LLVMIsAIntToPtrInst(root) ||
                      (LLVMIsAConstantExpr(root) &&
                       LLVMGetConstOpcode(root) == LLVMIntToPtr));
  }
  if (LLVMIsAConstantInt(v))
    return LLVMConstIntGetZExtValue(v) == 0; /* null */
  return LLVMIsAConstantPointerNull(v) != NULL;
}

/* A difference of two addresses only compared with constants (the loop
 * vectorizer's overlap checks, `a - b < 32`): whether two objects are
 * near, not where; `a - b < 32` is `a < b + 32`, a comparison of two
 * addresses. Compared with a variable (`p - mid <= max`, `p - 0 < mid`)
 * it says where p is, and a loop can bisect the address out of it. */
static int only_compared(LLVMValueRef sub) {
  if (!address_like(LLVMGetOperand(sub, 0)) ||
      !address_like(LLVMGetOperand(sub, 1)))
    return 0;
  for (LLVMUseRef u = LLVMGetFirstUse(sub); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef cmp = LLVMGetUser(u);
    if (!LLVMIsAICmpInst(cmp))
      return 0;
    LLVMValueRef other = LLVMGetOperand(cmp, 0) == sub
                             ? LLVMGetOperand(cmp, 1)
                             : LLVMGetOperand(cmp, 0);
    if (!LLVMIsAConstantInt(other))
      return 0;
  }
  return 1;
}

int esc_ptrtoint_benign(LLVMValueRef inst) {
  for (LLVMUseRef u = LLVMGetFirstUse(inst); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (LLVMIsAICmpInst(user) && address_like(LLVMGetOperand(user, 0)) &&
        address_like(LLVMGetOperand(user, 1)))
      continue;
    if (LLVMIsAIntToPtrInst(user))
      continue;
    if (LLVMIsAInstruction(user) && LLVMGetInstructionOpcode(user) == LLVMSub &&
        (esc_same_object_difference(user) || only_compared(user)))
      continue;
    return 0;
  }
  return 1;
}

int esc_atomic_bits_only_moved(LLVMValueRef I) {
  if (!LLVMIsAAtomicCmpXchgInst(I)) {
    /* and, or, add, min, ...: the operation itself computes on the bits
     * and writes the outcome back (an AND with one bit leaves the slot
     * null exactly when that bit of the address is clear), whatever
     * becomes of the old value it returns */
    if (LLVMGetAtomicRMWBinOp(I) != LLVMAtomicRMWBinOpXchg)
      return 0;
    return LLVMGetTypeKind(LLVMTypeOf(I)) == LLVMPointerTypeKind ||
           esc_bits_only_moved(I, 0);
  }
  /* the swap compares the bits with the expected value and writes when
   * they are equal: against a number, that is an equality test of the
   * address (the success flag or the memory's new contents tell); against
   * an address or null, a comparison of two addresses */
  if (!address_like(LLVMGetOperand(I, 1)))
    return 0;
  /* { old value, success }: the flag is then a comparison's outcome */
  for (LLVMUseRef u = LLVMGetFirstUse(I); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (!LLVMIsAExtractValueInst(user) || LLVMGetNumIndices(user) != 1)
      return 0;
    if (LLVMGetIndices(user)[0] == 1)
      continue;
    if (LLVMGetTypeKind(LLVMTypeOf(user)) != LLVMPointerTypeKind &&
        !esc_bits_only_moved(user, 1))
      return 0;
  }
  return 1;
}

int esc_bits_only_moved(LLVMValueRef v, int depth) {
  if (depth > ESC_IR_MOVED_DEPTH)
    return 0;
  for (LLVMUseRef u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (!LLVMIsAInstruction(user))
      return 0;
    switch (LLVMGetInstructionOpcode(user)) {
    case LLVMStore:
      if (LLVMGetOperand(user, 0) != v)
        return 0; /* used as an address */
      continue;   /* copied to memory: followed there */
    case LLVMIntToPtr:
      continue;   /* back to a pointer: followed */
    case LLVMICmp:
      if (address_like(LLVMGetOperand(user, 0)) &&
          address_like(LLVMGetOperand(user, 1)))
        continue; /* against an address or null */
      return 0;
    case LLVMSelect:
      if (LLVMGetOperand(user, 0) == v)
        return 0; /* a branch on the bits */
      /* fall through */
    case LLVMPHI:
    case LLVMFreeze:
    case LLVMBitCast:
    case LLVMTrunc:
    case LLVMZExt:
    case LLVMSExt:
    case LLVMExtractValue:
    case LLVMExtractElement:
    case LLVMInsertValue:
    case LLVMInsertElement:
    case LLVMShuffleVector:
      if (LLVMGetTypeKind(LLVMTypeOf(user)) == LLVMPointerTypeKind)
        continue;
      /* one bit on its own (an element of a <64 x i1>, a trunc to i1):
       * the flow graphs carry no address in a bool, so the bits are
       * read, one at a time */
      if (LLVMGetTypeKind(LLVMTypeOf(user)) == LLVMIntegerTypeKind &&
          LLVMGetIntTypeWidth(LLVMTypeOf(user)) == 1)
        return 0;
      if (!esc_bits_only_moved(user, depth + 1))
        return 0;
      continue;
    case LLVMCall:
    case LLVMInvoke: {
      /* passed to a function the program defines: its parameter's uses */
      LLVMValueRef f = esc_called_function(user);
      unsigned na = (unsigned)LLVMGetNumArgOperands(user);
      if (!f || LLVMIsDeclaration(f) ||
          LLVMIsFunctionVarArg(LLVMGlobalGetValueType(f)))
        return 0;
      for (unsigned k = 0; k < na && k < LLVMCountParams(f); k++)
        if (LLVMGetOperand(user, k) == v &&
            !esc_bits_only_moved(LLVMGetParam(f, k), depth + 1))
          return 0;
      if (LLVMGetCalledValue(user) == v)
        return 0;
      continue;
    }
    case LLVMRet: {
      /* returned: the uses of the result at every call of the function
       * (one whose address is taken may return to anywhere) */
      LLVMValueRef f = LLVMGetBasicBlockParent(LLVMGetInstructionParent(user));
      for (LLVMUseRef fu = LLVMGetFirstUse(f); fu; fu = LLVMGetNextUse(fu)) {
        LLVMValueRef call = LLVMGetUser(fu);
        if (!esc_is_call(call) || LLVMGetCalledValue(call) != f ||
            !esc_bits_only_moved(call, depth + 1))
          return 0;
      }
      continue;
    }
    default:
      return 0;
    }
  }
  return 1;
}
