/* esc_sites.c: allocator recognition and address-taken allocas. */
#include "esc_sites.h"
#include "esc_limits.h"

#include "esc_loc.h"
#include "esc_usermodel.h"

#include <llvm-c/Target.h>
#include <string.h>

int esc_is_call(LLVMValueRef v) {
  /* one query (0 for a value that is no instruction) */
  switch (LLVMGetInstructionOpcode(v)) {
  case LLVMCall:
  case LLVMInvoke:
  case LLVMCallBr:
    return 1;
  default:
    return 0;
  }
}

int esc_is_indirect_call(LLVMValueRef v) {
  return esc_is_call(v) && !esc_called_function(v) &&
         !LLVMIsAInlineAsm(LLVMGetCalledValue(v));
}

static const esc_allocfn known[] = {
    {"malloc", 0, -1, -1, -1, -1, 0},
    {"calloc", 0, 1, -1, -1, -1, 0},
    {"realloc", 1, -1, 0, -1, -1, 0},
    {"reallocarray", 1, 2, 0, -1, -1, 0},
    {"aligned_alloc", 1, -1, -1, -1, -1, 0},
    {"memalign", 1, -1, -1, -1, -1, 0},
    {"valloc", 0, -1, -1, -1, -1, 0},
    {"pvalloc", 0, -1, -1, -1, -1, 0},
    {"posix_memalign", 2, -1, -1, 0, -1, 0},
    {"strdup", -1, -1, -1, -1, 0, 0},
    {"strndup", -1, -1, -1, -1, 0, 0},
    {"__strdup", -1, -1, -1, -1, 0, 0},
    {"__strndup", -1, -1, -1, -1, 0, 0},
    {"_Znwm", 0, -1, -1, -1, -1, 0},
    {"_Znam", 0, -1, -1, -1, -1, 0},
    {"_ZnwmRKSt9nothrow_t", 0, -1, -1, -1, -1, 0},
    {"_ZnamRKSt9nothrow_t", 0, -1, -1, -1, -1, 0},
    {"_ZnwmSt11align_val_t", 0, -1, -1, -1, -1, 0},
    {"_ZnamSt11align_val_t", 0, -1, -1, -1, -1, 0},
    {"_ZnwmSt11align_val_tRKSt9nothrow_t", 0, -1, -1, -1, -1, 0},
    {"_ZnamSt11align_val_tRKSt9nothrow_t", 0, -1, -1, -1, -1, 0},
};

static const char *pretty_alloc(const char *name) {
  if (!strncmp(name, "_Znw", 4))
    return "operator new";
  if (!strncmp(name, "_Zna", 4))
    return "operator new[]";
  return name;
}

static unsigned kind_of(const char *attr) {
  return LLVMGetEnumAttributeKindForName(attr, strlen(attr));
}

int esc_alloc_classify(LLVMValueRef callee, esc_allocfn *out) {
  if (!callee)
    return 0;
  const char *name = esc_value_name(callee);
  /* a function the program defines is judged by its body (allocator
   * wrappers), whatever its name: the program's own strdup may intern */
  int defined = !LLVMIsDeclaration(callee);
  for (size_t i = 0; i < sizeof(known) / sizeof(known[0]) && !defined; i++)
    if (!strcmp(name, known[i].name)) {
      *out = known[i];
      out->name = pretty_alloc(known[i].name);
      return 1;
    }
  /* allockind("alloc"/"realloc") on a declaration, or allocsize with a
   * noalias result (GCC's malloc attribute: storage disjoint from any
   * other object the caller can reach). On a function with a body they
   * promise a size, not a fresh block: such a function is judged by its
   * body (allocator wrappers). allocsize alone promises only that the
   * result has that many bytes, as LLVM's MemoryBuiltins read it: a size
   * helper returning its argument (extend_to_usable(p, n)) is no fresh
   * block, and p's block, which the result is, would be taken as given
   * up. Such a declaration is an unknown function. */
  if (!LLVMIsDeclaration(callee))
    return 0;
  LLVMAttributeRef ak = LLVMGetEnumAttributeAtIndex(
      callee, LLVMAttributeFunctionIndex, kind_of("allockind"));
  LLVMAttributeRef sz = LLVMGetEnumAttributeAtIndex(
      callee, LLVMAttributeFunctionIndex, kind_of("allocsize"));
  LLVMAttributeRef na = LLVMGetEnumAttributeAtIndex(
      callee, LLVMAttributeReturnIndex, kind_of("noalias"));
  uint64_t kind = ak ? LLVMGetEnumAttributeValue(ak) : 0;
  if ((kind & (1 | 2)) || (sz && na)) {
    *out = (esc_allocfn){name, -1, -1, -1, -1, -1, 0};
    if (sz) {
      uint64_t v = LLVMGetEnumAttributeValue(sz);
      /* allocsize packs (elem_arg << 32) | (num_arg or 0xFFFFFFFF) */
      out->size_arg = (int)(v >> 32);
      unsigned num = (unsigned)(v & 0xffffffffu);
      if (num != 0xffffffffu)
        out->size_arg2 = (int)num;
    }
    if (kind & 2)
      out->realloc_arg = 0;
    if (!ak) {
      /* no allockind: GCC's malloc attribute, which promises only that
       * the result is fresh. A pointer parameter may be a block it copies
       * from or resizes, or a pool it keeps: its bytes may move into the
       * block, and the pointer itself goes where an unknown function's
       * argument goes. More than one, not known */
      int ptrs = 0, last = -1;
      for (unsigned i = 0; i < LLVMCountParams(callee); i++)
        if (LLVMGetTypeKind(LLVMTypeOf(LLVMGetParam(callee, i))) ==
            LLVMPointerTypeKind)
          ptrs++, last = (int)i;
      if (ptrs > 1)
        return 0;
      out->copy_arg = last;
      out->keeps_args = ptrs > 0;
    }
    return 1;
  }
  return 0;
}

int esc_is_free_fn(LLVMValueRef callee) {
  if (!callee || !LLVMIsDeclaration(callee))
    return 0; /* a free the program defines is judged by its body */
  const char *name = esc_value_name(callee);
  if (!strcmp(name, "free") || !strcmp(name, "cfree") ||
      !strncmp(name, "_ZdlPv", 6) || !strncmp(name, "_ZdaPv", 6))
    return 1;
  LLVMAttributeRef ak = LLVMGetEnumAttributeAtIndex(
      callee, LLVMAttributeFunctionIndex, kind_of("allockind"));
  return ak && (LLVMGetEnumAttributeValue(ak) & 4);
}

static int allocsize_arg(LLVMValueRef callee) {
  LLVMAttributeRef sz = LLVMGetEnumAttributeAtIndex(
      callee, LLVMAttributeFunctionIndex, kind_of("allocsize"));
  return sz ? (int)(LLVMGetEnumAttributeValue(sz) >> 32) : -1;
}

int esc_site_allocator(const esc_usermodel *m, LLVMValueRef callee,
                       esc_allocfn *out) {
  const esc_umfn *f = esc_usermodel_of(m, callee);
  if (!f)
    return esc_alloc_classify(callee, out);
  if (f->role != ESC_UM_ALLOC && f->role != ESC_UM_REALLOC)
    return 0;
  *out = (esc_allocfn){f->name, f->size_arg, f->size_arg2, f->ptr_arg,
                       -1,      -1,          0};
  if (f->size_from_attr)
    out->size_arg = allocsize_arg(callee);
  return 1;
}

int esc_site_deallocator(const esc_usermodel *m, LLVMValueRef callee,
                         int *ptr_arg) {
  const esc_umfn *f = esc_usermodel_of(m, callee);
  if (f) {
    if (f->role != ESC_UM_FREE)
      return 0;
    *ptr_arg = f->ptr_arg;
    return 1;
  }
  if (!esc_is_free_fn(callee))
    return 0;
  *ptr_arg = 0;
  return 1;
}

static long long const_arg(LLVMValueRef call, int i) {
  if (i < 0 || (unsigned)i >= LLVMGetNumArgOperands(call))
    return -1;
  LLVMValueRef v = LLVMGetOperand(call, (unsigned)i);
  if (!LLVMIsAConstantInt(v))
    return -1;
  return LLVMConstIntGetSExtValue(v);
}

long long esc_alloc_bytes(LLVMValueRef call, const esc_allocfn *fn) {
  long long a = const_arg(call, fn->size_arg);
  if (a < 0 || fn->size_arg2 < 0)
    return a;
  long long b = const_arg(call, fn->size_arg2), ab;
  if (b < 0 || __builtin_mul_overflow(a, b, &ab))
    return -1; /* calloc(n, size) overflowing fails: no constant size */
  return ab;
}

static int plain_use(LLVMValueRef user, LLVMValueRef v, int depth) {
  if (LLVMIsALoadInst(user))
    return 1;
  if (LLVMIsAStoreInst(user))
    return LLVMGetOperand(user, 0) != v; /* storing the address takes it */
  if (LLVMIsAGetElementPtrInst(user) || LLVMIsABitCastInst(user) ||
      LLVMIsAAddrSpaceCastInst(user)) {
    if (depth > ESC_SITES_USE_DEPTH)
      return 0;
    for (LLVMUseRef u = LLVMGetFirstUse(user); u; u = LLVMGetNextUse(u))
      if (!plain_use(LLVMGetUser(u), user, depth + 1))
        return 0;
    return 1;
  }
  if (LLVMIsAIntrinsicInst(user)) {
    LLVMValueRef f = esc_called_function(user);
    const char *n = f ? esc_value_name(f) : "";
    if (!strncmp(n, "llvm.lifetime.", 14) || !strncmp(n, "llvm.dbg.", 9) ||
        !strncmp(n, "llvm.memset.", 12))
      return 1;
    if (!strncmp(n, "llvm.memcpy.", 12) || !strncmp(n, "llvm.memmove.", 13))
      return 1; /* copies bytes; the address itself goes nowhere */
  }
  return 0;
}

int esc_alloca_address_taken(LLVMValueRef alloca) {
  for (LLVMUseRef u = LLVMGetFirstUse(alloca); u; u = LLVMGetNextUse(u))
    if (!plain_use(LLVMGetUser(u), alloca, 0))
      return 1;
  return 0;
}

long long esc_alloca_bytes(LLVMModuleRef M, LLVMValueRef alloca) {
  LLVMValueRef n = LLVMGetOperand(alloca, 0);
  if (!LLVMIsAConstantInt(n))
    return -1;
  LLVMTargetDataRef td = LLVMGetModuleDataLayout(M);
  LLVMTypeRef t = LLVMGetAllocatedType(alloca);
  if (!LLVMTypeIsSized(t))
    return -1;
  return (long long)LLVMABISizeOfType(td, t) *
         (long long)LLVMConstIntGetZExtValue(n);
}
