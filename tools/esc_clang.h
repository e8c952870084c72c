/*
 * esc_clang.h: a compile_commands.json read with Clang's libtooling, and
 * one of its translation units compiled in-process to bitcode.
 *
 * The only C++ the CLI needs (esc_clang.cpp); callable from C. The
 * database is read as clang-tidy -p reads it (response files expanded,
 * target and driver mode inferred from the compiler's name). A unit is
 * compiled with its own command, with -c and -o, -M* dependency output,
 * -fsyntax-only, -S/-E and -save-temps dropped, and -emit-llvm -g added
 * (-flto -fwhole-program-vtables too for C++, so that vtables and virtual
 * calls carry !type metadata); its -O level is kept. The result is the
 * bitcode `clang -c -emit-llvm -g` would write for that command.
 *
 * Ownership: esc_clang_db_open returns a database the caller frees with
 * esc_clang_db_free; the strings it hands out are borrowed from it.
 * esc_clang_compile returns a memory buffer the caller owns (dispose it
 * with LLVMDisposeMemoryBuffer, or hand it to LLVMParseIRInContext, which
 * takes it) and a problem string the caller frees with free().
 * esc_clang_compile may run on several threads at once over one database
 * (each call has its own LLVMContext); nothing else may.
 */
#ifndef ESC_CLANG_H
#define ESC_CLANG_H

#include <llvm-c/Core.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct esc_clang_db esc_clang_db;

/* Reads BUILD_DIR/compile_commands.json (or BUILD_DIR itself when it is a
 * file) and selects its translation units, in database order: all of
 * them, or those whose file is one of sources[0..nsources) (each made
 * absolute against the working directory and matched against the
 * database's files as clang-tidy -p matches them, so a path through a
 * symbolic link finds its file). A file listed more than once is compiled
 * with its first command. Returns NULL with *err set to one line, "FILE:
 * problem", when the database is missing, unreadable, malformed or empty,
 * or a source is not in it. */
esc_clang_db *esc_clang_db_open(const char *build_dir,
                                const char *const *sources, int nsources,
                                char **err);

/* The database's path, as it was opened. */
const char *esc_clang_db_path(const esc_clang_db *db);
/* The number of translation units selected. */
int esc_clang_db_size(const esc_clang_db *db);
/* Unit i's file, as the database names it. */
const char *esc_clang_db_file(const esc_clang_db *db, int i);

/* Compiles unit i in its directory. Returns its bitcode, or NULL with
 * *problem set to why it was left out: "does not compile (N errors;
 * first: FILE:LINE:COL: MESSAGE)", "is not C or C++", or "made clang
 * crash". Clang's own diagnostics are not printed. */
LLVMMemoryBufferRef esc_clang_compile(const esc_clang_db *db, int i,
                                      char **problem);

void esc_clang_db_free(esc_clang_db *db);

#ifdef __cplusplus
}
#endif

#endif
