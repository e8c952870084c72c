/* Unit tests for the library model (esc_libc.h): which functions move bytes
 * across the program's boundary and what a printf format does with each
 * variadic argument. */
#include "esc_libc.h"

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
