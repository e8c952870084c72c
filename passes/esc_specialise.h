/*
 * esc_specialise.h: a callee's summary specialised to what one call passes
 * (context-sensitive resolution of the callee's indirect calls).
 *
 * Ownership: specialised summaries, their bindings and the callee's list of
 * context-resolvable calls live in the result's arena; the model keeps
 * them (esc_model_set_ctx_calls, esc_model_add_ctx_summary) and frees the
 * function's ctx_sums vector (esc_model_free).
 */
#ifndef ESC_SPECIALISE_H
#define ESC_SPECIALISE_H

#include "esc_fctx.h"

/* The summary of callee fi specialised to call (a direct call in c's
 * function), recorded in c->ctx_uses; NULL when the general summary
 * applies (not the whole level, a specialised run itself, the same SCC,
 * no indirect call the context decides better, or past the context
 * budget). */
const esc_summary *esc_specialise_call(fctx *c, LLVMValueRef call, int fi);

/* Would the general whole-level analysis of caller_fidx bind some
 * indirect call of callee fi at call (a direct call of fi), that is, would
 * esc_specialise_call analyse fi specialised there rather than use its
 * general summary? Asked at the point where that analysis would run (the
 * answer depends on which summaries are final). Needs R->ts. */
int esc_specialise_binds(esc_result *R, LLVMValueRef call, int fi,
                         int caller_fidx);

/* Calls add(arg, f) for every function f that a context of call (a direct
 * call of callee fi) may bind, for the whole-level call graph: a
 * specialised summary of fi is built on f's summary, so f must be
 * analysed before call's function (esc_specialise_call uses a binding
 * only when it is). Needs R->ts. */
void esc_specialise_targets(esc_result *R, LLVMValueRef call, int fi,
                            void (*add)(void *arg, LLVMValueRef fn),
                            void *arg);

#endif
