"""Article extraction benchmark on ../shared/data/html (pages with gold text):
word-overlap F1 of khabar's ingest against plain trafilatura (its defaults),
the bot-check page (expected: no article), and speed: HTML pages/s and JSON
news records/s (Fars News, Varzesh3), one core.

Usage: python bench/extraction.py [--no-write]
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import DATA, write_section  # noqa: E402

from khabar.errors import KhabarError, NoArticleError  # noqa: E402
from khabar.ingest.cleaning import normalized  # noqa: E402
from khabar.ingest.reader import iter_articles, read  # noqa: E402
from khabar.persian.chars import fold  # noqa: E402

HTML = DATA / "html"
GOLD = HTML / "gold"
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(fold(text)))


def overlap_f1(pred: str, gold: str) -> float:
    p, g = words(pred), words(gold)
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def gold_text(page: Path) -> tuple[str, str] | None:
    """(kind, gold) for a page: kind 'text' (F1), 'segments' (with/without), or None."""
    stem = page.stem
    if stem.startswith("fa_SYNTH"):
        return "text", (GOLD / "fa_SYNTH.txt").read_text(encoding="utf-8")
    if (GOLD / f"{stem}.txt").exists():
        return "text", (GOLD / f"{stem}.txt").read_text(encoding="utf-8")
    if stem == "ar_lbcgroup_fundus":
        data = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))["V1"]["body"]
        paragraphs = [p for section in data["sections"] for p in section["paragraphs"]]
        return "text", "\n".join(data.get("summary", []) + paragraphs)
    if stem == "ar_assabah_traf":
        return "segments", (GOLD / f"{stem}.json").read_text(encoding="utf-8")
    return None


def segment_score(pred: str, gold_json: str) -> float:
    """trafilatura's own evaluation: share of 'with' segments present and 'without' absent."""
    gold = json.loads(gold_json)
    text = fold(pred)
    good = sum(fold(s) in text for s in gold["with"]) + sum(fold(s) not in text for s in gold["without"])
    return good / (len(gold["with"]) + len(gold["without"]))


def khabar_text(page: Path) -> str:
    try:
        art = read(page)
    except NoArticleError:
        return ""
    return "\n".join([art.lead, *art.body])


def trafilatura_text(page: Path) -> str:
    import trafilatura

    return trafilatura.extract(page.read_text(encoding="utf-8")) or ""


def main() -> None:
    if not HTML.exists():
        print("skip: ../shared/data/html not found")
        return
    rows = []
    for page in sorted(HTML.glob("*.html")):
        gold = gold_text(page)
        if page.stem.startswith("fa_arvancloud"):
            try:
                read(page)
                verdict = "FAILED: read as an article"
            except NoArticleError as exc:
                verdict = f"rejected: {str(exc).split(': ', 1)[1]}"
            plain = "text returned" if trafilatura_text(page).strip() else "nothing returned"
            rows.append(f"| {page.name} | bot check | {verdict} | {plain} |")
            continue
        if gold is None:
            continue
        kind, reference = gold
        ours, theirs = khabar_text(page), trafilatura_text(page)
        score = overlap_f1 if kind == "text" else segment_score
        metric = "word F1" if kind == "text" else "segments"
        rows.append(f"| {page.name} | {metric} | {score(ours, reference):.3f} | {score(theirs, reference):.3f} |")
    quality = "| page | measure | khabar | plain trafilatura |\n|---|---|---|---|\n" + "\n".join(rows)
    print(quality)

    pages = [p for p in sorted(HTML.glob("*.html"))]
    html_rate = plain_rate = 0.0
    for _ in range(3):  # best of 3, the two side by side in each round
        start = time.process_time()
        for page in pages:
            list(iter_articles(page.read_bytes(), page.name))
        html_rate = max(html_rate, len(pages) / (time.process_time() - start))
        start = time.process_time()
        for page in pages:
            trafilatura_text(page)
        plain_rate = max(plain_rate, len(pages) / (time.process_time() - start))
    records = [(path.read_bytes(), path.name) for path in sorted((DATA / "news").glob("*/*.json"))]
    json_rate = normalized_rate = 0.0
    for _ in range(3):  # best of 3, as written and normalized side by side in each round
        for normalize in (False, True):
            n_records, start = 0, time.process_time()
            for data, name in records:
                for _, result in iter_articles(data, name):
                    n_records += 1
                    if isinstance(result, KhabarError):
                        print("failed:", result)
                    elif normalize:
                        normalized(result)
            rate = n_records / (time.process_time() - start)
            if normalize:
                normalized_rate = max(normalized_rate, rate)
            else:
                json_rate = max(json_rate, rate)
    speed = (
        f"HTML: {html_rate:.1f} pages/s over the {len(pages)} pages above (plain trafilatura "
        f"in the same run: {plain_rate:.1f} pages/s; best of 3 each); JSON news records: "
        f"{json_rate:,.0f} articles/s over {n_records:,} Fars News and Varzesh3 records "
        f"(title normalized, lead and body as written: `analyze` normalizes them), "
        f"{normalized_rate:,.0f} articles/s with lead and body normalized too "
        "(`khabar ingest --normalize`); best of 3 each. CPU time, one core."
    )
    print(speed)
    if "--no-write" not in sys.argv:
        write_section(
            "Article extraction",
            "Command: `python bench/extraction.py` (word-overlap F1 on letters and digits after "
            "folding letter variants; for the assabah page trafilatura's own segment check; "
            "khabar scored on lead + body, plain trafilatura on `trafilatura.extract` with "
            "its defaults).\n\n" + quality + "\n\n" + speed,
        )


if __name__ == "__main__":
    main()
