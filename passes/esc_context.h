/*
 * esc_context.h: resolving an indirect call in the context of one caller.
 *
 * Inside a function, the callee of an indirect call is traced back to an
 * access path rooted at a parameter: the parameter itself (a callback), or
 * memory reached from it at constant offsets (s->ops->write is parameter s,
 * offset of ops, then offset of write). Local variables and -O0 spill slots
 * are looked through.
 *
 * At a call of that function, the same path is evaluated on the caller's
 * argument: through the caller's locals (the stores and memcpys into them)
 * and constant globals (an ops table), down to a set of functions. When the
 * path leaves what the caller can see, the evaluation fails and the general
 * (context-free) resolution applies.
 */
#ifndef ESC_CONTEXT_H
#define ESC_CONTEXT_H

#include "esc_limits.h"
#include "esc_typeset.h"

#include <llvm-c/Core.h>


typedef struct esc_ctx_path {
  int param;                     /* -1: not rooted at a parameter */
  int depth;                     /* number of dereferences */
  long long off[ESC_CTX_MAX_PATH]; /* offset of each dereference */
} esc_ctx_path;

/* The path of the callee of indirect call `call`; .param < 0 if none. */
esc_ctx_path esc_ctx_trace_callee(LLVMValueRef call);

/* Evaluates path p on the argument the caller passes at `site` (a direct
 * call). Fills out (arena) and returns 1 when every function the path may
 * reach is known, 0 otherwise. */
int esc_ctx_eval(LLVMValueRef site, const esc_ctx_path *p, esc_typeset *ts,
                 LLVMTypeRef fty, esc_arena *a, esc_targets *out);

#endif
