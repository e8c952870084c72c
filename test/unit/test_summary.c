/* Unit tests for function summaries and the SCC fixpoint: small modules in
 * textual IR, analysed whole, with their summaries read back. */
#include "esc_analysis.h"

#include <criterion/criterion.h>
#include <llvm-c/IRReader.h>
#include <string.h>

static LLVMContextRef ctx;
static LLVMModuleRef mod;

static esc_result *analyze_ir(const char *ir, uint64_t budget) {
  ctx = LLVMContextCreate();
  LLVMMemoryBufferRef buf =
      LLVMCreateMemoryBufferWithMemoryRangeCopy(ir, strlen(ir), "test.ll");
  char *msg = NULL;
  cr_assert(!LLVMParseIRInContext(ctx, buf, &mod, &msg), "parse: %s", msg);
  esc_annotate_module(mod);
  esc_options o;
  esc_options_default(&o);
  if (budget)
    o.solve_budget = budget;
  return esc_analyze(mod, &o);
}

static void done(esc_result *r) {
  esc_result_free(r);
  LLVMDisposeModule(mod);
  LLVMContextDispose(ctx);
}

static const esc_summary *sum_of(esc_result *r, const char *fn) {
  int f = esc_model_func_index(&r->model, LLVMGetNamedFunction(mod, fn));
  cr_assert(f >= 0);
  return &r->model.funcs.data[f].sum[ESC_CONSERVATIVE];
}

static int has(const esc_summary *s, int sk, int si, int dk, int di) {
  for (int i = 0; i < s->nedges; i++)
    if (s->edges[i].src_kind == sk && s->edges[i].src_idx == si &&
        s->edges[i].dst_kind == dk && s->edges[i].dst_idx == di)
      return 1;
  return 0;
}

static const char *base_ir =
    "@g = global ptr null\n"
    "declare ptr @malloc(i64)\n"
    "define ptr @id(ptr %p) { ret ptr %p }\n"
    "define void @keep(ptr %p) { store ptr %p, ptr @g\n ret void }\n"
    "define void @put(ptr %q, ptr %p) { store ptr %p, ptr %q\n ret void }\n"
    "define ptr @deref(ptr %p) { %v = load ptr, ptr %p\n ret ptr %v }\n"
    "define ptr @xmalloc(i64 %n) {\n"
    "  %m = call ptr @malloc(i64 %n)\n  ret ptr %m }\n"
    "define i32 @user() {\n"
    "  %a = call ptr @xmalloc(i64 8)\n"
    "  %b = call ptr @id(ptr %a)\n"
    "  store i32 1, ptr %b\n"
    "  ret i32 0 }\n";

Test(summary, leak_kinds) {
  esc_result *r = analyze_ir(base_ir, 0);
  cr_assert(has(sum_of(r, "id"), ESC_B_P1, 0, ESC_B_RET, 0));
  cr_assert(has(sum_of(r, "keep"), ESC_B_P1, 0, ESC_B_ESC, 0));
  cr_assert(has(sum_of(r, "put"), ESC_B_P1, 1, ESC_B_P1, 0));
  cr_assert(!has(sum_of(r, "put"), ESC_B_P1, 1, ESC_B_ESC, 0));
  cr_assert(has(sum_of(r, "deref"), ESC_B_PD, 0, ESC_B_RET, 0));
  done(r);
}

Test(summary, wrapper_and_its_call_site) {
  esc_result *r = analyze_ir(base_ir, 0);
  const esc_summary *s = sum_of(r, "xmalloc");
  cr_assert(s->wrapper);
  cr_assert_eq(s->wrapper_size_arg, 0);
  /* the call in @user is a site of its own, with the bytes of its call */
  int found = 0;
  for (size_t i = 0; i < r->model.sites.len; i++) {
    const esc_site *site = &r->model.sites.data[i];
    if (site->found_by != ESC_FOUND_WRAPPER)
      continue;
    found = 1;
    cr_assert_eq(site->bytes, 8);
    cr_assert(!site->v[ESC_CONSERVATIVE].escapes);
    cr_assert(site->v[ESC_INTRA].escapes); /* no noalias on xmalloc */
  }
  cr_assert(found);
  done(r);
}

/* A recursive list builder: the SCC settles and the node it returns is a
 * fresh object whose contents hold further fresh objects. */
Test(summary, recursion_settles) {
  esc_result *r = analyze_ir(
      "declare ptr @malloc(i64)\n"
      "define ptr @build(i32 %n) {\n"
      "  %m = call ptr @malloc(i64 16)\n"
      "  %c = icmp eq i32 %n, 0\n"
      "  br i1 %c, label %end, label %more\n"
      "more:\n"
      "  %k = sub i32 %n, 1\n"
      "  %next = call ptr @build(i32 %k)\n"
      "  store ptr %next, ptr %m\n"
      "  br label %end\n"
      "end:\n"
      "  ret ptr %m }\n",
      0);
  const esc_summary *s = sum_of(r, "build");
  cr_assert(s->done && !s->top);
  cr_assert_eq(s->nfresh, 1);
  cr_assert(has(s, ESC_B_FRESH, 0, ESC_B_RET, 0));
  done(r);
}

/* Past the budget every site escapes with reason budget. */
Test(summary, budget_means_escape) {
  esc_result *r = analyze_ir(
      "declare ptr @malloc(i64)\n"
      "define void @f() {\n"
      "  %a = call ptr @malloc(i64 8)\n"
      "  %b = call ptr @malloc(i64 8)\n"
      "  store ptr %a, ptr %b\n"
      "  store ptr %b, ptr %a\n"
      "  ret void }\n",
      2);
  cr_assert(r->model.sites.len >= 2);
  for (size_t i = 0; i < r->model.sites.len; i++) {
    cr_assert(r->model.sites.data[i].v[ESC_CONSERVATIVE].escapes);
    cr_assert(
        strstr(r->model.sites.data[i].v[ESC_CONSERVATIVE].reason, "budget"));
  }
  cr_assert(sum_of(r, "f")->top);
  done(r);
}

Test(summary, equality) {
  esc_sum_edge e1[] = {{ESC_B_P1, ESC_B_ESC, 0, 0}};
  esc_sum_edge e2[] = {{ESC_B_P1, ESC_B_RET, 0, 0}};
  esc_summary a = {0}, b = {0};
  a.nedges = b.nedges = 1;
  a.edges = e1;
  b.edges = e1;
  a.wrapper_size_arg = b.wrapper_size_arg = -1;
  cr_assert(esc_summary_equal(&a, &b));
  b.edges = e2;
  cr_assert(!esc_summary_equal(&a, &b));
}
