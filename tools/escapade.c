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

#include "esc_load.h"
#include "esc_util.h"

#include <errno.h>
#include <llvm-c/Analysis.h>
#include <llvm-c/BitWriter.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_INPUT = 1, EXIT_USAGE = 2 };

typedef struct cli {
  esc_options opt;
  ESC_VEC(const char *) inputs;
  ESC_VEC(const char *) alloc_fns;
  ESC_VEC(const char *) force_local; /* --force-local=FILE:LINE */
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
      "Links the inputs into one program and reports, for every allocation\n"
      "site, whether it escapes at three levels: intraprocedural,\n"
      "conservative (Go-like) and whole_program.\n"
      "\n"
      "  -m, -m=1            verdicts and parameter summaries (default)\n"
      "  -m=2                also the flow that explains each escape\n"
      "  --format=text|json|sarif  output format (default text)\n"
      "  --source-root=DIR   SARIF: file names relative to DIR\n"
      "  --level=L[,L]       levels shown in text: all (default),\n"
      "                      intraprocedural, conservative, whole_program\n"
      "  --alloc-fn=NAME     treat NAME as an allocator (repeatable)\n"
      "  --avoided           only sites whole-program analysis keeps local\n"
      "  --resolve=typeset|signature\n"
      "                      indirect-call resolution (signature: baseline)\n"
      "  --stats             resolution statistics and timing (text)\n"
      "  --explain-unknown   say where each unresolved call's unknown comes from\n"
      "  --assume-closed     assume code loaded with dlopen never calls back\n"
      "  --assume-typed      resolve indirect calls by type: assume memory\n"
      "                      written through a field of struct S is read\n"
      "                      through a field of S (unsound for unions, byte\n"
      "                      copies, casts; the report names it)\n"
      "  --resolve-budget=N  points-to propagation steps (default 2e9;\n"
      "                      past it every indirect call is unknown)\n"
      "  --budget=N          propagation steps per function (default 5e7)\n"
      "  --check             write the program (-o FILE.bc) instrumented so\n"
      "                      that a use of a site the level (one of\n"
      "                      conservative, whole_program) says does not\n"
      "                      escape after its frame returned is reported;\n"
      "                      link with build/lib/libescapade_rt.a and\n"
      "                      -fsanitize=address\n"
      "  --h2s               write the program (-o FILE.bc) with the heap\n"
      "                      sites the level keeps local moved to the stack;\n"
      "                      a remark per such site on stdout\n"
      "  --max-stack-bytes=N largest block --h2s moves (default 256)\n"
      "  --force-local=FILE:LINE  check that site whatever the verdict\n"
      "                      (testing the check; repeatable)\n"
      "  --require-debug-info  fail on inputs without debug info\n"
      "  --time              print load/analysis time and memory to stderr\n"
      "  -o FILE             write the report to FILE\n"
      "  -h, --help          this text\n",
      f);
}

static int fail_usage(const char *msg, const char *arg) {
  fprintf(stderr, "escapade: %s '%s' (see escapade --help)\n", msg, arg);
  return EXIT_USAGE;
}

/* A positive decimal count (a step budget): 1 and *out set, or 0. */
static int parse_count(const char *s, uint64_t *out) {
  char *end;
  unsigned long long v = strtoull(s, &end, 10);
  if (!*s || *end || !v)
    return 0;
  *out = v;
  return 1;
}

static int parse_args(cli *c, int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage(stdout);
      exit(0);
    } else if (!strcmp(a, "-m") || !strcmp(a, "-m=1")) {
      c->opt.detail = 1;
    } else if (!strcmp(a, "-m=2") || !strcmp(a, "-m=3")) {
      c->opt.detail = 2;
    } else if (!strcmp(a, "--format=text")) {
      c->opt.format = ESC_FMT_TEXT;
    } else if (!strcmp(a, "--format=json")) {
      c->opt.format = ESC_FMT_JSON;
    } else if (!strcmp(a, "--format=sarif")) {
      c->opt.format = ESC_FMT_SARIF;
      c->opt.detail = 2; /* flows become codeFlows */
    } else if (!strncmp(a, "--source-root=", 14) && a[14]) {
      /* compared with absolute file names: resolved once */
      free(c->source_root);
      c->source_root = realpath(a + 14, NULL);
      if (!c->source_root) {
        fprintf(stderr, "escapade: %s: %s\n", a + 14, strerror(errno));
        return EXIT_USAGE;
      }
      c->opt.source_root = c->source_root;
    } else if (!strncmp(a, "--level=", 8)) {
      unsigned m = esc_level_mask_parse(a + 8);
      if (!m)
        return fail_usage("unknown level", a + 8);
      c->opt.level_mask = m;
    } else if (!strncmp(a, "--alloc-fn=", 11) && a[11]) {
      ESC_VEC_PUSH(c->alloc_fns, a + 11);
    } else if (!strcmp(a, "--avoided")) {
      c->opt.avoided_only = 1;
    } else if (!strcmp(a, "--assume-closed")) {
      c->opt.assume_closed = 1;
    } else if (!strcmp(a, "--assume-typed")) {
      c->opt.assume_typed = 1;
    } else if (!strncmp(a, "--resolve-budget=", 17)) {
      if (!parse_count(a + 17, &c->opt.resolve_budget))
        return fail_usage("bad resolve budget", a + 17);
    } else if (!strcmp(a, "--explain-unknown")) {
      c->opt.explain_unknown = 1;
    } else if (!strcmp(a, "--stats")) {
      c->opt.show_stats = 1;
    } else if (!strcmp(a, "--resolve=typeset")) {
      c->opt.resolve = ESC_RESOLVE_TYPESET;
    } else if (!strcmp(a, "--resolve=signature")) {
      c->opt.resolve = ESC_RESOLVE_SIGNATURE;
    } else if (!strncmp(a, "--budget=", 9)) {
      if (!parse_count(a + 9, &c->opt.solve_budget))
        return fail_usage("bad budget", a + 9);
    } else if (!strcmp(a, "--check")) {
      c->check = 1;
    } else if (!strcmp(a, "--h2s")) {
      c->h2s = 1;
    } else if (!strncmp(a, "--max-stack-bytes=", 18)) {
      uint64_t n;
      if (!parse_count(a + 18, &n) || n > (1u << 20))
        return fail_usage("bad stack size (1 to 1048576 bytes)", a + 18);
      c->max_stack_bytes = (long long)n;
    } else if (!strncmp(a, "--force-local=", 14)) {
      const char *colon = strrchr(a + 14, ':');
      if (!colon || colon == a + 14 || !colon[1] ||
          strspn(colon + 1, "0123456789") != strlen(colon + 1))
        return fail_usage("expected FILE:LINE in", a);
      ESC_VEC_PUSH(c->force_local, a + 14);
    } else if (!strcmp(a, "--time")) {
      c->timing = 1;
    } else if (!strcmp(a, "--require-debug-info")) {
      c->require_debug_info = 1;
    } else if (!strcmp(a, "-o")) {
      if (++i >= argc)
        return fail_usage("missing file after", a);
      c->output = argv[i];
    } else if (a[0] == '-' && a[1]) {
      return fail_usage("unknown option", a);
    } else {
      ESC_VEC_PUSH(c->inputs, a);
    }
  }
  if (!c->inputs.len) {
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
  return 0;
}

/* How an output path is written: a new or regular file through a
 * temporary renamed into place (whole, or not at all); a device or a pipe
 * (/dev/null, /dev/stdout) in place, never replaced; a directory not at
 * all. */
typedef enum { OUT_REPLACE, OUT_IN_PLACE, OUT_REFUSE } out_mode;

static out_mode output_mode(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
    return OUT_REPLACE;
  if (S_ISDIR(st.st_mode)) {
    fprintf(stderr, "escapade: %s: is a directory\n", path);
    return OUT_REFUSE;
  }
  return OUT_IN_PLACE;
}

/* The file an output is first written to: a temporary beside it, or
 * the path itself (in place). */
static void output_target(const char *path, out_mode m, esc_str *tmp) {
  if (m == OUT_IN_PLACE)
    esc_str_printf(tmp, "%s", path);
  else
    esc_str_printf(tmp, "%s.tmp.%ld", path, (long)getpid());
}

/* Moves a finished temporary into place; removes it on failure. */
static int output_finish(const char *path, out_mode m, const char *tmp,
                         int rc) {
  if (m == OUT_IN_PLACE)
    return rc;
  if (!rc && rename(tmp, path) != 0) {
    fprintf(stderr, "escapade: %s: %s\n", path, strerror(errno));
    rc = EXIT_INPUT;
  }
  if (rc)
    remove(tmp);
  return rc;
}

/* Writes the instrumented or transformed module to c->output. */
static int write_bitcode(const cli *c, LLVMModuleRef M) {
  out_mode m = output_mode(c->output);
  if (m == OUT_REFUSE)
    return EXIT_INPUT;
  esc_str tmp = {0};
  output_target(c->output, m, &tmp);
  int rc = 0;
  if (LLVMWriteBitcodeToFile(M, tmp.s) != 0) {
    fprintf(stderr, "escapade: %s: write failed\n", c->output);
    rc = EXIT_INPUT;
  }
  rc = output_finish(c->output, m, tmp.s, rc);
  esc_str_free(&tmp);
  return rc;
}

/* Writes the report to stdout or c->output. */
static int write_report(const cli *c, const esc_result *r) {
  if (!c->output)
    return esc_report(r, &c->opt, stdout) ? EXIT_INPUT : 0;
  out_mode m = output_mode(c->output);
  if (m == OUT_REFUSE)
    return EXIT_INPUT;
  esc_str tmp = {0};
  output_target(c->output, m, &tmp);
  int rc = 0;
  FILE *f = fopen(tmp.s, "w");
  if (!f) {
    fprintf(stderr, "escapade: %s: %s\n", c->output, strerror(errno));
    rc = EXIT_INPUT;
  } else {
    int werr = esc_report(r, &c->opt, f);
    if (fclose(f) != 0 || werr) {
      fprintf(stderr, "escapade: %s: write failed\n", c->output);
      rc = EXIT_INPUT;
    }
  }
  rc = output_finish(c->output, m, tmp.s, rc);
  esc_str_free(&tmp);
  return rc;
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

  /* 2. load, record type facts per module, link */
  double t0 = now();
  ctx = LLVMContextCreate();
  program = esc_load_module(ctx, c.inputs.data[0], &err);
  if (!program) {
    rc = EXIT_INPUT;
    goto out;
  }
  esc_annotate_module(program);
  if (esc_link_files(program, c.inputs.data + 1, (int)c.inputs.len - 1,
                     &err)) {
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
  if (esc_result_lacks_debug_info(result)) {
    if (c.require_debug_info) {
      fprintf(stderr, "escapade: %s: no debug info (compile with -g)\n",
              c.inputs.data[0]);
      rc = EXIT_INPUT;
      goto out;
    }
    fprintf(stderr,
            "escapade: warning: %s: no debug info; locations are "
            "function#instruction\n",
            c.inputs.data[0]);
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
              c.inputs.data[0], verr ? verr : "?");
      rc = EXIT_INPUT;
    } else {
      rc = write_bitcode(&c, program);
    }
    LLVMDisposeMessage(verr);
  } else {
    rc = write_report(&c, result);
  }

out:
  if (err) {
    fprintf(stderr, "escapade: %s\n", err);
    free(err);
  }
  esc_result_free(result);
  if (program)
    LLVMDisposeModule(program);
  if (ctx)
    LLVMContextDispose(ctx);
  ESC_VEC_FREE(c.inputs);
  ESC_VEC_FREE(c.alloc_fns);
  ESC_VEC_FREE(c.force_local);
  free(c.source_root);
  return rc;
}
