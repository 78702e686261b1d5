"""The event vocabulary: CAMEO codes with their quad class, Goldstein value and
PLOVER type/mode/context (the crosswalk), and the 16 PLOVER types with their
modes (data/events/cameo.tsv and plover.tsv, built by tools/build_event_vocab.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from khabar.extract.events._data import rows

AUXILIARY = ("future", "hypothetical", "negated", "historical")

# PLOVER: cooperative events stated in the future are intentions, AGREE; a
# future retreat is a concession. Each CAMEO code to its "intent" code.
_FUTURE = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033", "RETREAT": "080"}
_FUTURE_CODE = {
    "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "0871": "080", "0872": "080", "0874": "080",
}


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    quad_class: int
    goldstein: float
    type: str
    mode: str | None
    context: tuple[str, ...]


@dataclass(frozen=True)
class PloverType:
    type: str
    quad: str
    modes: tuple[str, ...]
    definition: str


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, Code]:
    """Every CAMEO code, by code."""
    table = {}
    for code, name, quad, goldstein, ptype, mode, context in rows("cameo.tsv", 7):
        table[code] = Code(code, name, int(quad), float(goldstein), ptype, mode or None,
                           tuple(c for c in context.split(";") if c))
    return table


@lru_cache(maxsize=1)
def plover_types() -> dict[str, PloverType]:
    """The 16 PLOVER event types (not the auxiliary contexts), by name."""
    return {
        name: PloverType(name, quad, tuple(m for m in modes.split(";") if m), definition)
        for name, quad, modes, definition in rows("plover.tsv", 4)
        if quad != "auxiliary"
    }


def code(value: str | None) -> Code | None:
    """The CAMEO code `value`, or the nearest code above it ("0315" → "031")."""
    table = cameo_codes()
    while value:
        if value in table:
            return table[value]
        value = value[:-1]
    return None


def as_future(ptype: str, cameo: str) -> tuple[str, str]:
    """The (type, CAMEO code) of an event stated as future or intended."""
    if ptype not in _FUTURE:
        return ptype, cameo
    if cameo in _FUTURE_CODE:
        new = _FUTURE_CODE[cameo]
        return ("CONCEDE" if ptype == "RETREAT" else "AGREE"), new
    return ("CONCEDE" if ptype == "RETREAT" else "AGREE"), _FUTURE[ptype]
