"""Shared helpers for the benchmarks: data location, CoNLL-U reading, results file."""

from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("KHABAR_DATA", ROOT.parent / "shared" / "data"))
RESULTS = ROOT / "docs" / "benchmarks.md"


def conllu_sentences(path: Path) -> list[tuple[str, list[str]]]:
    """(text, word-token forms) for each sentence; multiword-token ranges give the surface form."""
    out: list[tuple[str, list[str]]] = []
    text, tokens, skip_until = "", [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            text = line[len("# text = ") :]
        elif not line.strip():
            if text:
                out.append((text, tokens))
            text, tokens, skip_until = "", [], 0
        elif not line.startswith("#"):
            cols = line.split("\t")
            tid = cols[0]
            if "." in tid:
                continue
            if "-" in tid:
                skip_until = int(tid.split("-")[1])
                tokens.append(cols[1])
                continue
            if skip_until and int(tid) <= skip_until:
                continue
            tokens.append(cols[1])
    if text:
        out.append((text, tokens))
    return out


def read_sentences(path: Path) -> list[str]:
    """Gold sentences from a CoNLL-U file (its # text lines) or a text file (one a line)."""
    if path.suffix == ".conllu":
        return [t for t, _ in conllu_sentences(path)]
    return [s for s in path.read_text(encoding="utf-8").splitlines() if s.strip()]


def write_section(name: str, body: str) -> None:
    """Replace (or add) the section `## name` of docs/benchmarks.md."""
    RESULTS.parent.mkdir(exist_ok=True)
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmarks\n"
    section = f"## {name}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(name)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
    RESULTS.write_text(text.rstrip() + "\n", encoding="utf-8")


# Other toolkits, each in a venv of its own (hazm pins an old numpy that shekar
# cannot share): made by `python bench/speed.py --make-venv`.
TOOLS = {"hazm": "hazm==0.10.0", "shekar": "shekar==1.7.0"}
TOOL_CODE = """
import sys
name = sys.argv[1]
if name == "hazm":
    from hazm import Normalizer
    normalize = Normalizer().normalize
else:
    from shekar import Normalizer
    normalize = Normalizer()
"""


def tool_python(name: str) -> Path | None:
    """The python of the venv holding toolkit `name`, if it has been made."""
    py = ROOT / "bench" / f".venv-{name}" / "bin" / "python"
    return py if py.exists() else None


def make_tool_venvs() -> None:
    import subprocess
    import sys

    for name, requirement in TOOLS.items():
        if tool_python(name) is None:
            venv = ROOT / "bench" / f".venv-{name}"
            subprocess.check_call([sys.executable, "-m", "venv", str(venv)])
            subprocess.check_call([str(venv / "bin" / "pip"), "install", "-q", requirement])
