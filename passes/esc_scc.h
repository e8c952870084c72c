/*
 * esc_scc.h: strongly connected components of a graph given as adjacency
 * lists (Tarjan's algorithm, iterative so deep call chains cannot overflow
 * the stack).
 *
 * The components come out in reverse topological order: every component is
 * listed after all components it can reach. For a call graph (edge = calls)
 * that is bottom-up order: callees before callers.
 */
#ifndef ESC_SCC_H
#define ESC_SCC_H

typedef struct esc_scc_result {
  int ncomps;
  int *comp_of;    /* node -> component index (malloc'd, n entries) */
  int *members;    /* nodes grouped by component (malloc'd, n entries) */
  int *comp_start; /* component c is members[comp_start[c]..comp_start[c+1]) */
} esc_scc_result;

/* adj_start has n+1 entries; the successors of v are
 * adj[adj_start[v] .. adj_start[v+1]). The caller frees the result with
 * esc_scc_free(). */
void esc_scc_compute(int n, const int *adj_start, const int *adj,
                     esc_scc_result *out);
void esc_scc_free(esc_scc_result *r);

#endif
