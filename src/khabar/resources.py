"""The one reader of shipped data (`src/khabar/data/`).

Every table, model and lexicon khabar ships is named in `SHIPPED` with what it
holds and its licence (NOTICE.md says more), and read through the functions
here: `text`, `lines`, `rows` (tab-separated, comments and blank lines skipped),
`pairs` (a key/value table as a dict) and `json_data`. A `.gz` file is decompressed.
Callers cache what they build from a file (the parsed table is loaded once per
process, lazily); nothing here is mutable.
"""

from __future__ import annotations

import gzip
import json
from importlib import resources
from typing import Any, NamedTuple


class Shipped(NamedTuple):
    what: str
    licence: str


SHIPPED: dict[str, Shipped] = {
    "zwnj/forms.tsv.gz": Shipped("words and word pairs with their half-spaces", "CC BY-SA 4.0 (PerDT); MIT (shekar, hazm)"),
    "zwnj/words.tsv.gz": Shipped("words attested without a half-space", "CC BY-SA 4.0; MIT"),
    "zwnj/heads.tsv": Shipped("second parts of compounds written after a half-space", "CC BY-SA 4.0"),
    "zwnj/verbs.tsv": Shipped("present/past verb stem pairs", "MIT (hazm, shekar)"),
    "tagger.json.gz": Shipped("averaged-perceptron UPOS tagger", "CC BY-SA 4.0 (UD Persian)"),
    "lemmas.tsv.gz": Shipped("(form, UPOS) → lemma exceptions", "CC BY-SA 4.0 (UD Persian)"),
    "ner.json.gz": Shipped("CRF entity tagger weights", "MIT (ParsTwiNER); PEYMA terms unknown (NOTICE.md)"),
    "ner_lexicon.tsv.gz": Shipped("word → POS classes and frequency band", "MIT (hazm)"),
    "word_clusters.tsv.gz": Shipped("word → clusters at two grains", "CC BY-SA 4.0; statistics of news"),
    "gazetteer.tsv.gz": Shipped("names as entity-tagger features", "Unicode; CC BY 4.0 (GeoNames); MIT"),
    "kb/entities.tsv": Shipped("the written knowledge base of news actors", "Apache-2.0 (ours)"),
    "kb/places.tsv": Shipped("generated places: countries, provinces, cities", "Unicode; CC BY 4.0 (GeoNames); MIT"),
    "kb/offices.tsv": Shipped("who held which office when; seats of government", "Apache-2.0 (ours)"),
    "kb/titles.tsv": Shipped("Persian titles of office", "Apache-2.0 (ours)"),
    "kb/demonyms.tsv": Shipped("demonyms → countries", "Apache-2.0 (ours)"),
    "sources.tsv": Shipped("the news-source registry", "Apache-2.0 (ours)"),
    "times/year_names.tsv": Shipped("the names Iran's Leader gave the Jalali years 1378–1404, as the press writes them", "Apache-2.0 (ours); facts of public record"),
    "events/cameo.tsv": Shipped("CAMEO codes with quad class, Goldstein and PLOVER type/mode/context", "public GDELT lookups; CC BY-SA 4.0 (PLOVER crosswalk)"),
    "events/plover.tsv": Shipped("the 16 PLOVER event types, their modes and definitions", "CC BY-SA 4.0 (openeventdata/PLOVER)"),
    "events/triggers.tsv": Shipped("Persian event triggers: words, light verbs, type, CAMEO code, role frame", "Apache-2.0 (ours)"),
    "events/agents.tsv": Shipped("Persian agent nouns → Phoenix/CAMEO sector", "Apache-2.0 (ours)"),
    "events/cues.tsv": Shipped("words that refine an event's mode or context", "Apache-2.0 (ours)"),
    "events/demonyms.tsv": Shipped("irregular demonyms → countries", "Apache-2.0 (ours)"),
}


def _path(name: str) -> Any:
    if name not in SHIPPED:
        raise KeyError(f"{name!r} is not a shipped data file (khabar.resources.SHIPPED)")
    return resources.files("khabar") / "data" / name


def text(name: str) -> str:
    """The whole of shipped file `name` (a path under src/khabar/data/) as text."""
    path = _path(name)
    if name.endswith(".gz"):
        with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            return fh.read()
    return path.read_text(encoding="utf-8")


def lines(name: str) -> list[str]:
    """The lines of a shipped file, split at line feeds only (a key may hold any
    other character), without the line feed."""
    data = text(name)
    return data.removesuffix("\n").split("\n") if data else []


def rows(name: str) -> list[list[str]]:
    """The rows of a tab-separated table written by hand (blank lines and
    # comments skipped)."""
    return [line.split("\t") for line in text(name).splitlines() if line.strip() and not line.startswith("#")]


def pairs(name: str) -> dict[str, str]:
    """A generated key<TAB>value table as a dict (the value is the rest of the
    line; a later row of a key wins)."""
    return dict(line.split("\t", 1) for line in lines(name))


def json_data(name: str) -> Any:
    """A shipped JSON file, parsed."""
    return json.loads(text(name))
