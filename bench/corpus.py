#!/usr/bin/env python3
"""Builds the escapade corpus and measures it: one command, resumable.

    python3 bench/corpus.py [--only PROG[,PROG]] [--jobs N] [--skip-dynamic]

For each program (sqlite3's shell, lua5.4, zlib's minigzip, tinyxml2's
xmltest, ninja) and each configuration (-O0 -g, -O2 -g):

  1. fetch its Debian source package (apt-get source; a deb-src entry
     mirroring the machine's apt source is added when missing);
  2. compile every translation unit to bitcode (clang-19, C++ with
     -flto -fwhole-program-vtables) and link them (llvm-link-19);
  3. analyse with escapade (the sound default, --assume-typed, the
     signature-only baseline and --assume-closed, each with --time), and
     count the heap allocations LLVM's Attributor removes;
  4. instrument with -passes=escapade-count, build the program, run its
     workload (bench/workloads/) and collect dynamic counts;
  5. write bench/results/<prog>-<cfg>.json, bench/results/summary.csv and
     regenerate docs/results.md and the plot (bench/report.py).

Every step leaves its output under build/corpus/ and is skipped when that
output exists, so an interrupted run resumes where it stopped.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.environ.get("CORPUS_DIR", os.path.join(TOP, "build", "corpus"))
RESULTS = os.path.join(TOP, "bench", "results")
BUILD = os.environ.get("ESCAPADE_BUILD", os.path.join(TOP, "build"))
ESCAPADE = os.path.join(BUILD, "bin", "escapade")
PLUGIN = os.path.join(BUILD, "lib", "Escapade.so")
WORKLOADS = os.path.join(TOP, "bench", "workloads")
CONFIGS = ["O0", "O2"]


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def run(cmd, cwd=None, env=None, stdin=None, stdout=None, check=True,
        timeout=None):
    r = subprocess.run(cmd, cwd=cwd, env=env, stdin=stdin, stdout=stdout,
                       stderr=subprocess.PIPE, check=False, text=True,
                       timeout=timeout)
    if check and r.returncode != 0:
        sys.exit(f"corpus: command failed ({r.returncode}): {' '.join(cmd)[:300]}\n"
                 f"{(r.stderr or '')[-2000:]}")
    return r


# ---- programs -------------------------------------------------------------

def prep_lua(src):
    hdr = os.path.join(src, "src", "lua5.4-deb-multiarch.h")
    if not os.path.exists(hdr):
        with open(hdr, "w") as f:
            f.write('#define DEB_HOST_MULTIARCH "x86_64-linux-gnu"\n')


def prep_sqlite(src):
    # the shell is built from the amalgamation, generated with tclsh
    if os.path.exists(os.path.join(src, "bld", "sqlite3.c")) and \
            os.path.exists(os.path.join(src, "bld", "shell.c")):
        return
    bld = os.path.join(src, "bld")
    os.makedirs(bld, exist_ok=True)
    run(["../configure", "--disable-tcl", "--disable-readline"], cwd=bld,
        stdout=subprocess.DEVNULL)
    run(["make", "-j2", "sqlite3.c", "shell.c"], cwd=bld,
        stdout=subprocess.DEVNULL)


LUA_SRCS = ("lapi lcode lctype ldebug ldo ldump lfunc lgc llex lmem lobject "
            "lopcodes lparser lstate lstring ltable ltm lundump lvm lzio "
            "lauxlib lbaselib lcorolib ldblib liolib lmathlib loadlib loslib "
            "lstrlib ltablib lutf8lib linit lua").split()
ZLIB_SRCS = ("adler32 compress crc32 deflate gzclose gzlib gzread gzwrite "
             "infback inffast inflate inftrees trees uncompr zutil").split()
NINJA_SRCS = ("build build_log clean clparser debug_flags depfile_parser "
              "deps_log disk_interface dyndep dyndep_parser edit_distance "
              "eval_env graph graphviz json lexer line_printer "
              "manifest_parser metrics missing_deps parser state status "
              "string_piece_util util version subprocess-posix ninja").split()

PROGRAMS = {
    "lua": {
        "pkg": "lua5.4", "lang": "c", "prep": prep_lua,
        "srcs": [f"src/{n}.c" for n in LUA_SRCS],
        "flags": ["-DLUA_USE_LINUX", "-DLUA_COMPAT_5_3"],
        "libs": ["-lm", "-ldl"],
        "what": "lua5.4 interpreter (src/*.c but luac)",
    },
    "sqlite3": {
        "pkg": "sqlite3", "lang": "c", "prep": prep_sqlite,
        "srcs": ["bld/sqlite3.c", "bld/shell.c"],
        "flags": ["-Ibld", "-DSQLITE_THREADSAFE=0", "-DSQLITE_OMIT_LOAD_EXTENSION"],
        "libs": ["-lm"],
        "what": "sqlite3 shell (amalgamation + shell.c)",
    },
    "zlib": {
        "pkg": "zlib", "lang": "c", "prep": None,
        "srcs": [f"{n}.c" for n in ZLIB_SRCS] + ["test/minigzip.c"],
        "flags": ["-I.", "-DZ_HAVE_UNISTD_H", "-DHAVE_UNISTD_H", "-D_LARGEFILE64_SOURCE=1"],
        "libs": [],
        "what": "zlib with its minigzip tool",
    },
    "tinyxml2": {
        "pkg": "tinyxml2", "lang": "c++", "prep": None,
        "srcs": ["tinyxml2.cpp", "xmltest.cpp"],
        "flags": [],
        "libs": [],
        "what": "tinyxml2 with its xmltest test program",
    },
    "ninja": {
        "pkg": "ninja-build", "lang": "c++", "prep": None,
        "srcs": [f"src/{n}.cc" for n in NINJA_SRCS],
        "flags": ["-DNINJA_PYTHON=\"python3\"", "-Wno-deprecated"],
        "libs": [],
        "what": "ninja build tool (src/*.cc as configure.py lists)",
    },
}


# ---- steps ----------------------------------------------------------------

def ensure_tools():
    """What the corpus needs beyond escapade's own build."""
    need = {"dpkg-source": "dpkg-dev", "tclsh": "tcl", "gnuplot": "gnuplot-nox",
            "make": "make"}
    missing = [pkg for tool, pkg in need.items() if not shutil.which(tool)]
    if missing:
        log(f"installing {' '.join(missing)}")
        run(["apt-get", "update"], stdout=subprocess.DEVNULL)
        run(["apt-get", "install", "-y", *missing], stdout=subprocess.DEVNULL)


def ensure_deb_src():
    have = run(["bash", "-c", "grep -rhs '^deb-src\\|deb-src' /etc/apt/sources.list "
                "/etc/apt/sources.list.d/ || true"], stdout=subprocess.PIPE)
    if "deb-src" in have.stdout:
        return
    log("adding a deb-src entry mirroring the apt source")
    src = "/etc/apt/sources.list.d/debian.sources"
    lines = []
    if os.path.exists(src):
        with open(src) as f:
            text = f.read()
        for block in text.split("\n\n"):
            if re.search(r"^Types:.*\bdeb\b", block, re.M):
                lines.append(re.sub(r"^Types:.*$", "Types: deb-src", block,
                                    flags=re.M))
        out = "/etc/apt/sources.list.d/escapade-src.sources"
        with open(out, "w") as f:
            f.write("\n\n".join(lines) + "\n")
    else:
        with open("/etc/apt/sources.list") as f:
            debs = [l.replace("deb ", "deb-src ", 1) for l in f
                    if l.startswith("deb ")]
        with open("/etc/apt/sources.list.d/escapade-src.list", "w") as f:
            f.writelines(debs)
    run(["apt-get", "update"], stdout=subprocess.DEVNULL)


def fetch(name, prog):
    srcroot = os.path.join(WORK, "src", name)
    stamp = os.path.join(srcroot, ".fetched")
    if os.path.exists(stamp):
        with open(stamp) as f:
            return os.path.join(srcroot, f.read().strip())
    ensure_deb_src()
    os.makedirs(srcroot, exist_ok=True)
    log(f"{name}: apt-get source {prog['pkg']}")
    r = run(["apt-get", "source", prog["pkg"]], cwd=srcroot,
            stdout=subprocess.DEVNULL, check=False)
    if r.returncode != 0:
        # the mirror may lack the newest version (a security update): try
        # every version the source index lists
        show = run(["apt-cache", "showsrc", prog["pkg"]],
                   stdout=subprocess.PIPE, check=False).stdout or ""
        versions = []
        for line in show.splitlines():
            if line.startswith("Version: "):
                v = line.split(" ", 1)[1].strip()
                if v not in versions:
                    versions.append(v)
        for v in versions:
            log(f"{name}: apt-get source {prog['pkg']}={v}")
            r = run(["apt-get", "source", f"{prog['pkg']}={v}"], cwd=srcroot,
                    stdout=subprocess.DEVNULL, check=False)
            if r.returncode == 0:
                break
        if r.returncode != 0:
            sys.exit(f"corpus: cannot fetch the source of {prog['pkg']}\n"
                     f"{(r.stderr or '')[-2000:]}")
    dirs = [d for d in os.listdir(srcroot)
            if os.path.isdir(os.path.join(srcroot, d))]
    if len(dirs) != 1:
        raise RuntimeError(f"{name}: unexpected source layout {dirs}")
    with open(stamp, "w") as f:
        f.write(dirs[0])
    return os.path.join(srcroot, dirs[0])


def compile_program(name, prog, src, cfg, jobs):
    out = os.path.join(WORK, name, cfg)
    tu = os.path.join(out, "tu")
    linked = os.path.join(out, "program.bc")
    if os.path.exists(linked):
        return out
    os.makedirs(tu, exist_ok=True)
    cc = "clang++-19" if prog["lang"] == "c++" else "clang-19"
    extra = ["-flto", "-fwhole-program-vtables"] if prog["lang"] == "c++" \
        else ["-emit-llvm"]
    cmds = []
    for s in prog["srcs"]:
        base = os.path.splitext(os.path.basename(s))[0]
        cmds.append([cc, f"-{cfg}", "-g", "-c", *extra, *prog["flags"], s,
                     "-o", os.path.join(tu, base + ".bc")])
    log(f"{name} -{cfg}: compiling {len(cmds)} translation units")
    procs = []
    for cmd in cmds:
        while len(procs) >= jobs:
            p = procs.pop(0)
            if p.wait() != 0:
                raise RuntimeError(f"{name}: compile failed: {p.args}")
        procs.append(subprocess.Popen(cmd, cwd=src, stderr=subprocess.DEVNULL))
    for p in procs:
        if p.wait() != 0:
            raise RuntimeError(f"{name}: compile failed: {p.args}")
    tus = [os.path.join(tu, f) for f in sorted(os.listdir(tu))]
    run(["llvm-link-19", *tus, "-o", linked + ".tmp"])
    os.rename(linked + ".tmp", linked)
    return out


def up_to_date(path):
    """An output is reused unless escapade was rebuilt after it."""
    if not os.path.exists(path):
        return False
    tools = [t for t in (ESCAPADE, PLUGIN) if os.path.exists(t)]
    return all(os.path.getmtime(path) >= os.path.getmtime(t) for t in tools)


def tu_files(out):
    tu = os.path.join(out, "tu")
    return [os.path.join(tu, f) for f in sorted(os.listdir(tu))]


def analyse(name, out, mode):
    """escapade on the separate TUs (so that per-module facts are kept);
    its --time line goes next to the report."""
    path = os.path.join(out, f"escapade-{mode}.json")
    if up_to_date(path) and os.path.exists(path + ".time"):
        return
    flags = {"typeset": ["--resolve=typeset"],
             "typed": ["--resolve=typeset", "--assume-typed"],
             "signature": ["--resolve=signature"],
             "closed": ["--resolve=typeset", "--assume-closed"]}[mode]
    log(f"{name} {os.path.basename(out)}: escapade {' '.join(flags)}")
    with open(path + ".tmp", "w") as f:
        r = run([ESCAPADE, "--format=json", "--system-headers", "--time",
                 *flags,
                 *tu_files(out)], stdout=f)
    with open(path + ".time", "w") as f:
        f.write(r.stderr)
    os.rename(path + ".tmp", path)


ALLOC_RE = re.compile(r"call[^@]*@(malloc|calloc|realloc|aligned_alloc|"
                      r"_Znwm|_Znam|_ZnwmSt11align_val_t|_ZnamSt11align_val_t)\(")
# the Attributor's HeapToStack names the allocas it makes "<name>.h2s"
H2S_RE = re.compile(r"\.h2s = alloca")


def count_alloc_calls(bc, pattern=ALLOC_RE):
    r = run(["llvm-dis-19", bc, "-o", "-"], stdout=subprocess.PIPE)
    return len(pattern.findall(r.stdout))


def attributor(name, out):
    path = os.path.join(out, "attributor.json")
    if os.path.exists(path):
        with open(path) as f:
            res = json.load(f)
        if "heap_to_stack" in res.get("attributor", {}):
            return res
    linked = os.path.join(out, "program.bc")
    before = count_alloc_calls(linked)
    res = {"heap_calls_before": before}
    for label, passes in [("attributor", "attributor"),
                          ("inferattrs_attributor", "inferattrs,attributor")]:
        log(f"{name} {os.path.basename(out)}: opt -passes={passes}")
        o = os.path.join(out, f"{label}.bc")
        t0 = time.time()
        run(["opt-19", f"-passes={passes}", linked, "-o", o])
        after = count_alloc_calls(o)
        res[label] = {"heap_calls_after": after, "removed": before - after,
                      "heap_to_stack": count_alloc_calls(o, H2S_RE),
                      "seconds": round(time.time() - t0, 3)}
        os.remove(o)
    with open(path, "w") as f:
        json.dump(res, f)
    return res


def build_instrumented(name, prog, out):
    exe = os.path.join(out, "program.counted")
    if up_to_date(exe):
        return exe
    log(f"{name} {os.path.basename(out)}: instrumenting (escapade-count)")
    tus = tu_files(out)
    inst = os.path.join(out, "program.counted.bc")
    run(["opt-19", "-load-pass-plugin", PLUGIN, "-passes=escapade-count",
         tus[0], f"-escapade-link={','.join(tus[1:])}", "-o", inst])
    cc = "clang++-19" if prog["lang"] == "c++" else "clang-19"
    rt = os.path.join(BUILD, "lib", "libescapade_rt.a")
    run([cc, "-O1", inst, rt, "-o", exe + ".tmp", *prog["libs"]])
    os.rename(exe + ".tmp", exe)
    return exe


def dynamic(name, prog, src, out):
    path = os.path.join(out, "dynamic.tsv")
    if up_to_date(path):
        return path
    exe = build_instrumented(name, prog, out)
    tmp = os.path.join(out, "workload")
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    env = dict(os.environ, ESCAPADE_COUNT_FILE=path + ".tmp")
    if os.path.exists(path + ".tmp"):
        os.remove(path + ".tmp")
    log(f"{name} {os.path.basename(out)}: running the workload")
    WORKLOAD_RUNNERS[name](exe, src, tmp, env)
    os.rename(path + ".tmp", path)
    return path


def wl_lua(exe, src, tmp, env):
    run([exe, os.path.join(WORKLOADS, "lua_workload.lua")], cwd=tmp, env=env,
        stdout=subprocess.DEVNULL, timeout=600)


def wl_sqlite(exe, src, tmp, env):
    with open(os.path.join(WORKLOADS, "sqlite_workload.sql")) as f:
        run([exe, os.path.join(tmp, "w.db")], cwd=tmp, env=env, stdin=f,
            stdout=subprocess.DEVNULL, timeout=600)


def wl_zlib(exe, src, tmp, env):
    data = os.path.join(tmp, "data")
    with open(data, "wb") as f:  # compressible input from the sources
        for root, _, files in os.walk(src):
            for fn in sorted(files):
                if fn.endswith((".c", ".h", ".txt")):
                    with open(os.path.join(root, fn), "rb") as g:
                        f.write(g.read())
    for level in ["-1", "-6", "-9"]:
        with open(data, "rb") as i, open(data + ".gz", "wb") as o:
            subprocess.run([exe, level], stdin=i, stdout=o, env=env, check=True)
        with open(data + ".gz", "rb") as i, open(data + ".out", "wb") as o:
            subprocess.run([exe, "-d"], stdin=i, stdout=o, env=env, check=True)
        if open(data, "rb").read() != open(data + ".out", "rb").read():
            raise RuntimeError("zlib: round trip differs")


def wl_tinyxml2(exe, src, tmp, env):
    # xmltest reads resources/ and writes resources/out/ in its directory
    shutil.copytree(os.path.join(src, "resources"),
                    os.path.join(tmp, "resources"))
    os.makedirs(os.path.join(tmp, "resources", "out"), exist_ok=True)
    run([exe], cwd=tmp, env=env, stdout=subprocess.DEVNULL, check=False,
        timeout=600)


def wl_ninja(exe, src, tmp, env):
    with open(os.path.join(tmp, "build.ninja"), "w") as f:
        f.write("rule cp\n  command = cp $in $out\n  description = CP $out\n")
        f.write("rule cat\n  command = cat $in > $out\n")
        for i in range(300):
            f.write(f"build gen/f{i}.txt: cp src/f{i}.txt\n")
        f.write("build all.txt: cat " +
                " ".join(f"gen/f{i}.txt" for i in range(300)) + "\n")
        f.write("default all.txt\n")
    os.makedirs(os.path.join(tmp, "src"))
    for i in range(300):
        with open(os.path.join(tmp, "src", f"f{i}.txt"), "w") as f:
            f.write(f"file {i}\n")
    for args in [["-j2"], ["-j2"], ["-t", "targets", "all"], ["-t", "query", "all.txt"],
                 ["-t", "clean"], ["-n", "-j2"]]:
        run([exe, *args], cwd=tmp, env=env, stdout=subprocess.DEVNULL)


WORKLOAD_RUNNERS = {"lua": wl_lua, "sqlite3": wl_sqlite, "zlib": wl_zlib,
                    "tinyxml2": wl_tinyxml2, "ninja": wl_ninja}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", default="", help="comma-separated programs")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--skip-dynamic", action="store_true")
    args = ap.parse_args()
    names = [n for n in PROGRAMS if not args.only or n in args.only.split(",")]
    if not os.path.exists(ESCAPADE):
        sys.exit("build escapade first: bash scripts/build.sh")
    os.makedirs(RESULTS, exist_ok=True)
    ensure_tools()
    for name in names:
        prog = PROGRAMS[name]
        src = fetch(name, prog)
        if prog["prep"]:
            prog["prep"](src)
        for cfg in CONFIGS:
            out = compile_program(name, prog, src, cfg, args.jobs)
            res = {"program": name, "config": f"-{cfg} -g",
                   "what": prog["what"], "package": prog["pkg"],
                   "source": os.path.basename(src),
                   "translation_units": len(tu_files(out))}
            for mode in ("typeset", "typed", "signature", "closed"):
                analyse(name, out, mode)
                res[mode] = os.path.join(out, f"escapade-{mode}.json")
            res["attributor"] = attributor(name, out)
            if not args.skip_dynamic:
                res["dynamic"] = dynamic(name, prog, src, out)
            with open(os.path.join(out, "manifest.json"), "w") as f:
                json.dump(res, f, indent=1)
            log(f"{name} -{cfg}: done")
    run([sys.executable, os.path.join(TOP, "bench", "report.py")],
        stdout=None)
    log("results in bench/results/, report in docs/results.md")


if __name__ == "__main__":
    main()
