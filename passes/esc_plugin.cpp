// esc_plugin.cpp: registers escapade's passes with LLVM's new pass manager
// (opt, clang -fpass-plugin, lld --load-pass-plugin). All logic is in the C
// core; this file only reads the options, hands a module over and writes
// the report.
//
//   opt -load-pass-plugin build/lib/Escapade.so -passes='print<escapade>' \
//       -disable-output x.ll [-escapade-link=b.bc,c.bc]
//       [-escapade-output=FILE] [-escapade-format=text|json|sarif|lsp]
//       [-escapade-level=conservative] [-escapade-detail=2]
//       [-escapade-alloc-fn=xalloc] [-escapade-resolve=signature]
//       [-escapade-files=GLOB] [-escapade-functions=GLOB]
//       [-escapade-forbid-escape=FUNC_GLOB] ...     (the options below)
//   opt ... -passes=escapade-annotate x.bc -o y.bc  (type facts only)
//   opt ... -passes=escapade-count x.bc -o counted.bc
//       (counters per site, see docs/formats.md)
//   opt ... -passes=escapade-check x.bc -o checked.bc
//       [-escapade-check-level=conservative] [-escapade-force-local=x.c:12]
//       (run-time check, docs/formats.md)
//   opt ... -passes=escapade-h2s x.bc -o h2s.bc
//       [-escapade-check-level=conservative] [-escapade-max-stack-bytes=128]
//       (heap-to-stack, remarks on stderr)
//
// Where the default pipelines let plugins in, the plugin adds itself:
//   clang-19 -g -fpass-plugin=build/lib/Escapade.so -c x.c
//       the report of the translation unit, at the end of its optimisation
//   clang-19 -g -flto -fpass-plugin=build/lib/Escapade.so -c x.c y.c
//       only the type facts, which travel in the bitcode to the link
//   clang-19 -flto -fuse-ld=lld -Wl,--load-pass-plugin=build/lib/Escapade.so \
//       x.o y.o
//       the report of the linked program, before link-time optimisation
// (also opt's default<On> and lto<On>); these runs step aside when the
// pipeline names an escapade pass itself.
//
// clang 19 and lld 19 parse -mllvm before they load pass plugins, so the
// plugin's options need it loaded earlier:
//   clang-19 -Xclang -load -Xclang build/lib/Escapade.so \
//       -fpass-plugin=build/lib/Escapade.so -mllvm -escapade-output=FILE ...
//   LD_PRELOAD=$PWD/build/lib/Escapade.so clang-19 -flto -fuse-ld=lld \
//       -Wl,--load-pass-plugin=build/lib/Escapade.so \
//       -Wl,-mllvm,-escapade-output=FILE x.o y.o
//
// print<escapade> changes nothing: it analyses a copy of the module. The
// report goes to stderr, as LLVM's print<...> passes write theirs, or to
// -escapade-output=FILE. Errors are one line, "escapade: FILE: problem",
// and status 1; the gate (-escapade-forbid-escape) ends the run with 3.

#include "escapade/escapade.h"

extern "C" {
#include "esc_limits.h"
#include "esc_load.h"
#include "esc_output.h"
}

#include "llvm/IR/Constants.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Transforms/Utils/Cloning.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace llvm;

// What the report shows and how (the CLI's options, same names).
static cl::list<std::string>
    LinkFiles("escapade-link", cl::CommaSeparated,
              cl::desc("escapade: bitcode files to link before analysing"));
static cl::opt<std::string>
    Output("escapade-output", cl::init(""),
           cl::desc("escapade: write the report to FILE (default stderr)"),
           cl::value_desc("FILE"));
static cl::opt<std::string>
    Format("escapade-format", cl::init("text"),
           cl::desc("escapade: text, json, sarif or lsp"));
static cl::opt<std::string> SourceRoot(
    "escapade-source-root", cl::init(""),
    cl::desc("escapade: SARIF file names relative to this directory"));
static cl::opt<std::string> Level("escapade-level", cl::init("all"),
                                  cl::desc("escapade: levels shown"));
static cl::opt<unsigned> Detail("escapade-detail", cl::init(1),
                                cl::desc("escapade: 1 verdicts, 2 flows"));
static cl::opt<bool> Stats("escapade-stats", cl::init(false),
                           cl::desc("escapade: print statistics"));
static cl::opt<bool> ExplainUnknown(
    "escapade-explain-unknown", cl::init(false),
    cl::desc("escapade: where each unresolved indirect call's unknown "
             "comes from"));
static cl::opt<bool> Avoided("escapade-avoided", cl::init(false),
                             cl::desc("escapade: only avoided sites"));
static cl::list<std::string> FileGlobs(
    "escapade-files", cl::CommaSeparated,
    cl::desc("escapade: report only sites in files matching these globs"));
static cl::list<std::string> FuncGlobs(
    "escapade-functions", cl::CommaSeparated,
    cl::desc("escapade: report only sites in functions matching these globs"));
static cl::opt<bool> SystemHeaders(
    "escapade-system-headers", cl::init(false),
    cl::desc("escapade: report sites in system headers too"));
static cl::list<std::string> ForbidEscape(
    "escapade-forbid-escape", cl::CommaSeparated,
    cl::desc("escapade: exit with status 3 when a site escapes in a "
             "function matching these globs"));
static cl::opt<bool> RequireDebugInfo(
    "escapade-require-debug-info", cl::init(false),
    cl::desc("escapade: fail on a module without debug info"));

// What the analysis assumes (every analysing pass).
static cl::list<std::string>
    AllocFns("escapade-alloc-fn", cl::CommaSeparated,
             cl::desc("escapade: extra allocators, NAME or NAME:SIZEARG"));
static cl::list<std::string>
    FreeFns("escapade-free-fn", cl::CommaSeparated,
            cl::desc("escapade: extra deallocators of their argument 0"));
static cl::list<std::string>
    Models("escapade-model", cl::CommaSeparated,
           cl::desc("escapade: model files (docs/formats.md)"));
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
static cl::opt<unsigned long long> SolveBudget(
    "escapade-budget", cl::init(0),
    cl::desc("escapade: propagation steps per function graph (0: default)"));

// The transforms.
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

// Set when the pipeline text names one of escapade's passes: the runs the
// default pipelines' extension points add then step aside, so that
// `-passes='default<O2>,print<escapade>'` prints once. Set while the
// pipeline is parsed, read when it runs (the extension points of
// default<O2> are filled before later names are parsed).
bool NamedInPipeline = false;

// Ends the run with `status`, after `line` (when not empty) on stderr. As
// report_fatal_error's handlers do, the host's half-written outputs are
// removed first. Not report_fatal_error itself: inside clang's in-process
// cc1 it leaves through the crash recovery context, which prints a stack
// dump and asks for a bug report even without crash diagnostics; and the
// gate needs its own status.
[[noreturn]] void quit(int status, const std::string &line) {
  if (!line.empty())
    errs() << line << "\n";
  errs().flush();
  outs().flush();
  std::fflush(nullptr);
  sys::RunInterruptHandlers();
  std::exit(status);
}

// An error: one line, "escapade: FILE: problem" as the CLI prints it, and
// status 1.
[[noreturn]] void fail(const std::string &msg) { quit(1, "escapade: " + msg); }

// C strings of a cl::list, kept alive while the options borrow them.
struct CStrings {
  std::vector<const char *> v;
  explicit CStrings(const cl::list<std::string> &L) {
    for (auto &S : L)
      v.push_back(S.c_str());
  }
  const char *const *data() const { return v.empty() ? nullptr : v.data(); }
  int size() const { return (int)v.size(); }
};

// The options every analysing pass shares: what the analysis assumes.
struct AnalysisOptions {
  esc_options o;
  CStrings allocs{AllocFns}, frees{FreeFns}, models{Models};
  esc_usermodel *model = nullptr;
  AnalysisOptions(const AnalysisOptions &) = delete;
  AnalysisOptions &operator=(const AnalysisOptions &) = delete;
  ~AnalysisOptions() { esc_usermodel_free(model); }
  // The model against the module it is about to analyse: a bad index is
  // an error before any output.
  void checkModel(Module &M) {
    char err[1024];
    if (esc_usermodel_check_module(model, wrap(&M), err, sizeof err))
      quit(1, err);
  }
  AnalysisOptions() {
    esc_options_default(&o);
    o.alloc_fns = allocs.data();
    o.n_alloc_fns = allocs.size();
    o.free_fns = frees.data();
    o.n_free_fns = frees.size();
    o.model_files = models.data();
    o.n_model_files = models.size();
    char err[1024];
    model = esc_usermodel_load(&o, err, sizeof err);
    if (!model)
      quit(1, err); // "FILE:LINE: problem", as the CLI prints it
    o.model = model;
    if (Resolve == "signature")
      o.resolve = ESC_RESOLVE_SIGNATURE;
    else if (Resolve != "typeset")
      fail("unknown -escapade-resolve '" + Resolve + "'");
    o.assume_typed = AssumeTyped;
    o.assume_closed = AssumeClosed;
    o.resolve_budget = ResolveBudget;
    if (SolveBudget)
      o.solve_budget = SolveBudget;
  }
};

// The printer's options: the analysis's and what the report shows.
struct ReportOptions : AnalysisOptions {
  CStrings files{FileGlobs}, funcs{FuncGlobs}, forbid{ForbidEscape};
  std::string root;
  ReportOptions() {
    if (!esc_format_parse(Format.c_str(), &o.format))
      fail("unknown -escapade-format '" + Format + "'");
    o.level_mask = esc_level_mask_parse(Level.c_str());
    if (!o.level_mask)
      fail("unknown -escapade-level '" + Level + "'");
    // flows become SARIF's codeFlows and LSP's related information
    o.detail = Detail >= 2 || o.format == ESC_FMT_SARIF ||
                       o.format == ESC_FMT_LSP
                   ? 2
                   : 1;
    if (!SourceRoot.empty()) {
      char *r = ::realpath(SourceRoot.c_str(), nullptr);
      if (!r)
        fail(SourceRoot + ": " + std::strerror(errno));
      root = r;
      std::free(r);
      o.source_root = root.c_str();
    }
    o.show_stats = Stats;
    o.explain_unknown = ExplainUnknown;
    o.avoided_only = Avoided;
    o.file_globs = files.data();
    o.n_file_globs = files.size();
    o.func_globs = funcs.data();
    o.n_func_globs = funcs.size();
    o.system_headers = SystemHeaders;
  }
};

[[noreturn]] void failWith(char *err) {
  std::string msg = err ? err : "cannot read input";
  std::free(err);
  fail(msg);
}

// What the CLI says about each input before it is linked (esc_load.h):
// warnings for what weakens the analysis, and with
// -escapade-require-debug-info an error for an input without debug info.
void checkInput(LLVMModuleRef m, const std::string &name) {
  esc_str warnings = {};
  char *err = nullptr;
  int bad = esc_input_check(m, name.c_str(), RequireDebugInfo, &warnings,
                            &err);
  if (warnings.len)
    errs() << warnings.s;
  esc_str_free(&warnings);
  if (bad)
    failWith(err);
}

// While it lives, LLVM's reader leaves the verification of what it reads to
// esc_load_module (one-line errors) instead of verifying modules with debug
// info itself and aborting opt on a broken one; what esc_load_init does for
// the CLI, on opt's own command line, restored after.
class ReaderLeavesVerification {
  cl::opt<bool> *Opt = nullptr;
  bool Old = false;

public:
  ReaderLeavesVerification() {
    auto &Opts = cl::getRegisteredOptions();
    auto It = Opts.find("disable-auto-upgrade-debug-info");
    if (It == Opts.end())
      return;
    Opt = static_cast<cl::opt<bool> *>(It->second);
    Old = *Opt;
    Opt->setValue(true);
  }
  ~ReaderLeavesVerification() {
    if (Opt)
      Opt->setValue(Old);
  }
};

// M checked and annotated, and each -escapade-link file loaded, checked,
// annotated and linked into it: the program the CLI would build from M's
// file and those files.
void buildProgram(Module &M) {
  LLVMModuleRef dst = wrap(&M);
  checkInput(dst, M.getModuleIdentifier());
  esc_annotate_module(dst);
  for (auto &P : LinkFiles) {
    char *err = nullptr;
    esc_str warnings = {};
    LLVMModuleRef m;
    {
      ReaderLeavesVerification scope;
      m = esc_load_module(LLVMGetModuleContext(dst), P.c_str(), &warnings,
                          &err);
    }
    if (warnings.len)
      errs() << warnings.s;
    esc_str_free(&warnings);
    if (!m)
      failWith(err);
    checkInput(m, P);
    esc_annotate_module(m);
    if (esc_link_into(dst, m, P.c_str(), &err))
      failWith(err);
  }
}

// Writes a finished report to -escapade-output by the project's output
// rule (esc_output.h, the CLI's for -o), or to stderr.
void writeReport(const char *data, size_t len) {
  if (Output.empty()) {
    errs().write(data, len);
    errs().flush();
    return;
  }
  char *err = nullptr;
  if (esc_output_write(Output.c_str(), data, len, &err) != 0) {
    std::string msg = err ? err : Output + ": write failed";
    std::free(err);
    fail(msg);
  }
}

// The report of M as the CLI prints it for the same modules. M is not
// changed: a copy is annotated, linked with the -escapade-link files and
// analysed (esc_analyze runs inferattrs on what it is given).
void printReport(const Module &M) {
  ReportOptions ro;
  std::unique_ptr<Module> copy = CloneModule(M);
  buildProgram(*copy);
  ro.checkModel(*copy);
  esc_result *r = esc_analyze(wrap(copy.get()), &ro.o);
  // rendered whole first: a file is then replaced in one step, and stderr
  // gets the report in one write rather than one per line
  char *buf = nullptr;
  size_t len = 0;
  FILE *mem = ::open_memstream(&buf, &len);
  if (!mem)
    fail(std::string("cannot buffer the report: ") + std::strerror(errno));
  int werr = esc_report(r, &ro.o, mem);
  werr |= std::fclose(mem);
  if (werr) {
    std::free(buf);
    fail((Output.empty() ? std::string("<stderr>") : Output) +
         ": write failed");
  }
  writeReport(buf, len);
  std::free(buf);
  int forbidden = ro.forbid.size()
                      ? esc_gate_forbidden(r, &ro.o, esc_report_level(&ro.o),
                                           ro.forbid.data(), ro.forbid.size(),
                                           stderr)
                      : 0;
  esc_result_free(r);
  copy.reset();
  if (forbidden > 0)
    quit(3, ""); // the CLI's gate status
}

struct EscapadePrinter : PassInfoMixin<EscapadePrinter> {
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    printReport(M);
    return PreservedAnalyses::all();
  }
  static bool isRequired() { return true; }
};

// escapade-annotate: records M's type facts (esc_annotate_module), for a
// module that is linked with others later. Adds metadata that no LLVM
// analysis reads.
struct EscapadeAnnotate : PassInfoMixin<EscapadeAnnotate> {
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    esc_annotate_module(wrap(&M));
    return PreservedAnalyses::all();
  }
  static bool isRequired() { return true; }
};

// A module compiled for a link-time optimisation: LLVM 19's OptimizerLast
// extension point is not told the phase (the callback gets the level
// only), so the module says it. clang adds the module flag "ThinLTO" (0
// for -flto=full) and "EnableSplitLTOUnit" when it builds the -flto
// pre-link pipeline, before running it, and only when it writes bitcode
// (a plain -c -emit-llvm compile has neither). The ThinLTO back ends at
// the link run the same extension point on modules with these flags: they
// are annotated again, which does nothing on an annotated module.
bool compiledForLTO(const Module &M) {
  return M.getModuleFlag("ThinLTO") || M.getModuleFlag("EnableSplitLTOUnit");
}

// ThinLTO never builds the linked program: say so once, where the report
// would have been.
void noteThinLTO(const Module &M) {
  static std::atomic<bool> said{false}; // ThinLTO back ends run in threads
  auto *thin =
      mdconst::extract_or_null<ConstantInt>(M.getModuleFlag("ThinLTO"));
  if ((thin && thin->isZero()) || said.exchange(true))
    return;
  errs() << "escapade: warning: " << M.getModuleIdentifier()
         << ": ThinLTO links no whole program; use -flto=full for the "
            "report at the link\n";
}

// The run an extension point adds: the report at the link (AtLink), or at
// the end of a translation unit's optimisation, where a unit compiled for
// LTO only gets its type facts.
struct EscapadeAuto : PassInfoMixin<EscapadeAuto> {
  bool AtLink;
  explicit EscapadeAuto(bool AtLink) : AtLink(AtLink) {}
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    if (NamedInPipeline)
      return PreservedAnalyses::all();
    if (!AtLink && compiledForLTO(M)) {
      noteThinLTO(M);
      esc_annotate_module(wrap(&M));
      return PreservedAnalyses::all();
    }
    printReport(M);
    return PreservedAnalyses::all();
  }
  static bool isRequired() { return true; }
};

// escapade-count: instruments every allocation site with counters written
// at exit to $ESCAPADE_COUNT_FILE.
struct EscapadeCount : PassInfoMixin<EscapadeCount> {
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    AnalysisOptions ao;
    buildProgram(M);
    ao.checkModel(M);
    esc_result *r = esc_analyze(wrap(&M), &ao.o);
    esc_instrument_counts(r);
    esc_result_free(r);
    return PreservedAnalyses::none();
  }
  static bool isRequired() { return true; }
};

// The level of escapade-check and escapade-h2s.
esc_level transformLevel() {
  if (CheckLevel == "whole_program")
    return ESC_WHOLE;
  if (CheckLevel != "conservative")
    fail("-escapade-check-level takes conservative or whole_program, not '" +
         CheckLevel + "'");
  return ESC_CONSERVATIVE;
}

// escapade-check: instruments the sites the level keeps local for the
// run-time check (link with libescapade_rt.a and -fsanitize=address).
struct EscapadeCheck : PassInfoMixin<EscapadeCheck> {
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    esc_level level = transformLevel();
    for (auto &F : ForceLocal) {
      auto colon = F.rfind(':');
      if (colon == std::string::npos || colon == 0 || colon + 1 == F.size() ||
          F.find_first_not_of("0123456789", colon + 1) != std::string::npos)
        fail("expected FILE:LINE in -escapade-force-local='" + F + "'");
    }
    CStrings force(ForceLocal);
    AnalysisOptions ao;
    buildProgram(M);
    ao.checkModel(M);
    esc_result *r = esc_analyze(wrap(&M), &ao.o);
    esc_instrument_check(r, level, force.data(), force.size(), nullptr);
    esc_result_free(r);
    return PreservedAnalyses::none();
  }
  static bool isRequired() { return true; }
};

// escapade-h2s: heap-to-stack at the level of -escapade-check-level.
struct EscapadeH2S : PassInfoMixin<EscapadeH2S> {
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    esc_level level = transformLevel();
    if (MaxStackBytes < 1 || MaxStackBytes > ESC_H2S_MAX_STACK_BYTES)
      fail("-escapade-max-stack-bytes takes 1 to " +
           std::to_string(ESC_H2S_MAX_STACK_BYTES) + " bytes, not " +
           std::to_string(MaxStackBytes));
    AnalysisOptions ao;
    buildProgram(M);
    ao.checkModel(M);
    esc_result *r = esc_analyze(wrap(&M), &ao.o);
    esc_heap_to_stack(r, level, (long long)MaxStackBytes, stderr);
    esc_result_free(r);
    return PreservedAnalyses::none();
  }
  static bool isRequired() { return true; }
};

bool parsePass(StringRef Name, ModulePassManager &MPM,
               ArrayRef<PassBuilder::PipelineElement>) {
  if (Name == "print<escapade>" || Name == "escapade")
    MPM.addPass(EscapadePrinter());
  else if (Name == "escapade-annotate")
    MPM.addPass(EscapadeAnnotate());
  else if (Name == "escapade-count")
    MPM.addPass(EscapadeCount());
  else if (Name == "escapade-check")
    MPM.addPass(EscapadeCheck());
  else if (Name == "escapade-h2s")
    MPM.addPass(EscapadeH2S());
  else
    return false;
  NamedInPipeline = true;
  return true;
}

void registerCallbacks(PassBuilder &PB) {
  PB.registerPipelineParsingCallback(parsePass);
  // the end of a translation unit's pipeline (clang -fpass-plugin, also
  // opt's default<On>); not reached by the full LTO link's pipeline
  PB.registerOptimizerLastEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(EscapadeAuto(/*AtLink=*/false));
      });
  // the merged module of a full LTO link, before it is optimised
  PB.registerFullLinkTimeOptimizationEarlyEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(EscapadeAuto(/*AtLink=*/true));
      });
}

} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK __attribute__((visibility("default")))
PassPluginLibraryInfo
llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "Escapade", ESC_VERSION, registerCallbacks};
}
