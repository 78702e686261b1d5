"""Helper for annotating the events dev set (bench/events_dev.jsonl).

    python tools/annotate_events.py show fars-news-3.json#164 [...]
        print an article of ../shared/data/news/farsnews as khabar reads it:
        its sentences with their offsets in the article text, entities, times
    python tools/annotate_events.py convert NOTES... --out bench/events_dev.jsonl
        turn annotation notes (kept outside the repository: they quote words of
        the articles) into the dev set, which holds offsets and codes only

Notes, one block per article (docs/events.md says what is annotated):

    A fars-news-3.json#164 dev
    E CONSULT 042 visit | دیدار#1 | src علاوی#1 IRQ | tgt اسد#1 SYR.GOV | date 2011-03-13 | ctx | sym
    + دیدار#2

`E` is an event: PLOVER type, CAMEO code, mode (optional); its trigger as
"word#n" (the n-th occurrence in the normalized text) or "word@i" (the first
from offset i); source and target as "word#n CODE" (CODE: a country,
optionally .SECTOR; "A/B" when either is right) or "-"; date as ISO, "pub"
(none stated: the publication date) or "-" (none knowable); contexts; "sym"
when source and target may swap (meetings, agreements between two). `+` adds
a mention of the same event. An article with no event has no `E` line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news" / "farsnews"


@lru_cache(maxsize=8)
def _articles(name: str) -> list:
    from khabar.ingest.reader import iter_articles

    return [a for _, a in iter_articles((NEWS / name).read_bytes(), name)]


def load(label: str):
    """The analysed Doc of the article labelled 'fars-news-N.json#i'."""
    import khabar

    name, index = label.split("#")
    return khabar.analyze(_articles(name)[int(index)])


def fingerprint(text: str) -> str:
    """A short hash of a span, to notice when the text under an offset changed."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def show(label: str) -> None:
    doc = load(label)
    art = doc.article
    print(f"== {label}  published {doc.published}  {art.agency} {art.attributions}")
    for s in doc.sentences:
        print(f"[{s.start}-{s.end}] {doc.text[s.start:s.end]}")
    print("ENT", "; ".join(f"{e.text}/{e.label}/{e.kb_id}/{e.country}/{e.role}@{e.start}" for e in doc.entities))
    print("TIM", "; ".join(f"{t.text}={t.value}@{t.start}" for t in doc.times))


def _find(doc, spec: str) -> tuple[int, int]:
    """Raw offsets of 'word#n' (the n-th occurrence of word in the normalized
    text) or 'word@i' (its first occurrence from offset i on)."""
    if "@" in spec:
        word, _, i = spec.rpartition("@")
        at = doc.text.find(word, int(i))
    else:
        word, _, n = spec.rpartition("#") if "#" in spec else (spec, "", "1")
        at = -1
        for _ in range(int(n)):
            at = doc.text.find(word, at + 1)
            if at < 0:
                break
    if at < 0:
        raise ValueError(f"{spec!r} not found")
    return doc.raw_span(at, at + len(word))


def _actor(doc, field: str) -> dict | None:
    field = field.strip()
    if field in ("-", ""):
        return None
    words = field.split()
    at = max(i for i, w in enumerate(words) if "@" in w or "#" in w) if any("@" in w or "#" in w for w in words) \
        else len(words) - 1
    spec, codes = " ".join(words[: at + 1]), " ".join(words[at + 1:])
    start, end = _find(doc, spec)
    countries, sector = [], None
    for code in codes.split("/"):
        country, _, sec = code.strip().partition(".")
        countries.append(country or None)
        sector = sector or sec or None
    return {"span": [start, end], "country": countries[0], "alt": countries[1:], "sector": sector}


def convert(paths: list[str], out: Path) -> None:
    records: list[dict] = []
    doc = None
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                if line.startswith("A "):
                    _, label, split = line.split()
                    doc = load(label)
                    records.append({"article": label, "split": split,
                                    "published": doc.published.date().isoformat() if doc.published else None,
                                    "events": []})
                elif line.startswith("E "):
                    records[-1]["events"].append(_event(doc, line[2:]))
                elif line.startswith("+ "):
                    start, end = _find(doc, line[2:].strip())
                    event = records[-1]["events"][-1]
                    event["mentions"].append([start, end, fingerprint(doc.raw_text[start:end])])
            except (ValueError, IndexError) as exc:
                sys.exit(f"{path}:{number}: {exc}")
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# khabar events dev set: Fars News articles (../shared/data/news/farsnews, read by\n")
        fh.write("# khabar.ingest) as 'file#index'; offsets index Article.text(); no article text. docs/events.md\n")
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n = sum(len(r["events"]) for r in records)
    print(f"{len(records)} articles, {n} events → {out}")


def _event(doc, body: str) -> dict:
    parts = [p.strip() for p in body.split("|")]
    head = parts[0].split()
    etype, cameo, mode = head[0], head[1], (head[2] if len(head) > 2 else None)
    start, end = _find(doc, parts[1])
    fields = {p.split(" ", 1)[0]: (p.split(" ", 1)[1] if " " in p else "") for p in parts[2:]}
    date = fields.get("date", "pub").strip()
    return {
        "type": etype, "cameo": cameo, "mode": mode,
        "context": [c for c in fields.get("ctx", "").replace(",", " ").split() if c],
        "mentions": [[start, end, fingerprint(doc.raw_text[start:end])]],
        "source": _actor(doc, fields.get("src", "-")),
        "target": _actor(doc, fields.get("tgt", "-")),
        "date": None if date == "-" else date,
        "symmetric": "sym" in fields,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p_show = sub.add_parser("show")
    p_show.add_argument("labels", nargs="+")
    p_conv = sub.add_parser("convert")
    p_conv.add_argument("notes", nargs="+")
    p_conv.add_argument("--out", type=Path, default=ROOT / "bench" / "events_dev.jsonl")
    args = parser.parse_args()
    if args.command == "show":
        for label in args.labels:
            show(label)
    else:
        convert(args.notes, args.out)


if __name__ == "__main__":
    main()
