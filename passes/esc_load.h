/*
 * esc_load.h: reading IR/bitcode files and linking them into one module.
 *
 * Errors are reported as one line, "PATH: problem", into *err; the caller
 * frees *err with free(). Nothing is printed here.
 */
#ifndef ESC_LOAD_H
#define ESC_LOAD_H

#include "esc_util.h"

#include <llvm-c/Core.h>

/* Called once, before the first load, by a program that owns LLVM's
 * command line (the CLI, not the plugin inside opt). LLVM's reader then
 * leaves the module's verification to esc_load_module: without it, the
 * reader verifies every module with debug info itself (a second
 * verification, a tenth of a load) and aborts the process on a broken
 * one. And modules and passes keep debug info as intrinsics, the form the
 * names are read from (esc_names_prepare_module): without it, the module
 * is converted to and fro around each pass pipeline (a quarter of a load
 * on sqlite3). */
void esc_load_init(void);

/* Parses PATH (textual IR or bitcode; "-" is standard input) into a new
 * module owned by the caller (LLVMDisposeModule), verified: debug info of
 * another version, or that alone makes the verifier fail, is dropped with
 * a line appended to warnings ("escapade: warning: PATH: ...\n"). Returns
 * NULL on error. */
LLVMModuleRef esc_load_module(LLVMContextRef ctx, const char *path,
                              esc_str *warnings, char **err);

/* Links src into dst as llvm-link would; src is consumed in every case.
 * Returns 0 on success. */
int esc_link_into(LLVMModuleRef dst, LLVMModuleRef src, const char *src_path,
                  char **err);

/* What the CLI and the plugin tell the user about one input (named path)
 * before it is linked, one line each, appended to warnings: no debug info
 * (locations become function#index), C++ with vtables but no type
 * metadata (compiled without -fwhole-program-vtables: virtual calls cannot
 * be resolved by class hierarchy), a clang older than this LLVM. With
 * require_debug_info, missing debug info is an error instead: returns 1
 * and sets *err ("PATH: problem", freed by the caller). Returns 0
 * otherwise. */
int esc_input_check(LLVMModuleRef M, const char *path, int require_debug_info,
                    esc_str *warnings, char **err);

#endif
