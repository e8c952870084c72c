#!/usr/bin/env python3
"""Counts the allocation calls in a program's IR, by allocator family, so
that the corpus report can set escapade's heap sites beside them.

    python3 bench/alloc_calls.py PROGRAM.bc [ESCAPADE.json]

Reads the textual IR (`llvm-dis-19`) and looks at every `call` and `invoke`
instruction inside a function body; a direct call is counted under

  - `malloc`: the C library's allocating functions (malloc, calloc,
    realloc, reallocarray, strdup, strndup, aligned_alloc, memalign,
    posix_memalign, valloc, pvalloc);
  - `new`: every form of `operator new` and `operator new[]` (sized,
    aligned, nothrow);
  - `wrapper`: the functions escapade's report names as allocators of its
    wrapper and through-a-pointer sites (the JSON `allocator` field, a
    demangled name; matched against the callee's symbol and its demangled
    form), when a report is given.

Indirect calls are counted apart (`indirect`): they are where allocators
reached through a pointer hide. The walk needs no opt pass, so it counts
what the linked program holds, before any optimisation of escapade's own.
"""
import json
import re
import subprocess
import sys

MALLOC_FAMILY = {"malloc", "calloc", "realloc", "reallocarray", "strdup",
                 "strndup", "aligned_alloc", "memalign", "posix_memalign",
                 "valloc", "pvalloc"}
# operator new / new[]: _Znwm, _Znam and their aligned (St11align_val_t) and
# nothrow (RKSt9nothrow_t) forms; 32-bit targets spell the size j
NEW_RE = re.compile(r"^_Zn[wa][mj](St11align_val_t)?(RKSt9nothrow_t)?$")

# A call or invoke instruction; its callee is the first @name or %value
# followed directly by its argument list (return attributes such as
# dereferenceable_or_null(8), and the function type of a variadic callee,
# have no sigil before their parentheses).
CALL_RE = re.compile(r"^\s*(?:%[-\w.$\"]+\s*=\s*)?(?:(?:tail|musttail|notail)\s+)?"
                     r"(?:call|invoke)\b.*?"
                     r"(@[-\w.$]+|@\"[^\"]*\"|%[-\w.$]+|%\"[^\"]*\")\(")
DEFINE_RE = re.compile(r"^define\b")


def callees(ir_text):
    """Yields the callee of every call/invoke in a function body: its symbol
    for a direct call, None for an indirect one."""
    in_body = False
    for line in ir_text.splitlines():
        if not in_body:
            if DEFINE_RE.match(line):
                in_body = True
            continue
        if line.startswith("}"):
            in_body = False
            continue
        if "call" not in line and "invoke" not in line:
            continue
        # instructions only: skip comments and the metadata attachments
        code = line.split(";", 1)[0]
        m = CALL_RE.match(code)
        if not m:
            continue
        name = m.group(1)
        if name.startswith("%"):
            yield None
        else:
            yield name[1:].strip('"')


def demangle(symbols):
    """Demangled names of C++ symbols (others as they are), with
    llvm-cxxfilt-19 when it is there."""
    syms = sorted(s for s in symbols if s.startswith("_Z"))
    out = {s: s for s in symbols}
    if not syms:
        return out
    try:
        r = subprocess.run(["llvm-cxxfilt-19"], input="\n".join(syms) + "\n",
                           stdout=subprocess.PIPE, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return out
    for s, d in zip(syms, r.stdout.splitlines()):
        out[s] = d
    return out


def same_spelling(name):
    """`a<b<c> >` and `a<b<c>>` are one name: escapade's demangler puts a
    space between closing brackets, llvm-cxxfilt does not."""
    while "> >" in name:
        name = name.replace("> >", ">>")
    return name


def strip_params(name):
    """`ns::f(unsigned long)` -> `ns::f`: escapade may name a C++ function
    with or without its parameter list."""
    depth = 0
    for i in range(len(name) - 1, -1, -1):
        if name[i] == ")":
            depth += 1
        elif name[i] == "(":
            depth -= 1
            if depth == 0:
                return name[:i]
    return name


def wrapper_names(report):
    """The allocators escapade names at its wrapper and through-a-pointer
    heap sites, other than the library's own."""
    names = set()
    for s in report.get("sites", []):
        if s.get("kind") == "stack" or not s.get("allocator"):
            continue
        if s.get("found_by") in ("wrapper", "whole_program"):
            names.add(s["allocator"])
    return names - MALLOC_FAMILY - {"operator new", "operator new[]"}


def count(ir_text, wrappers=()):
    """{family: calls} for the IR text; `wrappers` are allocator names as
    escapade prints them. `wrapper_by_name` gives the calls per wrapper."""
    calls = {}
    indirect = 0
    for c in callees(ir_text):
        if c is None:
            indirect += 1
        else:
            calls[c] = calls.get(c, 0) + 1
    names = {k: same_spelling(v) for k, v in demangle(calls).items()}
    spelled = {same_spelling(w): w for w in wrappers}
    wrappers = set(spelled)
    res = {"malloc": 0, "new": 0, "wrapper": 0, "indirect": indirect,
           "calls": sum(calls.values()) + indirect, "wrapper_by_name": {}}
    for sym, n in calls.items():
        dem = names[sym]
        if sym in MALLOC_FAMILY:
            res["malloc"] += n
        elif NEW_RE.match(sym):
            res["new"] += n
        elif sym in wrappers or dem in wrappers or strip_params(dem) in wrappers:
            res["wrapper"] += n
            key = sym if sym in wrappers else (
                dem if dem in wrappers else strip_params(dem))
            key = spelled.get(key, key)  # as the report spells it
            res["wrapper_by_name"][key] = res["wrapper_by_name"].get(key, 0) + n
    return res


def count_bitcode(bc, report=None):
    """count() over a bitcode file, with the wrappers of an escapade JSON
    report (a path, or None)."""
    r = subprocess.run(["llvm-dis-19", bc, "-o", "-"], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"llvm-dis-19 {bc}: {r.stderr.strip()[:300]}")
    wrappers = ()
    if report:
        with open(report) as f:
            wrappers = wrapper_names(json.load(f))
    return count(r.stdout, wrappers)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: alloc_calls.py PROGRAM.bc [ESCAPADE.json]")
    print(json.dumps(count_bitcode(sys.argv[1],
                                   sys.argv[2] if len(sys.argv) == 3 else None),
                     indent=1))
