/*
 * esc_limits.h: every limit of the whole-program points-to analysis, with
 * what happens past it. None of them can make a verdict unsound: each one
 * either loses precision (offsets become "anywhere in the object") or turns
 * every indirect call into "unknown" (the conservative answer).
 */
#ifndef ESC_LIMITS_H
#define ESC_LIMITS_H

/* Offsets into one object that are told apart (at most 255: a location
 * id is object * 256 + offset index). Past it, a pointer into the
 * object points "anywhere in it" (loads read every field, stores write
 * every field). */
#define ESC_PTA_MAX_OFFSETS 255

/* Offsets of one object a points-to set holds before it points anywhere
 * in that object (a pointer that may be at many places of an object is
 * not worth telling apart; it keeps the solve fast). */
#define ESC_PTA_SMEAR_AT 8

/* Propagation steps between two searches for cycles of copy edges (whose
 * nodes are then merged: they hold the same set): at least
 * ESC_PTA_COLLAPSE_EVERY, and ESC_PTA_COLLAPSE_FACTOR steps per node and
 * copy edge of the graph, so that a search (linear in the graph) costs a
 * fixed share of the solve. Only speed depends on them. */
#define ESC_PTA_COLLAPSE_EVERY 100000ull
#define ESC_PTA_COLLAPSE_FACTOR 2ull

/* Objects of memory one points-to set may point into before they are
 * merged into one object (contents shared, offsets lost): a pointer that
 * may be one of many objects is not worth telling them apart, and sets
 * stay small. Functions keep their identity. */
#define ESC_PTA_MERGE_AT 32

/* Functions one points-to set may hold before they are grouped: a call
 * reaching the group reaches every member (a set of many functions is
 * kept as one location). */
#define ESC_PTA_MERGE_FUNCTIONS 16

/* Nesting of a constant (a global's initializer, a constant expression)
 * read field by field. Deeper parts: every function and global they
 * mention may be anywhere in the object (or value) they are part of. */
#define ESC_PTA_CONST_DEPTH 64

/* Pairs of a destination and a source location one copy (memcpy, an
 * aggregate load and store) handles one by one, field by field. The pairs
 * grow as the product of the two points-to sets; past it, the copy sends
 * the contents of every source object, anywhere, to every destination
 * object, anywhere (offsets lost, linear in the sets). */
#define ESC_PTA_MEMCPY_PAIRS 16384ull

/* Largest offset, in bytes, kept exactly; beyond it: anywhere in the object. */
#define ESC_PTA_MAX_OFFSET (1 << 20)

/* Propagation steps of the whole-program solve (--resolve-budget). Past it,
 * every indirect call is unknown, with reason "budget". */
#define ESC_PTA_BUDGET_DEFAULT 2000000000ull

/* Nesting of arrays and objects in a JSON report read back by --diff
 * (reports nest 4 deep). Deeper input is rejected as not a report. */
#define ESC_JSON_MAX_DEPTH 64

/* Arguments a model line may name (indices 0 to 63): a higher index is a
 * model file error. */
#define ESC_MODEL_MAX_ARGS 64

/* Model files one run may name (--model): more is a usage error. */
#define ESC_MODEL_MAX_FILES 64

/* Length of one model file line; a longer line is a model file error. */
#define ESC_MODEL_MAX_LINE 4096

#endif
