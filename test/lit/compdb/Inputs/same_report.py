"""Compares two escapade --format=json reports, all but their timing
(analysis_seconds): prints the first site that differs and exits 1, or
prints how many sites are the same."""
import json
import sys

a, b = (json.load(open(p)) for p in sys.argv[1:3])
for r in (a, b):
    r.pop("analysis_seconds", None)
if len(a["sites"]) != len(b["sites"]):
    sys.exit(f"{len(a['sites'])} sites against {len(b['sites'])}")
for x, y in zip(a["sites"], b["sites"]):
    if x != y:
        sys.exit(f"site differs:\n{json.dumps(x)}\n{json.dumps(y)}")
if a != b:
    sys.exit("sites agree, the rest of the reports differs")
print(f"same {len(a['sites'])} sites")
