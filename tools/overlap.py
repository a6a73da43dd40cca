#!/usr/bin/env python3
"""Quick authoring check: report any run of 12+ consecutive words shared by content/ prose and the essay.
The authoritative check is the Rust test tests/content_integrity.rs; this is for writers."""
import json, re, sys, pathlib
N = 12
root = pathlib.Path(__file__).resolve().parent.parent
essay = (root.parent / "shared/essay/essay.md")
if not essay.exists():
    essay = root / "tests/fixtures/essay.md"
def words(s):
    s = re.sub(r"\[([^\]]*)\]\((?:term|card):[^)]*\)", r"\1", s)
    return re.findall(r"[a-z0-9]+(?:['’][a-z]+)?", s.lower().replace("’", "'"))
ew = words(essay.read_text())
grams = {tuple(ew[i:i+N]) for i in range(len(ew)-N+1)}
bad = 0
def walk(v, path):
    global bad
    if isinstance(v, dict):
        for k, x in v.items():
            if k == "quote": continue
            walk(x, f"{path}.{k}")
    elif isinstance(v, list):
        for i, x in enumerate(v): walk(x, f"{path}[{i}]")
    elif isinstance(v, str):
        w = words(v)
        for i in range(len(w)-N+1):
            if tuple(w[i:i+N]) in grams:
                print(f"{path}: shares 12 words with the essay: {' '.join(w[i:i+N])}"); bad += 1; break
for f in sorted((root/"content").rglob("*.json")):
    if f.name in ("figures.json", "geo.json", "references.json"): continue
    walk(json.loads(f.read_text()), str(f.relative_to(root)))
print("overlap check:", "FAILED" if bad else "ok"); sys.exit(1 if bad else 0)
