/*
 * esc_load.h: reading IR/bitcode files and linking them into one module.
 *
 * Errors are reported as one line, "PATH: problem", into *err; the caller
 * frees *err with free(). Nothing is printed here.
 */
#ifndef ESC_LOAD_H
#define ESC_LOAD_H

#include <llvm-c/Core.h>

/* Parses PATH (textual IR or bitcode; "-" is standard input) into a new
 * module owned by the caller (LLVMDisposeModule), verified. Returns NULL on
 * error. */
LLVMModuleRef esc_load_module(LLVMContextRef ctx, const char *path,
                              char **err);

/* Links src into dst as llvm-link would; src is consumed in every case.
 * Returns 0 on success. */
int esc_link_into(LLVMModuleRef dst, LLVMModuleRef src, const char *src_path,
                  char **err);

/* Loads each path, records its type facts (esc_annotate_module) and links
 * it into dst. Stops at the first error. Returns 0 on success. */
int esc_link_files(LLVMModuleRef dst, const char *const *paths, int n,
                   char **err);

/* What the CLI and the plugin tell the user about one input before it is
 * linked: whether any of its defined functions has debug info; whether it
 * is C++ with vtables but no type metadata (compiled without
 * -fwhole-program-vtables: virtual calls cannot be resolved by class
 * hierarchy); the clang major version that produced it when that is older
 * than the LLVM escapade runs on (0 otherwise). */
typedef struct esc_input_facts {
  int has_debug_info;
  int cxx_without_type_metadata;
  int old_clang_major;
} esc_input_facts;

void esc_input_facts_of(LLVMModuleRef M, esc_input_facts *f);

#endif
