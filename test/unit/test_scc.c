/* Unit tests for the SCC computation (esc_scc.h). */
#include "esc_scc.h"

#include <criterion/criterion.h>

/* 0 -> 1 -> 2 -> 1, 2 -> 3, 4 alone */
Test(scc, components_in_bottom_up_order) {
  int start[] = {0, 1, 2, 4, 4, 4};
  int adj[] = {1, 2, 1, 3};
  esc_scc_result r;
  esc_scc_compute(5, start, adj, &r);
  cr_assert_eq(r.ncomps, 4);
  cr_assert_eq(r.comp_of[1], r.comp_of[2]);
  cr_assert_neq(r.comp_of[0], r.comp_of[1]);
  /* callees first: 3 before {1,2} before 0 */
  cr_assert_lt(r.comp_of[3], r.comp_of[1]);
  cr_assert_lt(r.comp_of[1], r.comp_of[0]);
  esc_scc_free(&r);
}

/* A long chain does not overflow the stack (iterative Tarjan). */
Test(scc, deep_chain) {
  enum { N = 200000 };
  static int start[N + 1], adj[N];
  for (int i = 0; i < N; i++) {
    start[i] = i;
    adj[i] = i + 1 < N ? i + 1 : 0;
  }
  start[N] = N;
  esc_scc_result r;
  esc_scc_compute(N, start, adj, &r);
  cr_assert_eq(r.ncomps, 1); /* the chain closes into one cycle */
  esc_scc_free(&r);
}
