"""Actor audit of issue 22: the well-known actors of the 30 articles of
bench/audit_articles.txt, annotated by hand in bench/audit_actors.jsonl, and how
many of them `khabar.analyze` links to the right knowledge-base entry.

Each line of audit_actors.jsonl is one span of `analyze(article).text` (no text
is stored, only offsets and ids): {"article", "start", "end", "kb", "scope"}.
`kb` is the expected id ("|" between ids that are equally right, e.g. a
province or its capital for a bare "کرمان"), "absent" (a well-known actor the
knowledge base lacks) or "none" (no actor: a link there is wrong). `scope`:
- "actor": a mention of a well-known actor: every country, region, province
  and city; national and international institutions, parties, armed groups,
  media, large companies and sports clubs; people who held a national office
  (heads of state and government, ministers, speakers, judiciary chiefs,
  commanders), led an international organisation or an armed group, and role
  phrases that name such a person ("وزیر کشور" in 2004). Not counted: private
  people, artists and athletes, local officials, local offices, religious and
  historical figures, groups named by a country and a sector ("دولت عراق");
- "other": judged for precision only (a place inside a title or an office's
  name: "امام جمعه کرمان"; a coach; an indefinite "یک رئیس جمهور");
- "skip": a region where nothing is judged (the name of a local office).

Coverage: actor mentions that some entity overlapping them links to the
expected id. Precision: links (kb_id set, not an event) overlapping a judged
span that carry one of its ids; links that overlap nothing judged are listed
as unjudged.

Usage: python bench/audit_actors.py [--verbose]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import DATA, ROOT  # noqa: E402

import khabar  # noqa: E402
from khabar.ingest.reader import iter_articles  # noqa: E402

ARTICLES = ROOT / "bench" / "audit_articles.txt"
GOLD = ROOT / "bench" / "audit_actors.jsonl"
FARS = DATA / "news" / "farsnews"


def article_labels() -> list[str]:
    """The labels of the audit set ('file#index'), in order."""
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def read_articles(labels: list[str]) -> dict[str, object]:
    """The audit articles by label, read from the archive as khabar.ingest reads it."""
    out: dict[str, object] = {}
    for name in sorted({label.split("#")[0] for label in labels}):
        for label, article in iter_articles((FARS / name).read_bytes(), name):
            if label in labels:
                out[label] = article
    return out


def read_gold() -> dict[str, list[dict]]:
    """The annotations by article label."""
    gold: dict[str, list[dict]] = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            gold.setdefault(rec["article"], []).append(rec)
    return gold


def overlaps(a: dict, start: int, end: int) -> bool:
    return a["start"] < end and start < a["end"]


def score_article(doc, spans: list[dict], tally: Counter, notes: list[str]) -> None:
    """Add the article's coverage and precision counts to `tally`; describe the misses in `notes`."""
    links = [e for e in doc.entities if e.kb_id and not e.kb_id.startswith("E:")]
    for a in spans:
        if a["scope"] != "actor" or a["kb"] == "none":
            continue
        tally["actors"] += 1
        tally["absent"] += a["kb"] == "absent"
        wanted = set(a["kb"].split("|"))
        if any(e.kb_id in wanted for e in links if overlaps(a, e.start, e.end)):
            tally["linked"] += 1
        else:
            found = [e.kb_id for e in links if overlaps(a, e.start, e.end)]
            notes.append(f"  miss {a['start']}-{a['end']} {doc.text[a['start']:a['end']]!r} want {a['kb']} got {found}")
    for e in links:
        judged = [a for a in spans if a["scope"] != "skip" and overlaps(a, e.start, e.end)]
        if not judged:
            skipped = any(overlaps(a, e.start, e.end) for a in spans)
            tally["unjudged in skipped spans" if skipped else "unjudged"] += 1
            if not skipped:
                notes.append(f"  unjudged {e.start}-{e.end} {e.text!r} {e.kb_id}")
            continue
        tally["links"] += 1
        if any(e.kb_id in a["kb"].split("|") for a in judged):
            tally["right"] += 1
        else:
            notes.append(f"  wrong {e.start}-{e.end} {e.text!r} {e.kb_id} want {[a['kb'] for a in judged]}")


def main() -> None:
    if not FARS.exists():
        print(f"skip: {FARS} not found")
        return
    labels = article_labels()
    articles, gold = read_articles(labels), read_gold()
    tally: Counter = Counter()
    for label in labels:
        notes: list[str] = []
        score_article(khabar.analyze(articles[label]), gold.get(label, []), tally, notes)
        if notes and "--verbose" in sys.argv:
            print(label, *notes, sep="\n")
    coverage = tally["linked"] / tally["actors"] if tally["actors"] else 0.0
    precision = tally["right"] / tally["links"] if tally["links"] else 0.0
    print(f"{len(labels)} articles, {tally['actors']} actor mentions ({tally['absent']} of actors the KB lacks)")
    print(f"coverage (linked to the right entry): {tally['linked']}/{tally['actors']} = {coverage:.1%}")
    print(f"link precision: {tally['right']}/{tally['links']} = {precision:.1%}")
    print(f"unjudged links: {tally['unjudged']} (and {tally['unjudged in skipped spans']} inside skipped spans)")


if __name__ == "__main__":
    main()
