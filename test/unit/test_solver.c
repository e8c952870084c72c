/* Unit tests for the escape graph and its solver (esc_solver.h): each test
 * is a tiny program written directly as constraints. */
#include "esc_solver.h"

#include <criterion/criterion.h>

static esc_why W(esc_why_kind k) { return (esc_why){k, 0, NULL, NULL}; }

/* p = &o; *global = p  => o escapes */
Test(solver, store_to_heap_escapes) {
  esc_graph *g = esc_graph_new();
  int o = esc_graph_object(g);
  int p = esc_graph_node(g), glob = esc_graph_node(g);
  esc_graph_base(g, p, o, W(ESC_WHY_ALLOC));
  esc_graph_base(g, glob, ESC_HEAP_OBJ, W(ESC_WHY_GLOBAL));
  esc_graph_store(g, glob, p, W(ESC_WHY_STORE));
  cr_assert_eq(esc_graph_solve(g, 1000000), ESC_SOLVE_OK);
  cr_assert(esc_graph_points_to(g, ESC_ESC_NODE, o));
  int pred;
  esc_why why;
  cr_assert(esc_graph_prov(g, ESC_ESC_NODE, o, &pred, &why));
  cr_assert_eq(why.kind, ESC_WHY_STORE);
  esc_graph_free(g);
}

/* a = &A; b = &B; *a = b; c = *a  => c points to B, nothing escapes */
Test(solver, load_store_through_local) {
  esc_graph *g = esc_graph_new();
  int A = esc_graph_object(g), B = esc_graph_object(g);
  int a = esc_graph_node(g), b = esc_graph_node(g), c = esc_graph_node(g);
  esc_graph_base(g, a, A, W(ESC_WHY_ALLOC));
  esc_graph_base(g, b, B, W(ESC_WHY_ALLOC));
  esc_graph_store(g, a, b, W(ESC_WHY_STORE));
  esc_graph_load(g, a, c, W(ESC_WHY_LOAD));
  cr_assert_eq(esc_graph_solve(g, 1000000), ESC_SOLVE_OK);
  cr_assert(esc_graph_points_to(g, c, B));
  cr_assert(!esc_graph_points_to(g, c, A));
  cr_assert(!esc_graph_points_to(g, ESC_ESC_NODE, A));
  cr_assert(!esc_graph_points_to(g, ESC_ESC_NODE, B));
  esc_graph_free(g);
}

/* A escapes, B is stored in A  => B escapes (closure), and loads from A
 * see unknown memory (HEAP). */
Test(solver, contents_of_escaping_object_escape) {
  esc_graph *g = esc_graph_new();
  int A = esc_graph_object(g), B = esc_graph_object(g);
  int a = esc_graph_node(g), b = esc_graph_node(g), l = esc_graph_node(g);
  esc_graph_base(g, a, A, W(ESC_WHY_ALLOC));
  esc_graph_base(g, b, B, W(ESC_WHY_ALLOC));
  esc_graph_store(g, a, b, W(ESC_WHY_STORE));
  esc_graph_copy(g, a, ESC_ESC_NODE, W(ESC_WHY_UNKNOWN_CALL));
  esc_graph_load(g, a, l, W(ESC_WHY_LOAD));
  cr_assert_eq(esc_graph_solve(g, 1000000), ESC_SOLVE_OK);
  cr_assert(esc_graph_points_to(g, ESC_ESC_NODE, B));
  cr_assert(esc_graph_points_to(g, l, ESC_HEAP_OBJ));
  int pred;
  esc_why why;
  cr_assert(esc_graph_prov(g, ESC_ESC_NODE, B, &pred, &why));
  cr_assert_eq(why.kind, ESC_WHY_CLOSURE);
  cr_assert_eq(why.aux, A);
  esc_graph_free(g);
}

/* Storing through a pointer loaded from the heap sends the value to ESC. */
Test(solver, store_through_unknown_pointer) {
  esc_graph *g = esc_graph_new();
  int O = esc_graph_object(g);
  int glob = esc_graph_node(g), q = esc_graph_node(g), v = esc_graph_node(g);
  esc_graph_base(g, glob, ESC_HEAP_OBJ, W(ESC_WHY_GLOBAL));
  esc_graph_load(g, glob, q, W(ESC_WHY_LOAD));
  esc_graph_base(g, v, O, W(ESC_WHY_ALLOC));
  esc_graph_store(g, q, v, W(ESC_WHY_STORE));
  cr_assert_eq(esc_graph_solve(g, 1000000), ESC_SOLVE_OK);
  cr_assert(esc_graph_points_to(g, ESC_ESC_NODE, O));
  esc_graph_free(g);
}

/* A cycle of copies settles; a tiny budget reports BUDGET. */
Test(solver, cycles_settle_and_budget_is_reported) {
  esc_graph *g = esc_graph_new();
  int O = esc_graph_object(g);
  int n[50];
  for (int i = 0; i < 50; i++)
    n[i] = esc_graph_node(g);
  for (int i = 0; i < 50; i++)
    esc_graph_copy(g, n[i], n[(i + 1) % 50], W(ESC_WHY_COPY));
  esc_graph_base(g, n[0], O, W(ESC_WHY_ALLOC));
  cr_assert_eq(esc_graph_solve(g, 1000000), ESC_SOLVE_OK);
  for (int i = 0; i < 50; i++)
    cr_assert(esc_graph_points_to(g, n[i], O));
  esc_graph_free(g);

  g = esc_graph_new();
  O = esc_graph_object(g);
  for (int i = 0; i < 50; i++)
    n[i] = esc_graph_node(g);
  for (int i = 0; i < 49; i++)
    esc_graph_load(g, n[i], n[i + 1], W(ESC_WHY_LOAD));
  esc_graph_base(g, n[0], O, W(ESC_WHY_ALLOC));
  esc_graph_store(g, n[0], n[0], W(ESC_WHY_STORE));
  cr_assert_eq(esc_graph_solve(g, 3), ESC_SOLVE_BUDGET);
  esc_graph_free(g);
}

/* The provenance chain leads back to the allocation. */
Test(solver, provenance_chain) {
  esc_graph *g = esc_graph_new();
  int O = esc_graph_object(g);
  int a = esc_graph_node(g), b = esc_graph_node(g);
  esc_graph_base(g, a, O, W(ESC_WHY_ALLOC));
  esc_graph_copy(g, a, b, W(ESC_WHY_COPY));
  esc_graph_copy(g, b, ESC_ESC_NODE, W(ESC_WHY_RETURN));
  cr_assert_eq(esc_graph_solve(g, 1000), ESC_SOLVE_OK);
  int pred;
  esc_why w;
  cr_assert(esc_graph_prov(g, ESC_ESC_NODE, O, &pred, &w));
  cr_assert_eq(pred, b);
  cr_assert(esc_graph_prov(g, b, O, &pred, &w));
  cr_assert_eq(pred, a);
  cr_assert_eq(w.kind, ESC_WHY_COPY);
  cr_assert(esc_graph_prov(g, a, O, &pred, &w));
  cr_assert_eq(pred, -1);
  cr_assert_eq(w.kind, ESC_WHY_ALLOC);
  esc_graph_free(g);
}
