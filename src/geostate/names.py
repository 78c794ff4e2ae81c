"""Names to codes, in every language: `resolve` and `candidates`.

>>> import geostate
>>> geostate.resolve("la Corée du Nord"), geostate.resolve("RPDC"), geostate.resolve("ДНР")
('KP', 'KP', 'UA-DPR')
>>> geostate.resolve("Yugoslavia", on="1990-01-01"), geostate.resolve("Yugoslavia", on="2000-01-01")
('YUCS', 'CSXX')
>>> geostate.resolve("Atlantis") is None
True

Every match is scored: the weight of its kind (an official or short name 1.00, an
alias or acronym 0.95, a historical name 0.90, a capital 0.85, ...), less 0.05 when
`lang` is given and the name is of another language, less 0.30 when `on` is given and
the polity did not exist that day, less 0.20 when the name was not in use that day.
`candidates` lists one match per code, best first (score, then kind, then code);
`resolve` returns the best code, or raises `AmbiguousName` when several codes share
the best score. ``docs/names.md`` sets out the policy.
"""

from __future__ import annotations

import datetime as dt
import itertools
import threading
import weakref
from collections.abc import Iterable

import attrs

from geostate._bundled import bundled_world
from geostate._names_index import (
    NEAR,
    NOT_EXISTING,
    OTHER_LANGUAGE,
    OUT_OF_USE,
    REGION_SUBDIVISION_WEIGHT,
    UNCORROBORATED,
    WEIGHTS,
    Entry,
    MatchKind,
    NameIndex,
    build,
    expansions,
    fold,
    german_declensions,
    inversions,
    without_former,
)
from geostate.codes import is_subdivision_code
from geostate.errors import AmbiguousName, InvalidValue
from geostate.model.names import check_lang
from geostate.world import World, _day

__all__ = ["Match", "MatchKind", "candidates", "fold", "resolve"]


@attrs.frozen
class Match:
    """A polity (or a claimed ISO 3166-2 subdivision) that a name was found to mean.

    `name` is the name matched as the index holds it, `lang` its language (None for a
    code), `score` between 0 and 1, and `kind` what sort of name it is.
    """

    code: str
    name: str
    lang: str | None
    score: float
    kind: MatchKind


_LOCK = threading.Lock()
# Unicode's regional indicator symbols, which pair into flags, as the letters they stand for.
_FLAG_LETTERS = {0x1F1E6 + i: chr(ord("A") + i) for i in range(26)}
_INDEXES: dict[int, tuple[weakref.ref[World], NameIndex]] = {}


def index(world: World | None = None) -> NameIndex:
    """The name index of `world` (the bundled world by default), built on first use."""
    if world is None:
        world = bundled_world()
    key = id(world)
    with _LOCK:
        held = _INDEXES.get(key)
        if held is not None and held[0]() is world:
            return held[1]
        entities = world.entities()
        claims = [code for e in entities for code in e.claims]
        built = build(entities, claims)
        _INDEXES[key] = (weakref.ref(world, lambda _: _INDEXES.pop(key, None)), built)
        return built


def candidates(
    text: str,
    *,
    lang: str | None = None,
    on: dt.date | str | None = None,
    world: World | None = None,
    near: bool = False,
) -> list[Match]:
    """Every polity `text` may name, best first, one match per code.

    `lang` prefers names of that language ("fr", "de", "zh-Hant"); `on` prefers
    polities that existed, and names that were in use, on that day. Codes are
    recognised as typed in capitals ("UKR", "UA-DPR"); names in any case. With `near`,
    a name of five letters or more that matches nothing may be one typing slip (a letter
    missing, added, changed, or two neighbours swapped; the first letter as typed) from a
    known name: those matches score 0.15 less, and `Match.name` shows the name they were
    taken for.

    >>> [(m.code, m.kind.value) for m in candidates("Donbass")]
    [('UA-DPR', 'region'), ('UA-LPR', 'region'), ('UA-09', 'region'), ('UA-14', 'region')]
    """
    if not isinstance(text, str):
        raise InvalidValue(f"a name must be text, got {text!r}")
    if lang is not None:
        check_lang(lang)
    day = None if on is None else _day(on)
    if world is None:
        world = bundled_world()
    names = index(world)
    key, found = _lookup(names, text.strip())
    if near and not found:
        found = [(other, entry) for other in names.near(key) for entry in names.by_key[other]]
    exists: dict[str, bool] = {}

    def score(key: str, entry: Entry) -> int:
        weight = WEIGHTS[entry.kind] - (0 if key == names_key else NEAR)
        subdivision = is_subdivision_code(entry.code)
        if entry.kind is MatchKind.REGION and subdivision:
            weight = REGION_SUBDIVISION_WEIGHT
        if (key, entry.code) in names.doubtful:
            weight -= UNCORROBORATED
        if lang is not None and entry.lang is not None and entry.lang_for(lang) is None:
            weight -= OTHER_LANGUAGE
        if day is not None:
            if not subdivision:
                if entry.code not in exists:
                    exists[entry.code] = world.exists(entry.code, on=day)
                if not exists[entry.code]:
                    weight -= NOT_EXISTING
            if (entry.start is not None and day < entry.start) or (
                entry.end is not None and day >= entry.end
            ):
                weight -= OUT_OF_USE
        return weight

    # A code's best match: the highest score; among equals, the name as typed, then one in
    # `lang` (English if none), then the shortest ("Ukraine", not "die Ukraine"), then the
    # kind listed first.
    order = list(MatchKind)
    typed = text.strip().casefold()
    best: dict[str, tuple[tuple[int, bool, bool, int, int], Entry]] = {}
    names_key = key
    for matched, entry in found:
        rank = (
            score(matched, entry),
            entry.text.casefold() == typed,
            entry.lang_for(lang or "en") is not None,
            -len(entry.text),
            -order.index(entry.kind),
        )
        held = best.get(entry.code)
        if held is None or rank > held[0]:
            best[entry.code] = (rank, entry)
    ranked = sorted(best.values(), key=lambda r: (-r[0][0], -r[0][4], r[1].code))
    return [
        Match(entry.code, entry.text, entry.lang_for(lang) or entry.lang, rank[0] / 100, entry.kind)
        for rank, entry in ranked
    ]


def _lookup(names: NameIndex, typed: str) -> tuple[str, list[tuple[str, Entry]]]:
    """The key `typed` is read by and the entries it names exactly: as typed; as a code if
    in capitals; else inverted ("Congo (République démocratique du)"); else without a
    leading "former" ("l'ex-URSS"); else with its abbreviations spelled out ("Korea,
    Rep.", "Dem. Rep. Congo"); else, after a German article, undeclined ("die
    Vereinigten Staaten")."""
    key = fold(typed)
    found = [(key, entry) for entry in names.by_key.get(key, ())]
    typed = typed.translate(_FLAG_LETTERS)  # a flag is its code: "🇺🇦" is "UA"
    if typed.isascii() and typed.isdigit() and len(typed) < 3:
        typed = typed.zfill(3)  # ISO 3166 numeric codes as numbers: "12" is "012"
    if typed and typed == typed.upper():
        found.extend((key, entry) for entry in names.by_code.get(typed, ()))
    if found:
        return key, found
    inverted = _first_known(names, (f"{tail} {head}" for head, tail in inversions(typed)))
    if inverted:
        return inverted
    rest = without_former(typed)
    if rest:
        rest_key, rest_found = _lookup(names, rest)
        if rest_found:
            return rest_key, rest_found
    # Each reading of the abbreviations in turn (English first), as typed and inverted.
    forms = [typed, *(f"{tail} {head}" for head, tail in inversions(typed))]
    spelled = itertools.zip_longest(*(expansions(form) for form in forms))
    readings = itertools.chain(
        (reading for group in spelled for reading in group if reading),
        german_declensions(typed),
    )
    return _first_known(names, readings) or (key, found)


def _first_known(
    names: NameIndex, readings: Iterable[str]
) -> tuple[str, list[tuple[str, Entry]]] | None:
    """The key and entries of the first of `readings` that names something."""
    for reading in readings:
        reading_key = fold(reading)
        if reading_key in names.by_key:
            return reading_key, [(reading_key, entry) for entry in names.by_key[reading_key]]
    return None


def resolve(
    text: str,
    *,
    lang: str | None = None,
    on: dt.date | str | None = None,
    world: World | None = None,
    near: bool = False,
) -> str | None:
    """The code of the polity `text` names, or None if it names none.

    Raises `AmbiguousName`, which lists them all, when several polities fit equally
    well ("Donbass" names both people's republics; "Korea" both Koreas).

    >>> resolve("Pyongyang"), resolve("l'Ukraine"), resolve("Cote d'Ivoire")
    ('KP', 'UA', 'CI')
    """
    found = candidates(text, lang=lang, on=on, world=world, near=near)
    if not found:
        return None
    top = [match for match in found if match.score == found[0].score]
    if len(top) > 1:
        raise AmbiguousName(text, found, [match.code for match in top])
    return found[0].code
