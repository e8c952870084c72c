"""Validates a JSON document against a JSON schema (Debian's
python3-jsonschema, run with /usr/bin/python3); prints "valid" or the first
error, and exits 1 on it.

    /usr/bin/python3 validate_json.py SCHEMA.json DOCUMENT.json
"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
try:
    jsonschema.validate(doc, schema, format_checker=jsonschema.FormatChecker())
except jsonschema.ValidationError as e:
    print("invalid:", e.message, "at", "/".join(map(str, e.absolute_path)))
    sys.exit(1)
print("valid")
