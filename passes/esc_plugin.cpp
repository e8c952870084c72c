// esc_plugin.cpp: registers escapade's passes with opt's new pass manager.
// All logic is in the C core; this file only parses opt's options and
// hands the module over.
//
//   opt -load-pass-plugin build/lib/Escapade.so -passes='print<escapade>' \
//       -disable-output x.ll [-escapade-link=b.bc,c.bc]
//       [-escapade-format=json] [-escapade-level=conservative]
//       [-escapade-detail=2] [-escapade-alloc-fn=xalloc]
//       [-escapade-resolve=signature] [-escapade-stats] [-escapade-avoided]
//   opt -load-pass-plugin build/lib/Escapade.so -passes=escapade-count \
//       x.bc -o counted.bc       (counters per site, see docs/formats.md)
//   opt -load-pass-plugin build/lib/Escapade.so -passes=escapade-check \
//       x.bc -o checked.bc [-escapade-check-level=conservative]
//       [-escapade-force-local=x.c:12]   (run-time check, docs/formats.md)
//   opt -load-pass-plugin build/lib/Escapade.so -passes=escapade-h2s \
//       x.bc -o h2s.bc [-escapade-check-level=conservative]
//       [-escapade-max-stack-bytes=128]  (heap-to-stack, remarks on stderr)

#include "escapade/escapade.h"

extern "C" {
#include "esc_load.h"
}

#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/ErrorHandling.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace llvm;

static cl::list<std::string>
    LinkFiles("escapade-link", cl::CommaSeparated,
              cl::desc("escapade: bitcode files to link before analysing"));
static cl::opt<std::string> Format("escapade-format", cl::init("text"),
                                   cl::desc("escapade: text, json or sarif"));
static cl::opt<std::string> SourceRoot(
    "escapade-source-root", cl::init(""),
    cl::desc("escapade: SARIF file names relative to this directory"));
static cl::opt<std::string> Level("escapade-level", cl::init("all"),
                                  cl::desc("escapade: levels shown"));
static cl::opt<unsigned> Detail("escapade-detail", cl::init(1),
                                cl::desc("escapade: 1 verdicts, 2 flows"));
static cl::list<std::string>
    AllocFns("escapade-alloc-fn", cl::CommaSeparated,
             cl::desc("escapade: extra allocator names"));
static cl::opt<std::string> Resolve("escapade-resolve", cl::init("typeset"),
                                    cl::desc("escapade: typeset|signature"));
static cl::opt<bool> AssumeTyped(
    "escapade-assume-typed", cl::init(false),
    cl::desc("escapade: resolve indirect calls by type (opt-in assumption)"));
static cl::opt<bool> AssumeClosed(
    "escapade-assume-closed", cl::init(false),
    cl::desc("escapade: code loaded with dlopen never calls back"));
static cl::opt<unsigned long long> ResolveBudget(
    "escapade-resolve-budget", cl::init(0),
    cl::desc("escapade: points-to propagation steps (0: default)"));
static cl::opt<bool> Stats("escapade-stats", cl::init(false),
                           cl::desc("escapade: print statistics"));
static cl::opt<bool> Avoided("escapade-avoided", cl::init(false),
                             cl::desc("escapade: only avoided sites"));
static cl::opt<std::string> CheckLevel(
    "escapade-check-level", cl::init("whole_program"),
    cl::desc("escapade-check: conservative or whole_program"));
static cl::opt<unsigned> MaxStackBytes(
    "escapade-max-stack-bytes", cl::init(256),
    cl::desc("escapade-h2s: largest block moved to the stack"));
static cl::list<std::string> ForceLocal(
    "escapade-force-local", cl::CommaSeparated,
    cl::desc("escapade-check: FILE:LINE sites checked whatever the verdict"));

namespace {

[[noreturn]] void fail(const std::string &msg) {
  report_fatal_error(Twine("escapade: ") + msg, /*gen_crash_diag=*/false);
}

// Allocator names from -escapade-alloc-fn, kept alive for the options.
struct AllocNames {
  std::vector<const char *> names;
  explicit AllocNames(esc_options &o) {
    for (auto &A : AllocFns)
      names.push_back(A.c_str());
    o.alloc_fns = names.data();
    o.n_alloc_fns = (int)names.size();
  }
};

// Records M's type facts and links the -escapade-link files into it.
// Returns true when something was linked.
bool linkRequested(Module &M) {
  LLVMModuleRef m = wrap(&M);
  esc_annotate_module(m);
  std::vector<const char *> paths;
  for (auto &P : LinkFiles)
    paths.push_back(P.c_str());
  char *err = nullptr;
  if (esc_link_files(m, paths.data(), (int)paths.size(), &err)) {
    std::string msg = err ? err : "link failed";
    std::free(err);
    fail(msg);
  }
  return !paths.empty();
}

struct EscapadePrinter : PassInfoMixin<EscapadePrinter> {
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    esc_options o;
    esc_options_default(&o);
    if (Format == "json")
      o.format = ESC_FMT_JSON;
    else if (Format == "sarif")
      o.format = ESC_FMT_SARIF;
    else if (Format != "text")
      fail("unknown -escapade-format '" + Format + "'");
    o.level_mask = esc_level_mask_parse(Level.c_str());
    if (!o.level_mask)
      fail("unknown -escapade-level '" + Level + "'");
    o.detail = Detail >= 2 || o.format == ESC_FMT_SARIF ? 2 : 1;
    std::string root;
    if (!SourceRoot.empty()) {
      char *r = ::realpath(SourceRoot.c_str(), nullptr);
      if (!r)
        fail("-escapade-source-root: cannot resolve '" + SourceRoot + "'");
      root = r;
      std::free(r);
      o.source_root = root.c_str();
    }
    if (Resolve == "signature")
      o.resolve = ESC_RESOLVE_SIGNATURE;
    else if (Resolve != "typeset")
      fail("unknown -escapade-resolve '" + Resolve + "'");
    o.show_stats = Stats;
    o.avoided_only = Avoided;
    o.assume_typed = AssumeTyped;
    o.assume_closed = AssumeClosed;
    o.resolve_budget = ResolveBudget;
    AllocNames allocs(o);
    bool linked = linkRequested(M);
    esc_result *r = esc_analyze(wrap(&M), &o);
    if (esc_result_lacks_debug_info(r))
      std::fprintf(stderr,
                   "escapade: warning: %s: no debug info; locations are "
                   "function#instruction\n",
                   M.getModuleIdentifier().c_str());
    esc_report(r, &o, stdout);
    esc_result_free(r);
    /* linking changed the module; annotating alone (metadata) did not */
    return linked ? PreservedAnalyses::none() : PreservedAnalyses::all();
  }
  static bool isRequired() { return true; }
};

// escapade-count: instruments every allocation site with counters written
// at exit to $ESCAPADE_COUNT_FILE.
struct EscapadeCount : PassInfoMixin<EscapadeCount> {
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    esc_options o;
    esc_options_default(&o);
    AllocNames allocs(o);
    linkRequested(M);
    esc_result *r = esc_analyze(wrap(&M), &o);
    esc_instrument_counts(r);
    esc_result_free(r);
    return PreservedAnalyses::none();
  }
  static bool isRequired() { return true; }
};

// escapade-check: instruments the sites the level keeps local for the
// run-time check (link with libescapade_rt.a and -fsanitize=address).
// The level of escapade-check and escapade-h2s.
esc_level transformLevel() {
  if (CheckLevel == "whole_program")
    return ESC_WHOLE;
  if (CheckLevel != "conservative")
    fail("-escapade-check-level takes conservative or whole_program, not '" +
         CheckLevel + "'");
  return ESC_CONSERVATIVE;
}

struct EscapadeCheck : PassInfoMixin<EscapadeCheck> {
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    esc_options o;
    esc_options_default(&o);
    esc_level level = transformLevel();
    std::vector<const char *> force;
    for (auto &F : ForceLocal) {
      auto colon = F.rfind(':');
      if (colon == std::string::npos || colon == 0 || colon + 1 == F.size() ||
          F.find_first_not_of("0123456789", colon + 1) != std::string::npos)
        fail("expected FILE:LINE in -escapade-force-local='" + F + "'");
      force.push_back(F.c_str());
    }
    o.assume_typed = AssumeTyped;
    o.assume_closed = AssumeClosed;
    o.resolve_budget = ResolveBudget;
    AllocNames allocs(o);
    linkRequested(M);
    esc_result *r = esc_analyze(wrap(&M), &o);
    esc_instrument_check(r, level, force.data(), (int)force.size(), nullptr);
    esc_result_free(r);
    return PreservedAnalyses::none();
  }
  static bool isRequired() { return true; }
};

// escapade-h2s: heap-to-stack at the level of -escapade-check-level.
struct EscapadeH2S : PassInfoMixin<EscapadeH2S> {
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    esc_options o;
    esc_options_default(&o);
    esc_level level = transformLevel();
    o.assume_typed = AssumeTyped;
    o.assume_closed = AssumeClosed;
    o.resolve_budget = ResolveBudget;
    AllocNames allocs(o);
    linkRequested(M);
    esc_result *r = esc_analyze(wrap(&M), &o);
    esc_heap_to_stack(r, level, (long long)MaxStackBytes, stderr);
    esc_result_free(r);
    return PreservedAnalyses::none();
  }
  static bool isRequired() { return true; }
};

} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK __attribute__((visibility("default")))
PassPluginLibraryInfo
llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "Escapade", "0.1", [](PassBuilder &PB) {
            PB.registerPipelineParsingCallback(
                [](StringRef Name, ModulePassManager &MPM,
                   ArrayRef<PassBuilder::PipelineElement>) {
                  if (Name == "print<escapade>" || Name == "escapade") {
                    MPM.addPass(EscapadePrinter());
                    return true;
                  }
                  if (Name == "escapade-count") {
                    MPM.addPass(EscapadeCount());
                    return true;
                  }
                  if (Name == "escapade-check") {
                    MPM.addPass(EscapadeCheck());
                    return true;
                  }
                  if (Name == "escapade-h2s") {
                    MPM.addPass(EscapadeH2S());
                    return true;
                  }
                  return false;
                });
          }};
}
