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
import subprocess
import sys
import time
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import DATA, TOOL_CODE, read_sentences, tool_python, write_section  # noqa: E402

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
            # the normalizer changed letters (another toolkit may): score the
            # boundaries inside the stretches of letters both sides share
            self.misaligned += 1
            pairs = []
            for a, b, size in SequenceMatcher(None, gl, pl, autojunk=False).get_matching_blocks():
                pairs.extend((gb[a + i], pb[b + i]) for i in range(size - 1))
            self._count(pairs)
            return False
        self._count(list(zip(gb, pb, strict=True)))
        ok = gb == pb
        self.exact += ok
        return ok

    def _count(self, pairs: list[tuple[str, str]]) -> None:
        for g, p in pairs:
            self.total += 1
            self.right += g == p
            self.tp += g == p == "zwnj"
            self.fp += p == "zwnj" and g != "zwnj"
            self.fn += g == "zwnj" and p != "zwnj"

    def row(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "P": p, "R": r, "F1": f,
            "boundary acc": self.right / max(self.total, 1),
            "sentence exact": self.exact / max(self.sentences, 1),
        }


BATCH_CODE = TOOL_CODE + """
lines = sys.stdin.read().split("\\n")
sys.stdout.write("\\n".join(normalize(line) for line in lines))
"""


def other_normalizer(name: str):
    """Toolkit `name`'s normalizer, run in its own venv over a batch of lines."""
    py = tool_python(name)
    if py is None:
        return None

    def batch(lines: list[str]) -> list[str]:
        res = subprocess.run(
            [str(py), "-c", BATCH_CODE, name],
            input="\n".join(lines), capture_output=True, text=True, timeout=1800,
        )
        out = res.stdout.split("\n")
        if res.returncode or len(out) != len(lines):
            raise RuntimeError(f"{name}: {res.stderr.strip().splitlines()[-1:]}")
        return out

    return batch


def ours(lines: list[str]) -> list[str]:
    return [normalize(line) for line in lines]


def evaluate(path: Path, batch=ours, seed: int = 13, show_errors: int = 0) -> tuple[dict, dict, float]:
    gold = read_sentences(path)
    rng = random.Random(seed)
    corrupted_in = [corrupt(sent, rng) for sent in gold]
    start = time.perf_counter()
    corrupted_out = batch(corrupted_in)
    clean_out = batch(gold)
    secs = time.perf_counter() - start
    corrupted, clean = Score(), Score()
    shown = 0
    for sent, pred, same in zip(gold, corrupted_out, clean_out, strict=True):
        if not corrupted.add(sent, pred) and shown < show_errors:
            shown += 1
            print("GOLD", sent, "\nPRED", pred, "\n")
        clean.add(sent, same)
    return corrupted.row(), clean.row(), secs


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = int(next((a.split("=")[1] for a in sys.argv if a.startswith("--errors=")), 0))
    files = [Path(a) for a in args] or DEFAULT_FILES
    systems = [("khabar", ours)]
    if "--others" in sys.argv:
        for name in ("hazm", "shekar"):
            batch = other_normalizer(name)
            if batch is None:
                print(f"skip {name}: bench/.venv-{name} not found (python bench/speed.py --make-venv)")
            else:
                systems.append((name, batch))
    lines = [
        "| data | system | input | ZWNJ P | ZWNJ R | ZWNJ F1 | boundary acc | sentence exact |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for path in files:
        if not path.exists():
            print(f"skip {path}: not found")
            continue
        for system, batch in systems:
            corrupted, clean, secs = evaluate(path, batch, show_errors=show if system == "khabar" else 0)
            for name, row in (("corrupted", corrupted), ("uncorrupted", clean)):
                cells = " | ".join(f"{row[k]:.3f}" for k in ("P", "R", "F1", "boundary acc", "sentence exact"))
                lines.append(f"| {path.name} | {system} | {name} | {cells} |")
            print(f"{path.name} {system}: {secs:.1f}s")
    table = "\n".join(lines)
    print(table)
    if "--no-write" not in sys.argv and not args:
        write_section(
            "Half-space restoration",
            "Command: `python bench/zwnj_restoration.py --others` (seed 13; each gold ZWNJ "
            "dropped or turned into a space by a coin; boundaries between letters/digits "
            "compared as none / zwnj / space-or-punctuation after folding letter and digit "
            "variants; a ZWNJ after a non-joining letter counts as none; where a normalizer "
            "changes letters, only the boundaries inside shared stretches are scored and the "
            "sentence counts as not exact).\n\n" + table,
        )


if __name__ == "__main__":
    main()
