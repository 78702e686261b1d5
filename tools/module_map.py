"""Lines per module of src/khabar at a git revision (or the working tree), and
the longest function of each: the module map of docs/architecture.md.

    python tools/module_map.py [REV] [--compare REV2] [--markdown]
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def modules(rev: str | None) -> dict[str, str]:
    """{path: source} of every Python module under src/khabar at `rev` (None: the working tree)."""
    if rev is None:
        return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted((ROOT / "src/khabar").rglob("*.py"))}
    names = subprocess.check_output(["git", "ls-tree", "-r", "--name-only", rev, "src/khabar"], cwd=ROOT, text=True).split()
    return {n: subprocess.check_output(["git", "show", f"{rev}:{n}"], cwd=ROOT, text=True) for n in names if n.endswith(".py")}


def longest_function(source: str) -> tuple[str, int]:
    """(name, lines) of the longest function or method in `source`."""
    best = ("", 0)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > best[1]:
                best = (node.name, length)
    return best


def main() -> None:
    compare = sys.argv[sys.argv.index("--compare") + 1] if "--compare" in sys.argv else None
    args = [a for a in sys.argv[1:] if not a.startswith("--") and a != compare]
    rev = args[0] if args else None
    now = modules(rev)
    before = modules(compare) if compare else {}
    rows = []
    for path in sorted(set(now) | set(before)):
        lines = len(now[path].splitlines()) if path in now else 0
        old = len(before[path].splitlines()) if path in before else 0
        name, longest = longest_function(now[path]) if path in now else ("", 0)
        rows.append((path.removeprefix("src/khabar/"), old, lines, name, longest))
    if "--markdown" in sys.argv:
        print("| module | lines before | lines now | longest function (lines) |\n|---|---|---|---|")
        for path, old, lines, name, longest in rows:
            print(f"| `{path}` | {old or '–'} | {lines or '–'} | {f'`{name}` ({longest})' if name else ''} |")
    else:
        for path, old, lines, name, longest in rows:
            print(f"{path:45} {old:6} {lines:6}  {name} ({longest})")
    print(f"total: {sum(r[1] for r in rows)} → {sum(r[2] for r in rows)} lines in {len(before)} → {len(now)} modules")


if __name__ == "__main__":
    main()
