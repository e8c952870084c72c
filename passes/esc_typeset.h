/*
 * esc_typeset.h: which functions an indirect call may reach (whole-program).
 *
 * Evidence, from the most precise to the least, each call keeping the kind
 * that produced its set:
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
  ESC_EV_TYPE_METADATA = 0,
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

/* mode: 0 = all evidence kinds, 1 = signature only (baseline). explain:
 * keep provenance so that esc_typeset_explain can say where "unknown" came
 * from (costs memory). closed: assume code loaded with dlopen never calls
 * back into the program (an assumption the user opts into). */
esc_typeset *esc_typeset_build(LLVMModuleRef M, esc_arena *a, int mode,
                               int explain, int closed);
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
