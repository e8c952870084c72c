/*
 * esc_sites.h: recognising allocation sites.
 *
 * Heap sites are calls to the malloc family, operator new, functions whose
 * declaration carries allockind/allocsize, and the project allocators named
 * with --alloc-fn. Stack sites are address-taken allocas: an alloca whose
 * address is used for anything other than loading from it, storing to it
 * (as the address), memcpy/memset on it, or lifetime/debug markers.
 * Allocator wrappers are found later, from function summaries.
 */
#ifndef ESC_SITES_H
#define ESC_SITES_H

#include <llvm-c/Core.h>

typedef struct esc_allocfn {
  const char *name;  /* allocator name as reported */
  int size_arg;      /* bytes = arg[size_arg] (* arg[size_arg2]); -1 none */
  int size_arg2;
  int realloc_arg;   /* pointer whose contents move to the new object */
  int out_arg;       /* posix_memalign: result stored into *arg */
  int copy_arg;      /* strdup: bytes copied from this argument into the
                        new block (the block itself is new) */
  int keeps_args;    /* known only by attributes (GCC's malloc and
                        alloc_size): they promise a fresh result, nothing
                        about the arguments, which it may keep (a pool) */
} esc_allocfn;

/* Fills *out and returns 1 when callee allocates, by what the analysis
 * knows of it (the C library, attributes on declarations). The analysis
 * asks esc_site_allocator, which puts the user's model first. */
int esc_alloc_classify(LLVMValueRef callee, esc_allocfn *out);
/* free, cfree, operator delete, or allockind("free"). */
int esc_is_free_fn(LLVMValueRef callee);

/* The questions every part of the analysis asks of a callee, with the
 * user's model m (NULL: none) first: a function the model names is an
 * allocator or a deallocator only when its model says so (alloc, realloc;
 * free, whose freed argument goes to *ptr_arg), and one it does not name
 * is what esc_alloc_classify and esc_is_free_fn say. Pool allocators are
 * not allocators here: their blocks are pool sites (esc_usermodel.h). */
struct esc_usermodel;
int esc_site_allocator(const struct esc_usermodel *m, LLVMValueRef callee,
                       esc_allocfn *out);
int esc_site_deallocator(const struct esc_usermodel *m, LLVMValueRef callee,
                         int *ptr_arg);
/* Constant size in bytes of the allocation made by call, or -1. */
long long esc_alloc_bytes(LLVMValueRef call, const esc_allocfn *fn);
/* 1 when the alloca's address is used other than by plain loads/stores. */
int esc_alloca_address_taken(LLVMValueRef alloca);
/* Size of the alloca in bytes when constant, else -1. */
long long esc_alloca_bytes(LLVMModuleRef M, LLVMValueRef alloca);
/* call, invoke or callbr */
int esc_is_call(LLVMValueRef v);
/* a call through a pointer (not a function, not inline asm) */
int esc_is_indirect_call(LLVMValueRef v);

#endif
