/*
 * esc_fctx.h: the state of one function's escape graph while it is built
 * (esc_build.c), solved (esc_solver.c), read back into verdicts
 * (esc_verdict.c) and into a summary (esc_summary.c). Internal to the core.
 *
 * Ownership: an fctx lives on esc_build's stack for one analysis of one
 * function; its graph and vectors are freed at the end of that analysis.
 * Strings it produces live in the result's arena.
 */
#ifndef ESC_FCTX_H
#define ESC_FCTX_H

#include "esc_analysis.h"

typedef enum esc_objkind {
  OBJ_HEAP,
  OBJ_P1,
  OBJ_PD,
  OBJ_STACK,    /* an alloca (site >= 0 when reported) */
  OBJ_HEAPSITE, /* an allocation reported as a site of this function */
  OBJ_FRESH     /* a fresh object from a callee, not a site here */
} esc_objkind;

typedef struct objinfo {
  esc_objkind kind;
  int site;   /* site id or -1 */
  int param;  /* for P1/PD */
  int origin; /* for heap objects: the allocation site it stems from */
  LLVMValueRef call; /* for objects made at a call: the call */
} objinfo;

typedef struct fresh_key {
  LLVMValueRef call;
  int origin;
  int obj;
  int node;
} fresh_key;

typedef struct deep_key {
  LLVMValueRef call;
  int arg;
  int node;
} deep_key;

/* A direct call whose callee was analysed in this caller's context. */
typedef struct ctx_use {
  LLVMValueRef site;
  const esc_ctx_summary *cs;
} ctx_use;

typedef struct fctx {
  esc_result *R;
  const esc_ctx_bind *binds; /* context of a specialised analysis */
  int nbind;
  ESC_VEC(ctx_use) ctx_uses;
  esc_level level;
  int fidx;
  LLVMValueRef fn;
  esc_graph *g;
  esc_ptrmap vnode;
  ESC_VEC(objinfo) obj;
  ESC_VEC(fresh_key) fresh;
  ESC_VEC(deep_key) deep;
  ESC_VEC(LLVMValueRef) resolved; /* whole level: resolved indirect calls */
  ESC_VEC(LLVMValueRef) sharper;  /* direct calls whose callee's summary is
                                     sharper at the whole level */
  int ret;
  int heap_node; /* holds HEAP: constants that mention globals */
  int nparams;
  int *p1, *pd;
} fctx;

static inline esc_why why(esc_why_kind k, LLVMValueRef inst,
                          const char *detail, int aux) {
  return (esc_why){k, aux, inst, detail};
}

static inline unsigned call_nargs(LLVMValueRef call) {
  return LLVMGetNumArgOperands(call);
}

/* esc_solver.c: solving the graph. */
/* The node of a value (-1 when it carries no address); made on first use. */
int esc_fctx_vnode(fctx *c, LLVMValueRef v);
/* Whether a value of type t can hold address bits (every type but void,
 * labels, metadata, tokens and i1). */
int esc_fctx_carries_address(LLVMTypeRef t);
/* Objects the caller can reach: via[o] = 1 + parameter, -1 result, 0 no. */
void esc_fctx_boundary_reach(fctx *c, int *via);
/* Solves the graph (and makes stack objects the caller can reach escape);
 * 0 when the budget ran out. */
int esc_fctx_solve(fctx *c);

/* esc_verdict.c: fills the verdicts, at c's level, of the sites whose
 * objects c has. */
void esc_fctx_record_verdicts(fctx *c, int ok);

/* esc_build.c: builds, solves and reads the graph of fidx at level, with
 * binds (nbind of them) deciding indirect calls of a specialised run.
 * record: fill the verdicts of its sites (0 for context-specialised runs,
 * which only make summaries); out gets the summary (not at the
 * intraprocedural level). 0 when the budget ran out. */
int esc_fctx_run(esc_result *R, int fidx, esc_level level,
                 const esc_ctx_bind *binds, int nbind, int record,
                 esc_summary *out);

/* esc_summary.c: the summary of the solved graph (top when !ok). */
void esc_fctx_extract_summary(fctx *c, int ok, esc_summary *S);

#endif
