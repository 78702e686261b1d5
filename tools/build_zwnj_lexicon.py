"""Build the half-space (ZWNJ) lexicon that khabar.normalize ships with.

Reads ../shared/data (never UD PerDT dev or UD Seraji test, the yardsticks, nor
the research-only Arman corpus) and writes src/khabar/data/zwnj/:

* forms.tsv.gz  — key → written form, where the key is the form with its
  half-spaces dropped (joined key) or turned into spaces (spaced key), kept
  only where the half-space form is better attested than the key as written;
* words.tsv.gz  — words attested as written without a half-space, with a
  frequency score and an adjective flag (stems for the suffix rules);
* verbs.tsv     — present and past verb stems (for the می/نمی prefix rule).

Evidence: PerDT train (26k gold sentences, counted as running text), shekar's
compound words and vocabulary, hazm's word list and verbs.

Usage: python tools/build_zwnj_lexicon.py [--data ../shared/data] [--holdout N]
  --holdout N leaves out every N-th PerDT train sentence and writes them to
  bench/.holdout.txt, for tuning without touching the yardsticks.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from khabar.persian.chars import KEPT_MARKS, PERSIAN_LETTERS, ZWNJ
from khabar.persian.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "khabar" / "data" / "zwnj"
WORD = re.compile(f"[{PERSIAN_LETTERS}{KEPT_MARKS}{ZWNJ}]+")
TOKEN = re.compile(f"[{PERSIAN_LETTERS}{KEPT_MARKS}{ZWNJ}]+|[^\\s]")

# A spaced key is joined only when its half-space form is this many times more
# frequent than the spaced words (or attested by a lexicon and never spaced).
SPACED_RATIO = 2.0
SPACED_COMMON = 5  # a word seen this often alone in PerDT train is an everyday word
# A second part is "bound" when seen this often after a half-space, and this many
# times more often than alone (and is not a plural or clitic, which rules cover).
HEAD_MIN_COUNT = 10
HEAD_RATIO = 4.0
HEAD_MIN_LENGTH = 4
HEAD_MIN_FIRSTS = 3  # seen after at least this many different first parts


def clean(text: str) -> str:
    return normalize(text, restore_zwnj=False)


def read_perdt(data: Path, holdout: int) -> tuple[list[str], list[str]]:
    train, held = [], []
    lines = (data / "ud/perdt/train.raw.txt").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        (held if holdout and i % holdout == 0 else train).append(line)
    return train, held


def count_text(sentences: list[str]) -> tuple[Counter[str], list[list[str]]]:
    words: Counter[str] = Counter()
    runs: list[list[str]] = []
    for sent in sentences:
        tokens = TOKEN.findall(clean(sent))
        words.update(t for t in tokens if WORD.fullmatch(t))
        runs.append(tokens)
    return words, runs


def lexicon_forms(data: Path) -> tuple[set[str], Counter[str], set[str]]:
    """ZWNJ forms from lexicons, plain-word scores, and adjectives."""
    zwnj_forms: set[str] = set()
    plain: Counter[str] = Counter()
    adjectives: set[str] = set()
    for row in (data / "lexicons/shekar/compound_words.csv").read_text(encoding="utf-8").split():
        form = clean(row)
        if ZWNJ in form:
            zwnj_forms.add(form)
    for word, freq, tags in word_lists(data):
        word = clean(word)
        if not WORD.fullmatch(word) or not freq.isdigit() or int(freq) == 0:
            continue
        if ZWNJ in word:
            zwnj_forms.add(word)
        else:
            plain[word] += 1
            if "AJ" in tags.split(","):
                adjectives.add(word)
    return zwnj_forms, plain, adjectives


def word_lists(data: Path) -> Iterator[tuple[str, str, str]]:
    """(word, frequency, POS tags) from shekar's vocabulary (which has no tags),
    then from hazm's word list."""
    with open(data / "lexicons/shekar/vocab.csv", encoding="utf-8") as fh:
        for word, freq in csv.reader(fh):
            yield word, freq, ""
    with open(data / "lexicons/hazm/words.dat", encoding="utf-8") as fh:
        for line in fh:
            word, freq, tags = (line.rstrip("\n").split("\t") + ["", ""])[:3]
            yield word, freq, tags


def verb_stems(data: Path) -> set[tuple[str, str]]:
    stems: set[tuple[str, str]] = set()
    for line in (data / "lexicons/hazm/verbs.dat").read_text(encoding="utf-8").splitlines():
        if "#" in line:
            past, present = line.split("#", 1)
            stems.add((clean(present), clean(past)))
    with open(data / "lexicons/shekar/verbs.csv", encoding="utf-8") as fh:
        for row in csv.reader(fh):
            if len(row) >= 2 and row[0] and row[1]:
                stems.add((clean(row[0]), clean(row[1])))
    return {(p, s) for p, s in stems if p or s}


def spaced_keys(form: str) -> list[str]:
    """Every way a corrupted copy of `form` could be written with at least one space."""
    parts = form.split(ZWNJ)
    keys = []
    for seps in itertools.product(("", " "), repeat=len(parts) - 1):
        if " " in seps:
            keys.append(parts[0] + "".join(s + p for s, p in zip(seps, parts[1:], strict=True)))
    return keys


def ngram_counts(runs: list[list[str]], wanted: set[str], max_n: int) -> Counter[str]:
    counts: Counter[str] = Counter()
    for tokens in runs:
        for n in range(2, max_n + 1):
            for i in range(len(tokens) - n + 1):
                key = " ".join(tokens[i : i + n])
                if key in wanted:
                    counts[key] += 1
    return counts


def write_gz(path: Path, lines) -> None:
    """Write lines gzip-compressed, byte-for-byte reproducible (no timestamp)."""
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write("".join(lines).encode("utf-8"))


def build(data: Path, holdout: int = 0, out: Path = OUT) -> dict[str, int]:
    train, held = read_perdt(data, holdout)
    if held:
        (ROOT / "bench" / ".holdout.txt").write_text("\n".join(held) + "\n", encoding="utf-8")
    ud, runs = count_text(train)
    lex_zwnj, lex_plain, adjectives = lexicon_forms(data)

    candidates = {w for w in ud if ZWNJ in w} | lex_zwnj
    joined: dict[str, tuple[float, str]] = {}
    for form in sorted(candidates):
        key = form.replace(ZWNJ, "")
        z = ud[form] + (1 if form in lex_zwnj else 0)
        p = ud[key] + (1 if key in lex_plain else 0)
        if z > p and z > joined.get(key, (0.0, ""))[0]:
            joined[key] = (z, form)

    max_parts = max((f.count(ZWNJ) + 1 for f in candidates), default=2)
    wanted = {k for f in candidates for k in spaced_keys(f) if k.count(" ") < 3}
    spaced_counts = ngram_counts(runs, wanted, min(max_parts, 4))
    spaced: dict[str, tuple[float, str]] = {}
    for form in sorted(candidates):
        z = ud[form] + (1 if form in lex_zwnj else 0)
        for key in spaced_keys(form):
            if key not in wanted:
                continue
            s = spaced_counts[key]
            common = all(ud[part] >= SPACED_COMMON for part in key.split(" "))
            if common and ud[form] < 2:
                continue  # two everyday words side by side: only the treebank may join them
            if z > SPACED_RATIO * s and z > spaced.get(key, (0.0, ""))[0]:
                spaced[key] = (z, form)

    heads = bound_heads(ud)

    out.mkdir(parents=True, exist_ok=True)
    with open(out / "heads.tsv", "w", encoding="utf-8") as fh:
        for head, (z, alone) in sorted(heads.items()):
            fh.write(f"{head}\t{z}\t{alone}\n")
    write_gz(out / "forms.tsv.gz", (f"{k}\t{f}\n" for k, (_, f) in sorted({**joined, **spaced}.items())))
    words: Counter[str] = Counter({w: c for w, c in ud.items() if ZWNJ not in w})
    for w in lex_plain:
        words[w] += 1
    write_gz(
        out / "words.tsv.gz",
        (f"{w}\t{c}\t{'A' if w in adjectives else ''}\n" for w, c in sorted(words.items())),
    )
    with open(out / "verbs.tsv", "w", encoding="utf-8") as fh:
        for present, past in sorted(verb_stems(data)):
            fh.write(f"{present}\t{past}\n")
    return {
        "joined": len(joined),
        "spaced": len(spaced),
        "heads": len(heads),
        "words": len(words),
        "held_out": len(held),
    }


def bound_heads(ud: Counter[str]) -> dict[str, tuple[int, int]]:
    """Second parts of compounds that PerDT writes after a half-space far more
    often than as words of their own ("ستیزی", "نویس", "کننده"): a word, a space
    and one of them is joined at run time."""
    after_zwnj: Counter[str] = Counter()
    firsts: dict[str, set[str]] = {}
    for form, count in ud.items():
        if ZWNJ in form:
            first, head = form.rsplit(ZWNJ, 1)
            if first in ("می", "نمی"):
                continue
            after_zwnj[head] += count
            firsts.setdefault(head, set()).add(first)
    return {
        head: (z, ud[head])
        for head, z in after_zwnj.items()
        if len(head) >= HEAD_MIN_LENGTH
        and z >= HEAD_MIN_COUNT
        and z >= HEAD_RATIO * ud[head]
        and len(firsts[head]) >= HEAD_MIN_FIRSTS
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--holdout", type=int, default=0)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    print(build(args.data, args.holdout, args.out))


if __name__ == "__main__":
    main()
