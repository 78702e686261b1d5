"""Build the event vocabulary shipped in src/khabar/data/events/ from
../shared/data/events (facts of the code tables only):

- `cameo.tsv`: every CAMEO event code with its name, quad class and Goldstein
  value (GDELT's lookup tables) and its PLOVER type, mode and context through
  the CAMEO→PLOVER crosswalk of the PLOVER manual (draft 0.8, 2021);
- `plover.tsv`: the 16 PLOVER (POLECAT) event types with their modes and
  definitions, and the auxiliary contexts.

Usage: python tools/build_event_vocab.py [--data DIR]
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "khabar" / "data" / "events"
AUXILIARY = ("future", "hypothetical", "negated", "historical")
# The crosswalk names two codes twice (08 splits into CONCEDE and RETREAT at
# 084; 175 is repeated); the first reading of a code wins, except the root 08,
# which is CONCEDE (081-083) with 084-087 RETREAT by their own lines.
_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?(?:,\s*([^#]*))?")


def crosswalk(path: Path) -> dict[str, tuple[str, str, str]]:
    """CAMEO code → (PLOVER type, mode, context) from CAMEO2PLOVER."""
    table: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _LINE.match(line.strip())
        if not match:
            continue
        code, ptype, mode, context = match.groups()
        mode = (mode or "").strip()
        context = ";".join(c.strip() for c in (context or "").split(";") if c.strip())
        table.setdefault(code, (ptype, mode, context))
    return table


def cameo_rows(data: Path) -> list[list[str]]:
    walk = crosswalk(data / "plover" / "CAMEO2PLOVER-2021.txt")
    rows = []
    with open(data / "cameo" / "cameo_event_codes.csv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            code = rec["code"]
            ptype, mode, context = walk.get(code) or walk.get(code[:3]) or walk.get(code[:2]) or ("", "", "")
            rows.append([code, rec["name"], rec["quad_class"], rec["goldstein"], ptype, mode, context])
    return rows


def plover_rows(data: Path) -> list[list[str]]:
    rows = []
    with open(data / "plover" / "plover_event_types.csv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            modes = ";".join(m for m in rec["modes_in_NGEC_codebook"].split(";") if m)
            rows.append([rec["event"], rec["quad_class_README"], modes, " ".join(rec["definition"].split())])
    return rows


def write(path: Path, header: str, columns: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(header)
        fh.write("# " + "\t".join(columns) + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "events")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    cameo = cameo_rows(args.data)
    write(
        OUT / "cameo.tsv",
        "# CAMEO event codes (GDELT lookup tables) with their PLOVER type, mode and context\n"
        "# (CAMEO2PLOVER crosswalk, openeventdata/PLOVER). Built by tools/build_event_vocab.py.\n",
        ["code", "name", "quad_class", "goldstein", "plover_type", "plover_mode", "plover_context"],
        cameo,
    )
    plover = plover_rows(args.data) + [[aux, "auxiliary", "", "auxiliary context"] for aux in AUXILIARY]
    write(
        OUT / "plover.tsv",
        "# PLOVER (POLECAT) event types, their modes and definitions (openeventdata/PLOVER,\n"
        "# CC BY-SA 4.0), and the auxiliary contexts. Built by tools/build_event_vocab.py.\n",
        ["type", "quad", "modes", "definition"],
        plover,
    )
    print(f"{len(cameo)} CAMEO codes, {len(plover)} PLOVER types and contexts → {OUT}")


if __name__ == "__main__":
    main()
