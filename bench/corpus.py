#!/usr/bin/env python3
"""Builds the escapade corpus and measures it: one command, resumable.

    python3 bench/corpus.py [--only PROG[,PROG]] [--jobs N] [--skip-dynamic]

For each program (sqlite3's shell, lua5.4, zlib's minigzip, tinyxml2's
xmltest, ninja, mawk, jq, tmux) and each configuration (-O0 -g, -O2 -g):

  1. fetch its Debian source package (apt-get source; a deb-src entry
     mirroring the machine's apt source is added when missing; when the
     newest version's files are missing from the mirror, the other versions
     the source index lists, newest first), and record the version used;
  2. prepare it (configure with minimal features, generated headers) and
     compile every translation unit to bitcode (clang-19, C++ with -flto
     -fwhole-program-vtables), then link them (llvm-link-19);
  3. analyse with escapade (the sound default, --assume-typed, the
     signature-only baseline and --assume-closed, each with --time), count
     the allocation calls of the linked IR by allocator family
     (bench/alloc_calls.py), and count the heap allocations LLVM's
     Attributor removes;
  4. instrument with -passes=escapade-count, build the program, run its
     workload (bench/workloads/) and collect dynamic counts;
  5. write bench/results/<prog>-<cfg>.json, bench/results/summary.csv and
     regenerate docs/results.md and the plot (bench/report.py).

Every step leaves its output under build/corpus/ and is skipped when that
output exists, so an interrupted run resumes where it stopped. A program
whose step fails is recorded as failed at that step, with the reason, in
its build/corpus/<prog>/<cfg>/manifest.json and in docs/results.md; the
other programs go on, and the command exits with status 1 after writing
the report.
"""
import argparse
import functools
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

import alloc_calls

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


class StepError(Exception):
    """One program's step failed: the message says which command and why.
    The run goes on with the other programs and records this one as
    failed."""


def run(cmd, cwd=None, env=None, stdin=None, stdout=None, check=True,
        timeout=None, input_text=None):
    try:
        r = subprocess.run(cmd, cwd=cwd, env=env, stdin=stdin, stdout=stdout,
                           stderr=subprocess.PIPE, check=False, text=True,
                           timeout=timeout, input=input_text)
    except subprocess.TimeoutExpired:
        raise StepError(f"timed out after {timeout} s: {' '.join(cmd)[:300]}")
    except OSError as e:
        raise StepError(f"cannot run {cmd[0]}: {e}")
    if check and r.returncode != 0:
        raise StepError(f"command failed ({r.returncode}): {' '.join(cmd)[:300]}"
                        f"\n{(r.stderr or '')[-2000:]}")
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


def configure(src, args, env_extra=None):
    """Runs a configure script once (clang-19 as the compiler), for the
    headers and Makefile variables it generates."""
    if os.path.exists(os.path.join(src, "config.status")):
        return
    env = dict(os.environ, CC="clang-19", CFLAGS="-O0 -g", **(env_extra or {}))
    run(["./configure", *args], cwd=src, env=env, stdout=subprocess.DEVNULL)


def make_var(src, var):
    """A variable of the configured Makefile, as make expands it, split as
    the shell would split it in a recipe."""
    r = run(["make", "-s", "-f", "Makefile", "-f", "-", f"print-{var}"],
            cwd=src, stdout=subprocess.PIPE,
            check=False, env=dict(os.environ, MAKEFLAGS=""),
            input_text="print-%:\n\t@:$(info $($*))\n")
    if r.returncode != 0:
        raise StepError(f"make cannot expand {var} in {src}: "
                        f"{last_line(r.stderr)}")
    return shlex.split(r.stdout)


def sources_from(src, *vars, drop=()):
    """The C files of Makefile variables, in order, but those in `drop`:
    automake's *_SOURCES (a yacc or lex file stands for the C file the
    source package ships generated) and object lists such as LIBOBJS (the
    replacement functions configure chose)."""
    out = []
    for v in vars:
        for f in make_var(src, v):
            base, ext = os.path.splitext(f)
            if ext not in (".c", ".y", ".l", ".o"):
                continue
            c = base + ".c"
            if c not in drop and c not in out:
                out.append(c)
    missing = [c for c in out if not os.path.exists(os.path.join(src, c))]
    if missing:
        raise StepError(f"sources not generated: {', '.join(missing)}")
    return out


def prep_mawk(src):
    configure(src, [])
    # scancode.c is generated by a program of the build (makescan)
    if not os.path.exists(os.path.join(src, "scancode.c")):
        run(["make", "CC=clang-19", "scancode.c"], cwd=src,
            stdout=subprocess.DEVNULL)


def prep_jq(src):
    # Debian's source has no configure script (dh_autoreconf makes it);
    # no oniguruma (no regex builtins), no docs
    if not os.path.exists(os.path.join(src, "configure")):
        run(["autoreconf", "-i"], cwd=src, stdout=subprocess.DEVNULL)
    configure(src, ["--disable-docs", "--without-oniguruma",
                    "--disable-maintainer-mode", "--disable-shared"])
    run(["make", "src/version.h", "src/builtin.inc"], cwd=src,
        stdout=subprocess.DEVNULL)


def prep_tmux(src):
    configure(src, ["--disable-utf8proc", "--disable-systemd"])


def configured(prep, name):
    """A prep step that, once the source is configured, fills in the parts
    of PROGRAMS[name] read from it (srcs, flags, libs given as functions of
    the source directory), so that whoever runs the prep step
    (bench/validate.py too) finds them as lists."""
    def run_prep(src):
        prep(src)
        PROGRAMS[name].update(resolve(PROGRAMS[name], src))
    return run_prep


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
    "mawk": {
        "pkg": "mawk", "lang": "c", "prep": configured(prep_mawk, "mawk"),
        "srcs": lambda src: sources_from(src, "OBJS"),
        "flags": lambda src: make_var(src, "CPPFLAGS"),
        "libs": ["-lm"],
        "what": "mawk interpreter (own allocator zmalloc over malloc, builtin tables)",
    },
    "jq": {
        "pkg": "jq", "lang": "c", "prep": configured(prep_jq, "jq"),
        # libjq's sources (with its test driver, which main.c calls) and
        # main.c
        "srcs": lambda src: sources_from(src, "libjq_la_SOURCES", "jq_SOURCES"),
        "flags": lambda src: make_var(src, "DEFS") + ["-I.", "-Isrc"],
        "libs": lambda src: make_var(src, "libjq_la_LIBADD") + make_var(src, "LIBS"),
        "what": "jq JSON processor (jv_mem_alloc over malloc, C builtins table, "
                "error and input callbacks; no oniguruma)",
    },
    "tmux": {
        "pkg": "tmux", "lang": "c", "prep": configured(prep_tmux, "tmux"),
        # cmd-parse.y comes generated; LIBOBJS are compat/ replacements
        "srcs": lambda src: sources_from(src, "dist_tmux_SOURCES",
                                         "nodist_tmux_SOURCES", "LIBOBJS"),
        "flags": lambda src: make_var(src, "DEFS") + make_var(src, "AM_CPPFLAGS")
        + make_var(src, "CPPFLAGS"),
        "libs": lambda src: make_var(src, "LIBS"),
        "what": "tmux terminal multiplexer (command table, libevent callbacks, "
                "window-mode and format callbacks; libevent outside the program)",
    },
}


# ---- steps ----------------------------------------------------------------

def ensure_tools():
    """What the corpus needs beyond escapade's own build."""
    need = {"dpkg-source": "dpkg-dev", "tclsh": "tcl", "gnuplot": "gnuplot-nox",
            "make": "make", "llvm-cxxfilt-19": "llvm-19",
            # jq's Debian source has no configure script
            "autoreconf": "autoconf", "automake": "automake",
            "libtoolize": "libtool"}
    # libraries tmux is built against
    headers = {"/usr/include/event2/event.h": "libevent-dev",
               "/usr/include/curses.h": "libncurses-dev"}
    missing = [pkg for tool, pkg in need.items() if not shutil.which(tool)]
    missing += [pkg for h, pkg in headers.items() if not os.path.exists(h)]
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


def dpkg_compare(a, b):
    """-1, 0 or 1 as Debian version a sorts before, with or after b (dpkg's
    own rules: epochs, ~, revisions)."""
    if a == b:
        return 0
    r = subprocess.run(["dpkg", "--compare-versions", a, "lt", b])
    return -1 if r.returncode == 0 else 1


def source_versions(pkg):
    """The versions of a source package the index lists, newest first."""
    show = run(["apt-cache", "showsrc", pkg], stdout=subprocess.PIPE,
               check=False).stdout or ""
    versions = []
    for line in show.splitlines():
        if line.startswith("Version: "):
            v = line.split(" ", 1)[1].strip()
            if v not in versions:
                versions.append(v)
    return sorted(versions, key=functools.cmp_to_key(dpkg_compare),
                  reverse=True)


def unpacked_version(srcroot, srcdir):
    """The Debian version of the unpacked source: its changelog's, or the
    .dsc file's name (which drops the epoch) when the changelog is
    unreadable."""
    r = subprocess.run(["dpkg-parsechangelog", "-l",
                        os.path.join(srcdir, "debian", "changelog"),
                        "-S", "Version"], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, text=True)
    if r.returncode == 0 and r.stdout.strip():
        return r.stdout.strip()
    for f in sorted(os.listdir(srcroot)):
        if f.endswith(".dsc") and "_" in f:
            return f[:-4].split("_", 1)[1]
    return None


def last_line(text):
    lines = (text or "").strip().splitlines()
    return lines[-1] if lines else "no message"


def clear_dir(path):
    for f in os.listdir(path):
        p = os.path.join(path, f)
        if os.path.isdir(p) and not os.path.islink(p):
            shutil.rmtree(p)
        else:
            os.remove(p)


def fetch(name, prog):
    """The unpacked source directory (bench/validate.py and bench/compdb.py
    fetch through it)."""
    return fetch_source(name, prog)[0]


def fetch_source(name, prog):
    """The unpacked source directory and its Debian version."""
    srcroot = os.path.join(WORK, "src", name)
    stamp = os.path.join(srcroot, ".fetched")
    if os.path.exists(stamp):
        with open(stamp) as f:
            srcdir = os.path.join(srcroot, f.read().strip())
        return srcdir, unpacked_version(srcroot, srcdir)
    ensure_deb_src()
    os.makedirs(srcroot, exist_ok=True)
    clear_dir(srcroot)
    log(f"{name}: apt-get source {prog['pkg']}")
    r = run(["apt-get", "source", prog["pkg"]], cwd=srcroot,
            stdout=subprocess.DEVNULL, check=False)
    errors = [f"{prog['pkg']}: {last_line(r.stderr)}"]
    if r.returncode != 0:
        # the mirror may lack the newest version's files (a security
        # pocket's): try every version the source index lists, newest first
        for v in source_versions(prog["pkg"]):
            clear_dir(srcroot)  # what the failed attempt left
            log(f"{name}: apt-get source {prog['pkg']}={v}")
            r = run(["apt-get", "source", f"{prog['pkg']}={v}"], cwd=srcroot,
                    stdout=subprocess.DEVNULL, check=False)
            if r.returncode == 0:
                break
            errors.append(f"{v}: {last_line(r.stderr)}")
        if r.returncode != 0:
            raise StepError(f"cannot fetch the source of {prog['pkg']} "
                            f"(tried {'; '.join(errors)[-600:]})")
    dirs = [d for d in os.listdir(srcroot)
            if os.path.isdir(os.path.join(srcroot, d))]
    if len(dirs) != 1:
        raise StepError(f"unexpected source layout {dirs}")
    with open(stamp, "w") as f:
        f.write(dirs[0])
    srcdir = os.path.join(srcroot, dirs[0])
    return srcdir, unpacked_version(srcroot, srcdir)


def compile_error(p):
    """The failed compile's command and its first error line."""
    with open(p.args[-1][:-3] + ".err") as f:
        errs = [l.strip() for l in f if "error:" in l]
    return StepError(f"compile failed: {os.path.basename(p.args[-1])[:-3]}: "
                     f"{errs[0] if errs else 'no message'}")


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
    bases = [os.path.splitext(os.path.basename(s))[0] for s in prog["srcs"]]
    twice = sorted({b for b in bases if bases.count(b) > 1})
    if twice:  # one .bc per base name
        raise StepError(f"two sources named {', '.join(twice)}")
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
                raise compile_error(p)
        with open(cmd[-1][:-3] + ".err", "w") as err:  # the child keeps it
            procs.append(subprocess.Popen(cmd, cwd=src, stderr=err))
    for p in procs:
        if p.wait() != 0:
            raise compile_error(p)
    tus = tu_files(out)
    run(["llvm-link-19", *tus, "-o", linked + ".tmp"])
    os.rename(linked + ".tmp", linked)
    return out


def up_to_date(path):
    """An output is reused unless escapade was rebuilt after it."""
    if not os.path.exists(path):
        return False
    tools = [t for t in (ESCAPADE, PLUGIN) if os.path.exists(t)]
    return all(os.path.getmtime(path) >= os.path.getmtime(t) for t in tools)


def newer_than(path, *deps):
    """path exists and was written after every file in deps."""
    return os.path.exists(path) and all(
        os.path.getmtime(path) >= os.path.getmtime(d) for d in deps)


def tu_files(out):
    tu = os.path.join(out, "tu")
    return [os.path.join(tu, f) for f in sorted(os.listdir(tu))
            if f.endswith(".bc")]


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


# the Attributor's HeapToStack names the allocas it makes "<name>.h2s"
H2S_RE = re.compile(r"\.h2s = alloca")


def count_alloc_calls(bc, pattern=None):
    """Calls of the malloc family and operator new in the module
    (bench/alloc_calls.py), or matches of `pattern` in its text."""
    r = run(["llvm-dis-19", bc, "-o", "-"], stdout=subprocess.PIPE)
    if pattern is not None:
        return len(pattern.findall(r.stdout))
    c = alloc_calls.count(r.stdout)
    return c["malloc"] + c["new"]


def attributor(name, out):
    path = os.path.join(out, "attributor.json")
    # its heap-call counts are alloc_calls.py's, so it is redone when that
    # changes
    if newer_than(path, alloc_calls.__file__):
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
            raise StepError("round trip differs")


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


def wl_mawk(exe, src, tmp, env):
    data = os.path.join(tmp, "data")
    with open(data, "wb") as f:  # its own sources, several times over
        for _ in range(12):
            for fn in sorted(os.listdir(src)):
                if fn.endswith((".c", ".h")):
                    with open(os.path.join(src, fn), "rb") as g:
                        f.write(g.read())
    run([exe, "-f", os.path.join(WORKLOADS, "mawk_workload.awk"), data],
        cwd=tmp, env=env, stdout=subprocess.DEVNULL, timeout=600)


def wl_jq(exe, src, tmp, env):
    run(["sh", os.path.join(WORKLOADS, "jq_workload.sh"), exe], cwd=tmp,
        env=env, stdout=subprocess.DEVNULL, timeout=600)


def wl_tmux(exe, src, tmp, env):
    # a headless server in the foreground (-D: no fork, so its counts are
    # its own), driven by command clients; every client appends its counts
    env, sock = tmux_environment(exe, tmp, env)
    server = subprocess.Popen([exe, "-D", "-f", "/dev/null", "-S", sock],
                              cwd=tmp, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if os.path.exists(sock):
                break
            time.sleep(0.1)
        else:
            raise StepError("tmux server did not create its socket")
        for args, timeout in tmux_clients():
            run([exe, "-S", sock, *args], cwd=tmp, env=env,
                stdout=subprocess.DEVNULL, timeout=timeout)
        server.wait(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def tmux_environment(exe, tmp, env):
    """The environment of tmux's workload, and the server's socket."""
    sock = os.path.join(tmp, "sock")
    env = dict(env, TERM="xterm-256color", HOME=tmp, SHELL="/bin/sh",
               ESC_TMUX=exe, ESC_TMUX_SOCKET=sock)
    env.pop("TMUX", None)
    return env, sock


def tmux_clients():
    """The command clients of tmux's workload, in order, with their
    timeouts: what they print depends only on the workload (the session
    list is printed in a fixed format, without creation times)."""
    return [
        # the first pane's output is kept in its history
        (["set-option", "-g", "history-limit", "50000"], 60),
        (["new-session", "-d", "-s", "main", "-x", "200", "-y", "50",
          "-n", "first", "sh", os.path.join(WORKLOADS, "tmux_pane.sh")], 60),
        (["wait-for", "done"], 120),
        (["source-file", os.path.join(WORKLOADS, "tmux_workload.conf")], 120),
        (["capture-pane", "-p", "-S", "-", "-t", "main:first.0"], 60),
        (["copy-mode", "-t", "main:first.0"], 60),
        (["send-keys", "-t", "main:first.0", "-X", "history-top"], 60),
        (["send-keys", "-t", "main:first.0", "-X", "search-forward",
          "line 00300"], 60),
        (["send-keys", "-t", "main:first.0", "-X", "begin-selection"], 60),
        (["send-keys", "-t", "main:first.0", "-X", "end-of-line"], 60),
        (["send-keys", "-t", "main:first.0", "-X", "copy-selection"], 60),
        (["show-buffer"], 60), (["list-buffers"], 60),
        (["kill-session", "-t", "other"], 60),
        (["list-sessions", "-F", "#{session_name} #{session_windows}"], 60),
        (["kill-server"], 60),
    ]


WORKLOAD_RUNNERS = {"lua": wl_lua, "sqlite3": wl_sqlite, "zlib": wl_zlib,
                    "tinyxml2": wl_tinyxml2, "ninja": wl_ninja,
                    "mawk": wl_mawk, "jq": wl_jq, "tmux": wl_tmux}


def resolve(prog, src):
    """The program's description with the parts its configured sources
    decide (srcs, flags, libs given as functions of the source directory)
    filled in."""
    return {k: (v(src) if callable(v) and k in ("srcs", "flags", "libs") else v)
            for k, v in prog.items()}


def alloc_call_counts(name, out):
    """Allocation calls in the linked IR by family (bench/alloc_calls.py),
    with the wrappers the sound default's report names."""
    path = os.path.join(out, "alloc_calls.json")
    report = os.path.join(out, "escapade-typeset.json")
    if newer_than(path, report, alloc_calls.__file__):
        with open(path) as f:
            return json.load(f)
    log(f"{name} {os.path.basename(out)}: counting allocation calls in the IR")
    try:
        res = alloc_calls.count_bitcode(os.path.join(out, "program.bc"), report)
    except RuntimeError as e:
        raise StepError(str(e))
    with open(path, "w") as f:
        json.dump(res, f, indent=1)
    return res


def failure_reason(e):
    """A step's exception as the reason recorded: a StepError's message,
    anything else with its type."""
    if isinstance(e, StepError):
        return str(e).strip()
    return f"{type(e).__name__}: {str(e).strip()}"


def measure(name, prog, src, version, cfg, args):
    """One program in one configuration; returns its manifest, with
    `failed` (step and reason) when a step did not complete: what the
    steps before it measured is kept."""
    res = {"program": name, "config": f"-{cfg} -g", "what": prog["what"],
           "package": prog["pkg"], "source": os.path.basename(src),
           "source_version": version}
    step = "compile"
    try:
        out = compile_program(name, prog, src, cfg, args.jobs)
        res["translation_units"] = len(tu_files(out))
        step = "analysis"
        for mode in ("typeset", "typed", "signature", "closed"):
            analyse(name, out, mode)
            res[mode] = os.path.join(out, f"escapade-{mode}.json")
        res["alloc_calls"] = alloc_call_counts(name, out)
        step = "attributor"
        res["attributor"] = attributor(name, out)
        if not args.skip_dynamic:
            step = "workload"
            res["dynamic"] = dynamic(name, prog, src, out)
    except Exception as e:  # whatever it was, the other programs go on
        res["failed"] = {"step": step, "reason": failure_reason(e)}
    return res


def write_manifest(name, cfg, res):
    out = os.path.join(WORK, name, cfg)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "manifest.json.tmp"), "w") as f:
        json.dump(res, f, indent=1)
    os.rename(os.path.join(out, "manifest.json.tmp"),
              os.path.join(out, "manifest.json"))
    if res.get("failed"):
        f = res["failed"]
        log(f"{name} -{cfg}: FAILED at {f['step']}: "
            f"{f['reason'].splitlines()[0][:300]}")
    else:
        log(f"{name} -{cfg}: done")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", default="", help="comma-separated programs")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--skip-dynamic", action="store_true")
    args = ap.parse_args()
    only = [n for n in args.only.split(",") if n]
    unknown = [n for n in only if n not in PROGRAMS]
    if unknown:
        sys.exit(f"corpus: unknown program {', '.join(unknown)} "
                 f"(programs: {', '.join(PROGRAMS)})")
    names = [n for n in PROGRAMS if not only or n in only]
    if not os.path.exists(ESCAPADE):
        sys.exit("build escapade first: bash scripts/build.sh")
    os.makedirs(RESULTS, exist_ok=True)
    try:
        ensure_tools()
    except StepError as e:
        sys.exit(f"corpus: cannot install the tools the corpus needs: {e}")
    failed = []
    for name in names:
        prog = PROGRAMS[name]
        version = None
        step = "fetch"
        try:
            src, version = fetch_source(name, prog)
            step = "prep"
            if prog["prep"]:
                prog["prep"](src)
            spec = resolve(prog, src)
        except Exception as e:  # whatever it was, the other programs go on
            for cfg in CONFIGS:
                write_manifest(name, cfg, {
                    "program": name, "config": f"-{cfg} -g",
                    "what": prog["what"], "package": prog["pkg"],
                    "source_version": version,
                    "failed": {"step": step, "reason": failure_reason(e)}})
            failed.append(name)
            continue
        for cfg in CONFIGS:
            res = measure(name, spec, src, version, cfg, args)
            write_manifest(name, cfg, res)
            if res.get("failed") and name not in failed:
                failed.append(name)
    r = run([sys.executable, os.path.join(TOP, "bench", "report.py")],
            stdout=None, check=False)
    if r.returncode != 0:
        sys.exit(f"corpus: bench/report.py failed: {last_line(r.stderr)}")
    log("results in bench/results/, report in docs/results.md")
    if failed:
        sys.exit(f"corpus: failed: {', '.join(failed)} (reasons in "
                 f"docs/results.md and build/corpus/<prog>/<cfg>/manifest.json)")


if __name__ == "__main__":
    main()
