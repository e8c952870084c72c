/*
 * esc_typeset.h: which functions an indirect call may reach (whole-program).
 *
 * By default the answer is the sound points-to analysis of esc_pta.h
 * (evidence "points_to"), with C++ virtual calls resolved through type
 * metadata. With --assume-typed it is the type-based flow graph below.
 *
 * Evidence of the type-based mode, from the most precise to the least,
 * each call keeping the kind that produced its set:
 * - type metadata: C++ virtual calls guarded by llvm.type.test /
 *   llvm.public.type.test, resolved through the !type metadata of vtables
 *   (code built with -flto -fwhole-program-vtables);
 * - struct field: the callee was loaded from field k of struct S (struct GEP
 *   at -O0/-O1, TBAA struct-path tag at -O2); the set is every function
 *   stored into (S, k) anywhere in the program (stores, global initializers,
 *   copies from other fields). Facts are recorded per module before linking
 *   by esc_annotate_module(), since linking merges identical layouts;
 * - context: the callee is a parameter, and every caller passes a known
 *   function (resolved per call site of the enclosing function);
 * - signature: address-taken functions whose type fits the call.
 * A function pointer that may come from outside the program (returned by an
 * external function, converted from an integer, read from a struct that
 * external code may fill) puts "unknown" in the set, which keeps the
 * conservative answer.
 *
 * Ownership: esc_typeset_build returns an object freed by esc_typeset_free;
 * target arrays live in the arena given to esc_typeset_build.
 */
#ifndef ESC_TYPESET_H
#define ESC_TYPESET_H

#include "esc_util.h"

#include <llvm-c/Core.h>

typedef enum esc_evidence {
  ESC_EV_POINTS_TO = 0, /* the sound default: what the callee may hold */
  ESC_EV_TYPE_METADATA,
  ESC_EV_STRUCT_FIELD,
  ESC_EV_CONTEXT,
  ESC_EV_SIGNATURE,
  ESC_EVIDENCE_COUNT
} esc_evidence;

const char *esc_evidence_name(esc_evidence e);

typedef struct esc_targets {
  int n;
  LLVMValueRef *fns;  /* possible callees (definitions or declarations) */
  int unknown;        /* may reach code outside the program */
  const char *unknown_reason;
  esc_evidence evidence;
  int param;          /* for ESC_EV_CONTEXT: the parameter called, else -1 */
} esc_targets;

typedef struct esc_typeset esc_typeset;

/* How the typeset is built (all fields are the caller's choice). */
typedef struct esc_typeset_opts {
  int mode;     /* 0: points-to (sound) or typed, 1: signature (baseline) */
  int typed;    /* --assume-typed: the type-based flow graph (MLTA's
                   assumptions) instead of the sound points-to analysis */
  int explain;  /* keep provenance for esc_typeset_explain (costs memory) */
  int closed;   /* code loaded with dlopen never calls back (opt-in) */
  uint64_t budget; /* points-to propagation steps, 0 for the default */
  const LLVMValueRef *wrappers; /* allocator wrappers (borrowed): each call
                                   of one is a heap object of its own */
  int nwrappers;
  const struct esc_usermodel *model; /* the user's model (borrowed) */
} esc_typeset_opts;

esc_typeset *esc_typeset_build(LLVMModuleRef M, esc_arena *a,
                               const esc_typeset_opts *o);
/* Points-to statistics (all zero in typed and signature modes). */
struct esc_pta_stats;
void esc_typeset_pta_stats(const esc_typeset *ts, struct esc_pta_stats *out);

/* Could a call of type call_ty reach fn? Arguments must line up (same
 * count, or fn variadic; calling through an incompatible type is undefined
 * in C). exact: also the same return and argument types; otherwise the
 * same kinds (pointer for pointer, integers of one width). */
int esc_call_fits(LLVMValueRef fn, LLVMTypeRef call_ty, int exact);
/* How "unknown" reached an unresolved call: a chain of values and memory,
 * from the call back to the source. */
const char *esc_typeset_explain(esc_typeset *ts, LLVMValueRef call,
                                esc_arena *a);
void esc_typeset_free(esc_typeset *ts);
/* Targets of the indirect call (a call/invoke whose callee is not a
 * function). The result is cached; its arrays are owned by the typeset's
 * arena. */
const esc_targets *esc_typeset_resolve(esc_typeset *ts, LLVMValueRef call);
/* Targets a call of type fty may reach when its callee is the value v (a
 * caller's argument, for context resolution): what v may hold plus the
 * fitting functions of untyped memory. Arrays live in the arena. */
esc_targets esc_typeset_value(esc_typeset *ts, LLVMValueRef v,
                              LLVMTypeRef fty);

#endif
