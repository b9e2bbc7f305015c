"""Score one corpus set the way its first contact was reported: per language, per
convention (old/new) and per kind, all three labels exact.

    .venv/bin/python tests/rules/first_contact.py messy.jsonl
"""
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import analyse, load  # noqa: E402

items = load(sys.argv[1] if len(sys.argv) > 1 else "messy.jsonl")
rows = collections.defaultdict(lambda: [0,0,0,0,0])
kinds = collections.defaultdict(lambda: [0,0])
for it in items:
    c = analyse(it)
    due = c.due.isoformat() if c.due else None
    o = c.owner == it["owner"]; d = due == it["due"]; f = sorted(c.codes) == sorted(it["flags"])
    for key in [("all",), (it["lang"],), (it.get("convention", "-"),), (it["lang"], it.get("convention", "-"))]:
        r = rows[key]; r[0]+=1; r[1]+=o; r[2]+=d; r[3]+=f; r[4]+= o and d and f
    for k in it.get("kinds", []):
        kinds[k][0]+=1; kinds[k][1]+= o and d and f
for key, r in sorted(rows.items()):
    n=r[0]; print(f"{'/'.join(key):12} n={n:4} owner {100*r[1]/n:5.1f} due {100*r[2]/n:5.1f} flags {100*r[3]/n:5.1f} exact {100*r[4]/n:5.1f}")
print("by kind (exact):", ", ".join(f"{k} {v[1]}/{v[0]}" for k,v in sorted(kinds.items())))
