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
 * LLVM 19 cannot read records) and returns the previous format so that the
 * caller can restore it. */
LLVMBool esc_names_prepare_module(LLVMModuleRef M);
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

/* v = base + constant byte offset, through constant-index GEPs and casts;
 * NULL when an index is not constant. */
LLVMValueRef esc_base_offset(LLVMTargetDataRef td, LLVMValueRef v,
                             long long *off);
/* The path of element indices from type t down to the scalar at byte
 * offset off: fills path (at most max entries) and *leaf, returns the path
 * length, or -1 when off falls inside no scalar (padding, past the end). */
int esc_field_path(LLVMTargetDataRef td, LLVMTypeRef t, long long off,
                   unsigned *path, int max, LLVMTypeRef *leaf);
/* The struct type of a local or global (through arrays), or NULL. */
LLVMTypeRef esc_object_struct_type(LLVMValueRef base);
/* A struct's source name: "struct.ops.12" -> "ops", "class.ns::W" ->
 * "ns::W" (the key TBAA uses too). */
void esc_struct_source_name(const char *llvm_name, char *out, size_t n);
/* The element of constant c (of type t) at byte offset off, or NULL. */
LLVMValueRef esc_const_at(LLVMTargetDataRef td, LLVMValueRef c, LLVMTypeRef t,
                          long long off);
/* Strips GEPs and casts (instructions and constant expressions). */
LLVMValueRef esc_strip(LLVMValueRef v);
/* A C++ name demangled ("tinyxml2::XMLNode::ParseDeep(...)"), in a;
 * other names are returned as they are. */
const char *esc_demangle(esc_arena *a, const char *name);
/* 1 when the integer v may hold an address the flow graphs did not follow
 * (a constant, or one rebuilt from narrower pieces); integers loaded,
 * passed, returned or converted from pointers are followed. Used to decide
 * whether inttoptr yields "unknown". */
int esc_int_untracked(LLVMValueRef v, int depth);
/* The function a constant designates, through casts (ptrtoint included,
 * as LLVM writes function pointers stored as integers) and aliases. */
LLVMValueRef esc_function_of(LLVMValueRef v);

/* sub(ptrtoint a, ptrtoint b) with a and b computed from one value (GEPs,
 * casts and -O0 spill slots looked through): a pure offset. */
int esc_same_object_difference(LLVMValueRef sub);
/* A ptrtoint whose integer is only compared with another address (or
 * null), subtracted from an address in the same object (or from another
 * address, the difference only compared: the vectorizer's overlap
 * checks), or turned back into a pointer: its bits are never read as a
 * number. */
int esc_ptrtoint_benign(LLVMValueRef ptrtoint);
/* 1 when the intrinsic fn may read or write memory the program can reach
 * (LLVM's memory attribute on its declaration says more than
 * "inaccessible memory only"; no attribute: it may). */
int esc_intrinsic_touches_memory(LLVMValueRef fn);
/* 1 when t is a pointer or a vector of pointers. */
int esc_type_has_pointer(LLVMTypeRef t);
/* 1 when the bits of v, a value that is not a pointer (a load of integer,
 * float or aggregate type, a parameter), are only moved: stored, copied
 * through phis, selects, casts, aggregates and calls of defined functions,
 * compared with an address or null, or turned into a pointer. Anything
 * else reads them as a number (arithmetic, a table index, a branch on
 * them, a library call): an address they hold is known from then on.
 * With index_moves, a GEP index counts as moved too: the escape graph
 * gives a GEP's result whatever its indices carry (the points-to analysis
 * does so only for indices that meet the base, and passes 0). */
int esc_bits_only_moved(LLVMValueRef v, int depth, int index_moves);
/* The same for the value an atomicrmw or cmpxchg read (cmpxchg's success
 * flag is a comparison's outcome, not the bits). */
int esc_atomic_bits_only_moved(LLVMValueRef atomic, int index_moves);
/* Name of the function called by call (NULL when indirect or asm). */
LLVMValueRef esc_called_function(LLVMValueRef call);
const char *esc_value_name(LLVMValueRef v); /* "" when none */
/* The argument v is a copy of, through casts and -O0 spill slots (an alloca
 * only ever stored that argument), or NULL. */
LLVMValueRef esc_trace_to_arg(LLVMValueRef v, int depth);

#endif
