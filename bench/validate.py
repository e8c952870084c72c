#!/usr/bin/env python3
"""Runs the corpus programs with their verdicts turned into code.

    python3 bench/validate.py [--only PROG[,PROG]] [--config O0|O2|both]

Needs the corpus sources (python3 bench/corpus.py fetches them). For each
program and configuration it compiles the translation units again with
UndefinedBehaviorSanitizer in trap mode (-fsanitize=undefined
-fsanitize-trap=undefined: the checks are traps, no calls that would hand
pointers to a runtime and change the verdicts; UBSAN_EXCLUDE names the few
checks left out for a program, and why), and builds, all with
AddressSanitizer (-fsanitize=address -fsanitize-recover=address):

  plain       the program unchanged;
  check-cons  escapade --check --level=conservative;
  check-whole escapade --check --level=whole_program (the sound default);
  check-typed escapade --check --level=whole_program --assume-typed;
  h2s         escapade --h2s --level=whole_program.

Each build runs the program's workload (bench/workloads/, the same runs
as the dynamic counts of corpus.py; tinyxml2's is its own test program,
xmltest), and the test programs the sources ship (SUITES: zlib's example
and infcover, what its `make test` runs; ninja's unit tests, ninja_test),
built from the same library units, run too; all with
ASAN_OPTIONS=detect_stack_use_after_return=1:halt_on_error=0:detect_leaks=0 and ESCAPADE_CHECK_CONTINUE=1, so every
report is counted. Per program and build it records: sites checked or
moved, check reports (distinct sites), ASan reports, whether the
workload's output (stdout and the files it writes) is identical to the
plain build's, and the run time. The sound builds must have no report;
every report of check-typed is listed with its site.

Writes bench/results/validation.json; bench/report.py puts the table in
docs/results.md.
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402

RT = os.path.join(corpus.BUILD, "lib", "libescapade_rt.a")
OUT = os.environ.get("VALIDATION_OUT",
                     os.path.join(corpus.RESULTS, "validation.json"))
BUILDS = {
    "plain": None,
    "check-cons": ["--check", "--level=conservative"],
    "check-whole": ["--check", "--level=whole_program"],
    "check-typed": ["--check", "--level=whole_program", "--assume-typed"],
    "h2s": ["--h2s", "--level=whole_program"],
}
ASAN_OPTIONS = ("detect_stack_use_after_return=1:halt_on_error=0:"
                "detect_leaks=0:allocator_may_return_null=1")


# Test programs Debian's sources ship beside the corpus program: built from
# the same library translation units (the program's own main left out) and
# run as the package's own test target runs them. lua5.4's and sqlite3's
# Debian sources ship no test suite that runs without Tcl or the upstream
# test tree: their workloads (a Lua script, an SQL script) stand in.
SUITES = {
    "zlib": {"drop": "minigzip", "programs": {
        "example": ["test/example.c"],   # make test's teststatic
        "infcover": ["test/infcover.c"],  # inflate's coverage test
    }},
    # configure.py's ninja_test: every unit test but the Windows-only ones
    "ninja": {"drop": "ninja", "programs": {
        "ninja_test": [f"src/{n}.cc" for n in (
            "build_log_test build_test clean_test clparser_test "
            "depfile_parser_test deps_log_test dyndep_parser_test "
            "disk_interface_test edit_distance_test graph_test json_test "
            "lexer_test manifest_parser_test missing_deps_test ninja_test "
            "state_test status_test string_piece_util_test subprocess_test "
            "test util_test").split()],
    }},
}


# UBSan checks left out, per program (or program/test), each for undefined
# behaviour the program has on purpose or by design and that its platform
# defines: a trap there would stop the run before anything is validated.
# Every other check stays on.
UBSAN_EXCLUDE = {
    "sqlite3": (["-fno-sanitize=function"],
                "sqlite calls destructors through a common type, e.g. "
                "sqlite3WithDelete through void (*)(sqlite3 *, void *) in "
                "sqlite3ParseObjectReset: undefined in C, defined by the "
                "x86-64 ABI"),
    "ninja/ninja_test": (["-fno-sanitize=null"],
                         "ninja's test registration (test.h) assigns "
                         "g_current_test = new T after T's constructor has "
                         "run, and fixtures' constructors already check "
                         "through it: a member call on a null pointer "
                         "(test.cc:104) whose member does not use this"),
    "zlib/infcover": (["-fno-sanitize=array-bounds,pointer-overflow"],
                      "infcover passes ZLIB_VERSION - 1, a pointer before "
                      "its string, to test inflateInit's version check "
                      "(test/infcover.c:376); inflateInit2_ reads that byte, "
                      "which ASan reports as a global-buffer-overflow where "
                      "the build's layout puts a redzone there"),
    "mawk": (["-fno-sanitize=array-bounds,pointer-overflow"],
             "mawk's regular-expression compiler starts its stack pointer "
             "one before its local array (rexp.c:121, m_ptr = m_stack - 1)"),
    "jq": (["-fno-sanitize=pointer-overflow"],
           "jq's stack starts from an offset below its end computed from a "
           "null block (exec_stack.h:66, s->mem_end - (-s->bound + "
           "ALIGNMENT))"),
    "tmux": (["-fno-sanitize=nonnull-attribute"],
             "tmux's imsg copies an empty message's payload with "
             "memcpy(imsg->data, ..., 0) where data is NULL "
             "(compat/imsg.c:153)"),
}


def ubsan_flags(label):
    return ["-fsanitize=undefined", "-fsanitize-trap=undefined",
            *UBSAN_EXCLUDE.get(label, ([], ""))[0]]


def compile_ubsan(name, prog, src, cfg, srcs=None, tag="tu", label=None):
    """Translation units with UBSan traps, in build/corpus/NAME/CFG/val/TAG;
    label (NAME or NAME/TEST) picks the checks left out."""
    srcs = srcs or prog["srcs"]
    flags = ubsan_flags(label or name)
    tu = os.path.join(corpus.WORK, name, cfg, "val", tag)
    stamp = os.path.join(tu, ".done")
    if os.path.exists(stamp) and open(stamp).read() == " ".join(flags):
        return sorted(os.path.join(tu, f) for f in os.listdir(tu)
                      if f.endswith(".bc"))
    shutil.rmtree(tu, ignore_errors=True)
    os.makedirs(tu)
    cc = "clang++-19" if prog["lang"] == "c++" else "clang-19"
    extra = ["-flto", "-fwhole-program-vtables"] if prog["lang"] == "c++" \
        else ["-emit-llvm"]
    corpus.log(f"{name} -{cfg}: compiling {tag} with UBSan traps")
    for s in srcs:
        base = os.path.splitext(os.path.basename(s))[0]
        corpus.run([cc, f"-{cfg}", "-g", "-c", *extra, *flags,
                    *prog["flags"], s, "-o",
                    os.path.join(tu, base + ".bc")], cwd=src)
    with open(stamp, "w") as f:
        f.write(" ".join(flags))
    return sorted(os.path.join(tu, f) for f in os.listdir(tu)
                  if f.endswith(".bc"))


def build(name, prog, cfg, tus, kind, tag=""):
    d = os.path.join(corpus.WORK, name, cfg, "val", tag + kind)
    os.makedirs(d, exist_ok=True)
    exe = os.path.join(d, "program")
    info = {"instrumented": None, "remarks": None, "not_checkable": None}
    if BUILDS[kind] is None:
        bc = os.path.join(d, "program.bc")
        corpus.run(["llvm-link-19", *tus, "-o", bc])
    else:
        bc = os.path.join(d, "program.bc")
        r = corpus.run([corpus.ESCAPADE, *BUILDS[kind], "--stats", "-o", bc,
                        *tus], stdout=subprocess.PIPE)
        m = re.search(r"(\d+) sites (instrumented|moved)", r.stderr or "")
        u = re.search(r"(\d+) not checkable", r.stderr or "")
        info["not_checkable"] = int(u.group(1)) if u else None
        info["instrumented"] = int(m.group(1)) if m else None
        if kind == "h2s":
            info["remarks"] = r.stdout.count("\n")
            with open(os.path.join(d, "remarks.txt"), "w") as f:
                f.write(r.stdout)
    cc = "clang++-19" if prog["lang"] == "c++" else "clang-19"
    corpus.run([cc, "-O1", "-g", "-fsanitize=address",
                "-fsanitize-recover=address", bc, RT, "-o", exe,
                *prog["libs"]])
    return exe, info


def digest_dir(path):
    h = hashlib.sha256()
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for fn in sorted(files):
            p = os.path.join(root, fn)
            if fn.endswith((".db", ".db-journal")):
                continue  # sqlite's file holds page-allocation details
            h.update(os.path.relpath(p, path).encode())
            with open(p, "rb") as f:
                data = f.read()
            # xmltest prints how long a parse took
            data = re.sub(rb"[0-9.]+ milli-seconds", b"T milli-seconds", data)
            # ninja_test numbers its tests in the order their static
            # registrations ran, which C++ leaves unspecified across
            # translation units (llvm-link's and escapade's linked modules
            # order them differently): the same tests in any order
            lines = [l for l in data.replace(b"\r", b"\n").split(b"\n") if l]
            if lines and all(re.fullmatch(rb"\[\d+/\d+\] [\w.]+|passed", l)
                             for l in lines):
                data = b"\n".join(sorted(
                    re.sub(rb"^\[\d+/(\d+)\] ", rb"[\1] ", l)
                    for l in lines))
            h.update(data)
    return h.hexdigest()


def redigest(results):
    """same_output again from the runs kept on disk (after a change to what
    counts as the same output)."""
    for key, row in results.items():
        name, cfg = key.split(" -")
        prog, _, test = name.partition("/")
        d = os.path.join(corpus.WORK, prog, cfg, "val")
        runs = {k: os.path.join(d, (test + "-" if test else "") + k, "run")
                for k in BUILDS}
        if not all(os.path.isdir(r) for r in runs.values()):
            continue
        base = digest_dir(runs["plain"])
        for k in BUILDS:
            if k in row:
                row[k]["same_output"] = digest_dir(runs[k]) == base


# The programs run_workload knows how to run with outputs compared.
VALIDATED = ("lua", "sqlite3", "zlib", "tinyxml2", "ninja", "mawk", "jq",
             "tmux")


def run_workload(name, src, exe, d):
    """Runs the workload in a fresh directory; returns (digest, stderr,
    seconds, exit codes)."""
    tmp = os.path.join(d, "run")
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    log = os.path.join(d, "stderr.txt")
    outs = os.path.join(d, "stdout.txt")
    env = dict(os.environ, ASAN_OPTIONS=ASAN_OPTIONS,
               ESCAPADE_CHECK_CONTINUE="1")
    t0 = time.time()
    codes = []
    with open(outs, "w") as so, open(log, "w") as se:
        def go(cmd, cwd=tmp, stdin=None, stdout=so):
            r = subprocess.run(cmd, cwd=cwd, env=env, stdin=stdin,
                               stdout=stdout, stderr=se, timeout=1800)
            codes.append(r.returncode)
        if "/" in name:
            go([exe])  # a test program of the package: it checks itself
        elif name == "lua":
            go([exe, os.path.join(corpus.WORKLOADS, "lua_workload.lua")])
        elif name == "sqlite3":
            with open(os.path.join(corpus.WORKLOADS, "sqlite_workload.sql")) as f:
                go([exe, os.path.join(tmp, "w.db")], stdin=f)
        elif name == "zlib":
            data = os.path.join(tmp, "data")
            with open(data, "wb") as f:
                for root, _, files in sorted(os.walk(src)):
                    for fn in sorted(files):
                        if fn.endswith((".c", ".h", ".txt")):
                            with open(os.path.join(root, fn), "rb") as g:
                                f.write(g.read())
            for level in ["-1", "-6", "-9"]:
                with open(data, "rb") as i, open(data + level + ".gz", "wb") as o:
                    go([exe, level], stdin=i, stdout=o)
                with open(data + level + ".gz", "rb") as i, \
                        open(data + level + ".out", "wb") as o:
                    go([exe, "-d"], stdin=i, stdout=o)
        elif name == "tinyxml2":
            shutil.copytree(os.path.join(src, "resources"),
                            os.path.join(tmp, "resources"))
            os.makedirs(os.path.join(tmp, "resources", "out"), exist_ok=True)
            go([exe])
        elif name == "ninja":
            wl = os.path.join(d, "wl")
            shutil.rmtree(wl, ignore_errors=True)
            os.makedirs(os.path.join(wl, "src"))
            with open(os.path.join(wl, "build.ninja"), "w") as f:
                f.write("rule cp\n  command = cp $in $out\n")
                f.write("rule cat\n  command = cat $in > $out\n")
                for i in range(300):
                    f.write(f"build gen/f{i}.txt: cp src/f{i}.txt\n")
                f.write("build all.txt: cat " + " ".join(
                    f"gen/f{i}.txt" for i in range(300)) + "\ndefault all.txt\n")
            for i in range(300):
                with open(os.path.join(wl, "src", f"f{i}.txt"), "w") as f:
                    f.write(f"file {i}\n")
            for args in [["-j1"], ["-j1"], ["-t", "targets", "all"],
                         ["-t", "query", "all.txt"], ["-n", "-j1"]]:
                go([exe, *args], cwd=wl)
            shutil.copytree(os.path.join(wl, "gen"), os.path.join(tmp, "gen"))
            shutil.copy(os.path.join(wl, "all.txt"), tmp)
        elif name == "mawk":
            data = os.path.join(d, "data")  # its own sources, as corpus.py
            with open(data, "wb") as f:
                for _ in range(12):
                    for fn in sorted(os.listdir(src)):
                        if fn.endswith((".c", ".h")):
                            with open(os.path.join(src, fn), "rb") as g:
                                f.write(g.read())
            go([exe, "-f", os.path.join(corpus.WORKLOADS, "mawk_workload.awk"),
                data])
        elif name == "jq":
            go(["sh", os.path.join(corpus.WORKLOADS, "jq_workload.sh"), exe])
        elif name == "tmux":
            codes += run_tmux(exe, tmp, env, so, se)
    secs = time.time() - t0
    shutil.copy(outs, os.path.join(tmp, "stdout.txt"))
    with open(log, errors="replace") as f:
        err = f.read()
    return digest_dir(tmp), err, secs, codes


def run_tmux(exe, tmp, env, so, se):
    """tmux's workload (corpus.py's): a headless server (its reports go to
    se) driven by the command clients, whose output goes to so. Returns
    the clients' exit codes and the server's."""
    env, sock = corpus.tmux_environment(exe, tmp, env)
    server = subprocess.Popen([exe, "-D", "-f", "/dev/null", "-S", sock],
                              cwd=tmp, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=se)
    codes = []
    try:
        for _ in range(300):
            if os.path.exists(sock):
                break
            time.sleep(0.1)
        for args, _ in corpus.tmux_clients():
            so.flush()
            r = subprocess.run([exe, "-S", sock, *args], cwd=tmp, env=env,
                               stdin=subprocess.DEVNULL, stdout=so, stderr=se,
                               timeout=600)
            codes.append(r.returncode)
        codes.append(server.wait(timeout=120))
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    if os.path.exists(sock):
        os.remove(sock)  # not an output: digest_dir reads regular files
    return codes


MOVABLE = {"malloc", "calloc", "operator new", "operator new[]"}


def heap_sites(bc):
    """file:line:col -> count of malloc/calloc/new sites escapade finds."""
    # which sites exist does not depend on how indirect calls are resolved:
    # the quick baseline resolution lists them
    r = corpus.run([corpus.ESCAPADE, "--format=json", "--system-headers",
                    "--resolve=signature",
                    bc], stdout=subprocess.PIPE)
    out = {}
    for s in json.loads(r.stdout)["sites"]:
        if s["kind"] == "heap" and s["found_by"] == "direct" and \
                s["allocator"] in MOVABLE:
            k = f"{s['file']}:{s['line']}:{s['column']}"
            out[k] = out.get(k, 0) + 1
    return out


def compare_attributor(name, cfg):
    """Sites LLVM's Attributor takes off the heap (to the stack, or deleted)
    and sites escapade --h2s moves, on the same linked module."""
    d = os.path.join(corpus.WORK, name, cfg, "val", "attributor")
    os.makedirs(d, exist_ok=True)
    bc = os.path.join(corpus.WORK, name, cfg, "program.bc")
    after = os.path.join(d, "attributor.bc")
    corpus.run(["opt-19", "-passes=inferattrs,attributor", bc, "-o", after])
    dis = corpus.run(["llvm-dis-19", after, "-o", "-"], stdout=subprocess.PIPE)
    h2s_allocas = len(re.findall(r"^\s*%\S*\.h2s\S* = alloca", dis.stdout,
                                 re.M))
    before_sites, after_sites = heap_sites(bc), heap_sites(after)
    attr = sorted(k for k, n in before_sites.items()
                  if after_sites.get(k, 0) < n)
    r = corpus.run([corpus.ESCAPADE, "--h2s", "-o",
                    os.path.join(d, "escapade.bc"), bc], stdout=subprocess.PIPE)
    remarks = {}
    for line in r.stdout.splitlines():
        m = re.match(r"(\S+:\d+:\d+): (.*?) (moved to the stack|stays on the "
                     r"heap: (.*)) \[", line)
        if m:
            remarks[m.group(1)] = m.group(4) or "moved"
    mine = sorted(k for k, v in remarks.items() if v == "moved")
    return {
        "attributor_removed": len(attr),
        "attributor_h2s_allocas": h2s_allocas,
        "escapade_moved": len(mine),
        "both": len(set(attr) & set(mine)),
        "attributor_only": [[k, remarks.get(k, "escapes")]
                            for k in attr if k not in mine],
        "escapade_only": [k for k in mine if k not in attr],
    }


def h2s_removed(name, cfg):
    """Heap allocations (and bytes) the moved sites made in the workload's
    counted run (corpus.py's dynamic.tsv, matched by source location)."""
    tsv = os.path.join(corpus.WORK, name, cfg, "dynamic.tsv")
    rem = os.path.join(corpus.WORK, name, cfg, "val", "h2s", "remarks.txt")
    if not os.path.exists(tsv) or not os.path.exists(rem):
        return {"removed_allocs": None, "removed_bytes": None}
    moved = set()
    with open(rem) as f:
        for line in f:
            m = re.match(r"(\S+:\d+:\d+): .* moved to the stack", line)
            if m:
                moved.add(m.group(1))
    n = b = 0
    with open(tsv) as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 10 and p[2] == "heap" and p[3] == "direct" and \
                    p[1] in moved:
                n += int(p[8])
                b += int(p[9])
    return {"removed_allocs": n, "removed_bytes": b}


def reports(err):
    sites = sorted(set(re.findall(
        r"escapade: check: object of (.*?) (?:used|freed) after its frame", err)))
    asan = len(re.findall(r"ERROR: AddressSanitizer", err))
    return sites, asan


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", default="")
    ap.add_argument("--config", default="both", choices=["O0", "O2", "both"])
    ap.add_argument("--redigest", action="store_true",
                    help="only recompare the outputs of the kept runs")
    args = ap.parse_args()
    if args.redigest:
        with open(OUT) as f:
            results = json.load(f)
        redigest(results)
        with open(OUT + ".tmp", "w") as f:
            json.dump(results, f, indent=1, sort_keys=True)
        os.replace(OUT + ".tmp", OUT)
        return
    names = [n for n in corpus.PROGRAMS
             if not args.only or n in args.only.split(",")]
    for n in [n for n in names if n not in VALIDATED]:
        corpus.log(f"{n}: no validation workload yet (its outputs are not "
                   "compared), skipped")
    names = [n for n in names if n in VALIDATED]
    cfgs = corpus.CONFIGS if args.config == "both" else [args.config]
    results = {}
    if os.path.exists(OUT):
        with open(OUT) as f:
            results = json.load(f)
    for name in names:
        prog = corpus.PROGRAMS[name]
        src = corpus.fetch(name, prog)
        if prog["prep"]:
            prog["prep"](src)
        for cfg in cfgs:
            corpus.compile_program(name, prog, src, cfg, 2)  # for the Attributor
            tus = compile_ubsan(name, prog, src, cfg)
            results[f"{name} -{cfg}"] = run_builds(name, name, prog, src, cfg,
                                                   tus, "")
            results[f"{name} -{cfg}"]["attributor"] = \
                compare_attributor(name, cfg)
            results[f"{name} -{cfg}"]["h2s"].update(h2s_removed(name, cfg))
            suite = SUITES.get(name)
            for test, tsrc in (suite["programs"].items() if suite else []):
                lib = [t for t in tus if os.path.basename(t) !=
                       suite["drop"] + ".bc"]
                extra = compile_ubsan(name, prog, src, cfg, tsrc, test,
                                      f"{name}/{test}")
                results[f"{name}/{test} -{cfg}"] = run_builds(
                    f"{name}/{test}", name, prog, src, cfg, lib + extra,
                    test + "-")
            with open(OUT + ".tmp", "w") as f:
                json.dump(results, f, indent=1, sort_keys=True)
            os.replace(OUT + ".tmp", OUT)
    corpus.run([sys.executable, os.path.join(corpus.TOP, "bench", "report.py")],
               stdout=None)
    corpus.log(f"validation in {OUT}")


def run_builds(label, name, prog, src, cfg, tus, tag):
    """Every build of BUILDS from tus, each with its workload run."""
    row = {}
    if label in UBSAN_EXCLUDE:
        flags, why = UBSAN_EXCLUDE[label]
        row["ubsan_excluded"] = {"flags": flags, "why": why}
    base = None
    for kind in BUILDS:
        corpus.log(f"{label} -{cfg}: {kind}")
        exe, info = build(name, prog, cfg, tus, kind, tag)
        digest, err, secs, codes = run_workload(label, src, exe,
                                                os.path.dirname(exe))
        sites, asan = reports(err)
        if kind == "plain":
            base = digest
        row[kind] = {
            "sites": info["instrumented"],
            "not_checkable": info["not_checkable"],
            "check_reports": len(sites),
            "reported_sites": sites,
            "asan_reports": asan,
            "ubsan_traps": sum(c == -4 for c in codes),
            "same_output": digest == base,
            "exit_codes": codes,
            "seconds": round(secs, 3),
        }
    return row


if __name__ == "__main__":
    main()
