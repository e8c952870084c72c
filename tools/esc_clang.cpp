// esc_clang.cpp: compile_commands.json and in-process compilation through
// Clang's libtooling (see esc_clang.h). Nothing here analyses anything: the
// C side (esc_compdb.c) runs the units on threads and links their bitcode.
#include "esc_clang.h"

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/DiagnosticOptions.h>
#include <clang/Basic/Stack.h>
#include <clang/CodeGen/CodeGenAction.h>
#include <clang/Driver/Compilation.h>
#include <clang/Driver/Driver.h>
#include <clang/Driver/Job.h>
#include <clang/Driver/Tool.h>
#include <clang/Driver/Types.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/CompilerInvocation.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/JSONCompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/CrashRecoveryContext.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/TargetParser/Host.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

// Where the clang this libclang-cpp belongs to lives (set by CMake from
// clang-19 -print-resource-dir): its builtin headers, and the directory the
// driver looks for a GCC installation and config files beside, as clang-19
// itself does.
#ifndef ESC_CLANG_RESOURCE_DIR
#error "ESC_CLANG_RESOURCE_DIR must be defined"
#endif
#ifndef ESC_CLANG_BIN_DIR
#error "ESC_CLANG_BIN_DIR must be defined"
#endif

using clang::tooling::CompileCommand;

struct esc_clang_db {
  std::string path;
  std::vector<CompileCommand> units; // selected, in database order
};

static char *dup_cstr(const std::string &s) {
  char *p = static_cast<char *>(std::malloc(s.size() + 1));
  if (!p) {
    std::fputs("escapade: out of memory\n", stderr);
    std::abort();
  }
  std::memcpy(p, s.c_str(), s.size() + 1);
  return p;
}

// "FILE: problem", the problem cut at its first line.
static char *file_error(const std::string &file, const std::string &msg) {
  std::string line = msg.substr(0, msg.find('\n'));
  while (!line.empty() && (line.back() == ' ' || line.back() == '.'))
    line.pop_back();
  return dup_cstr(file + ": " + line);
}

// A unit's file as one absolute, normalised path: what tells two entries
// (or an entry and a SOURCE's match) for the same file apart.
static std::string unit_key(const CompileCommand &c) {
  llvm::SmallString<256> p;
  if (llvm::sys::path::is_absolute(c.Filename)) {
    p = c.Filename;
  } else {
    p = c.Directory;
    llvm::sys::path::append(p, c.Filename);
  }
  llvm::sys::fs::make_absolute(p);
  llvm::sys::path::remove_dots(p, true);
  llvm::sys::path::native(p);
  return std::string(p);
}

// llvm::json's "[L:C, byte=B]: message" (C counted from 0) as "L:C:
// malformed JSON: message" (from 1).
static std::string json_problem(llvm::Error e) {
  std::string s = llvm::toString(std::move(e));
  unsigned line, col;
  size_t close = s.find("]: ");
  if (close != std::string::npos &&
      std::sscanf(s.c_str(), "[%u:%u,", &line, &col) == 2)
    return std::to_string(line) + ":" + std::to_string(col + 1) +
           ": malformed JSON: " + s.substr(close + 3);
  return "malformed JSON: " + s;
}

static void init_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Targets, as clang itself registers them: code generation asks the
    // target for its cost model even when it only writes bitcode.
    llvm::InitializeAllTargetInfos();
    llvm::InitializeAllTargets();
    llvm::InitializeAllTargetMCs();
    llvm::InitializeAllAsmPrinters();
    llvm::InitializeAllAsmParsers();
  });
}

extern "C" esc_clang_db *esc_clang_db_open(const char *build_dir,
                                           const char *const *sources,
                                           int nsources, char **err) {
  *err = nullptr;
  std::string path = build_dir;
  if (!llvm::sys::fs::is_regular_file(path)) {
    llvm::SmallString<256> p(path);
    llvm::sys::path::append(p, "compile_commands.json");
    path = std::string(p);
  }
  auto text = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!text) {
    *err = file_error(path, text.getError().message());
    return nullptr;
  }
  // Checked as JSON first: the database's own reader goes through the
  // YAML parser, which prints its errors to stderr.
  if (auto parsed = llvm::json::parse((*text)->getBuffer()); !parsed) {
    *err = file_error(path, json_problem(parsed.takeError()));
    return nullptr;
  }
  std::string msg;
  std::unique_ptr<clang::tooling::CompilationDatabase> db =
      clang::tooling::JSONCompilationDatabase::loadFromFile(
          path, msg, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!db) {
    *err = file_error(path, "not a compilation database: " + msg);
    return nullptr;
  }
  db = clang::tooling::inferTargetAndDriverMode(
      clang::tooling::expandResponseFiles(std::move(db),
                                          llvm::vfs::getRealFileSystem()));
  std::vector<CompileCommand> all = db->getAllCompileCommands();
  if (all.empty()) {
    *err = file_error(path, "no translation units");
    return nullptr;
  }
  for (const CompileCommand &c : all)
    if (c.CommandLine.empty()) {
      *err = file_error(path, "an entry for " + c.Filename + " has no command");
      return nullptr;
    }

  std::set<std::string> wanted;
  for (int k = 0; k < nsources; k++) {
    std::string abs = clang::tooling::getAbsolutePath(sources[k]);
    std::vector<CompileCommand> found = db->getCompileCommands(abs);
    if (found.empty()) {
      *err = file_error(sources[k], "not in " + path);
      return nullptr;
    }
    for (const CompileCommand &c : found)
      wanted.insert(unit_key(c));
  }

  auto out = std::make_unique<esc_clang_db>();
  out->path = path;
  std::set<std::string> seen;
  for (CompileCommand &c : all) {
    std::string key = unit_key(c);
    if ((nsources && !wanted.count(key)) || !seen.insert(key).second)
      continue;
    out->units.push_back(std::move(c));
  }
  init_once();
  llvm::CrashRecoveryContext::Enable();
  return out.release();
}

extern "C" const char *esc_clang_db_path(const esc_clang_db *db) {
  return db->path.c_str();
}

extern "C" int esc_clang_db_size(const esc_clang_db *db) {
  return static_cast<int>(db->units.size());
}

extern "C" const char *esc_clang_db_file(const esc_clang_db *db, int i) {
  return db->units[i].Filename.c_str();
}

extern "C" void esc_clang_db_free(esc_clang_db *db) {
  if (db)
    llvm::CrashRecoveryContext::Disable();
  delete db;
}

namespace {

// Counts errors and keeps the first one's text; prints nothing.
class first_error : public clang::DiagnosticConsumer {
public:
  std::string text;
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level,
                        const clang::Diagnostic &info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error || !text.empty())
      return;
    llvm::SmallString<256> msg;
    info.FormatDiagnostic(msg);
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      clang::PresumedLoc p =
          info.getSourceManager().getPresumedLoc(info.getLocation());
      if (p.isValid())
        text = std::string(p.getFilename()) + ":" +
               std::to_string(p.getLine()) + ":" +
               std::to_string(p.getColumn()) + ": ";
    }
    text += std::string(msg);
  }
};

} // namespace

// The database's command as an in-process compilation to bitcode: what
// writes files or stops before code generation goes, -c -emit-llvm -g (and
// `extra`) are added at the end, before any "--".
static std::vector<std::string>
in_process_args(const CompileCommand &c, const std::vector<std::string> &extra) {
  using namespace clang::tooling;
  CommandLineArguments kept;
  const CommandLineArguments &a = c.CommandLine;
  for (size_t k = 0; k < a.size(); k++) {
    llvm::StringRef s = a[k];
    if (s == "--") {
      kept.insert(kept.end(), a.begin() + k, a.end());
      break;
    }
    if (k && (s == "-MJ" || s == "--serialize-diagnostics")) {
      k++; // and its file
      continue;
    }
    if (k && (s == "-c" || s == "-S" || s == "-E" || s == "-fsyntax-only" ||
              s == "-emit-llvm" || s.starts_with("-save-temps") ||
              s.starts_with("--serialize-diagnostics=")))
      continue;
    kept.push_back(a[k]);
  }
  std::vector<std::string> add = {"-c", "-emit-llvm", "-g"};
  add.insert(add.end(), extra.begin(), extra.end());
  ArgumentsAdjuster adjust = combineAdjusters(
      combineAdjusters(getClangStripOutputAdjuster(),
                       getClangStripDependencyFileAdjuster()),
      getInsertArgumentAdjuster(add, ArgumentInsertPosition::END));
  return adjust(kept, c.Filename);
}

namespace {

// One unit's compiler invocation, as clang-19's driver makes it for the
// command line.
struct invocation {
  std::shared_ptr<clang::CompilerInvocation> ci;
  bool cxx = false;
  std::string problem; // when there is no ci and no error was counted
};

} // namespace

static invocation make_invocation(const std::vector<std::string> &args,
                                  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> vfs,
                                  clang::DiagnosticsEngine &diags) {
  invocation inv;
  std::vector<const char *> argv;
  for (const std::string &s : args)
    argv.push_back(s.c_str());
  clang::driver::Driver d(argv[0], llvm::sys::getDefaultTargetTriple(), diags,
                          "escapade", vfs);
  d.Dir = ESC_CLANG_BIN_DIR;
  d.ResourceDir = ESC_CLANG_RESOURCE_DIR;
  std::unique_ptr<clang::driver::Compilation> comp(d.BuildCompilation(argv));
  if (!comp || comp->containsError() || diags.hasErrorOccurred())
    return inv;
  const clang::driver::JobList &jobs = comp->getJobs();
  if (jobs.size() != 1) {
    inv.problem = "is not one C or C++ compilation";
    return inv;
  }
  const clang::driver::Command &job = *jobs.begin();
  if (llvm::StringRef(job.getCreator().getName()) != "clang" ||
      job.getInputInfos().empty()) {
    inv.problem = "is not C or C++";
    return inv;
  }
  clang::driver::types::ID t = job.getInputInfos()[0].getType();
  inv.cxx = clang::driver::types::isCXX(t);
  if (!inv.cxx && t != clang::driver::types::TY_C &&
      t != clang::driver::types::TY_PP_C) {
    inv.problem = "is not C or C++";
    return inv;
  }
  auto ci = std::make_shared<clang::CompilerInvocation>();
  if (!clang::CompilerInvocation::CreateFromArgs(*ci, job.getArguments(),
                                                 diags, argv[0]))
    return inv;
  // -disable-free, which the driver adds, would leak every unit
  ci->getFrontendOpts().DisableFree = false;
  ci->getCodeGenOpts().DisableFree = false;
  inv.ci = std::move(ci);
  return inv;
}

static LLVMMemoryBufferRef compile(const CompileCommand &c,
                                   std::string &problem) {
  // Each unit has its own working directory (threads share the process's).
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> vfs =
      llvm::vfs::createPhysicalFileSystem();
  if (std::error_code ec = vfs->setCurrentWorkingDirectory(c.Directory)) {
    problem = "its directory " + c.Directory + ": " + ec.message();
    return nullptr;
  }
  first_error diag;
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> dopts =
      new clang::DiagnosticOptions();
  clang::DiagnosticsEngine diags(new clang::DiagnosticIDs(), dopts, &diag,
                                 /*ShouldOwnClient=*/false);
  invocation inv = make_invocation(in_process_args(c, {}), vfs, diags);
  if (inv.ci && inv.cxx)
    inv = make_invocation(
        in_process_args(c, {"-flto", "-fwhole-program-vtables"}), vfs, diags);

  llvm::SmallVector<char, 0> bitcode;
  bool ok = false;
  if (inv.ci) {
    clang::CompilerInstance clang;
    clang.setInvocation(inv.ci);
    clang.createDiagnostics(&diag, /*ShouldOwnClient=*/false);
    // "N errors generated." and statistics would go to stderr
    clang.setVerboseOutputStream(std::make_unique<llvm::raw_null_ostream>());
    clang.createFileManager(vfs);
    clang.setOutputStream(std::make_unique<llvm::raw_svector_ostream>(bitcode));
    clang::EmitBCAction act; // its own LLVMContext
    ok = clang.ExecuteAction(act);
  }
  unsigned n = diag.getNumErrors();
  if (n || !ok) {
    if (n) {
      problem = "does not compile (" + std::to_string(n) +
                (n == 1 ? " error" : " errors");
      if (!diag.text.empty())
        problem += "; first: " + diag.text.substr(0, diag.text.find('\n'));
      problem += ")";
    } else if (!inv.problem.empty()) {
      problem = inv.problem;
    } else {
      problem = "does not compile";
    }
    return nullptr;
  }
  return LLVMCreateMemoryBufferWithMemoryRangeCopy(
      bitcode.data(), bitcode.size(), c.Filename.c_str());
}

extern "C" LLVMMemoryBufferRef esc_clang_compile(const esc_clang_db *db, int i,
                                                 char **problem) {
  *problem = nullptr;
  clang::noteBottomOfStack();
  const CompileCommand &c = db->units[i];
  LLVMMemoryBufferRef out = nullptr;
  std::string why;
  llvm::CrashRecoveryContext crc;
  if (!crc.RunSafely([&] { out = compile(c, why); })) {
    out = nullptr;
    why = "made clang crash";
  }
  if (!out)
    *problem = dup_cstr(why);
  return out;
}
