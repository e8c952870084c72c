/*
 * esc_compdb.h: the -p front end. The translation units of a
 * compile_commands.json are compiled in-process (esc_clang.h) on worker
 * threads and handed back one by one in database order, each parsed into
 * the caller's context, so that the caller records its type facts and
 * links it exactly as it would a bitcode file. The order, and so the
 * report, does not depend on the number of threads.
 *
 * Ownership: esc_compdb_open returns a handle the caller closes with
 * esc_compdb_close (which stops the workers); modules returned by
 * esc_compdb_next belong to the caller, names are borrowed from the
 * handle. Errors are one line in *err, freed by the caller with free().
 */
#ifndef ESC_COMPDB_H
#define ESC_COMPDB_H

#include <llvm-c/Core.h>
#include <stdio.h>

typedef struct esc_compdb esc_compdb;

/* Opens BUILD_DIR/compile_commands.json, selects its units (all, or those
 * of the nsources SOURCE files) and starts `jobs` threads compiling them.
 * NULL with *err when the database is missing or malformed, or a SOURCE
 * is not in it. */
esc_compdb *esc_compdb_open(const char *build_dir, const char *const *sources,
                            int nsources, int jobs, char **err);

/* The next unit that compiles, in database order, as a module of ctx:
 * returns 1 with *m and *name (the unit's file as the database names it),
 * or 0 when every unit has been handed out, or -1 with *err. A unit that
 * does not compile gets one line on diag, "escapade: FILE: does not
 * compile (N errors; first: ...); left out", and is skipped; when no unit
 * compiles the end is an error. */
int esc_compdb_next(esc_compdb *db, LLVMContextRef ctx, FILE *diag,
                    LLVMModuleRef *m, const char **name, char **err);

void esc_compdb_close(esc_compdb *db);

#endif
