/* Unit tests for the parts of the core that decide soundness without a
 * lit case of their own: intrinsics told apart by ID (esc_ir), indirect
 * calls resolved by the points-to analysis (esc_typeset over esc_pta),
 * callee paths traced and evaluated in a caller's context (esc_context),
 * the type-fact keys recorded before linking (esc_typefacts) and the frame
 * rule's rounds (esc_solver). Each module is textual IR, parsed here. */
#include "esc_analysis.h"
#include "esc_context.h"
#include "esc_ir.h"
#include "esc_typefacts.h"

#include <criterion/criterion.h>
#include <llvm-c/IRReader.h>
#include <string.h>

static LLVMContextRef ctx;
static LLVMModuleRef mod;

static void parse(const char *ir) {
  ctx = LLVMContextCreate();
  LLVMMemoryBufferRef buf =
      LLVMCreateMemoryBufferWithMemoryRangeCopy(ir, strlen(ir), "test.ll");
  char *msg = NULL;
  cr_assert(!LLVMParseIRInContext(ctx, buf, &mod, &msg), "parse: %s", msg);
}

static esc_result *analyze(const char *ir) {
  parse(ir);
  esc_annotate_module(mod);
  esc_options o;
  esc_options_default(&o);
  return esc_analyze(mod, &o);
}

static void done(esc_result *r) {
  if (r)
    esc_result_free(r);
  LLVMDisposeModule(mod);
  LLVMContextDispose(ctx);
}

/* The first call or invoke in fn whose callee is not a function. */
static LLVMValueRef first_indirect_call(const char *fn) {
  LLVMValueRef f = LLVMGetNamedFunction(mod, fn);
  cr_assert(f, "no function %s", fn);
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f); bb;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef I = LLVMGetFirstInstruction(bb); I;
         I = LLVMGetNextInstruction(I))
      if (LLVMIsACallInst(I) && !esc_called_function(I))
        return I;
  cr_assert_fail("no indirect call in %s", fn);
  return NULL;
}

/* The first direct call of callee in fn. */
static LLVMValueRef first_call_of(const char *fn, const char *callee) {
  LLVMValueRef f = LLVMGetNamedFunction(mod, fn);
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f); bb;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef I = LLVMGetFirstInstruction(bb); I;
         I = LLVMGetNextInstruction(I))
      if (LLVMIsACallInst(I) && esc_called_function(I) &&
          !strcmp(esc_value_name(esc_called_function(I)), callee))
        return I;
  cr_assert_fail("no call of %s in %s", callee, fn);
  return NULL;
}

static int has_target(const esc_targets *t, const char *name) {
  for (int k = 0; k < t->n; k++)
    if (!strcmp(esc_value_name(t->fns[k]), name))
      return 1;
  return 0;
}

/* ---- intrinsics ---- */

Test(intrinsic, told_apart_by_id_across_overloads) {
  parse("declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)\n"
        "declare void @llvm.memmove.p0.p0.i32(ptr, ptr, i32, i1)\n"
        "declare void @llvm.memcpy.inline.p0.p0.i64(ptr, ptr, i64, i1)\n"
        "declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)\n"
        "declare void @llvm.lifetime.start.p0(i64, ptr)\n"
        "declare i64 @llvm.objectsize.i64.p0(ptr, i1, i1, i1)\n"
        "declare ptr @llvm.ptrmask.p0.i64(ptr, i64)\n"
        "declare ptr @llvm.launder.invariant.group.p0(ptr)\n"
        "declare ptr @llvm.stacksave.p0()\n"
        "declare void @llvm.va_start.p0(ptr)\n"
        "declare double @llvm.sqrt.f64(double)\n"
        "declare ptr @memcpy(ptr, ptr, i64)\n");
  static const struct {
    const char *name;
    esc_intrinsic what;
  } cases[] = {
      {"llvm.memcpy.p0.p0.i64", ESC_INTR_MEMCPY},
      {"llvm.memmove.p0.p0.i32", ESC_INTR_MEMCPY},
      {"llvm.memcpy.inline.p0.p0.i64", ESC_INTR_MEMCPY},
      {"llvm.memset.p0.i64", ESC_INTR_MEMSET},
      {"llvm.lifetime.start.p0", ESC_INTR_LIFETIME},
      {"llvm.objectsize.i64.p0", ESC_INTR_OBJECTSIZE},
      {"llvm.ptrmask.p0.i64", ESC_INTR_ADDRESS_BITS},
      {"llvm.launder.invariant.group.p0", ESC_INTR_VALUE_ONLY},
      {"llvm.stacksave.p0", ESC_INTR_OPAQUE_RESULT},
      {"llvm.va_start.p0", ESC_INTR_VA_START},
      /* an intrinsic the analysis does not list: judged as unknown code */
      {"llvm.sqrt.f64", ESC_INTR_UNLISTED},
      /* the library's memcpy is a function, not the intrinsic */
      {"memcpy", ESC_INTR_UNLISTED},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    LLVMValueRef f = LLVMGetNamedFunction(mod, cases[i].name);
    cr_assert(f, "%s", cases[i].name);
    cr_expect_eq(esc_intrinsic_of(f), cases[i].what, "%s", cases[i].name);
  }
  cr_expect_eq(esc_intrinsic_of(NULL), ESC_INTR_UNLISTED);
  done(NULL);
}

/* ---- indirect-call resolution (points-to, the sound default) ---- */

static const char *ops_ir =
    "%struct.ops = type { ptr, ptr }\n"
    "@table = internal constant %struct.ops { ptr @w1, ptr @w2 }\n"
    "@hook = global ptr null\n"
    "declare ptr @ext_get()\n"
    "define internal void @w1(ptr %p) { ret void }\n"
    "define internal void @w2(ptr %p) { ret void }\n"
    "define internal void @w3(ptr %p) { ret void }\n"
    "define void @via_table(ptr %x) {\n"
    "  %f = load ptr, ptr getelementptr (%struct.ops, ptr @table, i32 0, i32 1)\n"
    "  call void %f(ptr %x)\n  ret void }\n"
    "define void @via_external(ptr %x) {\n"
    "  %f = call ptr @ext_get()\n"
    "  call void %f(ptr %x)\n  ret void }\n"
    "define void @via_hook(ptr %x) {\n"
    "  %f = load ptr, ptr @hook\n"
    "  call void %f(ptr %x)\n  ret void }\n"
    "define void @set_hook() {\n"
    "  store ptr @w3, ptr @hook\n  ret void }\n";

Test(resolve, constant_table_gives_its_field) {
  esc_result *r = analyze(ops_ir);
  const esc_targets *t =
      esc_typeset_resolve(r->ts, first_indirect_call("via_table"));
  cr_expect(!t->unknown);
  cr_expect(has_target(t, "w2"));
  cr_expect_eq(t->evidence, ESC_EV_POINTS_TO);
  done(r);
}

Test(resolve, pointer_from_outside_is_unknown) {
  esc_result *r = analyze(ops_ir);
  const esc_targets *t =
      esc_typeset_resolve(r->ts, first_indirect_call("via_external"));
  cr_expect(t->unknown, "a callee returned by a declaration may be anything");
  done(r);
}

Test(resolve, global_hook_written_in_program_is_unknown_when_external) {
  /* @hook is an external global: code outside may store into it, so the
   * answer must keep "unknown" beside what the program stores (@w3) */
  esc_result *r = analyze(ops_ir);
  const esc_targets *t =
      esc_typeset_resolve(r->ts, first_indirect_call("via_hook"));
  cr_expect(t->unknown || has_target(t, "w3"));
  cr_expect(t->unknown, "an exported global may be written outside");
  done(r);
}

/* ---- context: paths traced to a parameter and evaluated at a call ---- */

static const char *ctx_ir =
    "%struct.ops = type { ptr, ptr }\n"
    "%struct.stream = type { i32, ptr }\n"
    "@fileops = internal constant %struct.ops { ptr @w1, ptr @w2 }\n"
    "define internal void @w1(ptr %p) { ret void }\n"
    "define internal void @w2(ptr %p) { ret void }\n"
    "define internal void @run_cb(ptr %cb, ptr %x) {\n"
    "  call void %cb(ptr %x)\n  ret void }\n"
    "define internal void @run_ops(ptr %s, ptr %x) {\n"
    "  %opsp = getelementptr %struct.stream, ptr %s, i32 0, i32 1\n"
    "  %ops = load ptr, ptr %opsp\n"
    "  %wp = getelementptr %struct.ops, ptr %ops, i32 0, i32 1\n"
    "  %w = load ptr, ptr %wp\n"
    "  call void %w(ptr %x)\n  ret void }\n"
    "@stream = internal constant %struct.stream { i32 0, ptr @fileops }\n"
    "define void @caller(ptr %x) {\n"
    "  call void @run_cb(ptr @w1, ptr %x)\n"
    "  call void @run_ops(ptr @stream, ptr %x)\n"
    "  ret void }\n"
    "define void @caller_unknown(ptr %x, ptr %cb) {\n"
    "  call void @run_cb(ptr %cb, ptr %x)\n  ret void }\n";

Test(context, callback_parameter) {
  esc_result *r = analyze(ctx_ir);
  LLVMValueRef call = first_indirect_call("run_cb");
  esc_ctx_path p = esc_ctx_trace_callee(call);
  cr_assert_eq(p.param, 0);
  cr_assert_eq(p.depth, 0);
  esc_targets t;
  cr_assert(esc_ctx_eval(first_call_of("caller", "run_cb"), &p, r->ts,
                         LLVMGetCalledFunctionType(call), &r->arena, &t));
  cr_expect_eq(t.n, 1);
  cr_expect(has_target(&t, "w1"));
  /* a caller passing its own parameter decides nothing */
  cr_expect(!esc_ctx_eval(first_call_of("caller_unknown", "run_cb"), &p,
                          r->ts, LLVMGetCalledFunctionType(call), &r->arena,
                          &t));
  done(r);
}

Test(context, ops_table_through_a_constant_stream) {
  esc_result *r = analyze(ctx_ir);
  LLVMValueRef call = first_indirect_call("run_ops");
  esc_ctx_path p = esc_ctx_trace_callee(call);
  cr_assert_eq(p.param, 0);
  cr_assert_eq(p.depth, 2);
  cr_expect_eq(p.off[0], 8); /* stream.ops */
  cr_expect_eq(p.off[1], 8); /* ops.write */
  esc_targets t;
  cr_assert(esc_ctx_eval(first_call_of("caller", "run_ops"), &p, r->ts,
                         LLVMGetCalledFunctionType(call), &r->arena, &t));
  cr_expect_eq(t.n, 1);
  cr_expect(has_target(&t, "w2"));
  done(r);
}

/* ---- type-fact keys ---- */

static int slot_has_key(LLVMValueRef inst, const char *key) {
  unsigned kind = LLVMGetMDKindIDInContext(ctx, ESC_SLOT_MD,
                                           (unsigned)strlen(ESC_SLOT_MD));
  LLVMValueRef md = LLVMGetMetadata(inst, kind);
  if (!md)
    return 0;
  unsigned n = LLVMGetMDNodeNumOperands(md);
  LLVMValueRef ops[32];
  cr_assert(n <= 32);
  LLVMGetMDNodeOperands(md, ops);
  for (unsigned i = 0; i < n; i++) {
    unsigned len;
    const char *s = LLVMGetMDString(ops[i], &len);
    if (s && len == strlen(key) && !strncmp(s, key, len))
      return 1;
  }
  return 0;
}

Test(typefacts, every_enclosing_struct_level_keyed) {
  parse("%struct.inner = type { i64, ptr }\n"
        "%struct.outer = type { ptr, %struct.inner }\n"
        "define void @f(ptr %o, ptr %v) {\n"
        "  %p = getelementptr %struct.outer, ptr %o, i32 0, i32 1, i32 1\n"
        "  store ptr %v, ptr %p\n  ret void }\n");
  esc_annotate_module(mod);
  LLVMValueRef f = LLVMGetNamedFunction(mod, "f");
  LLVMValueRef st = NULL;
  for (LLVMValueRef I = LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(f)); I;
       I = LLVMGetNextInstruction(I))
    if (LLVMIsAStoreInst(I))
      st = I;
  cr_assert(st);
  /* the field is inner@8 and, in the enclosing struct, outer@16 */
  cr_expect(slot_has_key(st, "inner@8"));
  cr_expect(slot_has_key(st, "outer@16"));
  cr_expect(!slot_has_key(st, "outer@8"));
  cr_expect(LLVMGetNamedMetadataNumOperands(mod, ESC_FACTS_DONE) > 0 ||
            LLVMGetNamedMetadata(mod, ESC_FACTS_DONE,
                                 strlen(ESC_FACTS_DONE)));
  done(NULL);
}

/* ---- the frame rule's rounds ---- */

static const esc_site *stack_site(esc_result *r, const char *fn,
                                  const char *var) {
  for (size_t i = 0; i < r->model.sites.len; i++) {
    const esc_site *s = &r->model.sites.data[i];
    if (s->kind == ESC_SITE_STACK &&
        !strcmp(esc_value_name(r->model.funcs.data[s->func].fn), fn) &&
        !strcmp(esc_value_name(s->inst), var))
      return s;
  }
  cr_assert_fail("no stack site %s in %s", var, fn);
  return NULL;
}

Test(frame, reachable_local_escapes_then_what_it_holds) {
  /* @f returns &b; b holds &a: the first round makes b escape (returned),
   * the next one a (stored in b, which escapes); c stays local */
  esc_result *r = analyze("define ptr @f() {\n"
                          "  %a = alloca i32\n"
                          "  %b = alloca ptr\n"
                          "  %c = alloca i32\n"
                          "  store ptr %a, ptr %b\n"
                          "  store i32 0, ptr %c\n"
                          "  call void @use(ptr %c)\n"
                          "  ret ptr %b }\n"
                          "define internal void @use(ptr %p) {\n"
                          "  store i32 1, ptr %p\n  ret void }\n"
                          "define void @g(ptr %out) {\n"
                          "  %d = alloca i32\n"
                          "  store ptr %d, ptr %out\n  ret void }\n");
  for (int lv = ESC_CONSERVATIVE; lv <= ESC_WHOLE; lv++) {
    const esc_site *a = stack_site(r, "f", "a"), *b = stack_site(r, "f", "b"),
                   *c = stack_site(r, "f", "c"), *d = stack_site(r, "g", "d");
    cr_expect(b->v[lv].known && b->v[lv].escapes);
    cr_expect_str_eq(b->v[lv].cause, "return");
    cr_expect(a->v[lv].known && a->v[lv].escapes,
              "a local held by an escaping local escapes");
    cr_expect(c->v[lv].known && !c->v[lv].escapes);
    cr_expect(d->v[lv].known && d->v[lv].escapes);
    cr_expect_str_eq(d->v[lv].cause, "parameter");
  }
  done(r);
}
