/*
 * esc_h2s.c: heap-to-stack (esc_heap_to_stack in escapade.h).
 *
 * A heap site moves to the stack when all of these hold:
 *   - the chosen level says it does not escape;
 *   - it is a call of malloc, calloc or operator new / new[], directly or
 *     through a pointer whose every target (resolved over the whole
 *     program) is malloc-like, or every one calloc (a wrapper's call site
 *     stays: the block is made inside the wrapper, which may do more than
 *     allocate);
 *   - its size is a constant of at most max_bytes;
 *   - every value that may hold the block (track() below) is used only in
 *     ways that cannot outlive the frame or hand the block to a
 *     deallocator other than one removable free: loads and stores through
 *     it, comparisons, library calls that keep no argument (and do not
 *     ask the allocator about the block: malloc_usable_size), calls of
 *     defined functions whose parameter passes the same test, -O0 spill
 *     slots (allocas only loaded and stored). A free or delete that may
 *     receive only this block is removed; one that may receive another
 *     pointer too, a realloc, or a deallocation in a callee keeps the site
 *     on the heap, with the reason ("freed by wrapper X" for a
 *     deallocator the summaries recognise: its free is not ours to remove).
 * The block becomes an alloca (16-byte aligned, as malloc's and new's
 * blocks are) in the entry block, zeroed at the site for calloc. A site in
 * a loop (its block is on a cycle) gets one slot per iteration, between a
 * stacksave at the site and a stackrestore before its block's terminator,
 * and only when every value holding the block is used in that block, after
 * the site: nothing of one iteration's block survives into the next. A
 * function with a moved block becomes noinline: inlined later into a
 * function that recurses, the slot would grow every frame of it.
 */
#include "esc_analysis.h"
#include "esc_limits.h"
#include "esc_libc.h"
#include "esc_sites.h"
#include "esc_usermodel.h"

#include <llvm-c/Target.h>
#include <stdlib.h>
#include <string.h>

enum { H2S_DEPTH = 3, H2S_MAX_VALUES = 4096 };

typedef struct tval {
  LLVMValueRef v;
  int exact; /* holds the block itself (offset 0), and nothing else */
} tval;

typedef struct track {
  const esc_result *R; /* for the callees' summaries at level */
  esc_level level;
  ESC_VEC(tval) vals;
  ESC_VEC(LLVMValueRef) frees; /* removable deallocation calls */
  const char *why;             /* why the site stays, or NULL */
  char whybuf[1024];
  const esc_usermodel *model;  /* the user's model (borrowed) */
} track;

static int find_val(const track *t, LLVMValueRef v) {
  for (size_t i = 0; i < t->vals.len; i++)
    if (t->vals.data[i].v == v)
      return (int)i;
  return -1;
}

static void stay(track *t, const char *why, LLVMValueRef at) {
  if (t->why)
    return;
  if (at && LLVMIsAInstruction(at)) {
    unsigned line = LLVMGetDebugLocLine(at);
    snprintf(t->whybuf, sizeof t->whybuf, "%s (line %u)", why, line);
    t->why = t->whybuf;
  } else {
    t->why = why;
  }
}

static void add_val(track *t, LLVMValueRef v, int exact) {
  int i = find_val(t, v);
  if (i >= 0) {
    t->vals.data[i].exact &= exact;
    return;
  }
  if (t->vals.len >= H2S_MAX_VALUES) {
    stay(t, "too many values hold it", NULL);
    return;
  }
  ESC_VEC_PUSH(t->vals, ((tval){v, exact}));
}

static int is_dealloc(LLVMValueRef f) { return f && esc_is_free_fn(f); }

/* An alloca used only as the address of loads and stores: a spill slot. */
static int simple_slot(LLVMValueRef a) {
  if (!LLVMIsAAllocaInst(a))
    return 0;
  for (LLVMUseRef u = LLVMGetFirstUse(a); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (LLVMIsALoadInst(user))
      continue;
    if (LLVMIsAStoreInst(user) && LLVMGetOperand(user, 1) == a &&
        LLVMGetOperand(user, 0) != a)
      continue;
    if (esc_is_call(user)) {
      LLVMValueRef f = esc_called_function(user);
      esc_intrinsic what = esc_intrinsic_of(f);
      if (what == ESC_INTR_LIFETIME || what == ESC_INTR_DEBUG)
        continue;
    }
    return 0;
  }
  return 1;
}

static int null_const(LLVMValueRef v) {
  return LLVMIsAConstantPointerNull(v) || LLVMIsUndef(v) || LLVMIsPoison(v);
}

static void walk_param(track *t, LLVMValueRef fn, unsigned i, int depth,
                       LLVMValueRef call);

/* One use of value v (held in t) by user. */
static void walk_use(track *t, LLVMValueRef v, int exact, LLVMValueRef user,
                     int depth) {
  LLVMOpcode op = LLVMGetInstructionOpcode(user);
  switch (op) {
  case LLVMLoad:
    return; /* through it */
  case LLVMStore:
    if (LLVMGetOperand(user, 1) == v && LLVMGetOperand(user, 0) != v)
      return; /* through it */
    if (simple_slot(LLVMGetOperand(user, 1))) {
      /* a spill slot: its loads may give the block (exactly, when every
       * store into the slot stores a value held or null) */
      LLVMValueRef slot = LLVMGetOperand(user, 1);
      int all = exact;
      for (LLVMUseRef u = LLVMGetFirstUse(slot); u; u = LLVMGetNextUse(u)) {
        LLVMValueRef s = LLVMGetUser(u);
        if (LLVMIsAStoreInst(s)) {
          LLVMValueRef sv = LLVMGetOperand(s, 0);
          int k = find_val(t, sv);
          if (!null_const(sv) && (k < 0 || !t->vals.data[k].exact) && sv != v)
            all = 0;
        }
      }
      for (LLVMUseRef u = LLVMGetFirstUse(slot); u; u = LLVMGetNextUse(u))
        if (LLVMIsALoadInst(LLVMGetUser(u)))
          add_val(t, LLVMGetUser(u), all);
      return;
    }
    stay(t, "its address is stored in memory", user);
    return;
  case LLVMICmp:
    return;
  case LLVMBitCast:
  case LLVMAddrSpaceCast:
  case LLVMFreeze:
    add_val(t, user, exact);
    return;
  case LLVMGetElementPtr:
    if (LLVMGetOperand(user, 0) != v) {
      stay(t, "used as an index", user);
      return;
    }
    add_val(t, user, 0);
    return;
  case LLVMPHI:
  case LLVMSelect: {
    if (op == LLVMSelect && LLVMGetOperand(user, 0) == v) {
      stay(t, "used as a condition", user);
      return;
    }
    int all = exact;
    unsigned n = (unsigned)LLVMGetNumOperands(user);
    for (unsigned k = op == LLVMSelect ? 1 : 0; k < n; k++) {
      LLVMValueRef o = LLVMGetOperand(user, k);
      int j = find_val(t, o);
      if (o != v && !null_const(o) && (j < 0 || !t->vals.data[j].exact))
        all = 0;
    }
    add_val(t, user, all);
    return;
  }
  case LLVMCall:
  case LLVMInvoke: {
    LLVMValueRef f = esc_called_function(user);
    if (!f || LLVMGetCalledValue(user) == v) {
      stay(t, "passed to an indirect call", user);
      return;
    }
    const char *name = esc_value_name(f);
    unsigned na = (unsigned)LLVMGetNumArgOperands(user);
    const esc_umfn *um = esc_usermodel_of(t->model, f);
    if (um) {
      /* by its model only (its body is not looked at); a modelled
       * deallocator is never removed: the model says it frees, not that
       * freeing is all it does */
      for (unsigned k = 0; k < na && !t->why; k++) {
        if (LLVMGetOperand(user, k) != v)
          continue;
        esc_umarg e = esc_umfn_arg(um, k);
        if (um->role == ESC_UM_FREE && (int)k == um->ptr_arg)
          stay(t, "freed by a modelled deallocator, whose call is not "
                  "removed", user);
        else if (um->role == ESC_UM_REALLOC && (int)k == um->ptr_arg)
          stay(t, "reallocated", user);
        else if ((int)k == um->pool_arg)
          stay(t, "used as a pool", user);
        else if (e == ESC_UMA_RETURNED)
          add_val(t, user, 0);
        else if (e != ESC_UMA_NOTHING)
          stay(t, "passed to a modelled function that may keep it", user);
      }
      return;
    }
    if (is_dealloc(f)) {
      if (LLVMGetOperand(user, 0) != v)
        return; /* a size or alignment argument */
      if (depth > 0)
        stay(t, "freed in a callee", user);
      else if (LLVMIsAInvokeInst(user))
        stay(t, "freed by an invoke (its unwind edge would need rewriting)",
             user);
      else if (!exact)
        stay(t, "a free that may receive another pointer", user);
      else
        ESC_VEC_PUSH(t->frees, user);
      return;
    }
    esc_allocfn af;
    if (esc_alloc_classify(f, &af)) {
      if (af.realloc_arg >= 0 && (unsigned)af.realloc_arg < na &&
          LLVMGetOperand(user, (unsigned)af.realloc_arg) == v)
        stay(t, "reallocated", user);
      if (af.keeps_args)
        stay(t, "passed to an allocator that may keep it", user);
      /* strdup(p) copies the bytes: a new block */
      return;
    }
    if (!strncmp(name, "llvm.", 5)) {
      switch (esc_intrinsic_of(f)) {
      case ESC_INTR_MEMCPY:
      case ESC_INTR_MEMSET:
      case ESC_INTR_LIFETIME:
      case ESC_INTR_DEBUG:
      case ESC_INTR_OBJECTSIZE:
      case ESC_INTR_PREFETCH:
      case ESC_INTR_ASSUME:
        return;
      default:
        break;
      }
      stay(t, "passed to an intrinsic", user);
      return;
    }
    if (LLVMIsDeclaration(f)) {
      const esc_libfn *lib = esc_libc_lookup(name);
      if (!lib || !(lib->flags & ESC_LIB_KNOWN) ||
          (lib->flags & (ESC_LIB_THREAD | ESC_LIB_LONGJMP))) {
        stay(t, "passed to a function the analysis cannot see into", user);
        return;
      }
      for (unsigned k = 0; k < na; k++) {
        if (LLVMGetOperand(user, k) != v)
          continue;
        if ((lib->flags & ESC_LIB_STORE_ARG) && lib->src == (int)k) {
          stay(t, "stored by a library function", user);
          return;
        }
        if (lib->flags & ESC_LIB_ALLOC_QUERY) {
          /* on a stack block the allocator's bookkeeping is not there */
          stay(t, "its size is asked of the allocator", user);
          return;
        }
        if (lib->ret_arg == (int)k)
          add_val(t, user, 0);
      }
      return;
    }
    /* a deallocator wrapper (zfree(p)) frees the block inside: the free
     * is not this function's to remove, so the block stays on the heap */
    int fi = esc_model_func_index(&t->R->model, f);
    const esc_summary *fs =
        fi >= 0 ? &t->R->model.funcs.data[fi].sum[t->level] : NULL;
    for (unsigned k = 0; fs && k < na && k < ESC_SUMMARY_MAX_PARAMS; k++)
      if (LLVMGetOperand(user, k) == v && (fs->frees_params & (1u << k))) {
        char why[256];
        snprintf(why, sizeof why, "freed by wrapper %s",
                 t->R->model.funcs.data[fi].display);
        stay(t, why, user);
        return;
      }
    if (depth >= H2S_DEPTH) {
      stay(t, "passed too deep into calls", user);
      return;
    }
    for (unsigned k = 0; k < na && k < LLVMCountParams(f); k++)
      if (LLVMGetOperand(user, k) == v)
        walk_param(t, f, k, depth + 1, user);
    if (na > LLVMCountParams(f))
      for (unsigned k = LLVMCountParams(f); k < na; k++)
        if (LLVMGetOperand(user, k) == v)
          stay(t, "passed as a variadic argument", user);
    return;
  }
  default:
    stay(t, "used in a way heap-to-stack does not follow", user);
    return;
  }
}

/* A defined callee's parameter i holds the block: its uses in the callee
 * must pass the same test; a free there keeps the site on the heap. A
 * return of it makes the call's result hold the block too. */
static void walk_param(track *t, LLVMValueRef fn, unsigned i, int depth,
                       LLVMValueRef call) {
  track sub = {.R = t->R, .level = t->level, .model = t->model};
  ESC_VEC_PUSH(sub.vals, ((tval){LLVMGetParam(fn, i), 0}));
  for (size_t k = 0; k < sub.vals.len && !sub.why; k++) {
    LLVMValueRef v = sub.vals.data[k].v;
    for (LLVMUseRef u = LLVMGetFirstUse(v); u && !sub.why; u = LLVMGetNextUse(u)) {
      LLVMValueRef user = LLVMGetUser(u);
      if (LLVMIsAReturnInst(user)) {
        add_val(t, call, 0);
        continue;
      }
      walk_use(&sub, v, 0, user, depth);
    }
  }
  if (sub.frees.len)
    stay(t, "freed in a callee", sub.frees.data[0]);
  else if (sub.why) {
    snprintf(t->whybuf, sizeof t->whybuf, "in %s: %s", esc_value_name(fn),
             sub.why);
    if (!t->why)
      t->why = t->whybuf;
  }
  ESC_VEC_FREE(sub.vals);
  ESC_VEC_FREE(sub.frees);
}

static void track_site(track *t, LLVMValueRef call) {
  ESC_VEC_PUSH(t->vals, ((tval){call, 1}));
  for (size_t k = 0; k < t->vals.len && !t->why; k++) {
    LLVMValueRef v = t->vals.data[k].v;
    for (LLVMUseRef u = LLVMGetFirstUse(v); u && !t->why; u = LLVMGetNextUse(u)) {
      LLVMValueRef user = LLVMGetUser(u);
      if (LLVMIsAReturnInst(user)) {
        stay(t, "returned", user);
        break;
      }
      walk_use(t, v, t->vals.data[k].exact, user, 0);
    }
  }
}

/* The site's block is on a cycle of the CFG. */
static int in_loop(LLVMBasicBlockRef bb) {
  ESC_VEC(LLVMBasicBlockRef) work = {0};
  esc_ptrmap seen;
  esc_ptrmap_init(&seen);
  LLVMValueRef t = LLVMGetBasicBlockTerminator(bb);
  for (unsigned k = 0; t && k < LLVMGetNumSuccessors(t); k++)
    ESC_VEC_PUSH(work, LLVMGetSuccessor(t, k));
  int found = 0;
  while (work.len && !found) {
    LLVMBasicBlockRef b = work.data[--work.len];
    if (b == bb) {
      found = 1;
      break;
    }
    if (esc_ptrmap_get(&seen, b) >= 0)
      continue;
    esc_ptrmap_put(&seen, b, 1);
    LLVMValueRef bt = LLVMGetBasicBlockTerminator(b);
    for (unsigned k = 0; bt && k < LLVMGetNumSuccessors(bt); k++)
      ESC_VEC_PUSH(work, LLVMGetSuccessor(bt, k));
  }
  ESC_VEC_FREE(work);
  esc_ptrmap_free(&seen);
  return found;
}

/* Between site and load (in one block), a store of a value holding the
 * block into the slot the load reads. */
static int stored_before(const track *t, LLVMValueRef load, LLVMValueRef site) {
  LLVMValueRef slot = LLVMGetOperand(load, 0);
  for (LLVMValueRef I = LLVMGetNextInstruction(site); I && I != load;
       I = LLVMGetNextInstruction(I))
    if (LLVMIsAStoreInst(I) && LLVMGetOperand(I, 1) == slot &&
        find_val(t, LLVMGetOperand(I, 0)) >= 0)
      return 1;
  return 0;
}

/* Every value holding the block, and every removable free, is in the
 * site's block after the site (spill slots' stores included). */
static int confined_to_block(const track *t, LLVMValueRef site) {
  LLVMBasicBlockRef bb = LLVMGetInstructionParent(site);
  esc_ptrmap after;
  esc_ptrmap_init(&after);
  for (LLVMValueRef I = LLVMGetNextInstruction(site); I;
       I = LLVMGetNextInstruction(I))
    esc_ptrmap_put(&after, I, 1);
  int ok = 1;
  /* a stackrestore at the block's end would also release a later
   * dynamic alloca or undo a later stacksave */
  for (LLVMValueRef I = LLVMGetNextInstruction(site); I && ok;
       I = LLVMGetNextInstruction(I)) {
    LLVMValueRef f = esc_is_call(I) ? esc_called_function(I) : NULL;
    const char *n = f ? esc_value_name(f) : "";
    if (LLVMIsAAllocaInst(I) || !strncmp(n, "llvm.stacksave", 14) ||
        !strncmp(n, "llvm.stackrestore", 17))
      ok = 0;
  }
  LLVMValueRef term = LLVMGetBasicBlockTerminator(bb);
  for (size_t k = 0; k < t->vals.len && ok; k++) {
    LLVMValueRef v = t->vals.data[k].v;
    if (v != site && (!LLVMIsAInstruction(v) || esc_ptrmap_get(&after, v) < 0))
      ok = 0;
    /* a load of a spill slot gives this iteration's block only after this
     * iteration's store into the slot; before it, the previous one's */
    if (ok && LLVMIsALoadInst(v) && !stored_before(t, v, site))
      ok = 0;
    for (LLVMUseRef u = LLVMGetFirstUse(v); u && ok; u = LLVMGetNextUse(u)) {
      LLVMValueRef user = LLVMGetUser(u);
      /* the stackrestore goes before the terminator */
      if (LLVMGetInstructionParent(user) != bb ||
          esc_ptrmap_get(&after, user) < 0 || user == term)
        ok = 0;
    }
  }
  esc_ptrmap_free(&after);
  return ok;
}

typedef struct h2s_alloc {
  const char *name;
  int zero;      /* calloc */
} h2s_alloc;

static const h2s_alloc movable[] = {
    {"malloc", 0},
    {"calloc", 1},
    {"_Znwm", 0},
    {"_Znam", 0},
    {"_ZnwmRKSt9nothrow_t", 0},
    {"_ZnamRKSt9nothrow_t", 0},
};

static const h2s_alloc *movable_alloc(const esc_usermodel *m,
                                     LLVMValueRef f) {
  if (!f || !LLVMIsDeclaration(f) || esc_usermodel_of(m, f))
    return NULL; /* a modelled malloc is the model's, not the C library's */
  const char *n = esc_value_name(f);
  for (size_t i = 0; i < sizeof movable / sizeof movable[0]; i++)
    if (!strcmp(n, movable[i].name))
      return &movable[i];
  return NULL;
}

typedef ESC_VEC(int) int_vec;

/* One walk of reentered: the functions met (seen) and still to visit. */
typedef struct reach_walk {
  const char *taken; /* defined and address-taken, per function index */
  char *seen;
  int all_taken;     /* every address-taken function is in seen */
  int_vec todo;
} reach_walk;

static int ident_char(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
         (ch >= '0' && ch <= '9') || ch == '_' || ch == '$' || ch == '.';
}

/* Does text name `name` as a whole symbol? */
static int names_symbol(const char *text, const char *name) {
  size_t n = strlen(name);
  if (!n)
    return 0;
  for (const char *p = strstr(text, name); p; p = strstr(p + 1, name))
    if ((p == text || !ident_char(p[-1])) && !ident_char(p[n]))
      return 1;
  return 0;
}

/* Inline asm enters the functions its text names ("call walk"): pushed
 * like direct callees. A function it reaches through a register operand
 * had its address taken in the IR. */
static void asm_entered(esc_result *R, LLVMValueRef asmv, reach_walk *w) {
  char *text = LLVMPrintValueToString(asmv);
  for (size_t fi = 0; fi < R->model.funcs.len; fi++) {
    const esc_func *F = &R->model.funcs.data[fi];
    if (F->defined && !w->seen[fi] &&
        names_symbol(text, esc_value_name(F->fn))) {
      w->seen[fi] = 1;
      ESC_VEC_PUSH(w->todo, (int)fi);
    }
  }
  LLVMDisposeMessage(text);
}

/* Pushes the defined functions call I may enter, once each: a direct
 * callee; a resolved indirect call's targets; for an unknown indirect
 * call, or a call of code outside the program that may call back
 * (anything but an intrinsic or a C library function known not to),
 * every address-taken function. */
static void push_entered(esc_result *R, LLVMValueRef I, reach_walk *w) {
  char *seen = w->seen;
  int_vec *todo = &w->todo;
  int n = (int)R->model.funcs.len;
  LLVMValueRef callee = esc_called_function(I);
  int any = 0;
  if (callee) {
    int fi = esc_model_func_index(&R->model, callee);
    if (fi >= 0 && R->model.funcs.data[fi].defined) {
      if (!seen[fi]) {
        seen[fi] = 1;
        ESC_VEC_PUSH(*todo, fi);
      }
      return;
    }
    if (LLVMGetIntrinsicID(callee))
      return;
    const char *name = esc_value_name(callee);
    const esc_libfn *lib = esc_libc_lookup(name);
    any = !(lib && (lib->flags & ESC_LIB_KNOWN)) ||
          esc_libc_callback(name) != NULL;
  } else if (LLVMIsAInlineAsm(LLVMGetCalledValue(I))) {
    asm_entered(R, LLVMGetCalledValue(I), w);
    return;
  } else {
    const esc_targets *t = R->ts ? esc_typeset_resolve(R->ts, I) : NULL;
    if (!t || t->unknown) {
      any = 1;
    } else {
      for (int k = 0; k < t->n; k++) {
        int fi = esc_model_func_index(&R->model, t->fns[k]);
        if (fi >= 0 && R->model.funcs.data[fi].defined && !seen[fi]) {
          seen[fi] = 1;
          ESC_VEC_PUSH(*todo, fi);
        }
      }
    }
  }
  if (!any || w->all_taken)
    return;
  w->all_taken = 1;
  for (int fi = 0; fi < n; fi++)
    if (w->taken[fi] && !seen[fi]) {
      seen[fi] = 1;
      ESC_VEC_PUSH(*todo, fi);
    }
}

/* Can function start be entered again while a frame of it is live: does
 * it reach itself through direct calls, resolved indirect calls, unknown
 * ones or library callbacks (walk -> qsort -> cmp -> walk)? */
static int reentered(esc_result *R, int start, const char *taken) {
  reach_walk w = {taken, esc_xcalloc(R->model.funcs.len + 1, 1), 0, {0}};
  const esc_func *S = &R->model.funcs.data[start];
  for (int k = 0; k < S->ncalls; k++)
    push_entered(R, S->calls[k], &w);
  while (w.todo.len && !w.seen[start]) {
    const esc_func *G = &R->model.funcs.data[w.todo.data[--w.todo.len]];
    for (int k = 0; k < G->ncalls && !w.seen[start]; k++)
      push_entered(R, G->calls[k], &w);
  }
  int again = w.seen[start];
  ESC_VEC_FREE(w.todo);
  free(w.seen);
  return again;
}

/* reentered for the function of every heap site, asked before anything
 * moves (moving erases calls the functions' call lists name): one flag
 * per function index, owned by the caller (free). */
static char *reentered_functions(esc_result *R) {
  int n = (int)R->model.funcs.len;
  char *taken = esc_xcalloc((size_t)n, 1);
  char *asked = esc_xcalloc((size_t)n, 1);
  char *again = esc_xcalloc((size_t)(n ? n : 1), 1);
  /* a library (no main), or a program that looks its symbols up by name
   * or loads code: outside code may call any function it exports */
  int exported_entered = esc_libc_exports_entered(R->M, 0);
  for (int fi = 0; fi < n; fi++) {
    LLVMValueRef fn = R->model.funcs.data[fi].fn;
    LLVMLinkage l = LLVMGetLinkage(fn);
    taken[fi] = R->model.funcs.data[fi].defined &&
                (esc_function_address_taken(fn) ||
                 (exported_entered && l != LLVMInternalLinkage &&
                  l != LLVMPrivateLinkage));
  }
  for (size_t i = 0; i < R->model.sites.len; i++) {
    const esc_site *s = &R->model.sites.data[i];
    if (s->kind != ESC_SITE_HEAP)
      continue;
    int fi = esc_model_func_index(
        &R->model, LLVMGetBasicBlockParent(LLVMGetInstructionParent(s->inst)));
    if (fi < 0 || asked[fi])
      continue;
    asked[fi] = 1;
    again[fi] = (char)reentered(R, fi, taken);
  }
  free(taken);
  free(asked);
  return again;
}

/* Why no site of fn may move, or NULL: a call that returns twice (setjmp:
 * the site may run again with the first block still in use, and one
 * alloca for both), always_inline (a moved block makes its function
 * noinline), a musttail call (it must not see the frame's allocas),
 * or recursion, direct or through other functions, callbacks and indirect
 * calls (a slot per frame: the stack depth is not bounded). */
static const char *function_blocks(esc_result *R, LLVMValueRef fn,
                                   const char *again) {
  /* a moved block keeps its function out of line (noinline) */
  if (LLVMGetEnumAttributeAtIndex(
          fn, LLVMAttributeFunctionIndex,
          LLVMGetEnumAttributeKindForName("alwaysinline", 12)))
    return "its function is always_inline (the block would join the "
           "frames of its callers)";
  ESC_FOR_EACH_INST(fn, bb, I) {
    if (!esc_is_call(I))
      continue;
    LLVMValueRef f = esc_called_function(I);
    if (esc_call_returns_twice(I))
      return "its function calls setjmp (returns twice)";
    if (LLVMIsACallInst(I) &&
        LLVMGetTailCallKind(I) == LLVMTailCallKindMustTail)
      return "its function makes a musttail call";
    if (f == fn)
      return "its function is recursive";
  }
  int fi = esc_model_func_index(&R->model, fn);
  if (fi >= 0 && again[fi])
    return "its function may be entered again while it runs (recursion, "
           "maybe through a callback or an indirect call)";
  return NULL;
}

/* Decides one site; fills *why when it stays. Returns 1 when moved. */
static int move_site(esc_result *R, const esc_site *s, esc_level level,
                     long long max_bytes, const char *again, const char **why,
                     esc_arena *a) {
  LLVMValueRef I = s->inst;
  if (!(s->levels_found & (1u << level)) || !s->v[level].known ||
      s->v[level].escapes) {
    *why = "escapes";
    return 0;
  }
  if (s->found_by == ESC_FOUND_WRAPPER) {
    *why = "a wrapper's call: the block is allocated inside the wrapper";
    return 0;
  }
  if (!LLVMIsACallInst(I)) {
    *why = "an invoke (its unwind edge would need rewriting)";
    return 0;
  }
  const h2s_alloc *al = NULL;
  if (s->found_by == ESC_FOUND_INDIRECT) {
    /* every target the whole program resolves is malloc-like, or every
     * one calloc: the call does nothing but allocate */
    const esc_targets *tg =
        level == ESC_WHOLE && R->ts ? esc_typeset_resolve(R->ts, I) : NULL;
    for (int k = 0; tg && !tg->unknown && k < tg->n; k++) {
      const h2s_alloc *ak = movable_alloc(R->opt.model, tg->fns[k]);
      if (!ak || (al && ak->zero != al->zero)) {
        al = NULL;
        break;
      }
      al = ak;
    }
    if (!al) {
      *why = "allocated through a function pointer whose targets are not "
             "all malloc, or all calloc";
      return 0;
    }
  } else {
    al = movable_alloc(R->opt.model, esc_called_function(I));
  }
  if (!al) {
    *why = esc_arena_printf(a, "allocator %s is not malloc, calloc or "
                            "operator new", s->allocator ? s->allocator : "?");
    return 0;
  }
  if (s->bytes < 0) {
    *why = "size not constant";
    return 0;
  }
  if (s->bytes > max_bytes) {
    *why = esc_arena_printf(a, "%lld bytes, more than --max-stack-bytes=%lld",
                            s->bytes, max_bytes);
    return 0;
  }
  LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInstructionParent(I));
  const char *fwhy = function_blocks(R, fn, again);
  if (fwhy) {
    *why = fwhy;
    return 0;
  }
  track t = {.R = R, .level = level, .model = R->opt.model};
  track_site(&t, I);
  LLVMBasicBlockRef bb = LLVMGetInstructionParent(I);
  int loop = !t.why && in_loop(bb);
  if (loop && !confined_to_block(&t, I))
    stay(&t, "in a loop, and a value holding it lives beyond one iteration",
         NULL);
  if (t.why) {
    *why = esc_arena_strdup(a, t.why);
    ESC_VEC_FREE(t.vals);
    ESC_VEC_FREE(t.frees);
    return 0;
  }

  LLVMContextRef ctx = LLVMGetModuleContext(R->M);
  LLVMBuilderRef b = LLVMCreateBuilderInContext(ctx);
  LLVMTypeRef i8 = LLVMInt8TypeInContext(ctx);
  LLVMTypeRef ptr = LLVMPointerTypeInContext(ctx, 0);
  LLVMTypeRef arr = LLVMArrayType2(i8, (uint64_t)(s->bytes ? s->bytes : 1));
  LLVMValueRef slot;
  if (loop) {
    LLVMTypeRef ss_t = LLVMFunctionType(ptr, NULL, 0, 0);
    LLVMTypeRef sr_t = LLVMFunctionType(LLVMVoidTypeInContext(ctx), &ptr, 1, 0);
    LLVMValueRef ss_f = LLVMGetNamedFunction(R->M, "llvm.stacksave.p0");
    if (!ss_f)
      ss_f = LLVMAddFunction(R->M, "llvm.stacksave.p0", ss_t);
    LLVMValueRef sr_f = LLVMGetNamedFunction(R->M, "llvm.stackrestore.p0");
    if (!sr_f)
      sr_f = LLVMAddFunction(R->M, "llvm.stackrestore.p0", sr_t);
    LLVMPositionBuilderBefore(b, I);
    LLVMValueRef sp = LLVMBuildCall2(b, ss_t, ss_f, NULL, 0, "h2s.sp");
    slot = LLVMBuildAlloca(b, arr, "h2s");
    LLVMPositionBuilderBefore(b, LLVMGetBasicBlockTerminator(bb));
    LLVMBuildCall2(b, sr_t, sr_f, &sp, 1, "");
  } else {
    LLVMBasicBlockRef entry =
        LLVMGetEntryBasicBlock(LLVMGetBasicBlockParent(bb));
    LLVMPositionBuilderBefore(b, LLVMGetFirstInstruction(entry));
    slot = LLVMBuildAlloca(b, arr, "h2s");
  }
  LLVMSetAlignment(slot, 16);
  if (al->zero) {
    LLVMPositionBuilderBefore(b, I);
    LLVMValueRef m = LLVMBuildMemSet(
        b, slot, LLVMConstInt(i8, 0, 0),
        LLVMConstInt(LLVMInt64TypeInContext(ctx), (unsigned long long)s->bytes, 0),
        16);
    (void)m;
  }
  for (size_t k = 0; k < t.frees.len; k++)
    LLVMInstructionEraseFromParent(t.frees.data[k]);
  /* a tail call promises the callee does not touch the caller's allocas:
   * with the free gone, a call passed the block may become a sibling call
   * that frees the frame first */
  ESC_FOR_EACH_INST(fn, b2, J)
    if (LLVMIsACallInst(J) && LLVMIsTailCall(J))
      LLVMSetTailCallKind(J, LLVMTailCallKindNone);
  LLVMReplaceAllUsesWith(I, slot);
  LLVMInstructionEraseFromParent(I);
  /* the slot is this frame's: inlined later (clang -O2 after --h2s, or
   * an optimisation pipeline after the plugin's pass) into a function
   * that recurses, it would grow every frame of the recursion */
  LLVMAddAttributeAtIndex(
      fn, LLVMAttributeFunctionIndex,
      LLVMCreateEnumAttribute(ctx, LLVMGetEnumAttributeKindForName(
                                       "noinline", 8), 0));
  esc_model_site_moved(&R->model, s->id, slot);
  LLVMDisposeBuilder(b);
  ESC_VEC_FREE(t.vals);
  ESC_VEC_FREE(t.frees);
  return 1;
}

int esc_heap_to_stack(esc_result *R, esc_level level, long long max_bytes,
                      FILE *remarks) {
  int moved = 0;
  esc_arena a;
  esc_arena_init(&a);
  char *again = reentered_functions(R);
  const char *lvl = R->opt.assume_typed && level == ESC_WHOLE
                        ? "whole_program, assume-typed"
                        : esc_level_name(level);
  for (size_t i = 0; i < R->model.sites.len; i++) {
    const esc_site *s = &R->model.sites.data[i];
    if (s->kind != ESC_SITE_HEAP)
      continue;
    char loc[600];
    esc_loc_format(&s->loc, loc, sizeof loc);
    esc_str d = {0};
    esc_site_describe(s, &d);
    const char *why = NULL;
    int ok = move_site(R, s, level, max_bytes, again, &why, &a);
    moved += ok;
    if (remarks && (ok || strcmp(why, "escapes")))
      fprintf(remarks, "%s: %s %s%s [%s]\n", loc, d.s,
              ok ? "moved to the stack" : "stays on the heap: ",
              ok ? "" : why, lvl);
    esc_str_free(&d);
  }
  esc_arena_free(&a);
  free(again);
  return moved;
}
