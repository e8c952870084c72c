#!/usr/bin/env python3
"""The compile_commands.json route against the bitcode route, on the corpus.

    python3 bench/compdb.py [--jobs N]

For tinyxml2 (a database CMake writes, -DCMAKE_EXPORT_COMPILE_COMMANDS=ON,
Debug and RelWithDebInfo, the latter also under --assume-typed, which
resolves virtual calls by the type metadata -p adds for C++) and zlib (a database bear records around its
./configure && make, at -O0 and -O2), from the Debian sources bench/corpus.py
fetches:

  1. the bitcode route: every selected unit of the database compiled out of
     process with clang-19 (its own flags, -c -emit-llvm -g, and for C++
     -flto -fwhole-program-vtables; -o, -c, -M* and -fsyntax-only dropped, as
     escapade -p drops them), then `escapade --format=json` on the .bc files
     in database order;
  2. the compile_commands.json route: `escapade --format=json -j N -p DIR`
     with the same SOURCE selection (zlib: the library and minigzip, as the
     corpus builds it; its database also has example.c, another main);
  3. the two reports compared site by site: function, file, line, column,
     kind, and the verdict at each level.

Prints a table, writes bench/results/compdb.json and docs/compdb.md, and
exits 1 when any site differs. Outputs go under build/corpus/compdb/
(CORPUS_DIR, ESCAPADE_BUILD as for bench/corpus.py).
"""
import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402  (its paths, fetching and helpers)

OUT = os.path.join(corpus.WORK, "compdb")
DOC = os.path.join(corpus.TOP, "docs", "compdb.md")
RESULT = os.path.join(corpus.RESULTS, "compdb.json")
CXX_EXT = (".cc", ".cpp", ".cxx", ".c++", ".C")
LEVELS = ("intraprocedural", "conservative", "whole_program")


# ---- databases ------------------------------------------------------------

def fresh_copy(tag, src):
    """A copy of the fetched sources to build in, OUT/TAG/src (the corpus's
    own tree stays as fetched)."""
    dst = os.path.join(OUT, tag, "src")
    if not os.path.exists(os.path.join(dst, ".copied")):
        shutil.rmtree(dst, ignore_errors=True)
        shutil.copytree(src, dst, symlinks=True)
        open(os.path.join(dst, ".copied"), "w").close()
    return dst


def cmake_db(name, src, build_type):
    """CMake's database (configure only: it is written at generation)."""
    copy = fresh_copy(f"{name}-{build_type}", src)
    build = os.path.join(os.path.dirname(copy), "build")
    db = os.path.join(build, "compile_commands.json")
    if not os.path.exists(db):
        corpus.log(f"{name} {build_type}: cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON")
        corpus.run(["cmake", "-S", copy, "-B", build, "-G", "Ninja",
                    "-DCMAKE_CXX_COMPILER=clang++-19",
                    f"-DCMAKE_BUILD_TYPE={build_type}",
                    "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
                    "-Dtinyxml2_BUILD_TESTING=ON"], stdout=subprocess.DEVNULL)
    return build, db


def bear_db(name, src, opt, jobs):
    """bear's database around the package's own configure && make."""
    copy = fresh_copy(f"{name}{opt}", src)
    db = os.path.join(copy, "compile_commands.json")
    if not os.path.exists(db):
        corpus.log(f"{name} {opt}: ./configure && bear -- make")
        env = dict(os.environ, CC="clang-19", CFLAGS=opt)
        corpus.run(["./configure"], cwd=copy, env=env, stdout=subprocess.DEVNULL)
        corpus.run(["bear", "--output", db + ".tmp", "--", "make", f"-j{jobs}"],
                   cwd=copy, env=env, stdout=subprocess.DEVNULL)
        os.rename(db + ".tmp", db)
    return copy, db


# ---- the bitcode route ----------------------------------------------------

def entry_file(e):
    f = e["file"]
    if not os.path.isabs(f):
        f = os.path.join(e["directory"], f)
    return os.path.normpath(f)


def select_units(db, sources):
    """The units escapade -p compiles: database order, the SOURCE files only
    (when given), each file once, with its first command."""
    with open(db) as f:
        entries = json.load(f)
    wanted = {os.path.normpath(s) for s in sources} if sources else None
    seen, units = set(), []
    for e in entries:
        f = entry_file(e)
        if (wanted is not None and f not in wanted) or f in seen:
            continue
        seen.add(f)
        units.append(e)
    if wanted is not None and wanted - seen:
        sys.exit(f"compdb: not in {db}: {sorted(wanted - seen)}")
    return units


def bitcode_command(e, out):
    """The entry's command for clang-19 -c -emit-llvm -g, what escapade -p
    drops dropped (tools/esc_clang.cpp, in_process_args)."""
    args = e["arguments"] if "arguments" in e else shlex.split(e["command"])
    cxx = e["file"].endswith(CXX_EXT)
    kept, k = [], 1
    while k < len(args):
        a = args[k]
        if a in ("-o", "-MF", "-MT", "-MQ", "-MJ", "--serialize-diagnostics"):
            k += 2
            continue
        if a in ("-c", "-S", "-E", "-fsyntax-only", "-emit-llvm") or \
                a.startswith(("-save-temps", "-M", "--serialize-diagnostics=")) or \
                (a.startswith("-o") and len(a) > 2):
            k += 1
            continue
        kept.append(a)
        k += 1
    extra = ["-c", "-emit-llvm", "-g"] + \
        (["-flto", "-fwhole-program-vtables"] if cxx else [])
    return ["clang++-19" if cxx else "clang-19", *kept, *extra, "-o", out]


def bitcode_route(tag, units, flags, jobs):
    tu = os.path.join(OUT, tag, "tu")
    shutil.rmtree(tu, ignore_errors=True)
    os.makedirs(tu)
    t0 = time.time()
    procs, bcs = [], []
    for i, e in enumerate(units):
        bc = os.path.join(tu, f"{i:03d}.bc")
        bcs.append(bc)
        while len(procs) >= jobs:
            p = procs.pop(0)
            if p.wait() != 0:
                sys.exit(f"compdb: compile failed: {' '.join(p.args)}")
        procs.append(subprocess.Popen(bitcode_command(e, bc),
                                      cwd=e["directory"],
                                      stderr=subprocess.DEVNULL))
    for p in procs:
        if p.wait() != 0:
            sys.exit(f"compdb: compile failed: {' '.join(p.args)}")
    t1 = time.time()
    r = corpus.run([corpus.ESCAPADE, "--format=json", *flags, *bcs],
                   stdout=subprocess.PIPE)
    return json.loads(r.stdout), t1 - t0, time.time() - t1


def compdb_route(build, sources, flags, jobs):
    t0 = time.time()
    r = corpus.run([corpus.ESCAPADE, "--format=json", *flags, "-j", str(jobs),
                    "-p", build, *sources], stdout=subprocess.PIPE)
    return json.loads(r.stdout), time.time() - t0, r.stderr.strip()


# ---- comparison -----------------------------------------------------------

def site_key(s):
    return (s["function"], s["file"], s["line"], s["column"], s["kind"])


def site_verdicts(s):
    return tuple(s[l]["escapes"] for l in LEVELS)


def compare(a, b):
    """Sites only one report has, and sites whose verdict at some level
    differs; the reports' sites are multisets of (key, verdicts)."""
    def counted(rep):
        c = {}
        for s in rep["sites"]:
            k = (site_key(s), site_verdicts(s))
            c[k] = c.get(k, 0) + 1
        return c
    ca, cb = counted(a), counted(b)
    diffs = []
    for k in sorted(set(ca) | set(cb), key=str):
        if ca.get(k, 0) != cb.get(k, 0):
            diffs.append({"site": list(k[0]), "verdicts": list(k[1]),
                          "bitcode": ca.get(k, 0), "compdb": cb.get(k, 0)})
    # beyond the verdicts: the whole site records (reasons, avoided_by)
    strip = [{k: v for k, v in s.items() if k != "id"} for s in a["sites"]]
    stripb = [{k: v for k, v in s.items() if k != "id"} for s in b["sites"]]
    return diffs, strip == stripb


def escaping(rep):
    return " / ".join(str(sum(s[l]["escapes"] for s in rep["sites"]))
                      for l in LEVELS)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if not os.path.exists(corpus.ESCAPADE):
        sys.exit("build escapade first: bash scripts/build.sh")
    os.makedirs(OUT, exist_ok=True)
    corpus.ensure_tools()
    for tool in ("bear", "cmake", "clang-19", "clang++-19"):
        if not shutil.which(tool):
            sys.exit(f"compdb: {tool} is not installed")

    cases = []
    src = corpus.fetch("tinyxml2", corpus.PROGRAMS["tinyxml2"])
    for bt in ("Debug", "RelWithDebInfo"):
        build, db = cmake_db("tinyxml2", src, bt)
        cases.append(("tinyxml2", f"CMake {bt}", f"tinyxml2-{bt}", build, db,
                      [], []))
    # the type metadata -p adds for C++, at work: --assume-typed resolves
    # virtual calls by it
    cases.append(("tinyxml2", "CMake RelWithDebInfo, --assume-typed",
                  "tinyxml2-RelWithDebInfo-typed", build, db, [],
                  ["--assume-typed"]))
    src = corpus.fetch("zlib", corpus.PROGRAMS["zlib"])
    for opt in ("-O0", "-O2"):
        build, db = bear_db("zlib", src, opt, args.jobs)
        sources = [os.path.join(build, s) for s in corpus.PROGRAMS["zlib"]["srcs"]]
        cases.append(("zlib", f"bear, make CFLAGS={opt}", f"zlib{opt}", build,
                      db, sources, []))

    rows, failed = [], False
    for name, how, tag, build, db, sources, flags in cases:
        units = select_units(db, sources)
        corpus.log(f"{name} ({how}): {len(units)} units, bitcode route")
        bc_rep, bc_compile, bc_analyse = bitcode_route(tag, units, flags,
                                                       args.jobs)
        corpus.log(f"{name} ({how}): escapade -p")
        db_rep, db_time, db_err = compdb_route(build, sources, flags,
                                               args.jobs)
        diffs, identical = compare(bc_rep, db_rep)
        failed |= bool(diffs)
        rows.append({
            "program": name, "database": how, "units": len(units),
            "sites_bitcode": len(bc_rep["sites"]),
            "sites_compdb": len(db_rep["sites"]),
            "escaping_bitcode": escaping(bc_rep),
            "escaping_compdb": escaping(db_rep),
            "avoided_bitcode": bc_rep["summary"]["avoided"],
            "avoided_compdb": db_rep["summary"]["avoided"],
            "differences": len(diffs), "diff_sites": diffs[:20],
            "identical_records": identical,
            "bitcode_seconds": round(bc_compile + bc_analyse, 2),
            "compdb_seconds": round(db_time, 2),
            "compdb_stderr": db_err,
            "command": ["escapade", "--format=json", *flags, "-j", str(args.jobs),
                        "-p", os.path.relpath(build, corpus.WORK)] +
                       [os.path.relpath(s, build) for s in sources],
        })

    header = ("| program | database | units | sites (bitcode / -p) | "
              "escaping intra / cons / whole (bitcode; -p) | avoided | "
              "sites differing | records identical | seconds (bitcode / -p) |")
    table = [header, "|" + "---|" * 9]
    for r in rows:
        table.append(
            f"| {r['program']} | {r['database']} | {r['units']} | "
            f"{r['sites_bitcode']} / {r['sites_compdb']} | "
            f"{r['escaping_bitcode']}; {r['escaping_compdb']} | "
            f"{r['avoided_bitcode']} / {r['avoided_compdb']} | "
            f"{r['differences']} | {'yes' if r['identical_records'] else 'no'} | "
            f"{r['bitcode_seconds']} / {r['compdb_seconds']} |")
    print("\n".join(table))
    for r in rows:
        for d in r["diff_sites"]:
            print(f"  {r['program']} ({r['database']}): {d}")
        if r["compdb_stderr"]:
            print(f"  {r['program']} ({r['database']}) stderr: {r['compdb_stderr']}")

    result = {"command": "python3 bench/compdb.py" +
                         (f" --jobs {args.jobs}" if args.jobs != 2 else ""),
              "date": time.strftime("%Y-%m-%d"),
              "clang": corpus.run(["clang-19", "--version"],
                                  stdout=subprocess.PIPE).stdout.splitlines()[0],
              "escapade": corpus.run([corpus.ESCAPADE, "--version"],
                                     stdout=subprocess.PIPE).stdout.strip(),
              "rows": rows, "table": table}
    with open(RESULT, "w") as f:
        json.dump(result, f, indent=1)
    write_doc(result)
    corpus.log(f"results in {os.path.relpath(RESULT, corpus.TOP)}, "
               f"{os.path.relpath(DOC, corpus.TOP)}")
    sys.exit(1 if failed else 0)


def write_doc(result):
    lines = [
        "# The compile_commands.json route against the bitcode route",
        "",
        "Generated by `bench/compdb.py` (do not edit by hand; raw data in",
        "`bench/results/compdb.json`). Run on "
        f"{result['date']} with {result['escapade']} and {result['clang']}:",
        "",
        "```sh",
        result["command"],
        "```",
        "",
        "tinyxml2's database is CMake's (`-DCMAKE_EXPORT_COMPILE_COMMANDS=ON`,",
        "Debug and RelWithDebInfo; RelWithDebInfo also under `--assume-typed`,",
        "which resolves virtual calls by the type metadata -p adds for C++),",
        "zlib's is bear's around its own",
        "`./configure && make` (`CC=clang-19`, `CFLAGS` -O0 or -O2; the library",
        "and minigzip are selected with SOURCE arguments, as the corpus builds",
        "them; the database also has example.c, another `main`, and the",
        "library's files twice, static and `-fPIC`: escapade -p takes a file's",
        "first command). The bitcode route compiles each selected entry out of",
        "process with `clang-19` plus `-c -emit-llvm -g` (C++: `-flto",
        "-fwhole-program-vtables`) and runs `escapade` on the `.bc` files in",
        "database order; the -p route is `escapade -p` with the same selection.",
        "Sites differing: sites (function, file, line, column, kind) whose",
        "verdict at some level differs, or that only one report has. Records",
        "identical: the two reports' site records (reasons and avoided-by too)",
        "are the same, in the same order. Seconds: compiling and analysing,",
        "each route's whole run (the machine was shared: indicative only).",
        "",
        *result["table"],
        "",
    ]
    for r in result["rows"]:
        for d in r["diff_sites"]:
            lines.append(f"- {r['program']} ({r['database']}): `{d}`")
    with open(DOC, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
