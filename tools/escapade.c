/*
 * escapade: whole-program escape analysis for C and C++ over LLVM bitcode.
 *
 * The pipeline, top to bottom:
 *   1. parse options
 *   2. load every input, record its type facts, link them into one module
 *   3. analyse: allocation sites, summaries bottom-up, three levels
 *   4. report (text like Go's -m, or JSON) to stdout or -o FILE; or, with
 *      --check, write the program instrumented for the run-time check
 * Errors are one line, "escapade: FILE: problem", and a non-zero exit;
 * an output file is written whole or not at all.
 */
#include "escapade/escapade.h"

#include "esc_compdb.h"
#include "esc_diff.h"
#include "esc_limits.h"
#include "esc_load.h"
#include "esc_output.h"
#include "esc_util.h"

#include <errno.h>
#include <limits.h>
#include <llvm-c/Analysis.h>
#include <llvm-c/BitWriter.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_GATE = 3 };

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define ESC_LEAK_CHECKED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(ESC_LEAK_CHECKED)
enum { FREE_LLVM_AT_EXIT = 1 };
#else
enum { FREE_LLVM_AT_EXIT = 0 };
#endif

typedef ESC_VEC(const char *) str_vec;

typedef struct cli {
  esc_options opt;
  str_vec inputs;      /* argv's */
  str_vec alloc_fns;   /* --alloc-fn; elements owned by strings */
  str_vec free_fns;    /* --free-fn; owned by strings */
  str_vec model_files; /* --model; owned by strings */
  esc_usermodel *model; /* read from the three above (owned) */
  str_vec force_local; /* --force-local=FILE:LINE; owned by strings */
  str_vec file_globs;  /* --files; owned by strings */
  str_vec func_globs;  /* --functions; owned by strings */
  str_vec forbid;      /* --forbid-escape; owned by strings */
  ESC_VEC(char *) strings; /* list elements split from argv (owned) */
  const char *compdb;  /* -p BUILD_DIR: compile_commands.json's directory */
  int jobs;            /* -j N: translation units compiled at once */
  int diff;            /* --diff OLD.json NEW.json */
  int check;                         /* --check: write instrumented bitcode */
  char *source_root;                 /* --source-root, resolved (owned) */
  int h2s;                           /* --h2s: write transformed bitcode */
  long long max_stack_bytes;         /* --max-stack-bytes (h2s) */
  const char *output;
  int require_debug_info;
  int timing;
} cli;

static void usage(FILE *f) {
  fputs(
      "usage: escapade [options] FILE.bc|FILE.ll|- ...\n"
      "       escapade -p BUILD_DIR [options] [SOURCE ...]\n"
      "       escapade --diff OLD.json NEW.json [--level=L]\n"
      "Links the inputs into one program and reports, for every allocation\n"
      "site, whether it escapes at three levels: intraprocedural,\n"
      "conservative (Go-like) and whole_program.\n"
      "Options taking a value accept --opt=VALUE and --opt VALUE; the\n"
      "repeatable ones also take comma-separated lists.\n"
      "\n"
      "Input:\n"
      "  -p BUILD_DIR        compile the translation units of\n"
      "                      BUILD_DIR/compile_commands.json (all, or the\n"
      "                      SOURCE files named) in-process with their own\n"
      "                      flags and -g, and analyse them linked together;\n"
      "                      a unit that does not compile is left out\n"
      "  -j N                translation units compiled at once (with -p;\n"
      "                      default 1)\n"
      "  --require-debug-info  fail on an input without debug info\n"
      "Analysis:\n"
      "  --model=FILE        the user's model of functions: allocators,\n"
      "                      deallocators, pools, what calls keep (format in\n"
      "                      docs/formats.md; repeatable; the report names it)\n"
      "  --alloc-fn=NAME[:SIZEARG]\n"
      "                      treat NAME as an allocator (model line\n"
      "                      \"alloc NAME size=SIZEARG\"; repeatable)\n"
      "  --free-fn=NAME      treat NAME as a deallocator of its argument 0\n"
      "                      (model line \"free NAME ptr=0\"; repeatable)\n"
      "  --resolve=typeset|signature\n"
      "                      indirect-call resolution (signature: baseline)\n"
      "  --assume-closed     assume code loaded with dlopen never calls back\n"
      "  --assume-typed      resolve indirect calls by type: assume memory\n"
      "                      written through a field of struct S is read\n"
      "                      through a field of S (unsound for unions, byte\n"
      "                      copies, casts; the report names it)\n"
      "  --resolve-budget=N  points-to propagation steps (default 2e9;\n"
      "                      past it every indirect call is unknown)\n"
      "  --budget=N          propagation steps per function (default 5e7)\n"
      "Report:\n"
      "  -m, -m=1            verdicts and parameter summaries (default)\n"
      "  -m=2                also the flow that explains each escape\n"
      "  --format=text|json|sarif|lsp  output format (default text)\n"
      "  --source-root=DIR   SARIF: file names relative to DIR\n"
      "  --level=L[,L]       levels shown: all (default), intraprocedural,\n"
      "                      conservative, whole_program; SARIF, LSP and the\n"
      "                      gate judge at the highest one\n"
      "  --avoided           only sites whole-program analysis keeps local\n"
      "  --files=GLOB        only sites in files matching GLOB (repeatable;\n"
      "                      without a '/', matched against the base name)\n"
      "  --functions=GLOB    only sites in functions matching GLOB\n"
      "                      (demangled name or symbol; repeatable)\n"
      "  --system-headers    also sites in system headers (/usr/include...)\n"
      "  --stats             resolution statistics and timing (text)\n"
      "  --explain-unknown   say where each unresolved call's unknown comes from\n"
      "  -o, --output=FILE   write the report (or bitcode) to FILE\n"
      "CI gate:\n"
      "  --forbid-escape=FUNC_GLOB  exit 3 when a shown site in a matching\n"
      "                      function escapes at the level (repeatable)\n"
      "  --diff OLD.json NEW.json  sites whose verdict changed between two\n"
      "                      --format=json reports; exit 3 on new escapes\n"
      "Transforms:\n"
      "  --check             write the program (-o FILE.bc) instrumented so\n"
      "                      that a use of a site the level (one of\n"
      "                      conservative, whole_program) says does not\n"
      "                      escape after its frame returned is reported;\n"
      "                      link with build/lib/libescapade_rt.a and\n"
      "                      -fsanitize=address\n"
      "  --force-local=FILE:LINE  check that site whatever the verdict\n"
      "                      (testing the check; repeatable)\n"
      "  --h2s               write the program (-o FILE.bc) with the heap\n"
      "                      sites the level keeps local moved to the stack;\n"
      "                      a remark per such site on stdout\n"
      "  --max-stack-bytes=N largest block --h2s moves (default 256)\n"
      "Other:\n"
      "  --time              print load/analysis time and memory to stderr\n"
      "  --version           the version, and LLVM's\n"
      "  -h, --help          this text\n"
      "Exit status: 0; 1 bad input or output; 2 usage; 3 the gate failed.\n",
      f);
}

static int fail_usage(const char *msg, const char *arg) {
  fprintf(stderr, "escapade: %s '%s' (see escapade --help)\n", msg, arg);
  return EXIT_USAGE;
}

/* A positive decimal count (a step budget): 1 and *out set, or 0. */
static int parse_count(const char *s, uint64_t *out) {
  char *end;
  if (*s < '0' || *s > '9') /* strtoull takes "-1" for 2^64-1 */
    return 0;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (*end == 'e' && end[1] >= '0' && end[1] <= '9' && !end[2]) {
    /* 2e9, as the help text writes the defaults */
    for (int k = end[1] - '0'; k > 0; k--) {
      if (v > ULLONG_MAX / 10)
        return 0;
      v *= 10;
    }
    end += 2;
  }
  if (*end || !v || (v == ULLONG_MAX && errno == ERANGE))
    return 0;
  *out = v;
  return 1;
}

/* argv[*i] is option `name` with a value, spelled "name=VALUE" or
 * "name VALUE" (the value then is the next argument, consumed): 1 and
 * *val set; 0 when it is another option; -1 when the value is missing. */
static int opt_value(int argc, char **argv, int *i, const char *name,
                     const char **val) {
  const char *a = argv[*i];
  size_t n = strlen(name);
  if (strncmp(a, name, n))
    return 0;
  if (a[n] == '=') {
    *val = a + n + 1;
    return **val ? 1 : -1;
  }
  if (a[n])
    return 0;
  if (*i + 1 >= argc)
    return -1;
  *val = argv[++*i];
  return 1;
}

/* Appends each element of a comma-separated list (the list's string is
 * argv's; elements are copies owned by c->strings). */
static void push_list(cli *c, str_vec *v, const char *list) {
  while (*list) {
    size_t n = strcspn(list, ",");
    if (n) {
      char *e = strndup(list, n);
      ESC_VEC_PUSH(c->strings, e);
      ESC_VEC_PUSH(*v, e);
    }
    list += n;
    if (*list == ',')
      list++;
  }
}

static int parse_force_local(cli *c, const char *list) {
  size_t before = c->force_local.len;
  push_list(c, &c->force_local, list);
  for (size_t k = before; k < c->force_local.len; k++) {
    const char *f = c->force_local.data[k];
    const char *colon = strrchr(f, ':');
    if (!colon || colon == f || !colon[1] ||
        strspn(colon + 1, "0123456789") != strlen(colon + 1))
      return fail_usage("expected FILE:LINE in --force-local", f);
  }
  return 0;
}

/* One option with a value; 1 when argv[*i] was one (handled, or *rc set
 * to a usage error), 0 when it is not an option with a value. */
static int parse_valued(cli *c, int argc, char **argv, int *i, int *rc) {
  static const char *const names[] = {
      "--format", "--source-root", "--level", "--alloc-fn", "--free-fn",
      "--model", "--resolve",
      "--resolve-budget", "--budget", "--max-stack-bytes", "--force-local",
      "--files", "--functions", "--forbid-escape", "--output", "-o", "-p",
      "-j"};
  const char *v = NULL, *name = NULL;
  for (size_t k = 0; k < sizeof names / sizeof *names && !name; k++) {
    int got = opt_value(argc, argv, i, names[k], &v);
    if (got < 0) {
      *rc = fail_usage("missing value for", names[k]);
      return 1;
    }
    if (got)
      name = names[k];
  }
  if (!name && !strncmp(argv[*i], "-j", 2) && argv[*i][2]) {
    name = "-j"; /* -j4 */
    v = argv[*i] + 2;
  }
  if (!name)
    return 0;
  uint64_t n;
  if (!strcmp(name, "--format")) {
    if (!esc_format_parse(v, &c->opt.format))
      *rc = fail_usage("unknown format", v);
    else if (c->opt.format == ESC_FMT_SARIF || c->opt.format == ESC_FMT_LSP)
      c->opt.detail = 2; /* flows become codeFlows, related information */
  } else if (!strcmp(name, "--source-root")) {
    /* compared with absolute file names: resolved once */
    free(c->source_root);
    c->source_root = realpath(v, NULL);
    if (!c->source_root) {
      fprintf(stderr, "escapade: %s: %s\n", v, strerror(errno));
      *rc = EXIT_USAGE;
    }
    c->opt.source_root = c->source_root;
  } else if (!strcmp(name, "--level")) {
    unsigned m = esc_level_mask_parse(v);
    if (!m)
      *rc = fail_usage("unknown level", v);
    c->opt.level_mask = m;
  } else if (!strcmp(name, "--alloc-fn")) {
    push_list(c, &c->alloc_fns, v);
  } else if (!strcmp(name, "--free-fn")) {
    push_list(c, &c->free_fns, v);
  } else if (!strcmp(name, "--model")) {
    push_list(c, &c->model_files, v);
  } else if (!strcmp(name, "--resolve")) {
    if (!strcmp(v, "typeset"))
      c->opt.resolve = ESC_RESOLVE_TYPESET;
    else if (!strcmp(v, "signature"))
      c->opt.resolve = ESC_RESOLVE_SIGNATURE;
    else
      *rc = fail_usage("unknown resolution", v);
  } else if (!strcmp(name, "--resolve-budget")) {
    if (!parse_count(v, &c->opt.resolve_budget))
      *rc = fail_usage("bad resolve budget", v);
  } else if (!strcmp(name, "--budget")) {
    if (!parse_count(v, &c->opt.solve_budget))
      *rc = fail_usage("bad budget", v);
  } else if (!strcmp(name, "--max-stack-bytes")) {
    if (!parse_count(v, &n) || n > ESC_H2S_MAX_STACK_BYTES)
      *rc = fail_usage("bad stack size (1 to 1048576 bytes)", v);
    c->max_stack_bytes = (long long)n;
  } else if (!strcmp(name, "--force-local")) {
    *rc = parse_force_local(c, v);
  } else if (!strcmp(name, "--files")) {
    push_list(c, &c->file_globs, v);
  } else if (!strcmp(name, "--functions")) {
    push_list(c, &c->func_globs, v);
  } else if (!strcmp(name, "--forbid-escape")) {
    push_list(c, &c->forbid, v);
  } else if (!strcmp(name, "--output") || !strcmp(name, "-o")) {
    c->output = v;
  } else if (!strcmp(name, "-p")) {
    c->compdb = v;
  } else if (!strcmp(name, "-j")) {
    if (!parse_count(v, &n) || n > 256)
      *rc = fail_usage("bad job count (1 to 256)", v);
    c->jobs = (int)n;
  }
  return 1;
}

static int parse_args(cli *c, int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int rc = 0;
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage(stdout);
      exit(0);
    } else if (!strcmp(a, "--version")) {
      unsigned maj, min, pat;
      LLVMGetVersion(&maj, &min, &pat);
      printf("escapade %s (LLVM %u.%u.%u)\n", ESC_VERSION, maj, min, pat);
      exit(0);
    } else if (!strcmp(a, "-m") || !strcmp(a, "-m=1")) {
      c->opt.detail = 1;
    } else if (!strcmp(a, "-m=2") || !strcmp(a, "-m=3")) {
      c->opt.detail = 2;
    } else if (!strcmp(a, "--diff")) {
      c->diff = 1;
    } else if (parse_valued(c, argc, argv, &i, &rc)) {
      if (rc)
        return rc;
    } else if (!strcmp(a, "--avoided")) {
      c->opt.avoided_only = 1;
    } else if (!strcmp(a, "--assume-closed")) {
      c->opt.assume_closed = 1;
    } else if (!strcmp(a, "--assume-typed")) {
      c->opt.assume_typed = 1;
    } else if (!strcmp(a, "--explain-unknown")) {
      c->opt.explain_unknown = 1;
    } else if (!strcmp(a, "--stats")) {
      c->opt.show_stats = 1;
    } else if (!strcmp(a, "--system-headers")) {
      c->opt.system_headers = 1;
    } else if (!strcmp(a, "--check")) {
      c->check = 1;
    } else if (!strcmp(a, "--h2s")) {
      c->h2s = 1;
    } else if (!strcmp(a, "--time")) {
      c->timing = 1;
    } else if (!strcmp(a, "--require-debug-info")) {
      c->require_debug_info = 1;
    } else if (a[0] == '-' && a[1]) {
      return fail_usage("unknown option", a);
    } else {
      ESC_VEC_PUSH(c->inputs, a);
    }
  }
  if (c->diff) {
    if (c->inputs.len != 2) {
      fprintf(stderr, "escapade: --diff takes two reports: OLD.json "
                      "NEW.json\n");
      return EXIT_USAGE;
    }
    return 0;
  }
  if (!c->inputs.len && !c->compdb) {
    fprintf(stderr, "escapade: no input files (see escapade --help)\n");
    return EXIT_USAGE;
  }
  if (c->check && c->h2s) {
    fprintf(stderr, "escapade: --check and --h2s are separate runs\n");
    return EXIT_USAGE;
  }
  if (c->check || c->h2s) {
    const char *what = c->check ? "--check" : "--h2s";
    unsigned m = c->opt.level_mask;
    if (m == esc_level_mask_parse("all"))
      c->opt.level_mask = 1u << ESC_WHOLE;
    else if (m != 1u << ESC_WHOLE && m != 1u << ESC_CONSERVATIVE) {
      fprintf(stderr, "escapade: %s takes one level: conservative or "
                      "whole_program\n", what);
      return EXIT_USAGE;
    }
    if (!c->output) {
      fprintf(stderr, "escapade: %s writes bitcode: give -o FILE.bc\n",
              what);
      return EXIT_USAGE;
    }
  }
  if (!c->check && c->force_local.len) {
    fprintf(stderr, "escapade: --force-local needs --check\n");
    return EXIT_USAGE;
  }
  c->opt.alloc_fns = c->alloc_fns.data;
  c->opt.n_alloc_fns = (int)c->alloc_fns.len;
  c->opt.free_fns = c->free_fns.data;
  c->opt.n_free_fns = (int)c->free_fns.len;
  c->opt.model_files = c->model_files.data;
  c->opt.n_model_files = (int)c->model_files.len;
  c->opt.file_globs = c->file_globs.data;
  c->opt.n_file_globs = (int)c->file_globs.len;
  c->opt.func_globs = c->func_globs.data;
  c->opt.n_func_globs = (int)c->func_globs.len;
  return 0;
}

/* Writes data to c->output by the project's rule (esc_output.h). */
static int write_output(const cli *c, const char *data, size_t len) {
  char *err = NULL;
  if (esc_output_write(c->output, data, len, &err) == 0)
    return 0;
  fprintf(stderr, "escapade: %s\n", err);
  free(err);
  return EXIT_INPUT;
}

/* Writes the instrumented or transformed module to c->output. */
static int write_bitcode(const cli *c, LLVMModuleRef M) {
  LLVMMemoryBufferRef buf = LLVMWriteBitcodeToMemoryBuffer(M);
  if (!buf) {
    fprintf(stderr, "escapade: %s: write failed\n", c->output);
    return EXIT_INPUT;
  }
  int rc = write_output(c, LLVMGetBufferStart(buf), LLVMGetBufferSize(buf));
  LLVMDisposeMemoryBuffer(buf);
  return rc;
}

/* Runs write(arg, f) on a memory stream; its text in *text (free it). */
static int render(int (*write)(void *, FILE *), void *arg, char **text,
                  size_t *len) {
  *text = NULL;
  *len = 0;
  FILE *f = open_memstream(text, len);
  if (!f)
    return -1;
  int rc = write(arg, f);
  if (fclose(f) != 0)
    rc = -1;
  return rc;
}

typedef struct report_args {
  const cli *c;
  const esc_result *r;
} report_args;

static int report_to(void *arg, FILE *f) {
  const report_args *a = arg;
  return esc_report(a->r, &a->c->opt, f);
}

/* Writes the report to stdout or c->output. */
static int write_report(const cli *c, const esc_result *r) {
  if (!c->output)
    return esc_report(r, &c->opt, stdout) ? EXIT_INPUT : 0;
  report_args a = {c, r};
  char *text;
  size_t len;
  int rc = render(report_to, &a, &text, &len);
  if (rc) {
    fprintf(stderr, "escapade: %s: write failed\n", c->output);
    rc = EXIT_INPUT;
  } else {
    rc = write_output(c, text, len);
  }
  free(text);
  return rc;
}

typedef struct diff_args {
  const cli *c;
  int status; /* esc_diff_reports's */
} diff_args;

static int diff_to(void *arg, FILE *f) {
  diff_args *a = arg;
  a->status = esc_diff_reports(a->c->inputs.data[0], a->c->inputs.data[1],
                               esc_report_level(&a->c->opt), f);
  return 0;
}

/* --diff: the comparison to stdout or c->output; the listing is written
 * when the gate fails (status 3) too. */
static int diff_reports(const cli *c) {
  if (!c->output)
    return esc_diff_reports(c->inputs.data[0], c->inputs.data[1],
                            esc_report_level(&c->opt), stdout);
  diff_args a = {c, 0};
  char *text;
  size_t len;
  int rc = render(diff_to, &a, &text, &len);
  if (!rc && a.status != EXIT_INPUT)
    rc = write_output(c, text, len);
  free(text);
  return rc ? EXIT_INPUT : a.status;
}

/* What an input lacks, said once per input before it is linked: debug
 * info (an error with --require-debug-info), C++ type metadata, a
 * producer as new as this LLVM. */
static int check_input(const cli *c, LLVMModuleRef m, const char *path) {
  esc_str warnings = {0};
  char *err = NULL;
  int bad = esc_input_check(m, path, c->require_debug_info, &warnings, &err);
  if (warnings.len)
    fputs(warnings.s, stderr);
  if (bad)
    fprintf(stderr, "escapade: %s\n", err);
  esc_str_free(&warnings);
  free(err);
  return bad ? EXIT_INPUT : 0;
}

/* One input (m, consumed) checked, its type facts recorded, and linked
 * into *program (the first input becomes it). */
static int add_input(const cli *c, LLVMModuleRef m, const char *path,
                     LLVMModuleRef *program, char **err) {
  int rc = check_input(c, m, path);
  if (rc) {
    LLVMDisposeModule(m);
    return rc;
  }
  /* type facts feed the type-based resolutions only (the default is
   * points-to, which reads none) */
  if (c->opt.assume_typed || c->opt.resolve != ESC_RESOLVE_TYPESET)
    esc_annotate_module(m);
  if (!*program)
    *program = m;
  else if (esc_link_into(*program, m, path, err))
    return EXIT_INPUT;
  return 0;
}

/* Step 2 with -p: the database's units (or those of the SOURCE inputs)
 * compiled in-process, each added as a bitcode input, in database order. */
static int load_compdb(const cli *c, LLVMContextRef ctx,
                       LLVMModuleRef *program, char **err) {
  esc_compdb *db = esc_compdb_open(c->compdb, c->inputs.data,
                                   (int)c->inputs.len, c->jobs, err);
  if (!db)
    return EXIT_INPUT;
  int rc = 0;
  for (;;) {
    LLVMModuleRef m;
    const char *file;
    int got = esc_compdb_next(db, ctx, stderr, &m, &file, err);
    if (got <= 0) {
      rc = got < 0 ? EXIT_INPUT : 0;
      break;
    }
    if ((rc = add_input(c, m, file, program, err)))
      break;
  }
  esc_compdb_close(db);
  return rc;
}

/* Step 2: every input loaded, checked, its type facts recorded, and
 * linked into the first (*program, owned by the caller). */
static int load_inputs(const cli *c, LLVMContextRef ctx,
                       LLVMModuleRef *program, char **err) {
  if (c->compdb)
    return load_compdb(c, ctx, program, err);
  for (size_t i = 0; i < c->inputs.len; i++) {
    const char *path = c->inputs.data[i];
    esc_str warnings = {0};
    LLVMModuleRef m = esc_load_module(ctx, path, &warnings, err);
    if (warnings.len)
      fputs(warnings.s, stderr);
    esc_str_free(&warnings);
    if (!m)
      return EXIT_INPUT;
    int rc = add_input(c, m, path, program, err);
    if (rc)
      return rc;
  }
  return 0;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Peak resident set of this process: VmHWM (reset by exec, unlike
 * getrusage's ru_maxrss, which can carry the parent's peak). */
static long peak_rss_kib(void) {
  long kib = -1;
  FILE *f = fopen("/proc/self/status", "r");
  if (f) {
    char line[256];
    while (fgets(line, sizeof line, f))
      if (sscanf(line, "VmHWM: %ld kB", &kib) == 1)
        break;
    fclose(f);
  }
  if (kib < 0) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    kib = u.ru_maxrss;
  }
  return kib;
}

int main(int argc, char **argv) {
  cli c;
  memset(&c, 0, sizeof c);
  esc_options_default(&c.opt);
  c.max_stack_bytes = 256;
  LLVMContextRef ctx = NULL;
  LLVMModuleRef program = NULL;
  esc_result *result = NULL;
  char *err = NULL;
  int rc = parse_args(&c, argc, argv);
  if (rc)
    goto out;
  if (c.diff) {
    rc = diff_reports(&c);
    goto out;
  }

  /* 2. the user's model, then load, record type facts per module, link,
   * and check the model against the program */
  char merr[1024];
  c.model = esc_usermodel_load(&c.opt, merr, sizeof merr);
  if (!c.model) {
    fprintf(stderr, "%s\n", merr);
    rc = EXIT_INPUT;
    goto out;
  }
  c.opt.model = c.model;
  double t0 = now();
  esc_load_init();
  ctx = LLVMContextCreate();
  rc = load_inputs(&c, ctx, &program, &err);
  if (rc)
    goto out;
  if (esc_usermodel_check_module(c.model, program, merr, sizeof merr)) {
    fprintf(stderr, "%s\n", merr);
    rc = EXIT_INPUT;
    goto out;
  }

  /* 3. analyse */
  double t1 = now();
  long rss_loaded = peak_rss_kib();
  result = esc_analyze(program, &c.opt);
  if (c.timing) {
    double t2 = now();
    fprintf(stderr,
            "escapade: time: parse+link %.3f s, analysis %.3f s, ratio %.2f; "
            "peak RSS %.1f MiB after load, %.1f MiB after analysis; "
            "analysis arena %.1f MiB\n",
            t1 - t0, t2 - t1, (t2 - t1) / (t1 - t0 > 1e-9 ? t1 - t0 : 1e-9),
            rss_loaded / 1024.0, peak_rss_kib() / 1024.0,
            esc_result_arena_bytes(result) / 1048576.0);
  }

  /* 4. report, or the program instrumented for the run-time check */
  if (c.check) {
    esc_level lvl = (c.opt.level_mask & (1u << ESC_WHOLE)) ? ESC_WHOLE
                                                          : ESC_CONSERVATIVE;
    int skipped = 0;
    int n = esc_instrument_check(result, lvl, c.force_local.data,
                                 (int)c.force_local.len, &skipped);
    if (c.opt.show_stats)
      fprintf(stderr, "escapade: check: %d sites instrumented, %d not "
              "checkable [%s]\n", n, skipped, esc_level_name(lvl));
    rc = write_bitcode(&c, program);
  } else if (c.h2s) {
    esc_level lvl = (c.opt.level_mask & (1u << ESC_WHOLE)) ? ESC_WHOLE
                                                          : ESC_CONSERVATIVE;
    int n = esc_heap_to_stack(result, lvl, c.max_stack_bytes, stdout);
    if (c.opt.show_stats)
      fprintf(stderr, "escapade: h2s: %d sites moved to the stack [%s]\n", n,
              esc_level_name(lvl));
    char *verr = NULL;
    if (LLVMVerifyModule(program, LLVMReturnStatusAction, &verr)) {
      fprintf(stderr, "escapade: %s: heap-to-stack produced invalid IR: %s\n",
              c.compdb ? c.compdb : c.inputs.data[0], verr ? verr : "?");
      rc = EXIT_INPUT;
    } else {
      rc = write_bitcode(&c, program);
    }
    LLVMDisposeMessage(verr);
  } else {
    rc = write_report(&c, result);
    /* 5. the gate, once the report is out */
    if (!rc && c.forbid.len &&
        esc_gate_forbidden(result, &c.opt, esc_report_level(&c.opt),
                           c.forbid.data, (int)c.forbid.len, stderr) > 0)
      rc = EXIT_GATE;
  }

out:
  if (err) {
    fprintf(stderr, "escapade: %s\n", err);
    free(err);
  }
  esc_result_free(result);
  /* The process ends here: the module and its context (up to a tenth of
   * a run on a large program) go with it, as clang's -disable-free does.
   * A sanitizer build frees them, so that leak checking stays exact. */
  if (FREE_LLVM_AT_EXIT && program)
    LLVMDisposeModule(program);
  if (FREE_LLVM_AT_EXIT && ctx)
    LLVMContextDispose(ctx);
  ESC_VEC_FREE(c.inputs);
  ESC_VEC_FREE(c.alloc_fns);
  ESC_VEC_FREE(c.free_fns);
  ESC_VEC_FREE(c.model_files);
  esc_usermodel_free(c.model);
  ESC_VEC_FREE(c.force_local);
  ESC_VEC_FREE(c.file_globs);
  ESC_VEC_FREE(c.func_globs);
  ESC_VEC_FREE(c.forbid);
  for (size_t k = 0; k < c.strings.len; k++)
    free(c.strings.data[k]);
  ESC_VEC_FREE(c.strings);
  free(c.source_root);
  return rc;
}
