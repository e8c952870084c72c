/*
 * esc_limits.h: every limit of the analysis, with what it bounds and what
 * happens past it. Past a limit an answer is either the safe one (the
 * object escapes, the call is unknown, the value is not traced: every
 * caller then takes the conservative branch) or less precise (offsets
 * become "anywhere in the object", fewer context bindings); where a limit
 * only shortens an explanation, it says so. The few limits whose past
 * answer is not the conservative one say that too.
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

/* 8-byte granules one load, store or copy is told apart in. A larger
 * access, or one of unknown size, reads every granule of its object (or
 * writes its "anywhere" node, which flows into every granule). */
#define ESC_PTA_ACCESS_GRANULES 64

/* Bytes of a copy with a known size (memcpy, memmove, a struct copy)
 * moved granule by granule when both offsets are known. A larger copy
 * moves the whole source object into the whole destination (offsets
 * lost). */
#define ESC_PTA_COPY_EXACT_BYTES 512

/* Granules of one initializer element of a constant global written one
 * by one; a larger element is written at "anywhere" in the object. */
#define ESC_PTA_INIT_GRANULES 16

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

/* Symbolic links followed from an output path (-o), the kernel's own
 * limit. Past it, the last link reached is the path written. */
#define ESC_OUTPUT_LINK_HOPS 40

/* Nesting of arrays and objects in a JSON report read back by --diff
 * (reports nest 4 deep). Deeper input is rejected as not a report. */
#define ESC_JSON_MAX_DEPTH 64

/* Arguments a model line may name (indices 0 to 63): a higher index is a
 * model file error. */
#define ESC_MODEL_MAX_ARGS 64

/* Model files one run may name (--model): more is a usage error. */
#define ESC_MODEL_MAX_FILES 64

/* Words of one model file line; more is a model file error. */
#define ESC_MODEL_MAX_WORDS 16

/* Length of one model file line; a longer line is a model file error. */
#define ESC_MODEL_MAX_LINE 4096

/* ---- the escape graph of one function (esc_solver, esc_build) ---- */

/* Propagation steps of one function graph's solve (--budget). Past it,
 * every site of the function escapes with reason "budget" and its summary
 * is "every argument escapes". */
#define ESC_SOLVE_BUDGET_DEFAULT (50ull * 1000 * 1000)

/* Rounds of the frame rule (a stack object the caller can reach escapes,
 * then the graph is solved again). Past it: as past the solve budget. */
#define ESC_FRAME_ROUNDS 64

/* Copy edges of a node searched in its successor list before a hash set
 * of edges takes over (a speed trade, not a limit: answers are the same). */
#define ESC_GRAPH_SCAN_SUCC 16

/* Slots of the copy-edge set an emptied graph keeps for the next one
 * (esc_graph_clear); a larger set is freed (memory, not answers). */
#define ESC_GRAPH_KEEP_EDGE_SLOTS (1u << 16)

/* Nesting of a constant searched for a global's address (a constant
 * expression or aggregate operand). Deeper operands are not searched: the
 * constant is taken to mention one (HEAP). */
#define ESC_CONST_GLOBAL_DEPTH 8

/* Steps of the -m=2 flow of one escaping object, from the allocation to
 * the escape. Longer flows print their last steps only; the verdict and
 * its reason do not depend on it. */
#define ESC_FLOW_MAX_STEPS 64

/* ---- summaries and the driver (esc_analysis, esc_summary) ---- */

/* Rounds of one recursive SCC of the call graph until its summaries stop
 * changing. Past it, its summaries become "every argument escapes" (reason
 * budget) and its functions are judged once more. */
#define ESC_SCC_ROUNDS_DEFAULT 24

/* Parameters a summary's 32-bit sets (called parameters, freed parameters)
 * tell apart. A parameter past it is never a deallocated or called one:
 * a call through it or a free of it is judged as any other use (the block
 * escapes, no deallocator is named). */
#define ESC_SUMMARY_MAX_PARAMS 32

/* Casts, constant GEPs and -O0 spill slots looked through to find the
 * parameter a freed pointer comes from. Past it: no parameter, so the
 * function is no deallocator of it. */
#define ESC_FREED_PARAM_HOPS 16

/* Casts of a pool handle followed to see that every use is a pool call of
 * the model. More casts: the pool is not seen as made, used and destroyed
 * in the frame, and its blocks escape (reason pool). */
#define ESC_POOL_MAX_CASTS 15

/* Destroy calls of one pool looked at, to see that every way out of the
 * frame passes one (pool_destroyed_here). More: the pool may outlive the
 * frame (its blocks escape). */
#define ESC_POOL_MAX_DESTROYS 16

/* ---- context-specialised summaries (esc_context, esc_specialise) ---- */

/* Specialised summaries kept per callee. Past it, a call with a new
 * binding uses the callee's general summary. */
#define ESC_CONTEXT_BUDGET_DEFAULT 32

/* Dereferences of an access path from a parameter to a callee
 * (s->ops->write is 2). A longer path: the call is not decided by context
 * (general resolution). */
#define ESC_CTX_MAX_PATH 4

/* Nesting of values traced back (esc_ctx_trace_callee) or evaluated on the
 * caller's side (esc_ctx_eval). Past it: not decided by context. */
#define ESC_CTX_MAX_DEPTH 8

/* Writes into one caller's local (and GEPs of its address) that context
 * evaluation places. More: what the local holds is not known, and the
 * call is not decided by context. */
#define ESC_CTX_MAX_WRITES 64

/* Functions one context evaluation may name. More: not decided by context. */
#define ESC_CTX_MAX_FNS 64

/* ---- IR helpers (esc_ir, esc_sites, esc_libc, esc_loc) ---- */

/* GEPs and casts stripped from a pointer to find its base (esc_strip).
 * Past it, the value reached so far is the base: a value of its own, which
 * no caller takes for an allocation or a global. */
#define ESC_IR_STRIP_HOPS 64

/* Constant GEPs and casts summed into a base and offset (esc_base_offset).
 * Past it the offset is relative to the value reached so far, which is the
 * answer's base (still exact, just a less useful base). */
#define ESC_IR_OFFSET_HOPS 16

/* Aliases and constant casts looked through to find a function
 * (esc_function_of). Past it: not a function (an unknown callee). */
#define ESC_IR_FUNCTION_HOPS 16

/* Values an ifunc's resolver may return, followed through phis, selects
 * and casts, and functions named among them (esc_ifunc_targets). Past it:
 * the ifunc may be any function (an unknown callee). */
#define ESC_IR_IFUNC_VALUES 64

/* Nesting of struct fields in one field path (esc_field_path, the
 * constant at an offset). Deeper: no field (the constant is not read). */
#define ESC_IR_FIELD_PATH 16

/* -O0 spill slots looked through to trace a value to a parameter
 * (esc_trace_to_arg). Past it: not a parameter. */
#define ESC_IR_ARG_DEPTH 4

/* Operands followed to decide whether an integer's bits are tracked by the
 * flow graphs (esc_int_untracked). Past it: untracked (it may be any
 * address). */
#define ESC_IR_INT_DEPTH 6

/* Single-store -O0 slots looked through for the root of an address
 * (address_root). Past it, the load itself is the root. */
#define ESC_IR_ROOT_DEPTH 8

/* Uses followed to decide whether an integer's bits are only moved
 * (esc_bits_only_moved). Past it: not only moved (the address escapes). */
#define ESC_IR_MOVED_DEPTH 4

/* Casts and GEPs looked through from an alloca to decide whether its
 * address is taken (esc_sites). Past it: taken (an address-taken local,
 * judged as a stack site). */
#define ESC_SITES_USE_DEPTH 16

/* Constant GEPs and casts looked through to a constant string (a format,
 * esc_libc). Past it: not a constant (a format read as "anything"). */
#define ESC_LIBC_STRING_HOPS 8

/* Operands of a variable's debug-info expression read for its name
 * (esc_loc). More: the variable has no name from it. */
#define ESC_LOC_MAX_DI_OPS 8

/* ---- type facts and type-based resolution (esc_typefacts, esc_typeset) ---- */

/* Keys ("struct@offset") one access gets, one per enclosing struct level.
 * Past it the outer levels get no key: a fact stored through such an
 * outer path is not found through it (--assume-typed only). */
#define ESC_TF_MAX_KEYS 8

/* Nesting of arrays and structs decomposed into keys (and of arrays
 * normalised to their first element). Deeper: no more keys. */
#define ESC_TF_TYPE_DEPTH 8
#define ESC_TF_NORM_DEPTH 16

/* GEPs followed back from an access for its struct levels, and the struct
 * levels of one GEP. Past either: no more keys. */
#define ESC_TF_GEP_DEPTH 8
#define ESC_TF_GEP_LEVELS 16

/* Operands of a TBAA access tag's base type read. More: no key from TBAA. */
#define ESC_TF_TBAA_OPS 256

/* Nesting of a global initializer searched for functions at struct
 * positions. Deeper: those functions get no key (--assume-typed only). */
#define ESC_TF_INIT_DEPTH 12

/* Elements of one array in a global initializer searched for functions.
 * Later elements are not searched (--assume-typed only: a function stored
 * only there is not found under the array's keys). */
#define ESC_TF_INIT_ELEMENTS 4096

/* Keys of one access read back (!escapade.slot). More are not read. */
#define ESC_TS_MAX_KEYS 16

/* Keys of one access whose memory nodes it reads or writes in the
 * type-based solve; later keys are not used (--assume-typed only). Its
 * node buffer holds them, the object's own node and the unknown node. */
#define ESC_TS_ACCESS_KEYS 8
#define ESC_TS_ACCESS_NODES (ESC_TS_ACCESS_KEYS + 2)

/* Uses followed to decide whether a global's address goes anywhere but
 * loads and stores. Past it: it does (untyped memory may write it). */
#define ESC_TS_ADDRESS_DEPTH 8

/* Nesting of a constant searched for every function it mentions. Deeper:
 * not searched. */
#define ESC_TS_INIT_DEPTH 16

/* Nesting of a type searched for a pointer. Deeper: no pointer. */
#define ESC_TS_TYPE_DEPTH 8

/* Rounds of the type-based resolver's solve (new exposed memory each
 * round) and its propagation steps. Past either, every indirect call is
 * unknown, reason budget. */
#define ESC_TS_ROUNDS 16
#define ESC_TS_BUDGET (200ull * 1000 * 1000)

/* GEPs from a load's address to its field, for a vtable-slot call. Past
 * it: not a vtable call (type-based resolution of the call). */
#define ESC_TS_VTABLE_HOPS 8

/* Values traced to name the evidence of a resolution. Past it: signature.
 * Only the evidence named in the report depends on it. */
#define ESC_TS_EVIDENCE_DEPTH 4

/* Steps of the "where unknown came from" chain (--explain-unknown). Longer
 * chains print their first steps; no verdict depends on it. */
#define ESC_TS_EXPLAIN_STEPS 24

/* ---- the run-time check (esc_check) ---- */

/* AddressSanitizer's largest fake frame (its kMaxStackMallocSize) and the
 * redzone counted per local: a frame laid out larger gets no fake stack,
 * so its locals are not checked after it returns (counted as not
 * checkable). */
#define ESC_CHECK_FAKE_FRAME_MAX (64 * 1024)
#define ESC_CHECK_REDZONE_BYTES 32

/* ---- heap-to-stack (esc_h2s) ---- */

/* The largest block size --max-stack-bytes (and the plugin's
 * -escapade-max-stack-bytes) accepts. More is refused as a usage error: a
 * frame that large overflows a thread's stack. */
#define ESC_H2S_MAX_STACK_BYTES (1 << 20)

#endif
