/* esc_scc.c: iterative Tarjan SCC (see esc_scc.h). */
#include "esc_scc.h"

#include "esc_util.h"

#include <stdlib.h>

void esc_scc_compute(int n, const int *adj_start, const int *adj,
                     esc_scc_result *out) {
  int *index = esc_xmalloc(sizeof(int) * (size_t)(n ? n : 1));
  int *low = esc_xmalloc(sizeof(int) * (size_t)(n ? n : 1));
  int *onstack = esc_xcalloc((size_t)(n ? n : 1), sizeof(int));
  int *stack = esc_xmalloc(sizeof(int) * (size_t)(n ? n : 1));
  int *call_v = esc_xmalloc(sizeof(int) * (size_t)(n ? n : 1));
  int *call_e = esc_xmalloc(sizeof(int) * (size_t)(n ? n : 1));
  out->comp_of = esc_xmalloc(sizeof(int) * (size_t)(n ? n : 1));
  out->members = esc_xmalloc(sizeof(int) * (size_t)(n ? n : 1));
  out->comp_start = esc_xmalloc(sizeof(int) * (size_t)(n + 1));
  out->ncomps = 0;
  int sp = 0, next_index = 0, nmembers = 0;
  for (int v = 0; v < n; v++)
    index[v] = -1;

  for (int root = 0; root < n; root++) {
    if (index[root] >= 0)
      continue;
    int depth = 0;
    call_v[0] = root;
    call_e[0] = adj_start[root];
    index[root] = low[root] = next_index++;
    stack[sp++] = root;
    onstack[root] = 1;
    while (depth >= 0) {
      int v = call_v[depth];
      if (call_e[depth] < adj_start[v + 1]) {
        int w = adj[call_e[depth]++];
        if (index[w] < 0) {
          index[w] = low[w] = next_index++;
          stack[sp++] = w;
          onstack[w] = 1;
          depth++;
          call_v[depth] = w;
          call_e[depth] = adj_start[w];
        } else if (onstack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      if (low[v] == index[v]) {
        out->comp_start[out->ncomps] = nmembers;
        int w;
        do {
          w = stack[--sp];
          onstack[w] = 0;
          out->comp_of[w] = out->ncomps;
          out->members[nmembers++] = w;
        } while (w != v);
        out->ncomps++;
      }
      depth--;
      if (depth >= 0) {
        int u = call_v[depth];
        if (low[v] < low[u])
          low[u] = low[v];
      }
    }
  }
  out->comp_start[out->ncomps] = nmembers;
  free(index);
  free(low);
  free(onstack);
  free(stack);
  free(call_v);
  free(call_e);
}

void esc_scc_free(esc_scc_result *r) {
  free(r->comp_of);
  free(r->members);
  free(r->comp_start);
  r->comp_of = r->members = r->comp_start = NULL;
  r->ncomps = 0;
}
