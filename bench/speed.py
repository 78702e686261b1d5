"""Speed benchmark, one core: words/s of normalize, tokenize and analyze on real
news text, one article (or one UD sentence block) at a time, as users call them;
import time and first-call time; hazm's and shekar's normalizers side by side on
the same pieces when their venvs exist (bench/.venv-hazm, bench/.venv-shekar;
--make-venv makes them). Measuring one giant string instead would flatter khabar
(shekar builds strings quadratically), so every figure here is per piece.

Usage: python bench/speed.py [--make-venv] [--no-write]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import DATA, TOOL_CODE, TOOLS, make_tool_venvs, tool_python, write_section  # noqa: E402

REPEATS = 5


SEP = "\n\u241e\n"  # between pieces in the file handed to the other toolkits


def news_text(limit_words: int = 200_000) -> list[str]:
    """Fars News articles (title, abstract, paragraphs; messy: Arabic ي/ك, spaced مي شود), one string each."""
    articles: list[str] = []
    words = 0
    for path in sorted((DATA / "news/farsnews").glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            chunks = [item.get("title", ""), item.get("abstract", ""), *item.get("paragraphs", [])]
            article = "\n\n".join(c for c in chunks if c)
            articles.append(article)
            words += len(article.split())
            if words >= limit_words:
                return articles
    return articles


def ud_text() -> list[str]:
    """PerDT train sentences in blocks of 20 (about an article's length)."""
    lines = (DATA / "ud/perdt/train.raw.txt").read_text(encoding="utf-8").splitlines()[:12_000]
    return ["\n".join(lines[i : i + 20]) for i in range(0, len(lines), 20)]


def best_rate(fn, pieces: list[str]) -> float:
    words = sum(len(p.split()) for p in pieces)
    best = float("inf")
    for _ in range(REPEATS):
        t = time.process_time()
        for piece in pieces:
            fn(piece)
        best = min(best, time.process_time() - t)
    return words / best


def subprocess_seconds(code: str, python: str = sys.executable) -> float:
    runs = [float(subprocess.check_output([python, "-c", code], text=True).strip()) for _ in range(5)]
    return min(runs)


SPEED_CODE = TOOL_CODE + f"SEP = {SEP!r}\n" + """
import time
pieces = open(sys.argv[2], encoding="utf-8").read().split(SEP)
words = sum(len(p.split()) for p in pieces)
normalize("سلام")
best = float("inf")
for _ in range(5):
    t = time.process_time()
    for p in pieces:
        normalize(p)
    best = min(best, time.process_time() - t)
print(words / best)
"""


def others(pieces: list[str]) -> dict[str, float]:
    """words/s of the other toolkits' normalizers, each in its own venv, piece by piece."""
    out = {}
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fh:
        fh.write(SEP.join(pieces))
    for name in TOOLS:
        py = tool_python(name)
        if py is None:
            continue
        res = subprocess.run([str(py), "-c", SPEED_CODE, name, fh.name], capture_output=True, text=True, timeout=900)
        try:
            out[name] = float(res.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            print(f"{name}: could not run: {res.stderr.strip().splitlines()[-1:]}")
    Path(fh.name).unlink()
    return out


def main() -> None:
    if "--make-venv" in sys.argv:
        make_tool_venvs()
    if not (DATA / "news/farsnews").exists():
        print("skip: ../shared/data not found")
        return
    import khabar
    from khabar.persian.normalize import normalize
    from khabar.persian.tokenize import tokenized_sentences

    import_s = subprocess_seconds("import time; t=time.perf_counter(); import khabar; print(time.perf_counter()-t)")
    first_s = subprocess_seconds(
        "import time; t=time.perf_counter(); import khabar; khabar.normalize('همکاریهای دو کشور'); "
        "print(time.perf_counter()-t)"
    )
    rows = []
    for name, text in (("Fars News (messy)", news_text()), ("PerDT train (clean)", ud_text())):
        khabar.normalize("گرم کردن")
        normalized = [normalize(t) for t in text]
        ours = {
            "khabar normalize": best_rate(normalize, text),
            "khabar tokenize (of normalized text)": best_rate(tokenized_sentences, normalized),
            "khabar.tokenize (normalize + tokenize)": best_rate(khabar.tokenize, text),
            "khabar.analyze": best_rate(khabar.analyze, text),
        }
        theirs = others(text)
        for k, v in ours.items():
            rows.append(f"| {name} | {k} | {v:,.0f} | |")
        for k, v in theirs.items():
            rows.append(f"| {name} | {k} normalizer | {v:,.0f} | khabar normalize is {ours['khabar normalize'] / v:.1f}× |")
        print(name, sum(len(t.split()) for t in text), "words in", len(text), "pieces")
    table = "| text | what | words/s | ratio |\n|---|---|---|---|\n" + "\n".join(rows)
    table += f"\n\n`import khabar`: {import_s * 1000:.0f} ms; first `normalize` call (import + lexicon load): {first_s * 1000:.0f} ms (best of 5, fresh process each)."
    print(table)
    if "--no-write" not in sys.argv:
        write_section(
            "Speed",
            "Command: `python bench/speed.py` (one core, CPU time, best of 5 runs, one article — or "
            "a block of 20 UD sentences — at a time, as users call it; hazm 0.10.0 and "
            "shekar 1.7.0 run in venvs of their own, made by `--make-venv`, in the same "
            "session, on the same pieces).\n\n" + table,
        )


if __name__ == "__main__":
    main()
