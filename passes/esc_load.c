/* esc_load.c: load and link modules with one-line errors (see esc_load.h). */
#include "esc_load.h"

#include "esc_util.h"
#include "escapade/escapade.h"

#include <errno.h>
#include <llvm-c/Analysis.h>
#include <llvm-c/DebugInfo.h>
#include <llvm-c/IRReader.h>
#include <llvm-c/Linker.h>
#include <llvm-c/Support.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* "PATH: first line of msg" */
static char *one_line(const char *path, const char *msg) {
  const char *nl = strchr(msg, '\n');
  size_t n = nl ? (size_t)(nl - msg) : strlen(msg);
  /* LLVM's parser prefixes "<path>:"; keep its line:col, drop our dup */
  size_t plen = strlen(path);
  if (!strncmp(msg, path, plen) && msg[plen] == ':') {
    msg += plen + 1;
    n -= plen + 1;
  }
  while (n && (msg[0] == ' '))
    msg++, n--;
  esc_str s = {0};
  esc_str_printf(&s, "%s: %.*s", path, (int)n, msg);
  return s.s;
}

void esc_load_init(void) {
  const char *argv[] = {"escapade", "-disable-auto-upgrade-debug-info",
                        "-experimental-debuginfo-iterators=false"};
  LLVMParseCommandLineOptions(3, argv, NULL);
}

/* What LLVM's reader does after reading (llvm::UpgradeDebugInfo), with a
 * broken module an error instead of an abort: debug info of another
 * version is dropped; a module the verifier rejects only for its debug
 * info loses that debug info, with a warning; any other rejection is the
 * error "invalid module". Returns 1 when M can be analysed. */
static int verify(LLVMModuleRef M, const char *shown, esc_str *warnings,
                  char **err) {
  unsigned version = LLVMGetModuleDebugMetadataVersion(M);
  if (version != LLVMDebugMetadataVersion() && LLVMStripModuleDebugInfo(M))
    esc_str_printf(warnings, "escapade: warning: %s: debug info of version "
                   "%u, not %u: ignored\n", shown, version,
                   LLVMDebugMetadataVersion());
  char *msg = NULL;
  if (!LLVMVerifyModule(M, LLVMReturnStatusAction, &msg)) {
    LLVMDisposeMessage(msg);
    return 1;
  }
  char *first = msg;
  msg = NULL;
  int ok = LLVMStripModuleDebugInfo(M) &&
           !LLVMVerifyModule(M, LLVMReturnStatusAction, &msg);
  if (ok) {
    char *line = one_line(shown, first ? first : "verifier failed");
    esc_str_printf(warnings, "escapade: warning: %s (invalid debug info: "
                   "ignored)\n", line);
    free(line);
  } else {
    esc_str s = {0};
    esc_str_printf(&s, "invalid module: %s",
                   msg ? msg : first ? first : "verifier failed");
    *err = one_line(shown, s.s);
    esc_str_free(&s);
  }
  LLVMDisposeMessage(first);
  LLVMDisposeMessage(msg);
  return ok;
}

/* Does path name a C or C++ source or header (by its suffix)? */
static int is_source_name(const char *path) {
  static const char *const suffixes[] = {".c",   ".h",   ".cc",  ".cpp",
                                         ".cxx", ".c++", ".hpp", ".hh",
                                         ".hxx", ".C",   ".i",   ".ii"};
  const char *dot = strrchr(path, '.');
  if (!dot || strchr(dot, '/'))
    return 0;
  for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
    if (!strcmp(dot, suffixes[i]))
      return 1;
  return 0;
}

LLVMModuleRef esc_load_module(LLVMContextRef ctx, const char *path,
                              esc_str *warnings, char **err) {
  LLVMMemoryBufferRef buf = NULL;
  char *msg = NULL;
  *err = NULL;
  int is_stdin = !strcmp(path, "-");
  const char *shown = is_stdin ? "<stdin>" : path;
  if (!is_stdin) {
    struct stat st;
    if (stat(path, &st) != 0) {
      *err = one_line(shown, strerror(errno));
      return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
      *err = one_line(shown, "is a directory");
      return NULL;
    }
  }
  LLVMBool failed = is_stdin
                        ? LLVMCreateMemoryBufferWithSTDIN(&buf, &msg)
                        : LLVMCreateMemoryBufferWithContentsOfFile(path, &buf,
                                                                   &msg);
  if (failed) {
    *err = one_line(shown, msg ? msg : "cannot read");
    LLVMDisposeMessage(msg);
    return NULL;
  }
  if (LLVMGetBufferSize(buf) == 0) {
    LLVMDisposeMemoryBuffer(buf);
    *err = one_line(shown, "empty file, expected LLVM IR or bitcode");
    return NULL;
  }
  LLVMModuleRef M = NULL;
  const unsigned char *start =
      (const unsigned char *)LLVMGetBufferStart(buf);
  int bitcode = LLVMGetBufferSize(buf) >= 4 &&
                ((start[0] == 'B' && start[1] == 'C') ||
                 (start[0] == 0xDE && start[1] == 0xC0));
  /* takes ownership of buf */
  if (LLVMParseIRInContext(ctx, buf, &M, &msg)) {
    esc_str s = {0};
    const char *m = msg ? msg : "unreadable";
    size_t plen = strlen(path);
    if (!strncmp(m, path, plen) && !strncmp(m + plen, ": ", 2))
      m += plen + 2;
    if (bitcode && !strncmp(m, "error: ", 7))
      m += 7;
    if (!bitcode && is_source_name(path))
      esc_str_printf(&s, "a source file, not LLVM IR or bitcode (compile it "
                     "with clang -g -c -emit-llvm, or name its build with "
                     "-p BUILD_DIR)");
    else
      esc_str_printf(&s, "%s%s",
                     bitcode ? "malformed or truncated bitcode: " : "", m);
    *err = one_line(shown, s.s);
    esc_str_free(&s);
    LLVMDisposeMessage(msg);
    return NULL;
  }
  if (!verify(M, shown, warnings, err)) {
    LLVMDisposeModule(M);
    return NULL;
  }
  return M;
}

typedef struct link_diag {
  char *first_error;
} link_diag;

static void link_diag_handler(LLVMDiagnosticInfoRef info, void *ctx) {
  link_diag *d = ctx;
  if (LLVMGetDiagInfoSeverity(info) != LLVMDSError || d->first_error)
    return;
  char *desc = LLVMGetDiagInfoDescription(info);
  d->first_error = esc_xstrdup(desc ? desc : "link error");
  LLVMDisposeMessage(desc);
}

int esc_link_into(LLVMModuleRef dst, LLVMModuleRef src, const char *src_path,
                  char **err) {
  *err = NULL;
  LLVMContextRef ctx = LLVMGetModuleContext(dst);
  LLVMDiagnosticHandler old = LLVMContextGetDiagnosticHandler(ctx);
  void *old_ctx = LLVMContextGetDiagnosticContext(ctx);
  link_diag d = {NULL};
  LLVMContextSetDiagnosticHandler(ctx, link_diag_handler, &d);
  LLVMBool failed = LLVMLinkModules2(dst, src);
  LLVMContextSetDiagnosticHandler(ctx, old, old_ctx);
  if (failed) {
    esc_str s = {0};
    esc_str_printf(&s, "cannot link: %s",
                   d.first_error ? d.first_error : "unknown link error");
    *err = one_line(src_path, s.s);
    esc_str_free(&s);
  }
  free(d.first_error);
  return failed ? 1 : 0;
}

/* "clang version 14.0.6 ..." (possibly after a vendor prefix) in
 * llvm.ident: the major version, or 0. */
static int ident_clang_major(LLVMModuleRef M) {
  unsigned n = LLVMGetNamedMetadataNumOperands(M, "llvm.ident");
  if (!n)
    return 0;
  LLVMValueRef *ops = malloc(sizeof(LLVMValueRef) * n);
  LLVMGetNamedMetadataOperands(M, "llvm.ident", ops);
  int major = 0;
  for (unsigned i = 0; i < n && !major; i++) {
    if (LLVMGetNumOperands(ops[i]) < 1)
      continue;
    unsigned len = 0;
    const char *s = LLVMGetMDString(LLVMGetOperand(ops[i], 0), &len);
    const char *v = s ? strstr(s, "clang version ") : NULL;
    if (v)
      major = atoi(v + strlen("clang version "));
  }
  free(ops);
  return major;
}

int esc_input_check(LLVMModuleRef M, const char *path, int require_debug_info,
                    esc_str *warnings, char **err) {
  int has_debug_info = 0;
  for (LLVMValueRef fn = LLVMGetFirstFunction(M); fn && !has_debug_info;
       fn = LLVMGetNextFunction(fn))
    if (!LLVMIsDeclaration(fn) && LLVMGetSubprogram(fn))
      has_debug_info = 1;
  if (!has_debug_info && require_debug_info) {
    esc_str e = {0};
    esc_str_printf(&e, "%s: no debug info (compile with -g)", path);
    *err = e.s;
    return 1;
  }
  if (!has_debug_info)
    esc_str_printf(warnings, "escapade: warning: %s: no debug info; "
                   "locations are function#instruction\n", path);
  unsigned type_kind =
      LLVMGetMDKindIDInContext(LLVMGetModuleContext(M), "type", 4);
  int vtables = 0, typed = 0;
  for (LLVMValueRef g = LLVMGetFirstGlobal(M); g; g = LLVMGetNextGlobal(g)) {
    size_t len = 0;
    const char *name = LLVMGetValueName2(g, &len);
    if (len < 4 || strncmp(name, "_ZTV", 4) || !LLVMGetInitializer(g))
      continue;
    vtables++;
    size_t nmd = 0;
    LLVMValueMetadataEntry *md = LLVMGlobalCopyAllMetadata(g, &nmd);
    for (size_t k = 0; k < nmd; k++)
      if (LLVMValueMetadataEntriesGetKind(md, (unsigned)k) == type_kind)
        typed = 1;
    if (md)
      LLVMDisposeValueMetadataEntries(md);
  }
  if (vtables && !typed)
    esc_str_printf(warnings, "escapade: warning: %s: C++ without type "
                   "metadata (compile with -flto -fwhole-program-vtables): "
                   "virtual calls are not resolved by class hierarchy\n",
                   path);
  unsigned major, minor, patch;
  LLVMGetVersion(&major, &minor, &patch);
  int ident = ident_clang_major(M);
  if (ident > 0 && (unsigned)ident < major)
    esc_str_printf(warnings, "escapade: warning: %s: produced by clang %d, "
                   "older than this LLVM; read as upgraded by LLVM's bitcode "
                   "reader\n", path, ident);
  return 0;
}
