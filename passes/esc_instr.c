/* esc_instr.c: frame and deallocation hooks for instrumentation
 * (esc_instr.h). */
#include "esc_instr.h"

#include "esc_sites.h"
#include "esc_typeset.h"

LLVMValueRef esc_instr_declare(LLVMModuleRef M, const char *name,
                               LLVMTypeRef ty) {
  LLVMValueRef f = LLVMGetNamedFunction(M, name);
  return f ? f : LLVMAddFunction(M, name, ty);
}

LLVMValueRef esc_instr_frame(LLVMBuilderRef b, LLVMValueRef fn,
                             LLVMTypeRef enter_t, LLVMValueRef enter_f,
                             LLVMTypeRef leave_t, LLVMValueRef leave_f) {
  LLVMValueRef first = LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(fn));
  while (first && LLVMIsAAllocaInst(first))
    first = LLVMGetNextInstruction(first);
  if (!first)
    return NULL;
  LLVMPositionBuilderBefore(b, first);
  LLVMValueRef mark = LLVMBuildCall2(b, enter_t, enter_f, NULL, 0, "");
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
       bb = LLVMGetNextBasicBlock(bb)) {
    LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
    if (!t || !(LLVMIsAReturnInst(t) || LLVMIsAResumeInst(t)))
      continue;
    LLVMValueRef at = t, prev = LLVMGetPreviousInstruction(t);
    if (prev && LLVMIsACallInst(prev) &&
        LLVMGetTailCallKind(prev) == LLVMTailCallKindMustTail)
      at = prev;
    LLVMPositionBuilderBefore(b, at);
    LLVMBuildCall2(b, leave_t, leave_f, &mark, 1, "");
  }
  return mark;
}

/* The pointer call I frees when its callee is fn (a deallocator, or a
 * realloc-style allocator's old block), or NULL. */
static LLVMValueRef freed_operand(esc_result *R, LLVMValueRef fn,
                                  LLVMValueRef I) {
  int arg = -1, freed;
  esc_allocfn af;
  if (esc_site_deallocator(R->opt.model, fn, &freed))
    arg = freed;
  else if (esc_site_allocator(R->opt.model, fn, &af))
    arg = af.realloc_arg;
  if (arg < 0 || (unsigned)arg >= (unsigned)LLVMGetNumArgOperands(I))
    return NULL;
  LLVMValueRef p = LLVMGetOperand(I, (unsigned)arg);
  return LLVMGetTypeKind(LLVMTypeOf(p)) == LLVMPointerTypeKind ? p : NULL;
}

/* Indirect call I whose resolved targets include deallocators (free
 * through a pointer): the hook gets the freed argument when the callee is
 * that deallocator, null otherwise. */
static void before_indirect_frees(esc_result *R, LLVMBuilderRef b,
                                  LLVMTypeRef hook_t, LLVMValueRef hook,
                                  LLVMValueRef I) {
  const esc_targets *t = R->ts ? esc_typeset_resolve(R->ts, I) : NULL;
  for (int k = 0; t && k < t->n; k++) {
    LLVMValueRef p = freed_operand(R, t->fns[k], I);
    if (!p)
      continue;
    LLVMPositionBuilderBefore(b, I);
    LLVMValueRef is = LLVMBuildICmp(b, LLVMIntEQ, LLVMGetCalledValue(I),
                                    t->fns[k], "");
    LLVMValueRef q = LLVMBuildSelect(b, is, p, LLVMConstNull(LLVMTypeOf(p)), "");
    LLVMBuildCall2(b, hook_t, hook, &q, 1, "");
  }
}

void esc_instr_before_frees(esc_result *R, LLVMBuilderRef b,
                            LLVMTypeRef hook_t, LLVMValueRef hook) {
  for (LLVMValueRef fn = LLVMGetFirstFunction(R->M); fn;
       fn = LLVMGetNextFunction(fn))
    ESC_FOR_EACH_INST(fn, bb, I) {
      if (!esc_is_call(I))
        continue;
      LLVMValueRef callee = esc_called_function(I);
      if (!callee && !LLVMIsAInlineAsm(LLVMGetCalledValue(I))) {
        before_indirect_frees(R, b, hook_t, hook, I);
        continue;
      }
      if (!callee || callee == hook)
        continue;
      LLVMValueRef p = freed_operand(R, callee, I);
      if (!p)
        continue;
      LLVMPositionBuilderBefore(b, I);
      LLVMBuildCall2(b, hook_t, hook, &p, 1, "");
    }
}
