/* Unit tests for the library model (esc_libc.h): which functions move bytes
 * across the program's boundary and what a printf format does with each
 * variadic argument; which declarations allocate (esc_sites.h). */
#include "esc_libc.h"
#include "esc_sites.h"

#include <criterion/criterion.h>
#include <string.h>

Test(libc, bytes_in_and_out) {
  cr_assert(esc_libc_io("write") & ESC_IO_OUT);
  cr_assert(esc_libc_io("fwrite") & ESC_IO_OUT);
  cr_assert(esc_libc_io("read") & ESC_IO_IN);
  cr_assert(esc_libc_io("__isoc99_sscanf") & ESC_IO_IN);
  cr_assert(esc_libc_io("strtoul") & ESC_IO_INT_IN);
  cr_assert_eq(esc_libc_io("strlen"), 0);
  cr_assert_eq(esc_libc_io("no_such_function"), 0);
}

Test(libc, callbacks) {
  const esc_libcb *q = esc_libc_callback("qsort");
  cr_assert_not_null(q);
  cr_assert_eq(q->fn_arg, 3);
  cr_assert_eq(q->data[0], 0); /* cmp(base + i, base + j) */
  cr_assert_eq(q->data[1], 0);
  cr_assert_eq(esc_libc_callback("tsearch")->data[1], ESC_CB_OUTSIDE);
  cr_assert_null(esc_libc_callback("printf"));
}

static LLVMValueRef fmt_global(LLVMModuleRef m, const char *s) {
  LLVMContextRef c = LLVMGetModuleContext(m);
  LLVMValueRef init = LLVMConstStringInContext(c, s, (unsigned)strlen(s), 0);
  LLVMValueRef g = LLVMAddGlobal(m, LLVMTypeOf(init), "fmt");
  LLVMSetInitializer(g, init);
  LLVMSetGlobalConstant(g, 1);
  return g;
}

Test(libc, printf_formats) {
  LLVMContextRef c = LLVMContextCreate();
  LLVMModuleRef m = LLVMModuleCreateWithNameInContext("t", c);
  unsigned char u[16];
  /* %s reads bytes, %p and numbers print values, %n prints nothing, '*'
   * takes a number, %% takes no argument */
  int n = esc_libc_format_uses(fmt_global(m, "%s=%p %5.*d%% %n %lx"), u, 16);
  cr_assert_eq(n, 6);
  cr_assert_eq(u[0], ESC_FMT_BYTES);
  cr_assert_eq(u[1], ESC_FMT_VALUE);
  cr_assert_eq(u[2], ESC_FMT_VALUE); /* the precision '*' */
  cr_assert_eq(u[3], ESC_FMT_VALUE);
  cr_assert_eq(u[4], ESC_FMT_NONE);
  cr_assert_eq(u[5], ESC_FMT_VALUE);
  /* positional arguments are not followed: every argument both ways */
  cr_assert_eq(esc_libc_format_uses(fmt_global(m, "%1$s"), u, 16), -1);
  /* a format that is not a constant string cannot be read */
  LLVMValueRef var = LLVMAddGlobal(m, LLVMInt8TypeInContext(c), "v");
  cr_assert_eq(esc_libc_format_uses(var, u, 16), -1);
  LLVMDisposeModule(m);
  LLVMContextDispose(c);
}

Test(libc, usable_size_queries) {
  /* a block's usable size: the allocator's bookkeeping is read, the
   * block's bytes are not, and nothing is kept */
  const char *names[] = {"malloc_usable_size", "malloc_size", "_msize",
                         "je_malloc_usable_size"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    const esc_libfn *f = esc_libc_lookup(names[i]);
    cr_assert_not_null(f, "%s", names[i]);
    cr_assert(f->flags & ESC_LIB_KNOWN);
    cr_assert_eq(f->flags & (ESC_LIB_NUMBERS | ESC_LIB_STORE_ARG |
                             ESC_LIB_RET_UNKNOWN), 0u);
    cr_assert_eq(f->ret_arg, -1);
  }
  /* the sorted table still finds its neighbours */
  cr_assert_not_null(esc_libc_lookup("memchr"));
  cr_assert_not_null(esc_libc_lookup("_exit"));
  cr_assert_not_null(esc_libc_lookup("_setjmp"));
}

static unsigned attr_kind(const char *n) {
  return LLVMGetEnumAttributeKindForName(n, strlen(n));
}

Test(libc, allocsize_declarations) {
  LLVMContextRef c = LLVMContextCreate();
  LLVMModuleRef m = LLVMModuleCreateWithNameInContext("t", c);
  LLVMTypeRef ptr = LLVMPointerTypeInContext(c, 0);
  LLVMTypeRef i64 = LLVMInt64TypeInContext(c);
  LLVMTypeRef params[] = {ptr, i64};
  LLVMTypeRef ft = LLVMFunctionType(ptr, params, 2, 0);
  /* allocsize(1): the result has n bytes, packed as (1 << 32) | none */
  uint64_t size1 = (1ull << 32) | 0xffffffffull;
  LLVMValueRef helper = LLVMAddFunction(m, "extend_to_usable", ft);
  LLVMAddAttributeAtIndex(helper, LLVMAttributeFunctionIndex,
                          LLVMCreateEnumAttribute(c, attr_kind("allocsize"), size1));
  LLVMValueRef xrealloc = LLVMAddFunction(m, "xrealloc", ft);
  LLVMAddAttributeAtIndex(xrealloc, LLVMAttributeFunctionIndex,
                          LLVMCreateEnumAttribute(c, attr_kind("allocsize"), size1));
  LLVMAddAttributeAtIndex(xrealloc, LLVMAttributeReturnIndex,
                          LLVMCreateEnumAttribute(c, attr_kind("noalias"), 0));
  esc_allocfn af;
  /* a size promise alone: no fresh block (the helper may return p) */
  cr_assert_eq(esc_alloc_classify(helper, &af), 0);
  /* with a noalias result (GCC's malloc attribute): a fresh block, into
   * which its pointer's bytes may move; the pointer itself may be kept
   * (a pool it allocates from), so it is not taken as given up */
  cr_assert_eq(esc_alloc_classify(xrealloc, &af), 1);
  cr_assert_eq(af.size_arg, 1);
  cr_assert_eq(af.copy_arg, 0);
  cr_assert_eq(af.realloc_arg, -1);
  cr_assert_eq(af.keeps_args, 1);
  LLVMDisposeModule(m);
  LLVMContextDispose(c);
}
