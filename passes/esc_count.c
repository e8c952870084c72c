/*
 * esc_count.c: the escapade-count instrumentation.
 *
 * Every allocation site found by the analysis gets a counter pair
 * (executions, bytes) in @__escapade_counts, bumped with atomic adds just
 * before the site executes. A destructor, @__escapade_dump, appends one line
 * per site to the file named by the environment variable
 * ESCAPADE_COUNT_FILE (nothing is written when it is unset):
 *
 *   id <TAB> file:line:col <TAB> kind <TAB> found_by <TAB> allocator <TAB>
 *   intra <TAB> conservative <TAB> whole_program <TAB> executions <TAB> bytes
 *   <TAB> freed_in_frame <TAB> freed_in_frame_bytes
 *
 * where the three level columns are "escapes" or "local", and the last two
 * count, for heap sites, the allocations freed before their allocating
 * frame returned (the caller's frame for a wrapper's call site): what a
 * perfect escape analysis could keep in the frame. They are kept by the
 * runtime (runtime/esc_rt_count.c, in libescapade_rt.a, which the counted
 * program links): a mark at the entry of each function holding a heap
 * site, a note after each heap site, a leave before each return, a note of
 * every deallocation. Appending lets a
 * test suite that runs the program many times accumulate its counts; the
 * lines of one site are summed by bench/dynamic_table.py.
 */
#include "esc_analysis.h"
#include "escapade/escapade.h"
#include "esc_instr.h"
#include "esc_sites.h"

#include <stdlib.h>
#include <string.h>

static LLVMValueRef const_i64(LLVMContextRef ctx, unsigned long long v) {
  return LLVMConstInt(LLVMInt64TypeInContext(ctx), v, 0);
}

static LLVMValueRef const_i32(LLVMContextRef ctx, unsigned v) {
  return LLVMConstInt(LLVMInt32TypeInContext(ctx), v, 0);
}

/* Bytes allocated by a site, as a value at the site (i64). */
static LLVMValueRef site_bytes(esc_result *R, LLVMBuilderRef b,
                               const esc_site *s) {
  LLVMContextRef ctx = LLVMGetModuleContext(R->M);
  LLVMTypeRef i64 = LLVMInt64TypeInContext(ctx);
  if (s->bytes >= 0)
    return const_i64(ctx, (unsigned long long)s->bytes);
  LLVMValueRef I = s->inst;
  if (LLVMIsAAllocaInst(I)) {
    LLVMTargetDataRef td = LLVMGetModuleDataLayout(R->M);
    LLVMTypeRef t = LLVMGetAllocatedType(I);
    if (!LLVMTypeIsSized(t))
      return const_i64(ctx, 0);
    LLVMValueRef n = LLVMBuildZExtOrBitCast(b, LLVMGetOperand(I, 0), i64, "");
    return LLVMBuildMul(b, n, const_i64(ctx, LLVMABISizeOfType(td, t)), "");
  }
  int size_arg = s->size_arg, size_arg2 = s->size_arg2;
  unsigned nargs = LLVMGetNumArgOperands(I);
  if (size_arg < 0 || (unsigned)size_arg >= nargs)
    return const_i64(ctx, 0);
  LLVMValueRef v = LLVMGetOperand(I, (unsigned)size_arg);
  if (LLVMGetTypeKind(LLVMTypeOf(v)) != LLVMIntegerTypeKind)
    return const_i64(ctx, 0);
  v = LLVMBuildZExtOrBitCast(b, v, i64, "");
  if (size_arg2 >= 0 && (unsigned)size_arg2 < nargs) {
    LLVMValueRef w = LLVMGetOperand(I, (unsigned)size_arg2);
    if (LLVMGetTypeKind(LLVMTypeOf(w)) == LLVMIntegerTypeKind)
      v = LLVMBuildMul(b, v, LLVMBuildZExtOrBitCast(b, w, i64, ""), "");
  }
  return v;
}

static const char *level_word(const esc_site *s, esc_level l) {
  if (!s->v[l].known)
    return "escapes";
  return s->v[l].escapes ? "escapes" : "local";
}

/* Appends fn to @llvm.global_dtors. */
static void add_dtor(LLVMModuleRef M, LLVMValueRef fn) {
  LLVMContextRef ctx = LLVMGetModuleContext(M);
  LLVMTypeRef ptr = LLVMPointerTypeInContext(ctx, 0);
  LLVMTypeRef fields[3] = {LLVMInt32TypeInContext(ctx), ptr, ptr};
  LLVMTypeRef ety = LLVMStructTypeInContext(ctx, fields, 3, 0);
  LLVMValueRef mine[3] = {const_i32(ctx, 65535), fn, LLVMConstNull(ptr)};
  LLVMValueRef entry = LLVMConstStructInContext(ctx, mine, 3, 0);
  ESC_VEC(LLVMValueRef) elts = {0};
  LLVMValueRef old = LLVMGetNamedGlobal(M, "llvm.global_dtors");
  if (old) {
    LLVMValueRef init = LLVMGetInitializer(old);
    unsigned n = init ? LLVMGetArrayLength(LLVMGlobalGetValueType(old)) : 0;
    for (unsigned i = 0; i < n; i++) {
      LLVMValueRef e = LLVMGetAggregateElement(init, i);
      if (e)
        ESC_VEC_PUSH(elts, e);
    }
    ety = LLVMGetElementType(LLVMGlobalGetValueType(old));
    if (LLVMCountStructElementTypes(ety) != 3) {
      ESC_VEC_FREE(elts);
      return; /* an old-style array; leave the program alone */
    }
    LLVMDeleteGlobal(old);
  }
  ESC_VEC_PUSH(elts, entry);
  LLVMValueRef arr = LLVMConstArray2(ety, elts.data, elts.len);
  LLVMValueRef g = LLVMAddGlobal(M, LLVMTypeOf(arr), "llvm.global_dtors");
  LLVMSetLinkage(g, LLVMAppendingLinkage);
  LLVMSetInitializer(g, arr);
  ESC_VEC_FREE(elts);
}

/* @__escapade_dump: writes every counter pair with its site line. */
static LLVMValueRef build_dump(LLVMModuleRef M, LLVMValueRef counts,
                               LLVMValueRef locals, LLVMValueRef infos, int n) {
  LLVMContextRef ctx = LLVMGetModuleContext(M);
  LLVMTypeRef ptr = LLVMPointerTypeInContext(ctx, 0);
  LLVMTypeRef i32 = LLVMInt32TypeInContext(ctx);
  LLVMTypeRef i64 = LLVMInt64TypeInContext(ctx);
  LLVMTypeRef voidt = LLVMVoidTypeInContext(ctx);
  LLVMTypeRef getenv_t = LLVMFunctionType(ptr, &ptr, 1, 0);
  LLVMTypeRef fopen_args[2] = {ptr, ptr};
  LLVMTypeRef fopen_t = LLVMFunctionType(ptr, fopen_args, 2, 0);
  LLVMTypeRef fprintf_args[2] = {ptr, ptr};
  LLVMTypeRef fprintf_t = LLVMFunctionType(i32, fprintf_args, 2, 1);
  LLVMTypeRef fclose_t = LLVMFunctionType(i32, &ptr, 1, 0);
  LLVMValueRef getenv_f = esc_instr_declare(M, "getenv", getenv_t);
  LLVMValueRef fopen_f = esc_instr_declare(M, "fopen", fopen_t);
  LLVMValueRef fprintf_f = esc_instr_declare(M, "fprintf", fprintf_t);
  LLVMValueRef fclose_f = esc_instr_declare(M, "fclose", fclose_t);
  LLVMTypeRef fileno_t = LLVMFunctionType(i32, &ptr, 1, 0);
  LLVMTypeRef flock_args[2] = {i32, i32};
  LLVMTypeRef flock_t = LLVMFunctionType(i32, flock_args, 2, 0);
  LLVMValueRef fileno_f = esc_instr_declare(M, "fileno", fileno_t);
  LLVMValueRef flock_f = esc_instr_declare(M, "flock", flock_t);

  LLVMValueRef fn =
      LLVMAddFunction(M, "__escapade_dump", LLVMFunctionType(voidt, NULL, 0, 0));
  LLVMSetLinkage(fn, LLVMInternalLinkage);
  LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(ctx, fn, "entry");
  LLVMBasicBlockRef open = LLVMAppendBasicBlockInContext(ctx, fn, "open");
  LLVMBasicBlockRef lock = LLVMAppendBasicBlockInContext(ctx, fn, "lock");
  LLVMBasicBlockRef loop = LLVMAppendBasicBlockInContext(ctx, fn, "loop");
  LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(ctx, fn, "done");
  LLVMBasicBlockRef out = LLVMAppendBasicBlockInContext(ctx, fn, "out");
  LLVMBuilderRef b = LLVMCreateBuilderInContext(ctx);

  LLVMPositionBuilderAtEnd(b, entry);
  LLVMValueRef var = LLVMBuildGlobalStringPtr(b, "ESCAPADE_COUNT_FILE", "");
  LLVMValueRef name = LLVMBuildCall2(b, getenv_t, getenv_f, &var, 1, "");
  LLVMBuildCondBr(b, LLVMBuildIsNull(b, name, ""), out, open);

  LLVMPositionBuilderAtEnd(b, open);
  LLVMValueRef mode = LLVMBuildGlobalStringPtr(b, "a", "");
  LLVMValueRef fargs[2] = {name, mode};
  LLVMValueRef file = LLVMBuildCall2(b, fopen_t, fopen_f, fargs, 2, "");
  LLVMValueRef fmt =
      LLVMBuildGlobalStringPtr(b, "%s\t%llu\t%llu\t%llu\t%llu\n", "");
  LLVMBuildCondBr(b, LLVMBuildIsNull(b, file, ""), out, lock);

  /* the processes of one program (a server and its clients) append to one
   * file at exit: each holds the file locked (LOCK_EX) until fclose, so
   * their lines never interleave */
  LLVMPositionBuilderAtEnd(b, lock);
  LLVMValueRef fd = LLVMBuildCall2(b, fileno_t, fileno_f, &file, 1, "");
  LLVMValueRef flock_a[2] = {fd, LLVMConstInt(i32, 2 /* LOCK_EX */, 0)};
  LLVMBuildCall2(b, flock_t, flock_f, flock_a, 2, "");
  LLVMBuildBr(b, loop);

  LLVMPositionBuilderAtEnd(b, loop);
  LLVMValueRef i = LLVMBuildPhi(b, i64, "i");
  LLVMTypeRef pair = LLVMArrayType2(i64, 2);
  LLVMValueRef idx_c[3] = {const_i64(ctx, 0), i, const_i64(ctx, 0)};
  LLVMValueRef idx_b[3] = {const_i64(ctx, 0), i, const_i64(ctx, 1)};
  LLVMTypeRef counts_t = LLVMArrayType2(pair, (unsigned long long)n);
  LLVMValueRef pc = LLVMBuildGEP2(b, counts_t, counts, idx_c, 3, "");
  LLVMValueRef pb = LLVMBuildGEP2(b, counts_t, counts, idx_b, 3, "");
  LLVMValueRef cnt = LLVMBuildLoad2(b, i64, pc, "");
  LLVMValueRef byt = LLVMBuildLoad2(b, i64, pb, "");
  LLVMValueRef plc = LLVMBuildGEP2(b, counts_t, locals, idx_c, 3, "");
  LLVMValueRef plb = LLVMBuildGEP2(b, counts_t, locals, idx_b, 3, "");
  LLVMValueRef lcnt = LLVMBuildLoad2(b, i64, plc, "");
  LLVMValueRef lbyt = LLVMBuildLoad2(b, i64, plb, "");
  LLVMValueRef idx_i[2] = {const_i64(ctx, 0), i};
  LLVMValueRef pinfo = LLVMBuildGEP2(
      b, LLVMArrayType2(ptr, (unsigned long long)n), infos, idx_i, 2, "");
  LLVMValueRef info = LLVMBuildLoad2(b, ptr, pinfo, "");
  LLVMValueRef pargs[7] = {file, fmt, info, cnt, byt, lcnt, lbyt};
  LLVMBuildCall2(b, fprintf_t, fprintf_f, pargs, 7, "");
  LLVMValueRef next = LLVMBuildAdd(b, i, const_i64(ctx, 1), "");
  LLVMBuildCondBr(
      b, LLVMBuildICmp(b, LLVMIntEQ, next, const_i64(ctx, (unsigned)n), ""),
      done, loop);
  LLVMValueRef in_vals[2] = {const_i64(ctx, 0), next};
  LLVMBasicBlockRef in_bbs[2] = {lock, loop};
  LLVMAddIncoming(i, in_vals, in_bbs, 2);

  LLVMPositionBuilderAtEnd(b, done);
  LLVMBuildCall2(b, fclose_t, fclose_f, &file, 1, "");
  LLVMBuildBr(b, out);
  LLVMPositionBuilderAtEnd(b, out);
  LLVMBuildRetVoid(b);
  LLVMDisposeBuilder(b);
  return fn;
}

/* Frames and frees, for the freed-in-frame counts (see the top). ids[k]
 * is the site of counter k. */
static void track_frames(esc_result *R, LLVMBuilderRef b, const int *ids,
                         int n, LLVMTypeRef counts_t, LLVMValueRef locals) {
  LLVMModuleRef M = R->M;
  LLVMContextRef ctx = LLVMGetModuleContext(M);
  LLVMTypeRef i64 = LLVMInt64TypeInContext(ctx);
  LLVMTypeRef ptr = LLVMPointerTypeInContext(ctx, 0);
  LLVMTypeRef voidt = LLVMVoidTypeInContext(ctx);
  LLVMTypeRef note_args[3] = {ptr, i64, ptr};
  LLVMTypeRef enter_t = LLVMFunctionType(i64, NULL, 0, 0);
  LLVMTypeRef note_t = LLVMFunctionType(voidt, note_args, 3, 0);
  LLVMTypeRef leave_t = LLVMFunctionType(voidt, &i64, 1, 0);
  LLVMTypeRef free_t = LLVMFunctionType(voidt, &ptr, 1, 0);
  LLVMValueRef enter_f = esc_instr_declare(M, "__escapade_count_enter", enter_t);
  LLVMValueRef note_f = esc_instr_declare(M, "__escapade_count_note", note_t);
  LLVMValueRef leave_f = esc_instr_declare(M, "__escapade_count_leave", leave_t);
  LLVMValueRef free_f = esc_instr_declare(M, "__escapade_count_free", free_t);
  esc_ptrmap framed; /* functions given enter and leave */
  esc_ptrmap_init(&framed);
  for (int k = 0; k < n; k++) {
    const esc_site *s = &R->model.sites.data[ids[k]];
    LLVMValueRef I = s->inst;
    if (s->kind == ESC_SITE_STACK || !LLVMIsACallInst(I) ||
        LLVMGetTypeKind(LLVMTypeOf(I)) != LLVMPointerTypeKind)
      continue; /* invokes and out-argument allocators: not tracked */
    LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInstructionParent(I));
    if (esc_ptrmap_get(&framed, fn) < 0) {
      esc_instr_frame(b, fn, enter_t, enter_f, leave_t, leave_f);
      esc_ptrmap_put(&framed, fn, 1);
    }
    LLVMValueRef next = LLVMGetNextInstruction(I);
    LLVMPositionBuilderBefore(b, next);
    LLVMValueRef bytes = site_bytes(R, b, s);
    /* site_bytes reads the call's operands: build it after the call */
    LLVMValueRef ic[3] = {const_i64(ctx, 0), const_i64(ctx, (unsigned)k),
                          const_i64(ctx, 0)};
    LLVMValueRef slot = LLVMBuildGEP2(b, counts_t, locals, ic, 3, "");
    LLVMValueRef args[3] = {I, bytes, slot};
    LLVMBuildCall2(b, note_t, note_f, args, 3, "");
  }
  if (framed.len)
    esc_instr_before_frees(R, b, free_t, free_f);
  esc_ptrmap_free(&framed);
}

int esc_instrument_counts(esc_result *R) {
  LLVMModuleRef M = R->M;
  LLVMContextRef ctx = LLVMGetModuleContext(M);
  LLVMTypeRef i64 = LLVMInt64TypeInContext(ctx);
  LLVMTypeRef ptr = LLVMPointerTypeInContext(ctx, 0);
  ESC_VEC(int) ids = {0};
  for (size_t i = 0; i < R->model.sites.len; i++)
    if (R->model.sites.data[i].levels_found)
      ESC_VEC_PUSH(ids, (int)i);
  int n = (int)ids.len;
  if (!n) {
    ESC_VEC_FREE(ids);
    return 0;
  }
  LLVMTypeRef pair = LLVMArrayType2(i64, 2);
  LLVMTypeRef counts_t = LLVMArrayType2(pair, (unsigned long long)n);
  LLVMValueRef counts = LLVMAddGlobal(M, counts_t, "__escapade_counts");
  LLVMSetLinkage(counts, LLVMInternalLinkage);
  LLVMSetInitializer(counts, LLVMConstNull(counts_t));

  /* one description string per site */
  LLVMValueRef *descs = esc_xmalloc(sizeof(LLVMValueRef) * (size_t)n);
  for (int k = 0; k < n; k++) {
    const esc_site *s = &R->model.sites.data[ids.data[k]];
    char loc[600];
    esc_loc_format(&s->loc, loc, sizeof loc);
    esc_str line = {0};
    static const char *found[] = {"direct", "wrapper", "whole_program"};
    esc_str_printf(&line, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s", s->id, loc,
                   s->kind == ESC_SITE_STACK  ? "stack"
                   : s->kind == ESC_SITE_POOL ? "pool"
                                              : "heap",
                   found[s->found_by], s->allocator ? s->allocator : "-",
                   level_word(s, ESC_INTRA), level_word(s, ESC_CONSERVATIVE),
                   level_word(s, ESC_WHOLE));
    LLVMValueRef str = LLVMConstStringInContext2(ctx, line.s, line.len, 0);
    LLVMValueRef g = LLVMAddGlobal(M, LLVMTypeOf(str), "__escapade_site");
    LLVMSetLinkage(g, LLVMPrivateLinkage);
    LLVMSetGlobalConstant(g, 1);
    LLVMSetInitializer(g, str);
    descs[k] = g;
    esc_str_free(&line);
  }
  LLVMValueRef arr = LLVMConstArray2(ptr, descs, (uint64_t)n);
  LLVMValueRef infos = LLVMAddGlobal(M, LLVMTypeOf(arr), "__escapade_sites");
  LLVMSetLinkage(infos, LLVMPrivateLinkage);
  LLVMSetGlobalConstant(infos, 1);
  LLVMSetInitializer(infos, arr);
  free(descs);

  LLVMBuilderRef b = LLVMCreateBuilderInContext(ctx);
  for (int k = 0; k < n; k++) {
    const esc_site *s = &R->model.sites.data[ids.data[k]];
    LLVMPositionBuilderBefore(b, s->inst);
    LLVMValueRef bytes = site_bytes(R, b, s);
    /* a realloc-style call with size 0 frees: count only real requests */
    LLVMValueRef one = const_i64(ctx, 1);
    if (!LLVMIsAConstant(bytes))
      one = LLVMBuildZExt(
          b, LLVMBuildICmp(b, LLVMIntNE, bytes, const_i64(ctx, 0), ""), i64,
          "");
    LLVMValueRef ic[3] = {const_i64(ctx, 0), const_i64(ctx, (unsigned)k),
                          const_i64(ctx, 0)};
    LLVMValueRef ib[3] = {const_i64(ctx, 0), const_i64(ctx, (unsigned)k),
                          const_i64(ctx, 1)};
    LLVMValueRef pc = LLVMBuildGEP2(b, counts_t, counts, ic, 3, "");
    LLVMValueRef pb = LLVMBuildGEP2(b, counts_t, counts, ib, 3, "");
    LLVMBuildAtomicRMW(b, LLVMAtomicRMWBinOpAdd, pc, one,
                       LLVMAtomicOrderingMonotonic, 0);
    LLVMBuildAtomicRMW(b, LLVMAtomicRMWBinOpAdd, pb, bytes,
                       LLVMAtomicOrderingMonotonic, 0);
  }
  LLVMValueRef locals = LLVMAddGlobal(M, counts_t, "__escapade_freed_in_frame");
  LLVMSetLinkage(locals, LLVMInternalLinkage);
  LLVMSetInitializer(locals, LLVMConstNull(counts_t));
  track_frames(R, b, ids.data, n, counts_t, locals);
  LLVMDisposeBuilder(b);
  add_dtor(M, build_dump(M, counts, locals, infos, n));
  ESC_VEC_FREE(ids);
  return n;
}
