/*
 * esc_solver.h: the escape graph of one function and its solver.
 *
 * The graph is an inclusion-constraint (Andersen-style) points-to graph over
 * abstract objects, read the way Go's escape analysis reads its location
 * graph: a node holds the set of objects whose address it may carry, and an
 * object escapes when it reaches the escape node.
 *
 * - A node is an SSA value, a call's return slot, or the contents of an
 *   object (every object has one content node; field-insensitive).
 * - Object 0 is HEAP: memory the function does not own (globals, anything
 *   reached from outside). Its content node is ESC (node 0): an object that
 *   enters ESC escapes. HEAP is in ESC from the start.
 * - Constraints: base (obj in node), copy (node -> node), load (dst gets the
 *   contents of every object ptr may point to) and store (the contents of every
 *   object ptr may point to get src).
 * - Escape closure: when an object enters ESC, its contents flow to ESC and
 *   its content node gets HEAP (unknown code may write it).
 *
 * Every constraint carries a reason (esc_why) so that a verdict can be
 * explained step by step (the first way an object reached each node is kept).
 *
 * The solver has a budget of propagation steps; past it esc_graph_solve
 * returns ESC_SOLVE_BUDGET and the caller must treat the answer as "escapes".
 *
 * Ownership: esc_graph_new() returns a graph the caller frees with
 * esc_graph_free(); every pointer inside (why.detail, why.inst) is borrowed
 * and must outlive the graph.
 */
#ifndef ESC_SOLVER_H
#define ESC_SOLVER_H

#include "esc_util.h"

#include <stdint.h>

typedef enum esc_why_kind {
  ESC_WHY_NONE = 0,
  ESC_WHY_ALLOC,       /* the allocation itself */
  ESC_WHY_PARAM,       /* a parameter's incoming value */
  ESC_WHY_COPY,        /* gep, cast, phi, select, arithmetic */
  ESC_WHY_LOAD,        /* loaded from memory */
  ESC_WHY_STORE,       /* stored to memory */
  ESC_WHY_MEMCPY,      /* memory copied */
  ESC_WHY_RETURN,      /* returned from the function */
  ESC_WHY_GLOBAL,      /* address of a global */
  ESC_WHY_CALL_ARG,    /* argument flows per the callee's summary */
  ESC_WHY_CALL_RESULT, /* returned by a call */
  ESC_WHY_UNKNOWN_CALL,  /* passed to a function we cannot see */
  ESC_WHY_INDIRECT_CALL, /* passed to an unresolved indirect call */
  ESC_WHY_PTRTOINT,
  ESC_WHY_NUMBER,  /* bits loaded as a number and computed with */
  ESC_WHY_INTTOPTR,
  ESC_WHY_ASM,
  ESC_WHY_THREAD,
  ESC_WHY_LONGJMP,
  ESC_WHY_VARARG,
  ESC_WHY_CLOSURE, /* contents of an object that escapes */
  ESC_WHY_BUDGET,
  ESC_WHY_WRAPPER_RESULT, /* allocated by a call the level cannot see into */
  ESC_WHY_RESOLVED_CALL,  /* argument escapes in a resolved indirect target */
  ESC_WHY_OUTPUT, /* written out of the program (write, printf, send) */
  ESC_WHY_INPUT,  /* bytes read from outside (read, scanf, recv) */
  ESC_WHY_MODEL,  /* kept by a function the user's model says keeps it */
  ESC_WHY_POOL,   /* from a pool that outlives the frame (aux: pool arg) */
} esc_why_kind;

typedef struct esc_why {
  esc_why_kind kind;
  int aux;            /* parameter index, object id; meaning per kind */
  const void *inst;   /* the instruction (LLVMValueRef) or NULL */
  const char *detail; /* callee or global name, or NULL */
} esc_why;

enum { ESC_HEAP_OBJ = 0, ESC_ESC_NODE = 0 };

typedef enum esc_solve_status {
  ESC_SOLVE_OK = 0,
  ESC_SOLVE_BUDGET = 1,
} esc_solve_status;

typedef struct esc_graph esc_graph;

esc_graph *esc_graph_new(void);
/* Keep no provenance (esc_graph_prov then answers 0): for graphs whose
 * answers need no explanation. */
void esc_graph_no_provenance(esc_graph *g);
void esc_graph_free(esc_graph *g);
/* Empties g into the state esc_graph_new() returns, keeping its buffers
 * for the next graph built in it (one function's graph after another). */
void esc_graph_clear(esc_graph *g);

int esc_graph_node(esc_graph *g);
/* A new object, with a content node of its own. */
int esc_graph_object(esc_graph *g);
int esc_graph_content(const esc_graph *g, int obj);
int esc_graph_num_objects(const esc_graph *g);

/* Constraints naming node -1 (a value that carries no address) are ignored. */
void esc_graph_base(esc_graph *g, int node, int obj, esc_why why);
void esc_graph_copy(esc_graph *g, int src, int dst, esc_why why);
void esc_graph_load(esc_graph *g, int ptr, int dst, esc_why why);
void esc_graph_store(esc_graph *g, int ptr, int src, esc_why why);

esc_solve_status esc_graph_solve(esc_graph *g, uint64_t budget);

const esc_bits *esc_graph_pts(const esc_graph *g, int node);
/* Is there a path of one or more copy edges (stores, copies, loads'
 * results, calls' summaries) from node `from` to node `to`, not through
 * ESC (what escapes, unknown code may hand anywhere: that is the escape,
 * not a flow)? */
int esc_graph_reaches(const esc_graph *g, int from, int to);
/* Does obj reach `node` along an edge (a store, copy, load's result or
 * call's summary) from a node that holds it, `node` itself included (a
 * copy within the same memory)? An object placed by base constraints
 * alone does not. Edges from ESC do not count, as above. */
int esc_graph_flows_in(const esc_graph *g, int node, int obj);
int esc_graph_points_to(const esc_graph *g, int node, int obj);

/* How obj first reached node: *pred is the node it came from (-1 for a base
 * constraint) and *why the constraint's reason. Returns 0 when obj never
 * reached node. */
int esc_graph_prov(esc_graph *g, int node, int obj, int *pred, esc_why *why);

#endif
