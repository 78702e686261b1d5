"""Build the generated half of the knowledge base (src/khabar/data/kb/places.tsv):
countries and world regions (CLDR Persian names, ISO 3166 alpha-3 by pycountry),
Iran's provinces and cities (the Iranian city lists), and the world's large cities
with Persian spellings (GeoNames). The written half (entities.tsv) wins where both
name the same thing.

Usage: python tools/build_kb_places.py [--data ../shared/data]   (needs pycountry)
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

import pycountry

from khabar.persian.normalize import name_key, normalize

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "src" / "khabar" / "data" / "kb"
OUT = KB / "places.tsv"
HEADER = (
    "# khabar knowledge base, generated places: python tools/build_kb_places.py (do not edit; "
    "entities.tsv overrides).\n"
    "# id\ttype\tname_en\tcountry\trole\tfrom\tto\twikidata\tpersian names and spellings (| between them)\n"
)
# Codes of CLDR that are not places, or that the written half covers.
SKIPPED_TERRITORIES = {"EU", "EZ", "UN", "QO", "ZZ", "001"}
EXTRA_ALPHA3 = {"XK": "XKX"}
# Only the letters of the Persian alphabet (GeoNames mixes Urdu, Pashto, Kurdish…).
_PERSIAN_NAME = re.compile("^[آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیءئؤأ\u200c ]{2,40}$")
MIN_POPULATION = 1_000_000


# Province names that are everyday words: only with their head word ("استان مرکزی").
EVERYDAY_WORDS = frozenset(["مرکزی"])


def variants(name: str) -> list[str]:
    """A Persian name as written, without its ezafe mark, and with آ/ا swapped
    at the start (افریقا / آفریقا); parenthesised parts and CLDR's ", …" dropped."""
    name = re.sub(r"\s*\(.*?\)", "", name).split("،")[0].strip()
    base = normalize(name).replace("ه\u0654", "ه").replace("ۀ", "ه")
    out = [base]
    if base.startswith("ا") and not base.startswith("آ"):
        out.append("آ" + base[1:])
    elif base.startswith("آ"):
        out.append("ا" + base[1:])
    return out


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


IRANIAN_PLACES = {("GPE", "IRN"), ("LOC", "IRN")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = ap.parse_args()
    gaz = args.data / "gazetteers"
    rows: list[list[str]] = []
    taken: dict[str, tuple[str, str]] = {}  # name key → (type, country) of the entry that has it; written entries first
    written_en: set[str] = set()
    for line in (KB / "entities.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            written_en.add(fields[2])
            taken.update((name_key(n), (fields[1], fields[3])) for n in fields[8].split("|") if n and name_key(n) not in taken)

    def add(eid: str, etype: str, name_en: str, country: str, names: list[str]) -> list[str] | None:
        """Add an entry with those of its names no earlier entry has; its row, or None."""
        fresh = []
        for name in names:
            key = name_key(name)
            if key and key not in taken and name not in fresh:
                fresh.append(name)
                taken[key] = (etype, country)
        if not fresh:
            return None
        rows.append([eid, etype, name_en, country, "", "", "", "", "|".join(fresh)])
        return rows[-1]

    territories = list(csv.DictReader((gaz / "cldr_fa/territories.tsv").open(encoding="utf-8"), delimiter="\t"))
    for row in territories:  # countries first: their names win over cities and regions
        code = row["code"]
        if code in SKIPPED_TERRITORIES or code.isdigit():
            continue
        found = pycountry.countries.get(alpha_2=code)
        alpha3 = EXTRA_ALPHA3.get(code) or (found.alpha_3 if found else None)
        if alpha3:
            add(f"G:{alpha3}", "GPE", row["en_name"], alpha3, variants(row["fa_name"]))
    provinces = json.loads((gaz / "iran_provinces/province_city.json").read_text(encoding="utf-8"))
    province_rows = []
    for province in provinces:
        en = province["province-en"].replace("-", " ").title().replace(" And ", " and ")
        fa = province["province-fa"]
        province_rows.append(add(f"L:IR-{slug(en)}", "GPE", f"{en} Province", "IRN", [f"استان {v}" for v in variants(fa)]))
    for province, row in zip(provinces, province_rows, strict=True):
        # "گلستان" alone is the province, not the town of that name in Tehran province
        # (which keeps "شهر گلستان"); a province named like its own capital ("کرمان")
        # leaves the bare name to the city.
        if row is not None and all(c["city-fa"] != province["province-fa"] for c in province["cities"]):
            other_city = any(c["city-fa"] == province["province-fa"] for p in provinces for c in p["cities"])
            fresh = [v for v in variants(province["province-fa"]) if name_key(v) not in taken] if other_city else []
            if fresh:
                row[8] += "|" + "|".join(fresh)
                taken.update((name_key(v), ("GPE", "province")) for v in fresh)
    for province in provinces:
        for city in province["cities"]:
            en = city["city-en"].replace("-", " ").title()
            names = variants(city["city-fa"])
            # "شهر قدس" is the city of Qods when "قدس" alone is Jerusalem: a city whose
            # name a person, an organisation or a foreign place took keeps it with its
            # head word (not one whose name another Iranian place has: "شهر اردکان"
            # stays the first Ardakan, by the head word and the name).
            names += [f"شهر {n}" for n in names if name_key(n) in taken and taken[name_key(n)] not in IRANIAN_PLACES]
            add(f"L:IR-{slug(province['province-en'])}-{slug(en)}", "GPE", en, "IRN", names)
    for province, row in zip(provinces, province_rows, strict=True):  # a bare name no city has ("فارس")
        if province["province-fa"] in EVERYDAY_WORDS:
            continue  # "مرکزی" alone is "central": the province is "استان مرکزی"
        fresh = [v for v in variants(province["province-fa"]) if name_key(v) not in taken]
        if fresh and row is not None:
            row[8] += "|" + "|".join(fresh)
            taken.update((name_key(v), ("GPE", "IRN")) for v in fresh)
    by_city: dict[str, dict] = {}
    for row in csv.DictReader((gaz / "geonames_fa/cities_arabic_script_alts.tsv").open(encoding="utf-8"), delimiter="\t"):
        if int(row["population"] or 0) < MIN_POPULATION or row["has_persian_letters"] != "1":
            continue
        name = normalize(row["alt_arabic_script"])
        if not _PERSIAN_NAME.match(name):
            continue
        city = by_city.setdefault(row["geonameid"], {"row": row, "names": []})
        city["names"].append(name)
    for gid, city in sorted(by_city.items(), key=lambda kv: -int(kv[1]["row"]["population"])):
        row = city["row"]
        if row["name"] in written_en:
            continue
        found = pycountry.countries.get(alpha_2=row["countrycode"])
        add(f"L:gn{gid}", "GPE", row["name"], found.alpha_3 if found else "", city["names"])
    for row in territories:  # world regions last
        if row["code"].isdigit() and row["code"] != "001":
            add(f"R:{row['code']}", "LOC", row["en_name"].title(), "", variants(row["fa_name"]))
    OUT.write_text(HEADER + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(len(rows), "entries")


if __name__ == "__main__":
    main()
