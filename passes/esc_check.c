/*
 * esc_check.c: the escapade-check instrumentation (esc_instrument_check in
 * escapade.h), the compile-time half of the run-time escape check; the
 * run-time half is runtime/esc_rt_check.c, which documents the calls.
 *
 * Checked sites: those the chosen level says do not escape, and those
 * named by --force-local (FILE:LINE, FILE matching the end of the site's
 * file name). In each function holding one:
 *   - entry:         %mark = call i64 @__escapade_enter()
 *   - after a site:  call void @__escapade_note(ptr, i64 bytes, ptr site,
 *                    i32 heap)  (entry-block allocas right after the mark)
 *   - before every ret and resume: call void @__escapade_leave(i64 %mark)
 * and before every deallocation call of the program (free, operator
 * delete, realloc's old block): call void @__escapade_before_free(ptr).
 * A wrapper call site is checked in its caller's frame: the note follows
 * the wrapper's call. Not checked, and counted in *skipped: an invoke
 * whose normal destination has other predecessors (its result does not
 * dominate that block), a dynamic alloca (ASan's use-after-return
 * detection does not cover it), a call handing its block out through an
 * argument other than posix_memalign's.
 */
#include "esc_analysis.h"
#include "esc_instr.h"
#include "esc_limits.h"
#include "esc_sites.h"

#include <stdlib.h>
#include <string.h>

typedef struct chk {
  LLVMModuleRef M;
  LLVMContextRef ctx;
  LLVMBuilderRef b;
  LLVMTypeRef i64, i32, ptr, voidt;
  LLVMTypeRef enter_t, note_t, leave_t, free_t;
  LLVMValueRef enter_f, note_f, leave_f, free_f;
} chk;

static void chk_init(chk *c, LLVMModuleRef M) {
  c->M = M;
  c->ctx = LLVMGetModuleContext(M);
  c->b = LLVMCreateBuilderInContext(c->ctx);
  c->i64 = LLVMInt64TypeInContext(c->ctx);
  c->i32 = LLVMInt32TypeInContext(c->ctx);
  c->ptr = LLVMPointerTypeInContext(c->ctx, 0);
  c->voidt = LLVMVoidTypeInContext(c->ctx);
  LLVMTypeRef note_args[4] = {c->ptr, c->i64, c->ptr, c->i32};
  c->enter_t = LLVMFunctionType(c->i64, NULL, 0, 0);
  c->note_t = LLVMFunctionType(c->voidt, note_args, 4, 0);
  c->leave_t = LLVMFunctionType(c->voidt, &c->i64, 1, 0);
  c->free_t = LLVMFunctionType(c->voidt, &c->ptr, 1, 0);
  c->enter_f = esc_instr_declare(M, "__escapade_enter", c->enter_t);
  c->note_f = esc_instr_declare(M, "__escapade_note", c->note_t);
  c->leave_f = esc_instr_declare(M, "__escapade_leave", c->leave_t);
  c->free_f = esc_instr_declare(M, "__escapade_before_free", c->free_t);
}

/* FILE:LINE matches the site: FILE is the end of its file name (after a
 * '/' or the whole name), LINE its line. */
static int forced(const esc_site *s, const char *const *force, int n) {
  if (!s->loc.file)
    return 0;
  size_t fl = strlen(s->loc.file);
  for (int i = 0; i < n; i++) {
    const char *colon = strrchr(force[i], ':');
    if (!colon || (unsigned)atoi(colon + 1) != s->loc.line)
      continue;
    size_t nl = (size_t)(colon - force[i]);
    if (nl > fl || strncmp(s->loc.file + fl - nl, force[i], nl))
      continue;
    if (nl == fl || s->loc.file[fl - nl - 1] == '/')
      return 1;
  }
  return 0;
}

/* The site's line, as the run-time report prints it. */
static LLVMValueRef site_string(chk *c, const esc_site *s, const char *lvl,
                                int local) {
  char loc[600];
  esc_loc_format(&s->loc, loc, sizeof loc);
  esc_str t = {0};
  esc_str_printf(&t, "%s: ", loc);
  esc_site_describe(s, &t);
  esc_str_printf(&t, " [%s%s]", lvl, local ? "" : ", --force-local");
  LLVMValueRef str = LLVMConstStringInContext2(c->ctx, t.s, t.len, 0);
  LLVMValueRef g = LLVMAddGlobal(c->M, LLVMTypeOf(str), "__escapade_check_site");
  LLVMSetLinkage(g, LLVMPrivateLinkage);
  LLVMSetGlobalConstant(g, 1);
  LLVMSetInitializer(g, str);
  esc_str_free(&t);
  return g;
}

static int is_entry_alloca(LLVMValueRef I, LLVMBasicBlockRef entry) {
  return LLVMIsAAllocaInst(I) && LLVMGetInstructionParent(I) == entry;
}

/* a comes before b in their block */
static int precedes(LLVMValueRef a, LLVMValueRef b) {
  for (LLVMValueRef x = LLVMGetNextInstruction(a); x;
       x = LLVMGetNextInstruction(x))
    if (x == b)
      return 1;
  return 0;
}

/* Position after I: the next instruction, or for an invoke the start of
 * its normal destination. 0 when there is no such place. */
static int position_after(chk *c, LLVMValueRef I) {
  if (LLVMIsAInvokeInst(I)) {
    LLVMBasicBlockRef d = LLVMGetNormalDest(I);
    LLVMValueRef first = LLVMGetFirstInstruction(d);
    if (LLVMIsAPHINode(first) || LLVMGetBasicBlockTerminator(d) == NULL)
      return 0;
    /* the result must dominate: the destination has one predecessor */
    int preds = 0;
    LLVMValueRef fn = LLVMGetBasicBlockParent(d);
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
         bb = LLVMGetNextBasicBlock(bb)) {
      LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
      for (unsigned k = 0; t && k < LLVMGetNumSuccessors(t); k++)
        preds += LLVMGetSuccessor(t, k) == d;
    }
    if (preds != 1)
      return 0;
    LLVMPositionBuilderBefore(c->b, first);
    return 1;
  }
  LLVMValueRef next = LLVMGetNextInstruction(I);
  while (next && LLVMIsAPHINode(next))
    next = LLVMGetNextInstruction(next);
  if (!next)
    return 0;
  LLVMPositionBuilderBefore(c->b, next);
  return 1;
}

/* Does ASan give fn's frame a fake stack, which keeps a returned
 * frame's locals poisoned (use-after-return detection)? Not in a function
 * that calls setjmp (returns twice), nor for a frame larger than its
 * largest fake frame. */
static int fake_stack_frame(LLVMModuleRef M, LLVMValueRef fn) {
  LLVMTargetDataRef td = LLVMGetModuleDataLayout(M);
  unsigned long long bytes = 0;
  ESC_FOR_EACH_INST(fn, bb, I) {
    if (esc_is_call(I)) {
      if (esc_call_returns_twice(I))
        return 0;
    } else if (LLVMIsAAllocaInst(I) &&
               LLVMTypeIsSized(LLVMGetAllocatedType(I))) {
      /* each local with its redzones, as ASan lays the frame out */
      bytes += LLVMABISizeOfType(td, LLVMGetAllocatedType(I)) +
               ESC_CHECK_REDZONE_BYTES;
    }
  }
  return bytes <= ESC_CHECK_FAKE_FRAME_MAX;
}

/* Instruments one function's checked sites. Returns how many. */
static int instrument_function(chk *c, esc_result *R, LLVMValueRef fn,
                               const int *ids, int n, const char *lvl,
                               esc_level level, int *skipped) {
  LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(fn);
  int fake = fake_stack_frame(R->M, fn);
  LLVMValueRef mark = esc_instr_frame(c->b, fn, c->enter_t, c->enter_f,
                                      c->leave_t, c->leave_f);
  if (!mark)
    return 0;
  LLVMValueRef after_mark = LLVMGetNextInstruction(mark);
  int done = 0;
  for (int k = 0; k < n; k++) {
    const esc_site *s = &R->model.sites.data[ids[k]];
    LLVMValueRef I = s->inst;
    if (s->kind == ESC_SITE_POOL) {
      (*skipped)++; /* its pool frees it, unseen by the runtime, and may
                       hand the same bytes out again after the frame */
      continue;
    }
    if (LLVMIsAAllocaInst(I) &&
        (!is_entry_alloca(I, entry) ||
         !LLVMIsAConstantInt(LLVMGetOperand(I, 0)))) {
      (*skipped)++; /* a dynamic alloca (a VLA): ASan's use-after-return
                       detection does not cover it */
      continue;
    }
    if (LLVMIsAAllocaInst(I) && !fake) {
      (*skipped)++; /* nor a frame without a fake stack */
      continue;
    }
    if (is_entry_alloca(I, entry) && precedes(I, mark))
      LLVMPositionBuilderBefore(c->b, after_mark);
    else if (!position_after(c, I)) {
      (*skipped)++;
      continue;
    }
    LLVMValueRef obj = I;
    if (LLVMGetTypeKind(LLVMTypeOf(I)) != LLVMPointerTypeKind) {
      /* posix_memalign(&p, ...): the block is handed out through *arg */
      esc_allocfn af;
      LLVMValueRef callee = esc_is_call(I) ? esc_called_function(I) : NULL;
      if (!callee ||
          !esc_site_allocator(R->opt.model, callee, &af) ||
          af.out_arg < 0) {
        (*skipped)++;
        continue;
      }
      obj = LLVMBuildLoad2(c->b, c->ptr,
                           LLVMGetOperand(I, (unsigned)af.out_arg), "");
      /* only a call that returns 0 stores a block there: on failure *arg
       * holds whatever it held (another live block, maybe) */
      if (LLVMGetTypeKind(LLVMTypeOf(I)) == LLVMIntegerTypeKind) {
        LLVMValueRef ok = LLVMBuildICmp(c->b, LLVMIntEQ, I,
                                        LLVMConstNull(LLVMTypeOf(I)), "");
        obj = LLVMBuildSelect(c->b, ok, obj, LLVMConstNull(c->ptr), "");
      }
    }
    LLVMValueRef bytes = LLVMConstInt(c->i64,
                                      s->bytes > 0 ? (unsigned long long)s->bytes : 0, 0);
    if (s->kind == ESC_SITE_STACK && s->bytes <= 0) {
      LLVMTargetDataRef td = LLVMGetModuleDataLayout(R->M);
      LLVMTypeRef t = LLVMGetAllocatedType(I);
      if (LLVMTypeIsSized(t))
        bytes = LLVMConstInt(c->i64, LLVMABISizeOfType(td, t), 0);
    }
    int local = s->v[level].known && !s->v[level].escapes;
    LLVMValueRef args[4] = {obj, bytes, site_string(c, s, lvl, local),
                            LLVMConstInt(c->i32, s->kind == ESC_SITE_HEAP, 0)};
    LLVMBuildCall2(c->b, c->note_t, c->note_f, args, 4, "");
    done++;
  }
  return done;
}

int esc_instrument_check(esc_result *R, esc_level level,
                         const char *const *force, int nforce, int *skipped) {
  int skipped_here = 0;
  if (!skipped)
    skipped = &skipped_here;
  *skipped = 0;
  chk c;
  chk_init(&c, R->M);
  const char *lvl = esc_level_name(level);
  esc_str lvls = {0};
  esc_str_printf(&lvls, "%s%s", lvl,
                 R->opt.assume_typed && level == ESC_WHOLE ? ", assume-typed"
                                                            : "");
  int total = 0;
  ESC_VEC(int) ids = {0};
  for (size_t f = 0; f < R->model.funcs.len; f++) {
    const esc_func *F = &R->model.funcs.data[f];
    ids.len = 0;
    for (size_t k = 0; k < F->sites.len; k++) {
      const esc_site *s = &R->model.sites.data[F->sites.data[k]];
      int local = (s->levels_found & (1u << level)) && s->v[level].known &&
                  !s->v[level].escapes;
      if (local || forced(s, force, nforce))
        ESC_VEC_PUSH(ids, F->sites.data[k]);
    }
    if (ids.len)
      total += instrument_function(&c, R, F->fn, ids.data, (int)ids.len,
                                   lvls.s, level, skipped);
  }
  esc_instr_before_frees(R, c.b, c.free_t, c.free_f);
  /* the sanitizer instruments functions that ask for it: clang gives
   * sanitize_address to what it compiles with -fsanitize=address, not to
   * functions it reads from bitcode */
  unsigned asan = LLVMGetEnumAttributeKindForName("sanitize_address", 16);
  for (LLVMValueRef fn = LLVMGetFirstFunction(R->M); fn;
       fn = LLVMGetNextFunction(fn))
    if (!LLVMIsDeclaration(fn))
      LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                              LLVMCreateEnumAttribute(c.ctx, asan, 0));
  ESC_VEC_FREE(ids);
  esc_str_free(&lvls);
  LLVMDisposeBuilder(c.b);
  return total;
}
