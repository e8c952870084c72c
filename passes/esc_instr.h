/*
 * esc_instr.h: pieces shared by the instrumentations that watch frames
 * and deallocations (esc_check.c, the run-time check; esc_count.c, the
 * freed-in-frame counts).
 */
#ifndef ESC_INSTR_H
#define ESC_INSTR_H

#include "esc_analysis.h"

/* The function called name in M, declared with type ty when absent. */
LLVMValueRef esc_instr_declare(LLVMModuleRef M, const char *name,
                               LLVMTypeRef ty);

/* A frame's bracket: mark = enter() at fn's entry (after its allocas) and
 * leave(mark) before every return and resume (before the musttail call
 * that may precede a return: nothing may come between the two). Returns
 * the enter call, or NULL when the entry block holds nothing but allocas. */
LLVMValueRef esc_instr_frame(LLVMBuilderRef b, LLVMValueRef fn,
                             LLVMTypeRef enter_t, LLVMValueRef enter_f,
                             LLVMTypeRef leave_t, LLVMValueRef leave_f);

/* hook(p) before every call of R's module that deallocates p: free,
 * operator delete, the old block of realloc (and realloc-style allocators
 * the analysis knows). Calls of hook itself are left alone. */
void esc_instr_before_frees(esc_result *R, LLVMBuilderRef b,
                            LLVMTypeRef hook_t, LLVMValueRef hook);

#endif
