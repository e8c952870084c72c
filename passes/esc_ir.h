/*
 * esc_ir.h: IR helpers shared by the analysis's files: bases and constant
 * offsets, struct fields and constants at an offset, the function a call or
 * a constant designates, demangled names, and how an integer's bits are
 * used (moved, compared, or read as a number). No state; strings returned
 * by esc_demangle live in the arena given.
 */
#ifndef ESC_IR_H
#define ESC_IR_H

#include "esc_util.h"

#include <llvm-c/Core.h>
#include <llvm-c/Target.h>

/* v = base + constant byte offset, through constant-index GEPs and casts;
 * NULL when an index is not constant. */
LLVMValueRef esc_base_offset(LLVMTargetDataRef td, LLVMValueRef v,
                             long long *off);
/* The field of struct st (not opaque) that holds byte off: the last one
 * starting at or before off, its offset in *field_off. -1 when off < 0 or
 * st has no fields. The one struct-offset step of the field walks
 * (esc_field_path, the type-fact keys). */
int esc_struct_field_at(LLVMTargetDataRef td, LLVMTypeRef st, long long off,
                        long long *field_off);
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
/* Does every path from instruction `from` (just after it) to a way out of
 * its function (a return, an unwind: resume, an unwinding cleanup or
 * catchswitch) pass one of stops[0..n)? Paths that end in unreachable
 * (after exit or abort) leave no frame behind. A longjmp out of a call on
 * the way is not seen. */
int esc_every_exit_passes(LLVMValueRef from, LLVMValueRef const *stops, int n);
/* The ifunc a constant designates, through casts and aliases, or NULL. */
LLVMValueRef esc_ifunc_of(LLVMValueRef v);
/* The functions ifunc's resolver may return (a target_clones function is
 * an ifunc choosing among its clones), into out[0..max): their number, or
 * -1 when some value it returns is not a function named in its body (a
 * loaded or computed pointer, another call's result) or there are more
 * than max. */
int esc_ifunc_targets(LLVMValueRef ifunc, LLVMValueRef *out, int max);
/* Is function fn's address used other than as the callee of a call (stored,
 * compared, passed, fn(fn) included), so that an indirect call, a library
 * callback or code outside the program may call it? */
int esc_function_address_taken(LLVMValueRef fn);

/* sub(ptrtoint a, ptrtoint b) with a and b computed from one value (GEPs,
 * casts and -O0 spill slots looked through): a pure offset. */
int esc_same_object_difference(LLVMValueRef sub);
/* A ptrtoint whose integer is only compared with another address (or
 * null; not a pointer this function made from a number), subtracted from
 * an address in the same object (or from another address, the difference
 * only compared with constants: the vectorizer's overlap checks), or
 * turned back into a pointer: its bits are never read as a number. */
int esc_ptrtoint_benign(LLVMValueRef ptrtoint);
/* Every instruction I of function fn, block bb by block, in order; both
 * variables are declared by the macro. A `break` leaves the current block
 * only; the walk must not erase I. */
#define ESC_FOR_EACH_INST(fn, bb, I)                                           \
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;                  \
       bb = LLVMGetNextBasicBlock(bb))                                         \
    for (LLVMValueRef I = LLVMGetFirstInstruction(bb); I;                      \
         I = LLVMGetNextInstruction(I))

/* What an intrinsic is, as far as the analysis tells intrinsics apart
 * (by LLVMGetIntrinsicID, every overload and mangled name alike). */
typedef enum esc_intrinsic {
  ESC_INTR_UNLISTED = 0, /* not a function, not an intrinsic, or not below */
  ESC_INTR_DEBUG,        /* llvm.dbg.*: debug info, no effect */
  ESC_INTR_LIFETIME,     /* llvm.lifetime.start/end */
  ESC_INTR_ASSUME,       /* llvm.assume */
  ESC_INTR_PREFETCH,     /* llvm.prefetch */
  ESC_INTR_MEMSET,       /* memset, memset.inline, its atomic element form */
  ESC_INTR_MEMCPY,       /* memcpy, memmove, .inline, atomic element forms */
  ESC_INTR_OBJECTSIZE,   /* llvm.objectsize: a number about an object */
  ESC_INTR_NO_EFFECT,    /* hints and traps: type tests, invariant markers,
                            stackrestore, va_end, donothing, sideeffect,
                            pseudoprobe, noalias scope decls, trap */
  ESC_INTR_VA_START,     /* va_start, va_copy: the list gets unknown memory */
  ESC_INTR_OPAQUE_RESULT, /* the result is memory the function does not own:
                             stacksave, type.checked.load, load.relative,
                             thread.pointer, returnaddress, frameaddress */
  ESC_INTR_ADDRESS_BITS, /* llvm.ptrmask: a pointer into the operand's
                            objects, made by reading the address's bits
                            (two masks compared give one bit away): the
                            objects escape */
  ESC_INTR_VALUE_ONLY,   /* the result carries what the operands carry:
                            launder/strip.invariant.group, expect,
                            ssa.copy, ptr.annotation, threadlocal.address,
                            is.constant */
} esc_intrinsic;
/* What fn (a called function, or NULL) is among the intrinsics above. */
esc_intrinsic esc_intrinsic_of(LLVMValueRef fn);
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
 * An array index reads them too: a table indexed by a pointer's bytes
 * (ident[byte] == byte) rebuilds it. */
int esc_bits_only_moved(LLVMValueRef v, int depth);
/* The same for the value an atomicrmw or cmpxchg read (cmpxchg's success
 * flag is a comparison's outcome, not the bits). */
int esc_atomic_bits_only_moved(LLVMValueRef atomic);
/* Does call return twice (setjmp, vfork: returns_twice on the callee or
 * the call)? */
int esc_call_returns_twice(LLVMValueRef call);
/* Name of the function called by call (NULL when indirect or asm). */
LLVMValueRef esc_called_function(LLVMValueRef call);
const char *esc_value_name(LLVMValueRef v); /* "" when none */
/* The argument v is a copy of, through casts other than truncations and -O0
 * spill slots (an alloca only ever stored that argument), or NULL. */
LLVMValueRef esc_trace_to_arg(LLVMValueRef v, int depth);

#endif
