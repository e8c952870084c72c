#!/usr/bin/env python3
"""The cost of the analysis against the cost of reading the IR, in one run.

    python3 bench/speed.py [--corpus DIR] [--only PROG[,PROG]] [--sizes N,N,...]
                           [--no-series]

For every corpus program and configuration whose linked module exists
(build/corpus/<prog>/<cfg>/program.bc, made by bench/corpus.py), runs the
whole process of

    opt-19 -passes=verify -disable-output program.bc           (the floor)
    escapade --format=json -o /dev/null program.bc             (all levels,
                                                                resolution)

one after the other, and prints their CPU time (user + system), wall time
and peak RSS, and the ratios escapade / opt. Then the scaling series: C
programs generated with the same shape at growing sizes (structs of
function pointers called through tables, allocations handed to them,
locals passed down), compiled at -O0, with the same two processes and the
cost per instruction; the series is flat when the last column stays
within 2x of its first row.

A benchmark, not a test: it prints figures and checks nothing.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("ESCAPADE_BUILD", os.path.join(TOP, "build"))
ESCAPADE = os.path.join(BUILD, "bin", "escapade")
CORPUS = os.environ.get("CORPUS_DIR", os.path.join(TOP, "build", "corpus"))


def measure(cmd):
    """(cpu seconds, wall seconds, peak RSS in MiB) of the whole process."""
    t0 = time.time()
    # ru_maxrss of RUSAGE_CHILDREN is the largest child so far: each command
    # runs under a Python of its own, which reports that command alone
    r = subprocess.run([sys.executable, "-c", (
        "import resource,subprocess,sys;"
        "p=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,"
        "stderr=subprocess.DEVNULL);"
        "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(u.ru_utime+u.ru_stime,u.ru_maxrss,p.returncode)"), *cmd],
        stdout=subprocess.PIPE, text=True, check=True)
    wall = time.time() - t0
    cpu, rss, rc = r.stdout.split()
    if int(rc) != 0:
        raise RuntimeError(f"failed ({rc}): {' '.join(cmd)}")
    return float(cpu), wall, int(rss) / 1024.0


def instructions(bc):
    """Instructions in function bodies (llvm-dis indents them by two)."""
    dis = subprocess.run(["llvm-dis-19", bc, "-o", "-"], stdout=subprocess.PIPE,
                         text=True, check=True).stdout
    n, body = 0, False
    for line in dis.splitlines():
        if line.startswith("define "):
            body = True
        elif line.startswith("}"):
            body = False
        elif body and line.startswith("  ") and not line.startswith("   "):
            n += 1
    return n


def compare(label, bc, rows):
    o = measure(["opt-19", "-passes=verify", "-disable-output", bc])
    e = measure([ESCAPADE, "--format=json", "-o", "/dev/null", bc])
    n = instructions(bc)
    rows.append((label, n, o, e))
    print(f"| {label} | {n} | {o[0]:.2f} | {e[0]:.2f} | {e[0] / o[0]:.1f} | "
          f"{e[1] / o[1]:.1f} | {o[2]:.0f} | {e[2]:.0f} | {e[2] / o[2]:.2f} | "
          f"{1e6 * e[0] / n:.1f} |", flush=True)


HEADER = ("| input | instructions | opt verify CPU s | escapade CPU s | "
          "CPU ratio | wall ratio | opt RSS MiB | escapade RSS MiB | "
          "RSS ratio | escapade us/instr |\n|---|---|---|---|---|---|---|---|---|---|")


def generate(units, path):
    """A C program of `units` modules of one shape: each unit has a writer
    interface (a struct of function pointers) with two implementations, a
    table of them, a function allocating a buffer and a local and handing
    both through the interface, and a chain of direct calls."""
    out = ["#include <stdlib.h>", "#include <string.h>",
           "struct w { void (*put)(struct w *, char *, int); int n; };",
           "static int sink;"]
    for u in range(units):
        out.append(f"""
static void put_a{u}(struct w *w, char *b, int n) {{ w->n += n + b[0]; }}
static void put_b{u}(struct w *w, char *b, int n) {{ for (int i = 0; i < n; i++) w->n ^= b[i]; }}
static struct w tab{u}[2] = {{{{put_a{u}, 0}}, {{put_b{u}, 0}}}};
static int step{u}(struct w *w, int k) {{
  char local[32];
  char *heap = malloc(64);
  memset(local, k, sizeof local);
  memset(heap, k, 64);
  w->put(w, local, 32);
  w->put(w, heap, 64);
  free(heap);
  return w->n;
}}
int run{u}(int k) {{
  int s = 0;
  for (int i = 0; i < 2; i++) s += step{u}(&tab{u}[(k + i) & 1], k + i);
  {f"s += run{u - 1}(k + 1);" if u % 8 else ""}
  return s;
}}""")
    out.append("int main(int argc, char **argv) { (void)argv; int s = 0;")
    for u in range(0, units, 8):
        out.append(f"  s += run{min(u + 7, units - 1)}(argc);")
    out.append("  sink = s; return 0; }")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--only", default="")
    ap.add_argument("--sizes", default="100,300,1000,3000,10000",
                    help="units per generated program (about 100 "
                         "instructions each)")
    ap.add_argument("--no-series", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(ESCAPADE):
        sys.exit("build escapade first: bash scripts/build.sh")
    rows = []
    print("## Corpus programs\n\n" + HEADER)
    if os.path.isdir(args.corpus):
        for prog in sorted(os.listdir(args.corpus)):
            if prog == "src" or (args.only and prog not in args.only.split(",")):
                continue
            for cfg in ("O0", "O2"):
                bc = os.path.join(args.corpus, prog, cfg, "program.bc")
                if os.path.exists(bc):
                    compare(f"{prog} -{cfg}", bc, rows)
    if args.no_series:
        return
    print("\n## Scaling series (generated, -O0)\n\n" + HEADER)
    with tempfile.TemporaryDirectory() as tmp:
        series = []
        for units in map(int, args.sizes.split(",")):
            c = os.path.join(tmp, f"gen{units}.c")
            bc = os.path.join(tmp, f"gen{units}.bc")
            generate(units, c)
            subprocess.run(["clang-19", "-O0", "-g", "-c", "-emit-llvm", c,
                            "-o", bc], check=True)
            compare(f"generated, {units} units", bc, series)
        if series:
            per = [r[3][0] / r[1] for r in series]
            print(f"\ncost per instruction, largest over smallest: "
                  f"{per[-1] / per[0]:.2f}x (flat: within 2x)")


if __name__ == "__main__":
    main()
