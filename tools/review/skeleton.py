#!/usr/bin/env python3
"""List every reader-facing content item (id, where, what it claims) so that content/REVIEW.md misses none.

    python3 tools/review/skeleton.py            # the skeleton: one table row per item, verdict to fill
    python3 tools/review/skeleton.py --check    # the items content/REVIEW.md does not list yet (exit 1 if any)
"""
import json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
C = ROOT / "content"


def load(name):
    return json.loads((C / name).read_text(encoding="utf-8"))


def short(text, n=90):
    text = re.sub(r"\[([^\]]*)\]\((?:term|card|fig):[^)]*\)", r"\1", text)
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def items():
    """(section, id, what it says) for every item a reader sees."""
    for theme in ["concepts", "history", "actors", "argument"]:
        for c in load(f"cards/{theme}.json"):
            yield f"Cards: {theme}", c["id"], f"{'/'.join(c['paragraphs'])}; {short(c['summary'])} (+{len(c['detail'])} details)"
    for e in load("timeline.json"):
        yield "Timeline eras", e["id"], short(e["description"])
    for t in load("glossary.json"):
        yield "Glossary", t["id"], short(t["definition"])
    for p in load("paragraphs.json"):
        yield "Paragraph gists", p["id"], short(p["gist"])
    ix = load("interactives.json")
    yield "Spectrum and sorter", "spectrum-prompt", short(ix["spectrum"]["prompt"])
    for i in ix["spectrum"]["items"]:
        yield "Spectrum and sorter", f"spectrum:{i['id']}", f"{i['answer']}; {short(i['explanation'])}"
    for i in ix["sorter"]["items"]:
        yield "Spectrum and sorter", f"sorter:{i['id']}", f"{i['answer']}; {short(i['explanation'])}"
    s = load("study.json")
    for t in s["tour"]:
        yield "Tour steps", f"tour:{t['id']}", short(" ".join(t["body"]))
    for q in s["questions"]:
        yield "Questions and feedback", q["id"], short(q["prompt"])
    for e in s["evidence"]:
        yield "Evidence notes", e["id"], f"{e['status']}; {short(e['claim'])}"
    for p in s["prompts"]:
        yield "Discussion prompts", p["id"], short(p["text"])
    d = load("data-notes.json")
    for k in d["layers"]:
        yield "Data notes", f"layer:{k}", short(d["layers"][k]["source"])
    for k in d["per_person"]:
        yield "Data notes", f"per-person:{k}", short(d["per_person"][k])
    for k in list(d["missing"]) + list(d["none_found"]):
        yield "Data notes", f"gap:{k}", short({**d["missing"], **d["none_found"]}[k])
    for c in d["comparisons"]:
        yield "Data notes", f"comparison:{c['id']}", f"{c['status']}; {short(c['explanation'])}"
    site = load("site.json")
    yield "Site", "site:overview", short(site["overview"]["lead"])
    yield "Site", "site:credits", short(site["credits"])
    for f in load("figures.json"):
        yield "Figures", f["id"], f"{f['value']} {f['unit']} ({f['year']}); {short(f['source_publisher'], 60)}"


def main():
    all_items = list(items())
    if "--check" in sys.argv:
        review = (C / "REVIEW.md").read_text(encoding="utf-8")
        missing = [i for _, i, _ in all_items if f"| `{i}` |" not in review]
        print("\n".join(missing) or f"all {len(all_items)} items are listed")
        sys.exit(1 if missing else 0)
    section = None
    for sec, i, what in all_items:
        if sec != section:
            print(f"\n## {sec}\n\n| id | claim checked | verdict |\n|---|---|---|")
            section = sec
        print(f"| `{i}` | {what.replace('|', '/')} | TODO |")


if __name__ == "__main__":
    main()
