#!/usr/bin/env python3
"""Writes a corpus manifest (what bench/corpus.py leaves in
build/corpus/PROG/CFG/manifest.json) for one escapade JSON report and its
count file, so that bench/report.py can be run on a small program:
    report_manifest.py CORPUS_DIR PROG CFG REPORT.json COUNTS.tsv [--strip-causes]
The report stands for every mode; the Attributor figures are zero.
--strip-causes writes the report without its "cause" fields, as escapade
wrote reports before them."""
import json
import os
import shutil
import sys

corpus, prog, cfg, report, counts = sys.argv[1:6]
out = os.path.join(corpus, prog, cfg)
os.makedirs(out, exist_ok=True)
rep_path = os.path.join(out, "escapade-typeset.json")
with open(report) as f:
    rep = json.load(f)
if "--strip-causes" in sys.argv[6:]:
    for s in rep["sites"]:
        for level in ("intraprocedural", "conservative", "whole_program"):
            s[level].pop("cause", None)
with open(rep_path, "w") as f:
    json.dump(rep, f)
shutil.copy(report + ".time", rep_path + ".time")
zero = {"heap_calls_after": 0, "removed": 0, "heap_to_stack": 0, "seconds": 0}
man = {"program": prog, "config": f"-{cfg} -g", "translation_units": 1,
       "attributor": {"heap_calls_before": 0, "attributor": zero,
                      "inferattrs_attributor": zero},
       "dynamic": counts}
for mode in ("typeset", "typed", "signature", "closed"):
    man[mode] = rep_path
with open(os.path.join(out, "manifest.json"), "w") as f:
    json.dump(man, f)
