/*
 * esc_summary.c: comparing summaries (for the SCC fixpoint) and printing
 * them the way Go's -m prints its leak lattice:
 *   leaking param: p                       p itself reaches the heap
 *   leaking param content: p               something p points to does
 *   leaking param: p to result ~r0 level=0 p is returned (level = derefs)
 *   leaking param: p to *q level=0         p is stored where q points
 *   leaking param: p to fresh result object level=0
 *   leaking param: f to callee             f is called
 *   p does not escape
 */
#include "esc_analysis.h"

#include <string.h>

int esc_summary_equal(const esc_summary *a, const esc_summary *b) {
  if (a->top != b->top || a->nedges != b->nedges || a->nfresh != b->nfresh ||
      a->wrapper != b->wrapper || a->wrapper_out != b->wrapper_out ||
      a->wrapper_size_arg != b->wrapper_size_arg ||
      a->wrapper_bytes != b->wrapper_bytes ||
      a->called_params != b->called_params)
    return 0;
  if (a->nedges &&
      memcmp(a->edges, b->edges, sizeof(esc_sum_edge) * (size_t)a->nedges))
    return 0;
  for (int i = 0; i < a->nfresh; i++)
    if (a->fresh[i].origin_site != b->fresh[i].origin_site)
      return 0;
  return 1;
}

static int has_edge(const esc_summary *S, int sk, int si, int dk, int di) {
  for (int i = 0; i < S->nedges; i++) {
    const esc_sum_edge *e = &S->edges[i];
    if (e->src_kind == sk && e->src_idx == si && e->dst_kind == dk &&
        (di < 0 || e->dst_idx == di))
      return 1;
  }
  return 0;
}

void esc_summary_text(const esc_result *R_, int fidx, esc_level level,
                      esc_str *out) {
  esc_result *R = (esc_result *)R_;
  const esc_func *F = &R->funcs.data[fidx];
  const esc_summary *S = &F->sum[level];
  if (!S->done)
    return;
  if (S->top) {
    esc_str_printf(out, "every param of %s leaks (%s)\n", F->display,
                   S->top_reason ? S->top_reason : "unknown");
    return;
  }
  for (int j = 0; j < F->nparams; j++) {
    LLVMValueRef p = LLVMGetParam(F->fn, (unsigned)j);
    if (LLVMGetTypeKind(LLVMTypeOf(p)) != LLVMPointerTypeKind)
      continue;
    const char *name = esc_param_name(&R->names, &R->arena, F->fn, (unsigned)j);
    int any = 0;
    if (has_edge(S, ESC_B_P1, j, ESC_B_ESC, -1)) {
      esc_str_printf(out, "leaking param: %s\n", name);
      any = 1;
    } else if (has_edge(S, ESC_B_PD, j, ESC_B_ESC, -1)) {
      esc_str_printf(out, "leaking param content: %s\n", name);
      any = 1;
    }
    for (int lvl = 0; lvl < 2; lvl++) {
      int sk = lvl ? ESC_B_PD : ESC_B_P1;
      if (has_edge(S, sk, j, ESC_B_RET, -1)) {
        esc_str_printf(out, "leaking param: %s to result ~r0 level=%d\n", name,
                       lvl);
        any = 1;
      }
      for (int k = 0; k < F->nparams; k++)
        for (int dl = 0; dl < 2; dl++)
          if (has_edge(S, sk, j, dl ? ESC_B_PD : ESC_B_P1, k)) {
            esc_str_printf(
                out, "leaking param: %s to %s%s level=%d\n", name,
                dl ? "**" : "*",
                esc_param_name(&R->names, &R->arena, F->fn, (unsigned)k), lvl);
            any = 1;
          }
      if (has_edge(S, sk, j, ESC_B_FRESH, -1)) {
        esc_str_printf(out, "leaking param: %s to fresh result object level=%d\n",
                       name, lvl);
        any = 1;
      }
    }
    if (j < 32 && (S->called_params & (1u << j))) {
      esc_str_printf(out, "leaking param: %s to callee\n", name);
      any = 1;
    }
    if (!any)
      esc_str_printf(out, "%s does not escape\n", name);
  }
  if (S->wrapper || S->wrapper_out) {
    esc_str_printf(out, "%s is an allocator wrapper", F->display);
    if (S->wrapper_out)
      esc_str_printf(out, " (through *%s)",
                     esc_param_name(&R->names, &R->arena, F->fn,
                                    (unsigned)S->wrapper_out - 1));
    if (S->wrapper_size_arg >= 0)
      esc_str_printf(out, " (size from %s)",
                     esc_param_name(&R->names, &R->arena, F->fn,
                                    (unsigned)S->wrapper_size_arg));
    esc_str_printf(out, "\n");
  }
}
