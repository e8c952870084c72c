/*
 * esc_loc.h: source locations and variable names from debug info.
 *
 * Every verdict is printed at a file:line:col taken from the instruction's
 * DILocation, and names the variable when a dbg.declare / dbg.value says
 * which one. Instructions without a location fall back to the function name
 * and the instruction's index within the function ("fn#12").
 *
 * Ownership: all strings returned live in the arena passed to
 * esc_names_build() (or, for esc_loc_of, to the call's arena).
 */
#ifndef ESC_LOC_H
#define ESC_LOC_H

#include "esc_ir.h"
#include "esc_util.h"

#include <llvm-c/Core.h>
#include <llvm-c/Target.h>

typedef struct esc_loc {
  const char *file; /* as recorded in debug info; NULL when unknown */
  const char *dir;  /* the directory a relative file is in, or NULL */
  unsigned line, col;
  const char *func; /* enclosing function */
  int index;        /* instruction index in the function, -1 if n/a */
} esc_loc;

/* file's full name, appended to out: joined to dir when file is relative
 * and dir is given. */
void esc_path_join(const char *dir, const char *file, esc_str *out);
/* Location of an instruction. */
esc_loc esc_loc_of(esc_arena *a, LLVMValueRef inst);
/* 1 when inst's location is inside an inlined call. */
int esc_loc_inlined(LLVMValueRef inst);
/* Index of inst among the instructions of its function (0-based). */
int esc_inst_index(LLVMValueRef inst);
/* "file:line:col" or "fn#index" into buf. */
void esc_loc_format(const esc_loc *l, char *buf, size_t n);
/* esc_loc_format of inst's location, in the arena ("?" for NULL). */
const char *esc_loc_text(esc_arena *a, LLVMValueRef inst);
/* A value for an explanation chain: "a parameter of f", "result of g at
 * file:line:col", "load at ...", "inttoptr at ...", "value at ...". */
const char *esc_value_text(esc_arena *a, LLVMValueRef v);

/* Variable names per value, gathered from the module's debug intrinsics. */
typedef struct esc_var {
  const char *name;
  esc_loc decl; /* where the variable is declared (the intrinsic's location) */
  int arg;      /* 1-based parameter number from debug info; 0 otherwise */
} esc_var;

typedef struct esc_names {
  esc_ptrmap of_value; /* value -> index in vars */
  ESC_VEC(esc_var) vars;
  int has_debug_info; /* any defined function has a DISubprogram */
} esc_names;

/* Converts M to intrinsic debug info if it uses debug records (the C API of
 * LLVM 19 cannot read records). The CLI reads modules in that form from
 * the start (esc_load_init), which spares the conversions. */
void esc_names_prepare_module(LLVMModuleRef M);
/* Local variables whose address is never taken become SSA values
 * (mem2reg), also in functions compiled at -O0 (their optnone is
 * cleared). Call it between esc_names_prepare_module and esc_names_build;
 * the dbg.values that replace a variable's dbg.declare keep the
 * declaration's location. Address-taken locals stay allocas. */
void esc_promote_slots(LLVMModuleRef M);
void esc_names_build(esc_names *n, esc_arena *a, LLVMModuleRef M);
void esc_names_free(esc_names *n);
/* The variable declared at (dbg.declare) or holding (dbg.value) v. */
const esc_var *esc_names_of(const esc_names *n, LLVMValueRef v);
/* The debug variable of parameter idx (directly or its -O0 spill slot). */
const esc_var *esc_param_var(const esc_names *n, LLVMValueRef fn,
                             unsigned idx);
/* Name of a parameter: debug name, else "p<N>". */
const char *esc_param_name(const esc_names *n, esc_arena *a, LLVMValueRef fn,
                           unsigned idx);

#endif
