/*
 * esc_pta.h: sound whole-program points-to analysis, for resolving indirect
 * calls without assuming type safety.
 *
 * Inclusion-based (Andersen), field-sensitive by byte offset, over every
 * value that can carry address bits: pointers, integers of any width,
 * floating-point values, aggregates and vectors. Memory is modelled in
 * 8-byte granules per object, so a pointer written in pieces (two 32-bit
 * halves, a byte loop, a memcpy through void *) is read back by any load
 * that overlaps it. Unions, casts and type punning need no special case:
 * memory has no types here. Pointer arithmetic the analysis cannot follow
 * (integer arithmetic, variable indices) makes the pointer point anywhere
 * in its object; the difference of two pointers carries both.
 *
 * The world outside the program is one object, EXT, whose contents are
 * everything the program exposed to it: arguments of unknown functions,
 * bytes written out (write, printf, send), and, transitively, what exposed
 * memory points to. Outside code may write what it knows into exposed
 * memory and call exposed functions with it. Bytes read in (read, scanf,
 * fread, recv) are EXT's contents. An indirect call whose callee may be
 * EXT, or data, is unknown.
 *
 * Library functions are modelled by what they do with bytes (esc_libc.h):
 * which arguments they keep, which they write, which bytes they move
 * between arguments, to the outside or from it, which they call back.
 *
 * The one assumption: the linked module is the whole program (code loaded
 * with dlopen makes the program open unless the caller says otherwise).
 *
 * Ownership: esc_pta_build returns an object freed by esc_pta_free; the
 * module must outlive it.
 */
#ifndef ESC_PTA_H
#define ESC_PTA_H

#include "esc_util.h"

#include <llvm-c/Core.h>
#include <stdint.h>

typedef struct esc_pta esc_pta;

typedef struct esc_pta_stats {
  int objects;            /* memory objects of the program */
  int locations;          /* (object, offset) pairs told apart */
  int exposed;            /* program objects and functions outside code knows */
  int merged;             /* objects merged into others (coarsening) */
  int grouped;            /* functions put into groups */
  uint64_t steps;         /* propagation steps */
  int over_budget;
} esc_pta_stats;

/* closed: code loaded with dlopen never calls back (opt-in assumption).
 * budget: propagation steps, 0 for ESC_PTA_BUDGET_DEFAULT. explain: keep
 * where outside values came from, for esc_pta_explain. wrappers: allocator
 * wrappers (functions that return one fresh block and keep nothing, found
 * by the conservative level): each call of one is an object of its own,
 * as a call of malloc is. model: the user's model (borrowed; NULL:
 * none), read where library facts are. */
struct esc_usermodel;
esc_pta *esc_pta_build(LLVMModuleRef M, int closed, uint64_t budget,
                       int explain, const LLVMValueRef *wrappers,
                       int nwrappers, const struct esc_usermodel *model);
void esc_pta_free(esc_pta *p);

/* The functions value v (a callee) may hold: *fns (malloc'd, the caller
 * frees it) gets *n of them. Returns 1 when v may also hold something that
 * is not a function of the program (code outside it, data, or the budget
 * ran out), with *why saying which. */
int esc_pta_functions(esc_pta *p, LLVMValueRef v, LLVMValueRef **fns, int *n,
                      const char **why);

/* Where the outside value reaching v came from: values and memory from v
 * back to the source, joined by " <- ". */
const char *esc_pta_explain(esc_pta *p, LLVMValueRef v, esc_arena *a);

esc_pta_stats esc_pta_get_stats(const esc_pta *p);

#endif
