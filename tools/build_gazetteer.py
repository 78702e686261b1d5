"""Build the gazetteer the entity tagger uses as features (src/khabar/data/gazetteer.tsv.gz):
Persian names of countries and territories (CLDR), Iranian provinces and cities,
world cities with Persian-letter names or large populations (GeoNames), news
sources (our registry), the people, organisations and places of the written
knowledge base (data/kb/entities.tsv), and Iranian first names (a feature only:
many are also words, e.g. ترکیه).

Usage: python tools/build_gazetteer.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

from build_zwnj_lexicon import write_gz

from khabar.extract.kb import knowledge_base
from khabar.ingest.sources import registry
from khabar.persian.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "khabar" / "data" / "gazetteer.tsv.gz"
_LETTERS = re.compile(r"^[\u0600-\u06ff\u200c ]{2,40}$")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = ap.parse_args()
    gaz = args.data / "gazetteers"
    entries: dict[str, str] = {}

    def add(name: str, kind: str) -> None:
        name = normalize(name)
        if _LETTERS.match(name) and name not in entries:
            entries[name] = kind

    for row in csv.DictReader((gaz / "cldr_fa/territories.tsv").open(encoding="utf-8"), delimiter="\t"):
        add(row["fa_name"], "LOC")
    for province in json.loads((gaz / "iran_provinces/province_city.json").read_text(encoding="utf-8")):
        add(province["province-fa"], "LOC")
        for city in province["cities"]:
            add(city["city-fa"], "LOC")
    for path in sorted((gaz / "iran_cities").glob("*.json")):
        for city in json.loads(path.read_text(encoding="utf-8")):
            add(city, "LOC")
    for row in csv.DictReader((gaz / "geonames_fa/cities_arabic_script_alts.tsv").open(encoding="utf-8"), delimiter="\t"):
        if row["has_persian_letters"] == "1" or int(row["population"] or 0) >= 500_000:
            add(row["alt_arabic_script"], "LOC")
    for source in registry().sources.values():
        for name in source.names_fa:
            add(name, "ORG")
    for entry in knowledge_base().entries.values():
        if entry.type in ("PER", "ORG", "LOC", "FAC"):
            kind = {"PER": "PER", "LOC": "LOC", "FAC": "LOC"}.get(entry.type, "ORG")
            for name in entry.names_fa:
                add(name, kind)
    for row in csv.DictReader((args.data / "lexicons/names/iranianNamesDataset.csv").open(encoding="utf-8")):
        add(row["Names"], "FIRST")
    write_gz(OUT, (f"{k}\t{v}\n" for k, v in sorted(entries.items())))
    print(len(entries), "entries")


if __name__ == "__main__":
    main()
