/*
 * esc_libc.h: what the analysis knows about functions it cannot see.
 *
 * Two sources, both sound by construction:
 * - a table of C library functions whose behaviour the C standard fixes
 *   (the facts LLVM's inferattrs / TargetLibraryInfo would give), e.g.
 *   strlen reads its argument and keeps no copy, strchr returns a pointer
 *   into its first argument, memcpy copies memory;
 * - LLVM attributes on the declaration or call site: nocapture, readonly,
 *   readnone, writeonly, returned, and the memory(...) effects.
 * Anything else is unknown, and its pointer arguments escape.
 */
#ifndef ESC_LIBC_H
#define ESC_LIBC_H

#include <llvm-c/Core.h>

enum {
  ESC_LIB_KNOWN = 1 << 0,        /* in the table: keeps no argument */
  ESC_LIB_RET_UNKNOWN = 1 << 1,  /* returns memory it owns (FILE*, getenv) */
  ESC_LIB_COPY = 1 << 2,         /* copies memory from arg src to arg dst */
  ESC_LIB_STORE_ARG = 1 << 3,    /* stores arg src (derived) into *arg dst */
  ESC_LIB_THREAD = 1 << 5,       /* starts a thread with arg src */
  ESC_LIB_LONGJMP = 1 << 6,      /* non-local jump */
  ESC_LIB_NUMBERS = 1 << 9,      /* reads the bytes its pointer arguments
                                    point to as numbers (a time_t, a struct
                                    flock) or compares, searches or measures
                                    them (memcmp, strchr, strlen): addresses
                                    among them escape */
  ESC_LIB_RET_DATA = 1 << 8,     /* returns an object pointer, never code;
                                    arguments are not modelled (may be kept) */
  ESC_LIB_ALLOC_QUERY = 1 << 10, /* asks the allocator about the block its
                                    first argument points to (its usable
                                    size): the block must be the
                                    allocator's, so it cannot move to the
                                    stack */
  ESC_LIB_BYTES_UNREAD = 1 << 11, /* its result and effects do not depend
                                     on what its pointer arguments point to
                                     (free, memset, setjmp) */
};

typedef struct esc_libfn {
  const char *name;
  unsigned flags;
  int ret_arg; /* the result points into this argument (-1: none) */
  int dst, src;
} esc_libfn;

/* Table entry for name, or NULL. */
const esc_libfn *esc_libc_lookup(const char *name);

/* Does f read the bytes its (not write-only) pointer arguments point to
 * in a way its result or effects can show (ESC_LIB_NUMBERS)? Every known
 * function does, unless it only copies them (ESC_LIB_COPY), asks the
 * allocator (ESC_LIB_ALLOC_QUERY) or reads none (ESC_LIB_BYTES_UNREAD):
 * sscanf's count, getenv's lookup, stat's or fopen's path all answer
 * questions about the bytes, and an address among them can be read back
 * through the answers. */
int esc_libc_reads_numbers(const esc_libfn *f);

/* How a library function moves bytes across the program's boundary,
 * beyond what its attributes say (sorted tables in esc_libc.c):
 * - OUT: the bytes its pointer arguments point to, and its scalar
 *   arguments, leave the program (write, send, printf's %p and %s, setenv):
 *   whatever addresses they hold are known outside from then on;
 * - IN: memory its writable pointer arguments point to gets bytes from
 *   outside (read, recv, fread, scanf's %p, fgets): any address the
 *   program ever exposed may come back this way;
 * - INT_IN: its integer result is built from outside bytes or parsed from
 *   text (fgetc, strtoul, atol), so it may be an exposed address. */
enum { ESC_IO_OUT = 1, ESC_IO_IN = 2, ESC_IO_INT_IN = 4 };
unsigned esc_libc_io(const char *name);

/* 1 when M may be entered from outside through its exported functions and
 * data, as a library is: it loads code (dlopen, dlmopen), or looks
 * symbols up by name (dlsym, dlvsym: RTLD_DEFAULT finds the program's own
 * functions, and dlopen) or walks its own dynamic symbol table
 * (dl_iterate_phdr). */
int esc_libc_loads_code(LLVMModuleRef M);

/* 1 when code outside M may call the functions M exports: M is a library
 * (no main), or loads code or looks symbols up (esc_libc_loads_code),
 * unless closed (--assume-closed: such code never calls back). */
int esc_libc_exports_entered(LLVMModuleRef M, int closed);

/* 1 when M makes stdio streams backed by its own functions (fopencookie,
 * funopen), registers its own printf conversions (register_printf_*), or
 * can look either up by name (dlsym): then a stream or printf function
 * may hand the program's function the very pointer it was given, and
 * stdio's pointer arguments are kept, not only their bytes. */
int esc_libc_streams_call_back(LLVMModuleRef M);

/* printf-family functions: the index of the format argument, or -1. */
int esc_libc_format_arg(const char *name);

/* What a constant printf format does with each variadic argument: out[k]
 * for argument k after the format is ESC_FMT_NONE (not printed: %n,
 * unused), ESC_FMT_BYTES (%s: the bytes it points to) or ESC_FMT_VALUE
 * (%p, numbers, '*' widths: the value itself). Returns how many arguments
 * the format uses, or -1 when fmt is not a constant string the analysis
 * can read (then every argument must be taken as printed both ways). */
enum { ESC_FMT_NONE = 0, ESC_FMT_BYTES = 1, ESC_FMT_VALUE = 2 };
int esc_libc_format_uses(LLVMValueRef fmt, unsigned char *out, int max);

/* What an ESC_IO_OUT function fn called by call (NULL when unknown) lets
 * out of each argument: esc_libc_output_plan reads the format once per
 * call, esc_libc_output_use answers per argument i, as ESC_FMT_BYTES |
 * ESC_FMT_VALUE bits. Fixed pointer parameters give their bytes, fixed
 * scalars their value; variadic arguments follow the format when it is a
 * constant string, and give both otherwise. */
typedef struct esc_out_plan {
  unsigned fixed; /* parameters before the variadic ones */
  int nfmt;       /* arguments the format uses, -1 when not read */
  unsigned char uses[64];
} esc_out_plan;
void esc_libc_output_plan(LLVMValueRef fn, LLVMValueRef call, esc_out_plan *out);
unsigned esc_libc_output_use(const esc_out_plan *plan, unsigned i,
                             int is_pointer);

/* A library function that calls one of its arguments back: fn_arg is the
 * function; the callback's parameter k gets a pointer into the memory of
 * argument data[k], or (ESC_CB_OUTSIDE) something the library kept, or
 * (-1) a number. qsort(base, n, size, cmp) calls cmp(base + i, base + j). */
enum { ESC_CB_OUTSIDE = -2 };
typedef struct esc_libcb {
  const char *name;
  int fn_arg;
  int data[3];
} esc_libcb;
const esc_libcb *esc_libc_callback(const char *name);

/* 1 for the C library's data globals (stdin, environ, optarg, ...): they
 * hold object pointers, never function pointers. */
int esc_libc_data_global(const char *name);

/* Call-site + callee attribute queries (arg is 0-based). */
int esc_attr_nocapture(LLVMValueRef call, LLVMValueRef callee, unsigned arg);
int esc_attr_param(LLVMValueRef call, LLVMValueRef callee, unsigned arg,
                   const char *attr);
/* Is parameter i of fn the callee's own copy of what the caller passes
 * (byval, inalloca, preallocated): memory it may change? */
int esc_attr_param_is_copy(LLVMValueRef fn, unsigned i);
int esc_attr_ret(LLVMValueRef call, LLVMValueRef callee, const char *attr);

/* Memory effects of the callee, from memory(...) / readonly / readnone. */
typedef struct esc_memfx {
  int reads_args, writes_args; /* argument memory */
  int reads_other, writes_other;
} esc_memfx;
esc_memfx esc_attr_memory(LLVMValueRef call, LLVMValueRef callee);

#endif
