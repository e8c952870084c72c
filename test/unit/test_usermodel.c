/* Unit tests for the user's model (esc_usermodel.h): what each directive
 * records, the shorthands, the first error as one line, and the questions
 * the analysis asks (esc_site_allocator, esc_site_deallocator) with the
 * model first. */
#include "esc_sites.h"
#include "esc_usermodel.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A model file with text, its name in path (static buffer). */
static const char *model_file(const char *text) {
  static char path[64];
  strcpy(path, "/tmp/esc_um_XXXXXX");
  int fd = mkstemp(path);
  cr_assert(fd >= 0);
  cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
  close(fd);
  return path;
}

static esc_usermodel *load_text(const char *text, char *err, size_t n) {
  const char *f = model_file(text);
  esc_options o;
  esc_options_default(&o);
  o.model_files = &f;
  o.n_model_files = 1;
  esc_usermodel *m = esc_usermodel_load(&o, err, n);
  unlink(f);
  return m;
}

Test(usermodel, directives) {
  char err[256];
  esc_usermodel *m = load_text("# roles\n"
                               "alloc a size=0*1\n"
                               "realloc r ptr=0 size=1  # trailing comment\n"
                               "\n"
                               "free f ptr=1\n"
                               "pool-alloc pa pool=0 size=1\n"
                               "keeps-nothing f arg=0\n"
                               "returns id arg=2\n"
                               "keeps k arg=0\n",
                               err, sizeof err);
  cr_assert_not_null(m, "%s", err);
  cr_assert_eq(esc_usermodel_count(m), 6);
  const esc_umfn *a = esc_usermodel_find(m, "a");
  cr_assert_eq(a->role, ESC_UM_ALLOC);
  cr_assert_eq(a->size_arg, 0);
  cr_assert_eq(a->size_arg2, 1);
  const esc_umfn *f = esc_usermodel_find(m, "f");
  cr_assert_eq(f->role, ESC_UM_FREE);
  cr_assert_eq(f->ptr_arg, 1);
  cr_assert_eq(esc_umfn_arg(f, 0), ESC_UMA_NOTHING);
  cr_assert_eq(esc_umfn_arg(f, 1), ESC_UMA_NOTHING); /* the freed block */
  cr_assert_eq(esc_umfn_arg(f, 2), ESC_UMA_UNKNOWN);
  cr_assert_str_eq(f->where + strlen(f->where) - 2, ":5");
  const esc_umfn *id = esc_usermodel_find(m, "id");
  cr_assert_eq(esc_umfn_arg(id, 2), ESC_UMA_RETURNED);
  cr_assert(id->returns);
  cr_assert_eq(esc_umfn_arg(esc_usermodel_find(m, "k"), 0), ESC_UMA_KEPT);
  cr_assert_eq(esc_usermodel_find(m, "pa")->pool_arg, 0);
  cr_assert_null(esc_usermodel_find(m, "absent"));
  cr_assert_eq(strncmp(esc_usermodel_assumptions(m)[0], "model:/tmp/", 11), 0);
  cr_assert_null(esc_usermodel_assumptions(m)[1]);
  esc_usermodel_free(m);
}

Test(usermodel, first_error_only) {
  char err[256];
  cr_assert_null(load_text("alloc a\nbogus b\nfree\n", err, sizeof err));
  cr_assert(strstr(err, ":2: unknown directive 'bogus'"), "%s", err);
  cr_assert_null(load_text("returns a arg=0\nalloc a size=1\n", err, sizeof err));
  cr_assert(strstr(err, ":2: conflicting entry: a already returns an argument"),
            "%s", err);
  cr_assert_null(load_text("pool-alloc p pool=1 size=1\n", err, sizeof err));
  cr_assert(strstr(err, ":1: bad argument index: argument 1 named twice"),
            "%s", err);
  cr_assert_null(load_text("alloc llvm.memcpy\n", err, sizeof err));
  cr_assert(strstr(err, ":1: llvm.memcpy: cannot model an intrinsic"), "%s",
            err);
}

Test(usermodel, shorthands) {
  const char *allocs[] = {"xmalloc:1", "plain"};
  const char *frees[] = {"xfree"};
  esc_options o;
  esc_options_default(&o);
  o.alloc_fns = allocs;
  o.n_alloc_fns = 2;
  o.free_fns = frees;
  o.n_free_fns = 1;
  char err[256];
  esc_usermodel *m = esc_usermodel_load(&o, err, sizeof err);
  cr_assert_not_null(m, "%s", err);
  cr_assert_eq(esc_usermodel_find(m, "xmalloc")->size_arg, 1);
  cr_assert(esc_usermodel_find(m, "plain")->size_from_attr);
  cr_assert_eq(esc_usermodel_find(m, "xfree")->ptr_arg, 0);
  /* each shorthand is named, as given, after the (absent) files */
  const char *const *a = esc_usermodel_assumptions(m);
  cr_assert_str_eq(a[0], "alloc-fn:xmalloc:1");
  cr_assert_str_eq(a[1], "alloc-fn:plain");
  cr_assert_str_eq(a[2], "free-fn:xfree");
  cr_assert_null(a[3]);
  esc_usermodel_free(m);
}

/* The model comes first: a modelled function is an allocator or a
 * deallocator only when its model says so, malloc included. */
Test(usermodel, classification) {
  LLVMContextRef ctx = LLVMContextCreate();
  LLVMModuleRef mod = LLVMModuleCreateWithNameInContext("m", ctx);
  LLVMTypeRef ptr = LLVMPointerTypeInContext(ctx, 0);
  LLVMTypeRef i64 = LLVMInt64TypeInContext(ctx);
  LLVMValueRef malloc_f =
      LLVMAddFunction(mod, "malloc", LLVMFunctionType(ptr, &i64, 1, 0));
  LLVMValueRef free_f = LLVMAddFunction(
      mod, "free", LLVMFunctionType(LLVMVoidTypeInContext(ctx), &ptr, 1, 0));
  LLVMValueRef mine = LLVMAddFunction(
      mod, "my_release", LLVMFunctionType(LLVMVoidTypeInContext(ctx), &ptr, 1, 0));
  char err[256];
  esc_usermodel *m = load_text("keeps-nothing malloc arg=0\n"
                               "free my_release ptr=0\n",
                               err, sizeof err);
  cr_assert_not_null(m, "%s", err);
  esc_allocfn af;
  int ptr_arg;
  cr_assert(esc_site_allocator(NULL, malloc_f, &af));
  cr_assert_not(esc_site_allocator(m, malloc_f, &af));
  cr_assert(esc_site_deallocator(m, free_f, &ptr_arg));
  cr_assert_eq(ptr_arg, 0);
  cr_assert_not(esc_site_deallocator(NULL, mine, &ptr_arg));
  cr_assert(esc_site_deallocator(m, mine, &ptr_arg));
  cr_assert_eq(esc_usermodel_check_module(m, mod, err, sizeof err), 0, "%s", err);
  esc_usermodel_free(m);
  m = load_text("free my_release ptr=1\n", err, sizeof err);
  cr_assert_eq(esc_usermodel_check_module(m, mod, err, sizeof err), -1);
  cr_assert(strstr(err, ":1: bad argument index: my_release ptr=1, but "
                        "my_release has 1 parameter"), "%s", err);
  esc_usermodel_free(m);
  LLVMDisposeModule(mod);
  LLVMContextDispose(ctx);
}
