/*
 * esc_verdict.c: the verdicts of a solved escape graph (esc_solver.c solves
 * it and says which objects the caller can reach): why each site escapes
 * (the last step into the escape node, and with -m=2 every step from the
 * allocation), and which resolved calls made the difference when
 * whole-program analysis keeps a site local.
 */
#include "esc_fctx.h"
#include "esc_limits.h"
#include "esc_usermodel.h"
#include "esc_sites.h"

#include <stdlib.h>
#include <string.h>

/* ---- describing objects and reasons ---- */
static const char *loc_str(esc_result *R, LLVMValueRef inst) {
  return esc_loc_text(&R->arena, inst);
}

static const char *obj_desc(fctx *c, int o) {
  objinfo *oi = &c->obj.data[o];
  esc_result *R = c->R;
  if (oi->site >= 0) {
    const esc_site *s = &R->model.sites.data[oi->site];
    if (s->kind == ESC_SITE_STACK)
      return esc_arena_printf(&R->arena, "&%s", s->name ? s->name : "local");
    return esc_arena_printf(&R->arena, "%s(...) at %s", s->allocator,
                            loc_str(R, s->inst));
  }
  switch (oi->kind) {
  case OBJ_P1:
    return esc_arena_printf(&R->arena, "*%s",
                            esc_param_name(&R->names, &R->arena, c->fn,
                                           (unsigned)oi->param));
  case OBJ_PD:
    return esc_arena_printf(&R->arena, "memory reachable from %s",
                            esc_param_name(&R->names, &R->arena, c->fn,
                                           (unsigned)oi->param));
  case OBJ_FRESH:
    return esc_arena_printf(&R->arena, "object returned by call at %s",
                            loc_str(R, oi->call));
  default:
    return "a local";
  }
}

static const char *param_of_callee(esc_result *R, const char *callee,
                                   int idx) {
  LLVMValueRef f = callee ? LLVMGetNamedFunction(R->M, callee) : NULL;
  if (!f || idx < 0 || (unsigned)idx >= LLVMCountParams(f))
    return esc_arena_printf(&R->arena, "#%d", idx);
  return esc_param_name(&R->names, &R->arena, f, (unsigned)idx);
}

/* A store into a named global (a store or an atomic on the global itself);
 * a call that stores also names its callee, so the instruction decides. */
static int stores_to_global(esc_why w) {
  LLVMValueRef inst = (LLVMValueRef)w.inst;
  return w.kind == ESC_WHY_STORE && w.detail && inst && !esc_is_call(inst);
}

/* When w passes an object to an indirect call that whole-program
 * resolution left unknown only because it stopped at its budget
 * (--resolve-budget), the resolution's reason ("budget: ..."); else NULL. */
static const char *resolution_budget(fctx *c, esc_why w) {
  if (w.kind != ESC_WHY_INDIRECT_CALL || c->level != ESC_WHOLE || !w.inst)
    return NULL;
  LLVMValueRef call = (LLVMValueRef)w.inst;
  const esc_targets *t = esc_typeset_resolve(c->R->ts, call);
  for (int k = 0; k < c->nbind; k++)
    if (c->binds[k].call == call)
      t = &c->binds[k].targets;
  if (t->unknown && t->unknown_reason &&
      !strncmp(t->unknown_reason, "budget", 6))
    return t->unknown_reason;
  return NULL;
}

/* The reason for the last step into the escape node. */
static const char *why_text(fctx *c, esc_why w) {
  esc_result *R = c->R;
  esc_arena *a = &R->arena;
  const char *fname = R->model.funcs.data[c->fidx].display;
  const char *callee = esc_demangle(a, w.detail);
  LLVMValueRef inst = (LLVMValueRef)w.inst;
  switch (w.kind) {
  case ESC_WHY_STORE:
    if (!inst && w.aux >= 0)
      return esc_arena_printf(
          a, "stored through parameter %s of %s",
          esc_param_name(&R->names, a, c->fn, (unsigned)w.aux), fname);
    if (stores_to_global(w))
      return esc_arena_printf(a, "stored to global %s at %s", w.detail,
                              loc_str(R, inst));
    if (inst && esc_is_call(inst))
      return esc_arena_printf(a, "stored by %s at %s into memory that escapes",
                              callee ? callee : "a call",
                              loc_str(R, inst));
    return esc_arena_printf(a, "stored to memory that escapes at %s",
                            loc_str(R, inst));
  case ESC_WHY_RETURN:
    if (inst && esc_is_call(inst))
      return esc_arena_printf(a, "passed to %s at %s, a musttail call, which "
                              "runs after the frame is gone",
                              callee ? callee : "an indirect call",
                              loc_str(R, inst));
    return esc_arena_printf(a, "address of local returned from %s", fname);
  case ESC_WHY_UNKNOWN_CALL:
    return esc_arena_printf(a, "passed to %s at %s, which may keep it",
                            callee ? callee : "an unknown function",
                            loc_str(R, inst));
  case ESC_WHY_INDIRECT_CALL:
    if (resolution_budget(c, w))
      return esc_arena_printf(a, "passed to indirect call at %s, left "
                              "unresolved (%s)", loc_str(R, inst),
                              resolution_budget(c, w));
    return esc_arena_printf(a, "passed to indirect call at %s",
                            loc_str(R, inst));
  case ESC_WHY_CALL_ARG:
    return esc_arena_printf(a, "passed to %s at %s, which leaks param %s",
                            callee, loc_str(R, inst),
                            param_of_callee(R, w.detail, w.aux));
  case ESC_WHY_RESOLVED_CALL:
    return esc_arena_printf(
        a, "passed to indirect call at %s; target %s keeps param %s",
        loc_str(R, inst), callee ? callee : "?",
        param_of_callee(R, w.detail, w.aux));
  case ESC_WHY_PTRTOINT:
    return esc_arena_printf(a, "converted to an integer (ptrtoint) at %s, "
                            "which escapes", loc_str(R, inst));
  case ESC_WHY_NUMBER:
    return esc_arena_printf(a, "its bytes are read as a number at %s, "
                            "which escapes", loc_str(R, inst));
  case ESC_WHY_ASM:
    return esc_arena_printf(a, "passed to inline asm at %s", loc_str(R, inst));
  case ESC_WHY_OUTPUT:
    return esc_arena_printf(a, "written out of the program by %s at %s",
                            w.detail ? w.detail : "a call", loc_str(R, inst));
  case ESC_WHY_INPUT:
    return esc_arena_printf(a, "read from outside the program by %s at %s",
                            w.detail ? w.detail : "a call", loc_str(R, inst));
  case ESC_WHY_THREAD:
    return esc_arena_printf(a, "passed to a new thread (%s) at %s", w.detail,
                            loc_str(R, inst));
  case ESC_WHY_LONGJMP:
    return esc_arena_printf(a, "passed to %s at %s", w.detail,
                            loc_str(R, inst));
  case ESC_WHY_VARARG:
    return esc_arena_printf(a, "passed as variadic argument to %s at %s",
                            w.detail ? w.detail : "a function",
                            loc_str(R, inst));
  case ESC_WHY_BUDGET:
    return esc_arena_printf(a, "budget: callee summary unknown at %s",
                            loc_str(R, inst));
  case ESC_WHY_WRAPPER_RESULT:
    return esc_arena_printf(
        a, "allocated by %s at %s, which may keep a copy (not looked into)",
        callee, loc_str(R, inst));
  case ESC_WHY_MEMCPY:
    return esc_arena_printf(a, "copied into memory that escapes at %s",
                            loc_str(R, inst));
  case ESC_WHY_CLOSURE:
    return esc_arena_printf(a, "stored in %s, which escapes",
                            obj_desc(c, w.aux));
  case ESC_WHY_MODEL: {
    const esc_umfn *f = esc_usermodel_find(R->opt.model, w.detail);
    return esc_arena_printf(a, "passed to %s at %s, which keeps argument %d "
                            "(model %s)", callee, loc_str(R, inst), w.aux,
                            f ? f->where : "?");
  }
  case ESC_WHY_POOL: {
    const esc_umfn *f = esc_usermodel_find(R->opt.model, w.detail);
    if (!f)
      return esc_arena_printf(
          a, "allocated by %s at %s, which may keep it with its argument %d "
          "(a pool: the malloc attribute promises a fresh block, nothing "
          "about the arguments)", callee, loc_str(R, inst), w.aux);
    return esc_arena_printf(
        a, "allocated by %s at %s from the pool in its argument %d, which may "
        "outlive the frame: not made by a pool-create call in %s, used only "
        "as a pool and destroyed there on every way out (model %s)",
        callee, loc_str(R, inst), w.aux, fname, f ? f->where : "?");
  }
  default:
    return esc_arena_printf(a, "flows to unknown memory at %s",
                            loc_str(R, inst));
  }
}

static const char *step_text(fctx *c, esc_why w) {
  esc_result *R = c->R;
  esc_arena *a = &R->arena;
  LLVMValueRef inst = (LLVMValueRef)w.inst;
  const char *at = inst ? loc_str(R, inst) : "";
  switch (w.kind) {
  case ESC_WHY_ALLOC: {
    /* an alloca has no location of its own: its variable's declaration */
    int sid = inst ? esc_ptrmap_get(&R->model.site_of, inst) : -1;
    if (sid >= 0 && R->model.sites.data[sid].loc.file) {
      char buf[600];
      esc_loc_format(&R->model.sites.data[sid].loc, buf, sizeof buf);
      return esc_arena_printf(a, "allocated at %s", buf);
    }
    return esc_arena_printf(a, "allocated at %s", at);
  }
  case ESC_WHY_COPY:
    return esc_arena_printf(a, "copied at %s", at);
  case ESC_WHY_LOAD:
    return esc_arena_printf(a, "loaded at %s", at);
  case ESC_WHY_MEMCPY:
    return esc_arena_printf(a, "memory copied at %s", at);
  case ESC_WHY_CALL_RESULT:
    return esc_arena_printf(a, "returned by %s at %s",
                            w.detail ? w.detail : "call", at);
  case ESC_WHY_STORE:
    if (!inst)
      return why_text(c, w);
    return esc_arena_printf(a, "stored at %s", at);
  default:
    return why_text(c, w);
  }
}

/* Explains how obj reached node: steps from the allocation to the sink. */
static const char *flow_text(fctx *c, int node, int obj) {
  const char *steps[ESC_FLOW_MAX_STEPS];
  int n = 0, pred;
  esc_why w;
  while (n < ESC_FLOW_MAX_STEPS && esc_graph_prov(c->g, node, obj, &pred, &w)) {
    if (w.kind != ESC_WHY_NONE)
      steps[n++] = step_text(c, w);
    if (pred < 0)
      break;
    node = pred;
  }
  esc_str s = {0};
  for (int i = n - 1; i >= 0; i--)
    esc_str_printf(&s, "%s%s", s.len ? "\n" : "", steps[i]);
  const char *out = s.s ? esc_arena_strdup(&c->R->arena, s.s) : NULL;
  esc_str_free(&s);
  return out;
}

/* The cause of the last step into the escape node: a rule id of SARIF, the
 * JSON "cause", LSP's data.cause (docs/formats.md lists them). It follows
 * why_text's cases, so the cause and the reason name the same thing. */
static const char *cause_of(fctx *c, esc_why w) {
  if (resolution_budget(c, w))
    return "budget";
  switch (w.kind) {
  case ESC_WHY_STORE:
    if (!w.inst)
      /* added by esc_fctx_solve: a stack object the caller reaches */
      return w.aux >= 0 ? "parameter" : "memory";
    return stores_to_global(w) ? "global" : "memory";
  case ESC_WHY_RETURN:
    return "return";
  case ESC_WHY_CLOSURE:
  case ESC_WHY_LOAD:
  case ESC_WHY_MEMCPY:
    return "memory";
  case ESC_WHY_UNKNOWN_CALL:
    return "unknown-call";
  case ESC_WHY_INDIRECT_CALL:
    return "indirect-call";
  case ESC_WHY_CALL_ARG:
    return "callee";
  case ESC_WHY_RESOLVED_CALL:
    return "resolved-callee";
  case ESC_WHY_PTRTOINT:
  case ESC_WHY_NUMBER:
  case ESC_WHY_INTTOPTR:
    return "address-as-number";
  case ESC_WHY_ASM:
    return "asm";
  case ESC_WHY_THREAD:
    return "thread";
  case ESC_WHY_LONGJMP:
    return "longjmp";
  case ESC_WHY_VARARG:
    return "vararg";
  case ESC_WHY_OUTPUT:
    return "output";
  case ESC_WHY_INPUT:
    return "input";
  case ESC_WHY_BUDGET:
    return "budget";
  case ESC_WHY_WRAPPER_RESULT:
    return "wrapper";
  case ESC_WHY_MODEL:
    return "model";
  case ESC_WHY_POOL:
    return "pool";
  default:
    return "other";
  }
}

static const char *escape_reason(fctx *c, int o, const char **cause) {
  int pred;
  esc_why w;
  if (esc_graph_prov(c->g, ESC_ESC_NODE, o, &pred, &w)) {
    *cause = cause_of(c, w);
    return why_text(c, w);
  }
  *cause = "other";
  return "escapes";
}

/* Does object o reach an argument of call (directly or below)? */
static int reaches_args(fctx *c, LLVMValueRef call, int o) {
  for (unsigned a = 0; a < call_nargs(call); a++) {
    int node = esc_fctx_vnode(c, LLVMGetOperand(call, a));
    if (node >= 0 && esc_graph_points_to(c->g, node, o))
      return 1;
  }
  for (size_t d = 0; d < c->deep.len; d++)
    if (c->deep.data[d].call == call &&
        esc_graph_points_to(c->g, c->deep.data[d].node, o))
      return 1;
  return 0;
}

static void targets_text(esc_str *s, const esc_targets *t, esc_arena *arena) {
  esc_str_printf(s, "{");
  for (int k = 0; k < t->n; k++)
    esc_str_printf(s, "%s%s", k ? ", " : "",
                   esc_demangle(arena, esc_value_name(t->fns[k])));
  esc_str_printf(s, "}");
}

/* What whole-program analysis looked through for object o: resolved
 * indirect calls, calls specialised to this context, and callees whose
 * summaries are sharper because their own indirect calls were resolved. */
static const char *avoided_by(fctx *c, int o) {
  esc_str s = {0};
  for (size_t i = 0; i < c->resolved.len; i++) {
    LLVMValueRef call = c->resolved.data[i];
    if (!reaches_args(c, call, o))
      continue;
    const esc_targets *t = esc_typeset_resolve(c->R->ts, call);
    for (int k = 0; k < c->nbind; k++)
      if (c->binds[k].call == call)
        t = &c->binds[k].targets;
    esc_str_printf(&s, "%sindirect call at %s resolved by %s to ",
                   s.len ? "; " : "", loc_str(c->R, call),
                   esc_evidence_name(t->evidence));
    targets_text(&s, t, &c->R->arena);
  }
  for (size_t i = 0; i < c->ctx_uses.len; i++) {
    LLVMValueRef call = c->ctx_uses.data[i].site;
    if (!reaches_args(c, call, o))
      continue;
    const esc_ctx_summary *cs = c->ctx_uses.data[i].cs;
    esc_str_printf(&s, "%scall of %s at %s in this context:", s.len ? "; " : "",
                   esc_demangle(&c->R->arena,
                                esc_value_name(esc_called_function(call))),
                   loc_str(c->R, call));
    for (int k = 0; k < cs->nbind; k++) {
      esc_str_printf(&s, " indirect call at %s resolved by context to ",
                     loc_str(c->R, cs->binds[k].call));
      targets_text(&s, &cs->binds[k].targets, &c->R->arena);
    }
  }
  for (size_t i = 0; i < c->sharper.len; i++) {
    LLVMValueRef call = c->sharper.data[i];
    if (!reaches_args(c, call, o))
      continue;
    esc_str_printf(&s, "%scall of %s at %s, whose indirect calls were resolved",
                   s.len ? "; " : "",
                   esc_demangle(&c->R->arena,
                                esc_value_name(esc_called_function(call))),
                   loc_str(c->R, call));
  }
  const char *out = s.s ? esc_arena_strdup(&c->R->arena, s.s)
                        : "indirect calls resolved in callees";
  esc_str_free(&s);
  return out;
}

void esc_fctx_record_verdicts(fctx *c, int ok) {
  esc_result *R = c->R;
  int nobj = esc_graph_num_objects(c->g);
  int *via = esc_xmalloc(sizeof(int) * (size_t)(nobj ? nobj : 1));
  if (ok)
    esc_fctx_boundary_reach(c, via);
  for (int o = 0; o < nobj; o++) {
    int site = c->obj.data[o].site;
    if (site < 0)
      continue;
    const esc_site *s = &R->model.sites.data[site];
    esc_verdict verdict, *v = &verdict;
    memset(v, 0, sizeof(*v));
    v->known = 1;
    if (!ok) {
      v->escapes = 1;
      v->reason = esc_arena_printf(&R->arena,
                                   "budget: analysis of %s exceeded its limit",
                                   R->model.funcs.data[c->fidx].display);
      v->cause = "budget";
      esc_model_set_verdict(&R->model, site, c->level, v);
      continue;
    }
    if (esc_graph_points_to(c->g, ESC_ESC_NODE, o)) {
      v->escapes = 1;
      v->reason = escape_reason(c, o, &v->cause);
      if (R->opt.detail >= 2)
        v->flow = flow_text(c, ESC_ESC_NODE, o);
    } else if (via[o] < 0) {
      v->escapes = 1;
      v->reason = esc_arena_printf(&R->arena, "returned from %s",
                                   R->model.funcs.data[c->fidx].display);
      v->cause = "return";
      if (R->opt.detail >= 2)
        v->flow = esc_graph_points_to(c->g, c->ret, o)
                      ? flow_text(c, c->ret, o)
                      : NULL;
    } else if (via[o] > 0) {
      v->escapes = 1;
      v->cause = "parameter";
      v->reason = esc_arena_printf(
          &R->arena, "stored through parameter %s of %s",
          esc_param_name(&R->names, &R->arena, c->fn, (unsigned)(via[o] - 1)),
          R->model.funcs.data[c->fidx].display);
    }
    if (c->level == ESC_WHOLE && !v->escapes &&
        (!s->v[ESC_CONSERVATIVE].known || s->v[ESC_CONSERVATIVE].escapes)) {
      v->avoided_by = avoided_by(c, o);
      if (s->found_by == ESC_FOUND_INDIRECT) {
        /* the call itself is what resolution turned into an allocation */
        esc_str t = {0};
        esc_str_printf(&t, "indirect call at %s resolved by %s to allocators ",
                       loc_str(R, s->inst),
                       esc_evidence_name(
                           esc_typeset_resolve(R->ts, s->inst)->evidence));
        targets_text(&t, esc_typeset_resolve(R->ts, s->inst), &R->arena);
        if (strcmp(v->avoided_by, "indirect calls resolved in callees"))
          esc_str_printf(&t, "; %s", v->avoided_by);
        v->avoided_by = esc_arena_strdup(&R->arena, t.s);
        esc_str_free(&t);
      }
    }
    esc_model_set_verdict(&R->model, site, c->level, v);
  }
  free(via);
}
