"""Build the generated half of the knowledge base (src/khabar/data/kb/places.tsv):
countries and world regions (CLDR Persian names, ISO 3166 alpha-3 by pycountry),
Iran's provinces and cities (the Iranian city lists; two Iranian towns may share
a name, the linker tells them apart by the province the text names), and the
world's cities of 100,000 people or more with Persian spellings (GeoNames), and
in the countries at war of 2000-2025 news (Iraq, Syria, Afghanistan, Yemen,
Libya, Lebanon, Palestine) towns of 10,000 or more (30,000 in Iran's other
neighbours and the Arab world), with their Arabic spellings
made Persian ("الفلوجة" → "فلوجه", "الفلوجه"). A name that is an everyday word
(frequent in hazm's word list) or a first name is left out. The written half
(entities.tsv) wins where both name the same thing. Each row names its source.

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
    "# id\ttype\tname_en\tcountry\trole\tfrom\tto\twikidata\tpersian names and spellings (| between them)\tsource\n"
)
# Codes of CLDR that are not places, or that the written half covers.
SKIPPED_TERRITORIES = {"EU", "EZ", "UN", "QO", "ZZ", "001"}
EXTRA_ALPHA3 = {"XK": "XKX"}
# Only the letters of the Persian alphabet (GeoNames mixes Urdu, Pashto, Kurdish…).
_PERSIAN_NAME = re.compile("^[آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیءئؤأ\u200c ]{2,40}$")
MIN_POPULATION = 100_000
# Countries at war in 2000-2025 news: smaller towns there are in the news too, and
# their Arabic names are the Persian ones ("فلوجه", "تلعفر").
WAR_ZONES = {"IQ": 10_000, "SY": 10_000, "AF": 10_000, "YE": 10_000, "LY": 10_000, "LB": 10_000, "PS": 10_000}
# Iran's neighbours and the Arab world: towns of 30,000 people or more.
NEIGHBOURS = dict.fromkeys(["TR", "AZ", "AM", "GE", "TM", "UZ", "TJ", "PK", "KW", "BH", "QA", "AE", "OM", "SA", "JO",
                            "EG", "IL"], 30_000)
ARABIC_SPEAKING = {"IQ", "SY", "YE", "LY", "LB", "PS", "JO", "SA", "KW", "BH", "QA", "AE", "OM", "EG", "SD", "DZ",
                   "MA", "TN"}
# A name that is this frequent in hazm's word list is an everyday word ("سینه", an Iraqi
# town), not taken for a town under a million people.
EVERYDAY_FREQUENCY = 400_000
SMALL_TOWN_FREQUENCY = 50_000


# Of the Iranian towns that share a name, the one a bare name means unless the text names
# another's province: the largest (Mahabad of West Azerbaijan, not of Isfahan).
PREFERRED_TOWNS = ("L:IR-west-azerbaijan-mahabad", "L:IR-tehran-shahriar", "L:IR-west-azerbaijan-sardasht",
                   "L:IR-razavi-khorasan-chenaran", "L:IR-yazd-ardakan", "L:IR-gilan-rezvanshahr")

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


def word_frequencies(data: Path) -> dict[str, int]:
    """How often each word of hazm's list is written (by name key); Iranian
    first names count as everyday words."""
    freq: dict[str, int] = {}
    for line in (data / "lexicons/hazm/words.dat").read_text(encoding="utf-8").splitlines():
        word, count, *_ = line.split("\t")
        freq[name_key(word)] = max(freq.get(name_key(word), 0), int(count or 0))
    for row in csv.DictReader((data / "lexicons/names/iranianNamesDataset.csv").open(encoding="utf-8")):
        freq[name_key(row["Names"])] = EVERYDAY_FREQUENCY
    return freq


def everyday(name: str, population: int, freq: dict[str, int]) -> bool:
    """True for a spelling too common to be taken for this town: a frequent
    word (a town under 100,000 people gives way to rarer words too), or a word
    of three letters or fewer ("کان" is Cannes, and "was" in Arabic)."""
    if population >= 1_000_000:
        return False
    limit = EVERYDAY_FREQUENCY if population >= MIN_POPULATION else SMALL_TOWN_FREQUENCY
    return freq.get(name_key(name), 0) >= limit or len(name_key(name)) <= 3


def persian_spellings(name: str, arabic: bool) -> list[str]:
    """A GeoNames spelling as Persian writes it: an Arabic one with ة as ه and
    a final اء as ا, and without its article ("الفلوجة" → "الفلوجه", "فلوجه")."""
    name = normalize(name)
    if not arabic:
        return [name]
    name = name.replace("ة", "ه")
    if name.endswith("اء"):
        name = name[:-1]
    out = [name]
    if name.startswith("ال") and len(name) > 4 and " " not in name:
        out.append(name[2:])
    return out


def geonames_cities(gaz: Path, freq: dict[str, int]) -> dict[str, dict]:
    """GeoNames cities to add, by id: those of 100,000 people with a Persian
    spelling, and the towns of the war zones; their spellings, everyday words left out."""
    by_city: dict[str, dict] = {}
    for row in csv.DictReader((gaz / "geonames_fa/cities_arabic_script_alts.tsv").open(encoding="utf-8"), delimiter="\t"):
        population, country = int(row["population"] or 0), row["countrycode"]
        persian = row["has_persian_letters"] == "1"
        arabic = not persian and country in ARABIC_SPEAKING
        if population < WAR_ZONES.get(country, NEIGHBOURS.get(country, MIN_POPULATION)) or not (persian or arabic):
            continue
        spellings = persian_spellings(row["alt_arabic_script"], arabic)
        for k, name in enumerate(spellings):
            # a name without its article ("جزیره" of "الجزیره") is held to rarer words, whatever the size
            common = everyday(name, population if k == 0 else 0, freq)
            if not _PERSIAN_NAME.match(name) or common:
                continue
            city = by_city.setdefault(row["geonameid"], {"row": row, "persian": [], "arabic": []})
            spelt = city["arabic" if arabic else "persian"]
            if name not in spelt:
                spelt.append(name)
    for city in by_city.values():
        city["names"] = city.pop("persian") + city.pop("arabic")  # the Persian spellings first
    return by_city


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = ap.parse_args()
    gaz = args.data / "gazetteers"
    rows: list[list[str]] = []
    taken: dict[str, tuple[str, str]] = {}  # name key → (type, country) of the entry that has it; written entries first
    iran_towns: set[str] = set()  # name keys of Iranian towns: another town may share them
    used: set[str] = set()  # the ids given
    written_en: set[str] = set()
    for line in (KB / "entities.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            written_en.add(fields[2])
            taken.update((name_key(n), (fields[1], fields[3])) for n in fields[8].split("|") if n and name_key(n) not in taken)

    def add(eid: str, etype: str, name_en: str, country: str, names: list[str], source: str,
            town: bool = False) -> list[str] | None:
        """Add an entry with those of its names no earlier entry has (an Iranian
        town also those another Iranian town has); its row, or None."""
        fresh, keys = [], set()
        for name in names:
            key = name_key(name)
            shared = town and key in iran_towns
            if key and (key not in taken or shared) and key not in keys:
                fresh.append(name)
                keys.add(key)
                taken.setdefault(key, (etype, country))
                if town:
                    iran_towns.add(key)
        if not fresh or eid in used:  # a town listed twice in its province
            return None
        used.add(eid)
        rows.append([eid, etype, name_en, country, "", "", "", "", "|".join(fresh), source])
        return rows[-1]

    territories = list(csv.DictReader((gaz / "cldr_fa/territories.tsv").open(encoding="utf-8"), delimiter="\t"))
    for row in territories:  # countries first: their names win over cities and regions
        code = row["code"]
        if code in SKIPPED_TERRITORIES or code.isdigit():
            continue
        found = pycountry.countries.get(alpha_2=code)
        alpha3 = EXTRA_ALPHA3.get(code) or (found.alpha_3 if found else None)
        if alpha3:
            add(f"G:{alpha3}", "GPE", row["en_name"], alpha3, variants(row["fa_name"]), "cldr")
    provinces = json.loads((gaz / "iran_provinces/province_city.json").read_text(encoding="utf-8"))
    province_rows = []
    for province in provinces:
        en = province["province-en"].replace("-", " ").title().replace(" And ", " and ")
        fa = province["province-fa"]
        province_rows.append(add(f"L:IR-{slug(en)}", "GPE", f"{en} Province", "IRN",
                                 [f"استان {v}" for v in variants(fa)], "iran-cities"))
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
            # head word (not one whose name another Iranian place has).
            names += [f"شهر {n}" for n in names if name_key(n) in taken and taken[name_key(n)] not in IRANIAN_PLACES]
            add(f"L:IR-{slug(province['province-en'])}-{slug(en)}", "GPE", en, "IRN", names, "iran-cities", town=True)
    towns = [r for r in rows if r[0].startswith("L:IR-") and r not in province_rows]
    rows[len(rows) - len(towns):] = sorted(towns, key=lambda r: r[0] not in PREFERRED_TOWNS)  # stable
    for province, row in zip(provinces, province_rows, strict=True):  # a bare name no city has ("فارس")
        if province["province-fa"] in EVERYDAY_WORDS:
            continue  # "مرکزی" alone is "central": the province is "استان مرکزی"
        fresh = [v for v in variants(province["province-fa"]) if name_key(v) not in taken]
        if fresh and row is not None:
            row[8] += "|" + "|".join(fresh)
            taken.update((name_key(v), ("GPE", "IRN")) for v in fresh)
    for line in (KB.parent / "sources.tsv").read_text(encoding="utf-8").splitlines():  # media before towns abroad ("المیادین")
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            taken.update((name_key(n), ("ORG", fields[3])) for n in fields[5].split("|") if n and name_key(n) not in taken)
    cities = geonames_cities(gaz, word_frequencies(args.data))
    for gid, city in sorted(cities.items(), key=lambda kv: -int(kv[1]["row"]["population"])):
        row = city["row"]
        if row["name"] in written_en:
            continue
        found = pycountry.countries.get(alpha_2=row["countrycode"])
        add(f"L:gn{gid}", "GPE", row["name"], found.alpha_3 if found else "", city["names"], "geonames")
    for row in territories:  # world regions last
        if row["code"].isdigit() and row["code"] != "001":
            add(f"R:{row['code']}", "LOC", row["en_name"].title(), "", variants(row["fa_name"]), "cldr")
    OUT.write_text(HEADER + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(len(rows), "entries")


if __name__ == "__main__":
    main()
