"""Half-space restoration benchmark.

For every gold sentence, each ZWNJ is dropped or turned into a space by a seeded
coin; the corrupted text is normalized and compared with the gold at every
boundary between two letters/digits: none, zwnj, or space (space or punctuation),
after folding letter and digit variants. A ZWNJ after a non-joining letter is
invisible and counts as none. The same comparison on the uncorrupted gold text
shows whether normalization harms text that was already right.

Usage: python bench/zwnj_restoration.py [FILE.conllu|FILE.txt ...] [--no-write]
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import DATA, read_sentences, write_section  # noqa: E402

from khabar import normalize  # noqa: E402
from khabar.persian.chars import NON_JOINING, ZWNJ, fold  # noqa: E402

DEFAULT_FILES = [DATA / "ud/perdt/fa_perdt-ud-dev.conllu", DATA / "ud/seraji/fa_seraji-ud-test.conllu"]


def corrupt(text: str, rng: random.Random) -> str:
    return "".join(rng.choice(("", " ")) if ch == ZWNJ else ch for ch in text)


def boundaries(text: str) -> tuple[str, list[str]]:
    """The letters/digits of `text` (folded) and the label of each boundary between them."""
    letters: list[str] = []
    labels: list[str] = []
    gap = ""
    for ch in fold(text):
        if ch.isalnum():
            if letters:
                if not gap:
                    labels.append("none")
                elif set(gap) == {ZWNJ}:
                    labels.append("none" if letters[-1] in NON_JOINING else "zwnj")
                else:
                    labels.append("space")
            letters.append(ch)
            gap = ""
        elif not ("\u064b" <= ch <= "\u0670"):
            gap += ch
    return "".join(letters), labels


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    right: int = 0
    total: int = 0
    exact: int = 0
    sentences: int = 0
    misaligned: int = 0

    def add(self, gold: str, pred: str) -> bool:
        gl, gb = boundaries(gold)
        pl, pb = boundaries(pred)
        self.sentences += 1
        if gl != pl:
            self.misaligned += 1
            return False
        for g, p in zip(gb, pb, strict=False):
            self.total += 1
            self.right += g == p
            self.tp += g == p == "zwnj"
            self.fp += p == "zwnj" and g != "zwnj"
            self.fn += g == "zwnj" and p != "zwnj"
        ok = gb == pb
        self.exact += ok
        return ok

    def row(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "P": p, "R": r, "F1": f,
            "boundary acc": self.right / max(self.total, 1),
            "sentence exact": self.exact / max(self.sentences, 1),
        }


def evaluate(path: Path, seed: int = 13, show_errors: int = 0) -> tuple[dict, dict, float]:
    gold = read_sentences(path)
    rng = random.Random(seed)
    corrupted, clean = Score(), Score()
    start = time.perf_counter()
    shown = 0
    for sent in gold:
        pred = normalize(corrupt(sent, rng))
        if not corrupted.add(sent, pred) and shown < show_errors:
            shown += 1
            print("GOLD", sent, "\nPRED", pred, "\n")
        clean.add(sent, normalize(sent))
    return corrupted.row(), clean.row(), time.perf_counter() - start


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = int(next((a.split("=")[1] for a in sys.argv if a.startswith("--errors=")), 0))
    files = [Path(a) for a in args] or DEFAULT_FILES
    lines = [
        "| data | input | ZWNJ P | ZWNJ R | ZWNJ F1 | boundary acc | sentence exact |",
        "|---|---|---|---|---|---|---|",
    ]
    for path in files:
        if not path.exists():
            print(f"skip {path}: not found")
            continue
        corrupted, clean, secs = evaluate(path, show_errors=show)
        for name, row in (("corrupted", corrupted), ("uncorrupted", clean)):
            cells = " | ".join(f"{row[k]:.3f}" for k in ("P", "R", "F1", "boundary acc", "sentence exact"))
            lines.append(f"| {path.name} | {name} | {cells} |")
        print(f"{path.name}: {secs:.1f}s")
    table = "\n".join(lines)
    print(table)
    if "--no-write" not in sys.argv and not args:
        write_section(
            "Half-space restoration",
            "Command: `python bench/zwnj_restoration.py` (seed 13; each gold ZWNJ dropped or "
            "turned into a space by a coin).\n\n" + table,
        )


if __name__ == "__main__":
    main()
