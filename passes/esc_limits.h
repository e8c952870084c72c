/*
 * esc_limits.h: every limit of the whole-program points-to analysis, with
 * what happens past it. None of them can make a verdict unsound: each one
 * either loses precision (offsets become "anywhere in the object") or turns
 * every indirect call into "unknown" (the conservative answer).
 */
#ifndef ESC_LIMITS_H
#define ESC_LIMITS_H

/* Offsets into one object that are told apart. Past it, a pointer into the
 * object points "anywhere in it" (loads read every field, stores write
 * every field). */
#define ESC_PTA_MAX_OFFSETS 256

/* Largest offset, in bytes, kept exactly; beyond it: anywhere in the object. */
#define ESC_PTA_MAX_OFFSET (1 << 20)

/* Propagation steps of the whole-program solve (--resolve-budget). Past it,
 * every indirect call is unknown, with reason "budget". */
#define ESC_PTA_BUDGET_DEFAULT 2000000000ull

#endif
