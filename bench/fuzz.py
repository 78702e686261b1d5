"""The fuzz suite at full budget: every property of tests/test_fuzz.py (and the
ingest fuzz tests, when present) with KHABAR_FUZZ_EXAMPLES generated inputs
each (default 25,000: 100k+ inputs in all).

    python bench/fuzz.py [--examples N] [--no-write]
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import ROOT, write_section  # noqa: E402


def main() -> None:
    args = sys.argv[1:]
    examples = int(args[args.index("--examples") + 1]) if "--examples" in args else 25_000
    files = [str(p) for p in sorted((ROOT / "tests").glob("test_fuzz*.py"))]
    env = {**os.environ, "KHABAR_FUZZ_EXAMPLES": str(examples)}
    start = time.perf_counter()
    res = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *files],
                         capture_output=True, text=True, env=env, cwd=ROOT)
    seconds = time.perf_counter() - start
    summary = res.stdout.strip().splitlines()[-1] if res.stdout.strip() else res.stderr[-500:]
    tests = sum(int(n) for n in re.findall(r"(\d+) (?:passed|failed)", summary))
    text = (f"{tests} properties × {examples:,} generated inputs = {tests * examples:,} inputs "
            f"in {seconds:,.0f} s: {summary}")
    print(res.stdout[-3000:] if res.returncode else text)
    if "--no-write" not in args and res.returncode == 0:
        names = ", ".join(Path(f).name for f in files)
        write_section("Fuzzing", f"Command: `python bench/fuzz.py --examples {examples}` ({names}).\n\n{text}")
    sys.exit(res.returncode)


if __name__ == "__main__":
    main()
