/*
 * esc_report.c: the text (Go -m style) and JSON reports (SARIF is in
 * esc_sarif.c). Formats are
 * documented with complete examples in docs/formats.md.
 */
#include "esc_analysis.h"
#include "esc_pta.h"
#include "esc_sites.h"

#include <stdlib.h>
#include <string.h>

/* The verdict of site s at level l, filling in the sites a level did not
 * see: an allocator reached through a pointer, or a wrapper the level could
 * not recognise. */
esc_verdict esc_verdict_at(const esc_result *R, const esc_site *s,
                           esc_level l) {
  if (s->v[l].known)
    return s->v[l];
  esc_verdict v;
  memset(&v, 0, sizeof v);
  v.escapes = 1;
  v.cause = "unseen-allocator";
  if (s->found_by == ESC_FOUND_INDIRECT)
    v.reason = "allocator called indirectly";
  else if (s->found_by == ESC_FOUND_WRAPPER)
    v.reason = "returned by a call this level does not see as an allocator";
  else
    v.reason = "not analysed at this level";
  (void)R;
  return v;
}

const char *esc_site_escapes_words(const esc_site *s) {
  /* a pool's block is not on the heap: it lives as long as something
   * outlives the frame, its pool or a pointer to it */
  return s->kind == ESC_SITE_POOL ? "escapes its frame" : "escapes to heap";
}

void esc_site_describe(const esc_site *s, esc_str *out) {
  if (s->kind == ESC_SITE_POOL)
    esc_str_printf(out, "pool block ");
  if (s->kind == ESC_SITE_STACK) {
    esc_str_printf(out, "&%s", s->name ? s->name : "<local>");
    if (s->inlined_into)
      esc_str_printf(out, " (inlined into %s)", s->inlined_into);
    return;
  }
  if (s->name)
    esc_str_printf(out, "%s = ", s->name);
  if (s->bytes >= 0)
    esc_str_printf(out, "%s(%lld)", s->allocator, s->bytes);
  else
    esc_str_printf(out, "%s(?)", s->allocator);
  if (s->inlined_into)
    esc_str_printf(out, " (inlined into %s)", s->inlined_into);
}

typedef struct line {
  esc_loc loc;
  int order; /* stable tie-break */
  char *text;
} line;

static int line_cmp(const void *pa, const void *pb) {
  const line *a = pa, *b = pb;
  const char *fa = a->loc.file ? a->loc.file : "";
  const char *fb = b->loc.file ? b->loc.file : "";
  int c = strcmp(fa, fb);
  if (c)
    return c;
  if (!a->loc.file) {
    c = strcmp(a->loc.func ? a->loc.func : "", b->loc.func ? b->loc.func : "");
    if (c)
      return c;
    if (a->loc.index != b->loc.index)
      return a->loc.index < b->loc.index ? -1 : 1;
  }
  if (a->loc.line != b->loc.line)
    return a->loc.line < b->loc.line ? -1 : 1;
  if (a->loc.col != b->loc.col)
    return a->loc.col < b->loc.col ? -1 : 1;
  return a->order - b->order;
}

int esc_site_avoided(const esc_result *R, const esc_site *s) {
  esc_verdict c = esc_verdict_at(R, s, ESC_CONSERVATIVE);
  esc_verdict w = esc_verdict_at(R, s, ESC_WHOLE);
  return c.escapes && !w.escapes;
}

static void levels_list(unsigned mask, esc_str *out) {
  int first = 1;
  esc_str_printf(out, " [");
  for (int l = 0; l < ESC_NLEVELS; l++)
    if (mask & (1u << l)) {
      esc_str_printf(out, "%s%s", first ? "" : ", ",
                     esc_level_name((esc_level)l));
      first = 0;
    }
  esc_str_printf(out, "]");
}

static int same_verdict(esc_verdict a, esc_verdict b) {
  if (a.escapes != b.escapes)
    return 0;
  if (!a.escapes)
    return 1;
  return a.reason && b.reason && !strcmp(a.reason, b.reason);
}

/* Site lines, grouped by identical verdict across the requested levels. */
static void site_text(const esc_result *R, const esc_options *o,
                      const esc_site *s, esc_str *out) {
  char loc[600];
  esc_loc_format(&s->loc, loc, sizeof loc);
  unsigned done = 0;
  for (int l = 0; l < ESC_NLEVELS; l++) {
    if (!(o->level_mask & (1u << l)) || (done & (1u << l)))
      continue;
    esc_verdict v = esc_verdict_at(R, s, (esc_level)l);
    unsigned group = 0;
    for (int k = l; k < ESC_NLEVELS; k++)
      if ((o->level_mask & (1u << k)) && !(done & (1u << k)) &&
          same_verdict(v, esc_verdict_at(R, s, (esc_level)k)))
        group |= 1u << k;
    done |= group;
    esc_str_printf(out, "%s: ", loc);
    esc_site_describe(s, out);
    if (v.escapes)
      esc_str_printf(out, " %s: %s", esc_site_escapes_words(s), v.reason);
    else
      esc_str_printf(out, " does not escape");
    levels_list(group, out);
    esc_str_printf(out, "\n");
    if (o->detail >= 2 && v.escapes && v.flow) {
      const char *p = v.flow;
      while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        esc_str_printf(out, "%s:   flow: %.*s\n", loc, (int)n, p);
        p += n + (nl ? 1 : 0);
      }
    }
    if (l == ESC_WHOLE && !v.escapes && s->v[ESC_WHOLE].avoided_by &&
        (o->level_mask & (1u << ESC_CONSERVATIVE)))
      esc_str_printf(out, "%s:   avoided: %s\n", loc,
                     s->v[ESC_WHOLE].avoided_by);
  }
}

esc_loc esc_func_loc(esc_result *R, const esc_func *F) {
  for (int j = 0; j < F->nparams; j++) {
    const esc_var *v = esc_param_var(&R->names, F->fn, (unsigned)j);
    if (v && v->decl.file && v->decl.line)
      return v->decl;
  }
  ESC_FOR_EACH_INST(F->fn, bb, I) {
    esc_loc l = esc_loc_of(&R->arena, I);
    if (l.file && l.line)
      return l;
  }
  esc_loc l = {NULL, NULL, 0, 0, F->name, 0};
  return l;
}

static void summary_lines(esc_result *R, const esc_options *o, int f,
                          ESC_VEC(line) * lines, int *order) {
  const esc_func *F = &R->model.funcs.data[f];
  esc_loc loc = esc_func_loc(R, F);
  if (!esc_scope_shows(R, o, f, &loc))
    return;
  char lbuf[600];
  esc_loc_format(&loc, lbuf, sizeof lbuf);
  esc_str text[ESC_NLEVELS];
  memset(text, 0, sizeof text);
  for (int l = ESC_CONSERVATIVE; l < ESC_NLEVELS; l++)
    if (o->level_mask & (1u << l))
      esc_summary_text(R, f, (esc_level)l, &text[l]);
  /* one output line per distinct summary line, with the levels saying it */
  for (int l = ESC_CONSERVATIVE; l < ESC_NLEVELS; l++) {
    const char *p = text[l].s;
    while (p && *p) {
      const char *nl = strchr(p, '\n');
      size_t n = (size_t)(nl - p);
      unsigned mask = 1u << l;
      int seen = 0;
      for (int k = ESC_CONSERVATIVE; k < ESC_NLEVELS; k++) {
        if (k == l || !text[k].s)
          continue;
        const char *q = text[k].s;
        while (*q) {
          const char *nq = strchr(q, '\n');
          if ((size_t)(nq - q) == n && !strncmp(p, q, n)) {
            if (k < l)
              seen = 1;
            mask |= 1u << k;
          }
          q = nq + 1;
        }
      }
      if (!seen) {
        esc_str s = {0};
        esc_str_printf(&s, "%s: %.*s", lbuf, (int)n, p);
        levels_list(mask, &s);
        esc_str_printf(&s, "\n");
        line ln = {loc, (*order)++, s.s};
        ESC_VEC_PUSH(*lines, ln);
      }
      p = nl + 1;
    }
  }
  for (int l = 0; l < ESC_NLEVELS; l++)
    esc_str_free(&text[l]);
}

static const char *assumption_text(const char *name) {
  if (!strcmp(name, "typed"))
    return "typed (memory written through a field of struct S is read "
           "through a field of S; external code writes code addresses only "
           "into struct memory it is given)";
  if (!strcmp(name, "closed"))
    return "closed (code loaded with dlopen never calls back)";
  if (!strcmp(name, "signature"))
    return "signature (an indirect call reaches every address-taken "
           "function of its type)";
  return name;
}

static const char *engine_name(const esc_options *o) {
  return o->resolve == ESC_RESOLVE_SIGNATURE ? "signature"
         : o->assume_typed                   ? "type_based"
                                             : "points_to";
}

/* "# assumptions: ..." when the user chose any beyond the whole program */
static void assumptions_text(const esc_options *o, esc_str *out) {
  const char *const *a = esc_assumptions(o);
  if (!a[0])
    return;
  esc_str_printf(out, "# assumptions:");
  for (int i = 0; a[i]; i++)
    esc_str_printf(out, "%s %s", i ? ";" : "", assumption_text(a[i]));
  esc_str_printf(out, "\n");
}

static void stats_text(const esc_result *R, esc_str *out) {
  int esc[ESC_NLEVELS] = {0}, avoided_n = 0, found = 0;
  for (size_t i = 0; i < R->model.sites.len; i++) {
    if (!R->model.sites.data[i].levels_found)
      continue;
    found++;
    const esc_site *s = &R->model.sites.data[i];
    for (int l = 0; l < ESC_NLEVELS; l++)
      esc[l] += esc_verdict_at(R, s, (esc_level)l).escapes;
    avoided_n += esc_site_avoided(R, s);
  }
  const esc_stats *st = &R->stats;
  int resolved = st->indirect_calls - st->unknown;
  esc_str_printf(out,
                 "# sites: %d; escaping: intraprocedural %d, conservative %d, "
                 "whole_program %d; avoided %d\n",
                 found, esc[0], esc[1], esc[2], avoided_n);
  esc_str_printf(out, "# indirect calls: %d; resolved:", st->indirect_calls);
  for (int e = 0; e < ESC_EVIDENCE_COUNT; e++)
    esc_str_printf(out, " %s %d", esc_evidence_name((esc_evidence)e),
                   st->resolved_by[e]);
  esc_str_printf(out, "; unknown %d; avg targets %.2f\n", st->unknown,
                 resolved ? (double)st->targets_total / resolved : 0.0);
  esc_pta_stats ps;
  esc_typeset_pta_stats(R->ts, &ps);
  const char *const *a = esc_assumptions(&R->opt);
  esc_str_printf(out, "# resolution: %s", engine_name(&R->opt));
  if (!R->opt.assume_typed && R->opt.resolve != ESC_RESOLVE_SIGNATURE)
    esc_str_printf(out,
                   " (objects %d, locations %d, exposed %d, merged %d, "
                   "grouped %d, steps %llu%s)",
                   ps.objects, ps.locations, ps.exposed, ps.merged, ps.grouped,
                   (unsigned long long)ps.steps,
                   ps.over_budget ? ", over budget: every indirect call unknown"
                                  : "");
  esc_str_printf(out, "; assumptions:");
  for (int i = 0; a[i]; i++)
    esc_str_printf(out, "%s %s", i ? "," : "", a[i]);
  esc_str_printf(out, "%s\n", a[0] ? "" : " none beyond the whole program");
  esc_str_printf(out, "# analysis time %.3f s\n", R->seconds);
}

/* For each unresolved indirect call, where "unknown" came from. */
static void unknown_text(esc_result *R, esc_str *out) {
  for (size_t i = 0; i < R->indirect.len; i++) {
    LLVMValueRef I = R->indirect.data[i];
    const esc_targets *t = esc_typeset_resolve(R->ts, I);
    if (!t->unknown)
      continue;
    esc_loc l = esc_loc_of(&R->arena, I);
    char buf[400];
    esc_loc_format(&l, buf, sizeof buf);
    esc_str_printf(out, "# unknown: indirect call at %s: %s: %s\n", buf,
                   t->unknown_reason ? t->unknown_reason : "?",
                   esc_typeset_explain(R->ts, I, &R->arena));
  }
}

static void report_text(esc_result *R, const esc_options *o, esc_str *out) {
  assumptions_text(o, out);
  ESC_VEC(line) lines = {0};
  int order = 0;
  for (size_t i = 0; i < R->model.sites.len; i++) {
    const esc_site *s = &R->model.sites.data[i];
    if (!esc_site_shown(R, o, s))
      continue;
    esc_str t = {0};
    site_text(R, o, s, &t);
    line ln = {s->loc, order++, t.s};
    ESC_VEC_PUSH(lines, ln);
  }
  if (!o->avoided_only)
    for (size_t f = 0; f < R->model.funcs.len; f++)
      if (R->model.funcs.data[f].defined)
        summary_lines(R, o, (int)f, (void *)&lines, &order);
  if (lines.len)
    qsort(lines.data, lines.len, sizeof(line), line_cmp);
  for (size_t i = 0; i < lines.len; i++) {
    esc_str_printf(out, "%s", lines.data[i].text ? lines.data[i].text : "");
    free(lines.data[i].text);
  }
  ESC_VEC_FREE(lines);
  if (o->show_stats)
    stats_text(R, out);
  if (o->explain_unknown)
    unknown_text(R, out);
}

static void verdict_json(esc_verdict v, int detail, esc_str *out) {
  esc_str_printf(out, "{\"escapes\":%s,\"reason\":", v.escapes ? "true" : "false");
  esc_str_json(out, v.escapes ? v.reason : NULL);
  esc_str_printf(out, ",\"cause\":");
  esc_str_json(out, v.escapes ? v.cause : NULL);
  if (detail >= 2 && v.flow) {
    esc_str_printf(out, ",\"flow\":");
    esc_str_json(out, v.flow);
  }
  esc_str_printf(out, "}");
}

/* A target list as JSON: [{"function":display,"symbol":name},...]. */
static void targets_json(esc_result *R, const esc_targets *t, esc_str *out) {
  esc_str_printf(out, "[");
  for (int k = 0; k < t->n; k++) {
    const char *sym = esc_value_name(t->fns[k]);
    esc_str_printf(out, "%s{\"function\":", k ? "," : "");
    esc_str_json(out, esc_demangle(&R->arena, sym));
    esc_str_printf(out, ",\"symbol\":");
    esc_str_json(out, sym);
    esc_str_printf(out, "}");
  }
  esc_str_printf(out, "]");
}

/* What an indirect call resolves to without a caller's context: the
 * evidence and the targets, or "unknown" with why (the chain when
 * --explain-unknown kept provenance). */
static void resolution_json(esc_result *R, const esc_options *o,
                            LLVMValueRef call, esc_str *out) {
  const esc_targets *t = esc_typeset_resolve(R->ts, call);
  if (t->unknown || t->n == 0) {
    esc_str_printf(out, "\"evidence\":null,\"targets\":\"unknown\","
                        "\"unknown_reason\":");
    esc_str_json(out, t->unknown_reason ? t->unknown_reason
                                        : "no function may be called");
    esc_str_printf(out, ",\"chain\":");
    esc_str_json(out, o->explain_unknown
                          ? esc_typeset_explain(R->ts, call, &R->arena)
                          : NULL);
    return;
  }
  esc_str_printf(out, "\"evidence\":\"%s\",\"targets\":",
                 esc_evidence_name(t->evidence));
  targets_json(R, t, out);
}

/* The target sets callers' contexts gave call (an indirect call of
 * function fi), one per summary of fi specialised to a context that binds
 * it, in the order the summaries were made. */
static void contexts_json(esc_result *R, int fi, LLVMValueRef call,
                          esc_str *out) {
  int n = 0;
  const esc_func *F = &R->model.funcs.data[fi];
  for (size_t i = 0; i < F->ctx_sums.len; i++) {
    const esc_ctx_summary *cs = F->ctx_sums.data[i];
    for (int k = 0; k < cs->nbind; k++)
      if (cs->binds[k].call == call) {
        esc_str_printf(out, "%s", n++ ? "," : "");
        targets_json(R, &cs->binds[k].targets, out);
      }
  }
}

/* Every indirect call of the program, in module order, whatever the
 * filters (so the list matches the indirect_calls counts). */
static void call_list_json(esc_result *R, const esc_options *o,
                           esc_str *out) {
  esc_str_printf(out, " \"indirect_call_list\":[");
  for (size_t i = 0; i < R->indirect.len; i++) {
    LLVMValueRef call = R->indirect.data[i];
    int fi = esc_model_func_index(
        &R->model, LLVMGetBasicBlockParent(LLVMGetInstructionParent(call)));
    esc_loc l = esc_loc_of(&R->arena, call);
    esc_str_printf(out, "%s\n  {\"function\":", i ? "," : "");
    esc_str_json(out, fi >= 0 ? R->model.funcs.data[fi].display : NULL);
    esc_str_printf(out, ",\"symbol\":");
    esc_str_json(out, fi >= 0 ? R->model.funcs.data[fi].name : NULL);
    esc_str_printf(out, ",\"file\":");
    esc_str_json(out, l.file);
    if (l.file)
      esc_str_printf(out, ",\"line\":%u,\"column\":%u", l.line, l.col);
    else
      esc_str_printf(out, ",\"line\":null,\"column\":null,\"instruction\":%d",
                     esc_inst_index(call));
    const esc_targets *t = esc_typeset_resolve(R->ts, call);
    int by_context = fi >= 0 && esc_ptrmap_get(&R->ctx_resolved, call) >= 0;
    /* the evidence the indirect_calls counts give it */
    esc_str_printf(out, ",\"resolved_by\":");
    if (by_context)
      esc_str_printf(out, "\"%s\"", esc_evidence_name(ESC_EV_CONTEXT));
    else if (t->unknown || t->n == 0)
      esc_str_printf(out, "null");
    else
      esc_str_printf(out, "\"%s\"", esc_evidence_name(t->evidence));
    esc_str_printf(out, ",");
    resolution_json(R, o, call, out);
    if (by_context) {
      esc_str_printf(out, ",\"contexts\":[");
      contexts_json(R, fi, call, out);
      esc_str_printf(out, "]");
    }
    esc_str_printf(out, "}");
  }
  esc_str_printf(out, "%s],\n", R->indirect.len ? "\n " : "");
}

static void report_json(esc_result *R, const esc_options *o, esc_str *out) {
  static const char *found[] = {"direct", "wrapper", "whole_program"};
  int esc[ESC_NLEVELS] = {0}, avoided_n = 0, nsites = 0;
  int by_found[3] = {0}, stack = 0, pool = 0;
  esc_str_printf(out, "{\"sites\":[");
  for (size_t i = 0; i < R->model.sites.len; i++) {
    const esc_site *s = &R->model.sites.data[i];
    int av = esc_site_avoided(R, s);
    if (!esc_site_shown(R, o, s))
      continue;
    esc_str_printf(out, "%s\n  {\"id\":%d,\"function\":", nsites ? "," : "",
                   s->id);
    nsites++;
    const esc_func *F = s->func >= 0 ? &R->model.funcs.data[s->func] : NULL;
    esc_str_json(out, F ? F->display : NULL);
    esc_str_printf(out, ",\"symbol\":");
    esc_str_json(out, F ? F->name : NULL);
    esc_str_printf(out, ",\"file\":");
    esc_str_json(out, s->loc.file);
    if (s->loc.file)
      esc_str_printf(out, ",\"line\":%u,\"column\":%u", s->loc.line,
                     s->loc.col);
    else
      esc_str_printf(out, ",\"line\":null,\"column\":null,\"instruction\":%d",
                     s->loc.index);
    esc_str_printf(out, ",\"kind\":\"%s\",\"allocator\":",
                   esc_site_kind_name(s->kind));
    esc_str_json(out, s->allocator);
    if (s->bytes >= 0)
      esc_str_printf(out, ",\"bytes\":%lld", s->bytes);
    else
      esc_str_printf(out, ",\"bytes\":null");
    esc_str_printf(out, ",\"name\":");
    esc_str_json(out, s->name);
    esc_str_printf(out, ",\"found_by\":\"%s\"", found[s->found_by]);
    if (s->inlined_into) {
      esc_str_printf(out, ",\"inlined_into\":");
      esc_str_json(out, s->inlined_into);
    }
    for (int l = 0; l < ESC_NLEVELS; l++) {
      esc_verdict v = esc_verdict_at(R, s, (esc_level)l);
      esc[l] += v.escapes;
      esc_str_printf(out, ",\"%s\":", esc_level_name((esc_level)l));
      verdict_json(v, o->detail, out);
    }
    esc_str_printf(out, ",\"avoided\":%s", av ? "true" : "false");
    if (av && s->v[ESC_WHOLE].avoided_by) {
      esc_str_printf(out, ",\"avoided_by\":");
      esc_str_json(out, s->v[ESC_WHOLE].avoided_by);
    }
    esc_str_printf(out, "}");
    avoided_n += av;
    if (s->kind == ESC_SITE_STACK)
      stack++;
    else if (s->kind == ESC_SITE_POOL)
      pool++;
    else
      by_found[s->found_by]++;
  }
  const esc_stats *st = &R->stats;
  int resolved = st->indirect_calls - st->unknown;
  esc_str_printf(out,
                 "\n ],\n \"summary\":{\"sites\":%d,\"heap\":{\"direct\":%d,"
                 "\"wrapper\":%d,\"whole_program\":%d},\"stack\":%d,"
                 "\"pool\":%d,"
                 "\"escaping\":{\"intraprocedural\":%d,\"conservative\":%d,"
                 "\"whole_program\":%d},\"avoided\":%d},\n",
                 nsites, by_found[0], by_found[1], by_found[2], stack, pool,
                 esc[0],
                 esc[1], esc[2], avoided_n);
  esc_str_printf(out, " \"indirect_calls\":{\"total\":%d,\"resolved_by\":{",
                 st->indirect_calls);
  for (int e = 0; e < ESC_EVIDENCE_COUNT; e++)
    esc_str_printf(out, "%s\"%s\":%d", e ? "," : "",
                   esc_evidence_name((esc_evidence)e), st->resolved_by[e]);
  esc_str_printf(out,
                 "},\"unknown\":%d,\"avg_targets\":%.3f,"
                 "\"indirect_allocation_sites\":%d},\n",
                 st->unknown,
                 resolved ? (double)st->targets_total / resolved : 0.0,
                 st->indirect_alloc_sites);
  call_list_json(R, o, out);
  const char *const *as = esc_assumptions(o);
  esc_str_printf(out, " \"assumptions\":[");
  for (int i = 0; as[i]; i++) {
    esc_str_printf(out, "%s", i ? "," : "");
    esc_str_json(out, as[i]); /* model:FILE names a file */
  }
  esc_pta_stats ps;
  esc_typeset_pta_stats(R->ts, &ps);
  esc_str_printf(out,
                 "],\n \"resolution\":{\"engine\":\"%s\",\"objects\":%d,"
                 "\"locations\":%d,\"exposed\":%d,\"merged\":%d,"
                 "\"grouped\":%d,\"steps\":%llu,\"over_budget\":%s},\n",
                 engine_name(o), ps.objects, ps.locations, ps.exposed,
                 ps.merged, ps.grouped,
                 (unsigned long long)ps.steps,
                 ps.over_budget ? "true" : "false");
  esc_str_printf(out, " \"analysis_seconds\":%.6f}\n", R->seconds);
}

/* "... at FILE:LINE:COL" at the end of a flow step: its location. */
int esc_flow_step_location(const char *step, size_t n, char *file, size_t fn,
                         unsigned *line, unsigned *col) {
  const char *at = NULL;
  for (const char *p = step; p + 4 <= step + n; p++)
    if (!strncmp(p, " at ", 4))
      at = p + 4;
  if (!at)
    return 0;
  size_t len = (size_t)(step + n - at);
  char buf[1024];
  if (len >= sizeof buf)
    return 0;
  memcpy(buf, at, len);
  buf[len] = 0;
  char *c2 = strrchr(buf, ':');
  if (!c2)
    return 0;
  *c2 = 0;
  char *c1 = strrchr(buf, ':');
  if (!c1)
    return 0;
  *c1 = 0;
  char *e1, *e2;
  unsigned long l = strtoul(c1 + 1, &e1, 10), c = strtoul(c2 + 1, &e2, 10);
  if (*e1 || (*e2 && *e2 != ',' && *e2 != ' ') || !l || !buf[0])
    return 0;
  snprintf(file, fn, "%s", buf);
  *line = (unsigned)l;
  *col = (unsigned)c;
  return 1;
}

int esc_format_parse(const char *name, esc_format *out) {
  static const struct {
    const char *name;
    esc_format f;
  } formats[] = {{"text", ESC_FMT_TEXT},
                 {"json", ESC_FMT_JSON},
                 {"sarif", ESC_FMT_SARIF},
                 {"lsp", ESC_FMT_LSP}};
  for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
    if (!strcmp(name, formats[i].name)) {
      *out = formats[i].f;
      return 1;
    }
  return 0;
}

int esc_report(const esc_result *R_, const esc_options *o, FILE *f) {
  esc_result *R = (esc_result *)R_;
  esc_str out = {0};
  if (o->format == ESC_FMT_JSON)
    report_json(R, o, &out);
  else if (o->format == ESC_FMT_SARIF)
    esc_report_sarif(R, o, &out);
  else if (o->format == ESC_FMT_LSP)
    esc_report_lsp(R, o, &out);
  else
    report_text(R, o, &out);
  int rc = 0;
  if (out.len && fwrite(out.s, 1, out.len, f) != out.len)
    rc = -1;
  if (fflush(f) != 0)
    rc = -1;
  esc_str_free(&out);
  return rc;
}
