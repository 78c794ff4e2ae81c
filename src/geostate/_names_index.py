"""The name index behind `geostate.resolve`: every name of every polity, folded to a key.

Built on first use from four sources, then cached per world:

- pycountry: ISO 3166-1 short, official and common names, and ISO 3166-3 names of
  former countries, with their translations in every language pycountry ships;
- CLDR's territory names in every language it covers (``data/names/cldr.json``);
- the world's own polities: their names and aliases (breakaway entities, Kosovo, ...);
- geostate's curated names (``data/names/*.json`` besides CLDR): historical names with
  the years they were in use, acronyms, capitals used as metonyms, region names.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import itertools
import json
import os
import re
import struct
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping
from importlib import resources
from typing import Any

import attrs
import pycountry

from geostate._hanzi import SIMPLIFIED, TRADITIONAL
from geostate.codes import is_subdivision_code, subdivision_name
from geostate.errors import InvalidData, InvalidDate, InvalidValue, Problem
from geostate.model import AliasKind, PartialDate
from geostate.model.names import check_lang

__all__ = ["Entry", "MatchKind", "NameIndex", "build", "fold", "read_curated"]


class MatchKind(enum.Enum):
    """What kind of name a match was made on (see ``docs/names.md``)."""

    CODE = "code"  # an identifier typed as such: "UKR", "KP", "UA-DPR", "UA-14"
    OFFICIAL = "official"  # the formal name: "République populaire démocratique de Corée"
    SHORT = "short"  # the everyday name: "Corée du Nord", "Nordkorea"
    ALIAS = "alias"  # another name: a variant, colloquial or transliterated form
    ACRONYM = "acronym"  # "DPRK", "RPDC", "КНДР", "USA"
    HISTORICAL = "historical"  # a former name: "Burma", "Zaire", "Swaziland"
    SUBDIVISION = "subdivision"  # a claimed ISO 3166-2 subdivision: "Donetsk Oblast"
    REGION = "region"  # a region spanning several polities: "Donbass"
    CAPITAL = "capital"  # a capital standing for its state: "Pyongyang", "Moscou"


#: The weight of each kind, in hundredths: the score of a match before the date and
#: language adjustments. A polity ranks before the subdivision named like it ("Donetsk":
#: the republic, then the oblast), and a region ranks its polities before the subdivisions
#: it covers ("Donbass": the two republics, then the two oblasts).
WEIGHTS: Mapping[MatchKind, int] = {
    MatchKind.CODE: 100,
    MatchKind.OFFICIAL: 100,
    MatchKind.SHORT: 100,
    MatchKind.ALIAS: 95,
    MatchKind.ACRONYM: 95,
    MatchKind.HISTORICAL: 90,
    MatchKind.SUBDIVISION: 90,
    MatchKind.REGION: 90,
    MatchKind.CAPITAL: 85,
}
REGION_SUBDIVISION_WEIGHT = 85
#: The penalty for a name in another language than the one asked for.
OTHER_LANGUAGE = 5
#: The penalty for a polity that does not exist on the day asked about.
NOT_EXISTING = 30
#: The penalty for a name outside the years it was in use.
OUT_OF_USE = 20
#: The penalty for a name taken to be one typing slip from a known name ("Pyonyang").
NEAR = 15
#: The shortest name `near` matching tries: shorter names are too close to each other
#: ("Iran", "Iraq"; "Mali", "Bali").
NEAR_SHORTEST = 5
#: The penalty for a reading that one general name list alone gives, in one language,
#: when another code's reading of the same name has two supports or more (two lists, or
#: two languages): Toki Pona's "ma Lawi" (Latvia) does not make "Malawi" ambiguous, nor
#: a slip in one translation ("Slovenská republika" for the Gambia) make Slovakia.
UNCORROBORATED = 10

_ALIAS_KINDS: Mapping[AliasKind, MatchKind] = {
    AliasKind.OFFICIAL: MatchKind.OFFICIAL,
    AliasKind.SHORT: MatchKind.SHORT,
    AliasKind.ACRONYM: MatchKind.ACRONYM,
    AliasKind.HISTORICAL: MatchKind.HISTORICAL,
    AliasKind.COLLOQUIAL: MatchKind.ALIAS,
    AliasKind.TRANSLITERATION: MatchKind.ALIAS,
}

# Leading articles, dropped so that "la Corée du Nord", "l'Ukraine" and "The Gambia"
# find "Corée du Nord", "Ukraine" and "Gambia".
_ARTICLES = frozenset(
    {
        "the",
        "le",
        "la",
        "les",
        "l",
        "el",
        "los",
        "las",
        "il",
        "lo",
        "gli",
        "der",
        "die",
        "das",
        "den",
        "de",
        "het",
        "o",
        "os",
        "a",
        "as",
        "al",
    }
)
# Words that join parts of a name, dropped so "Trinidad & Tobago" finds "Trinidad and
# Tobago" and "Korea Republic" finds "Republic of Korea"; and the English article
# anywhere ("Democratic Republic of Congo" finds "... of the Congo"); and abbreviations
# spelled out ("St Lucia").
_JOINERS = frozenset({"and", "et", "und", "y", "e", "i", "en", "the", "of"})
_SPELLED = {"st": "saint", "ste": "sainte"}
_WORD = re.compile(r"\w+")
# Outside ASCII a word also holds the combining marks Python's \w leaves out: the vowel
# signs of Indic and Tibetan scripts are part of the word, so Hindi "गिनी" (Guinea) is not
# "गाना" (Ghana). The kana voiced-sound marks are the exception: set aside ("ド" reads as
# "ト"), as kana spellings of foreign names vary in voicing; no two polities' names
# differ only by them. Every mark of the Basic Multilingual Plane, read from the running
# Python's Unicode tables when the index is first built.
_COMBINING = "".join(
    re.escape(chr(point))
    for point in range(0x10000)
    if unicodedata.category(chr(point)) in ("Mn", "Mc", "Me") and point not in (0x3099, 0x309A)
)
_WORD_OR_MARK = re.compile(rf"[\w{_COMBINING}]+")
# Diacritics of the Latin, Greek and Cyrillic scripts and the vowel points of Arabic and
# Hebrew: dropped after NFKD decomposition ("Côte d'Ivoire" = "Cote d'Ivoire"). Marks of
# other scripts (Indic vowel signs) change the word, so they stay (kana voicing aside,
# above). Letters NFKD leaves whole are spelled as a keyboard without them would
# ("Kıbrıs" = "Kibris", "Łotwa" = "Lotwa", "Færøerne" = "Faeroerne"), and Arabic's
# variant letters are written as plain ones (alef with hamza or madda as alef, alef
# maqsura as yeh, teh marbuta as heh; the tatweel dropped), as Arabic search does;
# traditional Chinese characters are read as their simplified forms ("蘇聯" = "苏联"), as
# Chinese search does.
_LETTERS: dict[str, str | None] = {
    **{"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "ŀ": "l", "ð": "d"},
    **{"æ": "ae", "œ": "oe", "þ": "th"},
    # Apostrophes written as letters, as Ukrainian ("Мʼянма") and Uzbek ("Oʻzbekiston")
    # spell them, read as the apostrophe a keyboard types.
    **dict.fromkeys("ʼʻʹʽʾʿ", " "),
    **{"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"},
}
_MARKS: dict[int, str | None] = {
    **dict.fromkeys(
        [
            *range(0x0300, 0x0370),
            *range(0x0483, 0x048A),
            *range(0x0591, 0x05C8),
            *range(0x064B, 0x0660),
            0x0670,
            0x0640,
        ]
    ),
    **str.maketrans(_LETTERS),
    **{ord(old): new for old, new in zip(TRADITIONAL, SIMPLIFIED, strict=True)},
}
# The Arabic definite article, written joined to its word: "الإمارات" = "إمارات".
_ARABIC_ARTICLE = "ال"


def fold(text: str) -> str:
    """The key a name is looked up by: case, accents, punctuation, spacing, leading
    articles and joining words set aside.

    >>> fold("la Corée du Nord") == fold("Coree du nord") == fold("COREE-DU-NORD")
    True
    >>> fold("l'Ukraine"), fold("Trinidad & Tobago"), fold("St. Lucia"), fold("Kıbrıs")
    ('ukraine', 'trinidadtobago', 'saintlucia', 'kibris')
    """
    text = text.casefold()
    words: list[str]
    if text.isascii():
        words = _WORD.findall(text)
    else:
        text = unicodedata.normalize("NFKD", text).translate(_MARKS)
        words = [
            word[2:] if len(word) > 3 and word.startswith(_ARABIC_ARTICLE) else word
            for word in _WORD_OR_MARK.findall(text)
        ]
    while len(words) > 1 and words[0] in _ARTICLES:
        del words[0]
    if not words:
        return ""
    head = _SPELLED.get(words[0], words[0])
    return head + "".join(_SPELLED.get(w, w) for w in words[1:] if w not in _JOINERS)


@attrs.frozen
class Entry:
    """One name of one polity (or claimed subdivision) in the index."""

    code: str
    text: str
    lang: str | None
    kind: MatchKind
    start: dt.date | None = None  # first day the name was in use
    end: dt.date | None = None  # first day it no longer was
    more: tuple[str, ...] = ()  # other languages that write the name the same way
    vetted: bool = False  # from geostate's own data, not from a general name list
    origin: str = ""  # the list the name comes from: "pycountry", "cldr", a curated file

    def lang_for(self, lang: str | None) -> str | None:
        """The entry's language that is `lang` (by primary subtag: "zh" is "zh-Hant"), or
        None if the name is not of that language."""
        if lang is None:
            return None
        wanted = lang.split("-", 1)[0].casefold()
        for candidate in (self.lang, *self.more):
            if candidate is not None and candidate.split("-", 1)[0].casefold() == wanted:
                return candidate
        return None


def _variants(text: str) -> Iterator[tuple[str, bool]]:
    """The forms an ISO inverted name stands for, each with whether it is only a part of
    the name: "Korea, Republic of" is also "Republic of Korea" and (a part) "Korea";
    "Bolivia (Plurinational State of)" is also "Bolivia"."""
    for head, tail in inversions(text):
        yield f"{tail} {head}", False
        yield head, True


# "Former" before a name, in the languages geostate reads most: "l'ex-URSS", "the former
# Yugoslavia", "ehemalige DDR", "бывший СССР", "旧ソ連", "前南斯拉夫". Read only when
# the whole text names nothing, so "Antigua" stays Antigua and Barbuda.
_FORMER = re.compile(
    r"(?:(?:the|la|le|el|die|der|das|de|het|o|a|il|lo|al)\s+|l['’]\s*)?"
    r"(?:(?:former|ex|ehem\.?|ehemalige[nmrs]?|ancien(?:ne)?s?|antig[ou]a?s?|voormalige?"
    r"|by[lł](?:a|y|e|ej|ego)|dawn(?:a|y|e|ej|ego)|eski|бывш(?:ий|ая|ее|его|ей|ем)|экс"
    r"|колишн(?:ій|я|є|ього|ьої))[\s\-‐–]+|[旧舊前]|구\s*)(?=\S)",
    re.IGNORECASE,
)


def without_former(text: str) -> str | None:
    """`text` without a leading "former" ("l'ex-URSS" -> "URSS"), or None if it has none."""
    match = _FORMER.match(text)
    return text[match.end() :] if match else None


# Abbreviations as tables and lists write them ("Korea, Rep.", "Congo, Dem. Rep.",
# "Micronesia, Fed. Sts.", "S. Korea"), each read as the words it may stand for. Read
# only when the whole text names nothing.
_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "rep": ("republic", "république", "república", "repubblica", "republik", "republiek"),
    "dem": ("democratic", "démocratique", "democrática", "democratica", "demokratische"),
    "fed": ("federal", "federated", "fédérale", "federativa", "federale"),
    "pdr": ("people's democratic republic",),
    "rb": ("república bolivariana",),
    "sts": ("states",),
    "utd": ("united",),
    "is": ("islands", "island"),
    "isl": ("islands", "island"),
    "s": ("south",),
    "n": ("north",),
    "w": ("west",),
}
_ABBREVIATION = re.compile(
    r"(?<![\w'])(" + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")(?![\w'])\.?",
    re.IGNORECASE,
)
_MOST_READINGS = 32


def expansions(text: str) -> Iterator[str]:
    """`text` with its abbreviations spelled out, each way they may be read ("Korea, Rep."
    -> "Korea, republic", "Korea, république", ...); nothing if it has none."""
    parts = _ABBREVIATION.split(text)
    if len(parts) == 1 or not fold(" ".join(parts[::2])):
        return  # no abbreviation, or nothing but abbreviations ("Is", "Rep.")
    choices = [
        (part,) if i % 2 == 0 else _ABBREVIATIONS[part.casefold()] for i, part in enumerate(parts)
    ]
    for number, words in enumerate(itertools.product(*choices)):
        if number == _MOST_READINGS:
            return
        yield " ".join(w.strip() for w in words if w.strip())


# German declines a name's adjectives (and plural nouns) after an article: "die
# Vereinigten Staaten" is "Vereinigte Staaten", "dem Vereinigten Königreich" is
# "Vereinigtes Königreich", "den Vereinigten Arabischen Emiraten" is "Vereinigte
# Arabische Emirate". Read only when the whole text names nothing.
_GERMAN_ARTICLE = re.compile(r"(?:der|die|das|den|dem|des)\s+", re.IGNORECASE)
_GERMAN_ENDINGS: dict[str, tuple[str, ...]] = {
    "en": ("e", "er", "es", ""),
    "e": ("er", "es"),
    "em": ("er", "es", "e"),
    "es": ("", "e"),
}
_GERMAN_ENDING = re.compile(r"(\w{3,}?)(en|em|es|e)\b")


def german_declensions(text: str) -> Iterator[str]:
    """The nominative forms a declined German name may stand for ("die Vereinigten
    Staaten" -> "Vereinigte Staaten"); nothing unless `text` starts with an article."""
    match = _GERMAN_ARTICLE.match(text)
    if not match:
        return
    words = text[match.end() :].split()
    if not 1 <= len(words) <= 5:
        return
    choices: list[tuple[str, ...]] = []
    for word in words:
        ending = _GERMAN_ENDING.fullmatch(word)
        if ending is None:
            choices.append((word,))
        else:
            stem = ending.group(1)
            choices.append((word, *(stem + other for other in _GERMAN_ENDINGS[ending.group(2)])))
    for number, reading in enumerate(itertools.product(*choices)):
        if number == _MOST_READINGS * 4:
            return
        yield " ".join(reading)


def inversions(text: str) -> Iterator[tuple[str, str]]:
    """The (head, tail) of a name written inverted: "Korea, Republic of" and "Congo
    (République démocratique du)"."""
    if ", " in text:
        head, tail = text.split(", ", 1)
        yield head, tail
    match = re.fullmatch(r"(.+?) \((.+)\)", text)
    if match:
        yield match.group(1), match.group(2)


def _locale_tag(folder: str) -> str:
    """pycountry's locale folder name as a language tag: pt_BR -> pt-BR, sr@latin -> sr-Latn."""
    folder = folder.replace("@latin", "-Latn").replace("@cyrillic", "-Cyrl")
    return folder.replace("_", "-").split("@", 1)[0]


def _catalogs(domain: str, wanted: Collection[str]) -> Iterator[tuple[str, Mapping[str, str]]]:
    """Each language's translations of the `wanted` names of one pycountry domain
    ("iso3166-1", "iso3166-2", "iso3166-3")."""
    root = pycountry.LOCALES_DIR
    keys = {name.encode("utf-8"): name for name in wanted}
    for folder in sorted(os.listdir(root)):
        path = os.path.join(root, folder, "LC_MESSAGES", f"{domain}.mo")
        if os.path.exists(path):
            with open(path, "rb") as handle:
                yield _locale_tag(folder), _translations(handle.read(), keys)


def _translations(data: bytes, keys: Mapping[bytes, str]) -> dict[str, str]:
    """The translations of `keys` in a GNU gettext catalogue (.mo), read without decoding
    the rest: `gettext` parses every message, ten times the work for ISO 3166-2."""
    magic = int.from_bytes(data[:4], "little")
    order = "<" if magic == 0x950412DE else ">"
    count, originals, translations = struct.unpack_from(f"{order}3I", data, 8)
    found: dict[str, str] = {}
    if count == 0:
        return found
    original = struct.unpack_from(f"{order}{2 * count}I", data, originals)
    translated = struct.unpack_from(f"{order}{2 * count}I", data, translations)
    for i in range(count):
        length, offset = original[2 * i], original[2 * i + 1]
        name = keys.get(data[offset : offset + length])
        if name is not None:
            length, offset = translated[2 * i], translated[2 * i + 1]
            found[name] = data[offset : offset + length].decode("utf-8")
    return found


# ISO 3166-3 entries that are territories merged into a state, not that state's old name.
_NOT_FORMER_NAMES = frozenset({"CTKI", "PZPA", "SKIN", "JTUM", "MIUM", "PUUM", "WKUM"})


def _pycountry_names(codes: frozenset[str]) -> list[tuple[str, str, MatchKind]]:
    """(code, English name, kind) for every ISO 3166-1 and 3166-3 name of a polity."""
    names: list[tuple[str, str, MatchKind]] = []
    for country in pycountry.countries:
        if country.alpha_2 not in codes:
            continue
        names.append((country.alpha_2, country.name, MatchKind.SHORT))
        for field, kind in (
            ("official_name", MatchKind.OFFICIAL),
            ("common_name", MatchKind.SHORT),
        ):
            value = getattr(country, field, None)
            if value:
                names.append((country.alpha_2, value, kind))
    for former in pycountry.historic_countries:
        code = former.alpha_4
        if code not in codes:
            successor = code[2:]
            if code in _NOT_FORMER_NAMES or successor not in codes:
                continue
            code = successor
        kind = MatchKind.SHORT if code == former.alpha_4 else MatchKind.HISTORICAL
        names.append((code, former.name, kind))
    return names


@functools.cache
def _pycountry_entries(codes: frozenset[str]) -> tuple[Entry, ...]:
    english = _pycountry_names(codes)
    entries = [Entry(code, text, "en", kind, origin="pycountry") for code, text, kind in english]
    wanted = {text for _, text, _ in english}
    for domain in ("iso3166-1", "iso3166-3"):
        for lang, catalog in _catalogs(domain, wanted):
            for code, text, kind in english:
                translated = catalog.get(text)
                if translated and translated != text:
                    entries.append(Entry(code, translated, lang, kind, origin="pycountry"))
    for country in pycountry.countries:  # alpha-3 and numeric codes: "UKR", "804"
        if country.alpha_2 in codes:
            entries.append(Entry(country.alpha_2, country.alpha_3, None, MatchKind.CODE))
            entries.append(Entry(country.alpha_2, country.numeric, None, MatchKind.CODE))
    for former in pycountry.historic_countries:  # "SUN", "810" for the Soviet Union
        if former.alpha_4 in codes:
            entries.append(Entry(former.alpha_4, former.alpha_3, None, MatchKind.CODE))
            numeric = getattr(former, "numeric", None)
            if numeric:
                entries.append(Entry(former.alpha_4, numeric, None, MatchKind.CODE))
    return tuple(entries)


@functools.cache
def _subdivision_entries(codes: frozenset[str]) -> tuple[Entry, ...]:
    """The codes and ISO 3166-2 names, in every language pycountry ships, of subdivisions."""
    entries = [Entry(code, code, None, MatchKind.CODE) for code in sorted(codes)]
    named = {code: subdivision_name(code) for code in sorted(codes)}
    for code, name in named.items():
        entries.append(Entry(code, name, None, MatchKind.SUBDIVISION))
    for lang, catalog in _catalogs("iso3166-2", set(named.values())):
        for code, name in named.items():
            translated = catalog.get(name)
            if translated and translated != name:
                entries.append(Entry(code, translated, lang, MatchKind.SUBDIVISION))
    return tuple(entries)


def _data(name: str) -> Any:
    return json.loads((resources.files("geostate") / "data" / "names" / name).read_bytes())


@functools.cache
def _cldr() -> Mapping[str, Mapping[str, list[str]]]:
    names: Mapping[str, Mapping[str, list[str]]] = _data("cldr.json")["names"]
    return names


def _day(text: object, where: str, problems: list[Problem], file: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return PartialDate.parse(str(text)).first_day
    except InvalidDate as error:
        problems.append(Problem(where, str(error), file))
        return None


_WEB_ADDRESS = re.compile(r"https?://[^\s/]+\.[^\s/]+(?:/\S*)?")
_RECORD_KEYS = frozenset({"code", "text", "lang", "kind", "from", "until", "source", "note"})


def read_curated(
    document: Mapping[str, Any], file: str, known: frozenset[str]
) -> tuple[Entry, ...]:
    """The entries of a curated names document; `InvalidData` names every bad record.

    `known` holds the codes a record may name besides ISO 3166-2 subdivision codes.
    """
    problems: list[Problem] = []
    entries: list[Entry] = []
    records = document.get("names")
    meta = document.get("meta", {})
    general = isinstance(meta, dict) and meta.get("general_list") is True
    if document.get("format") != "geostate-names/1" or not isinstance(records, list):
        raise InvalidData(
            [Problem("", 'expected {"format": "geostate-names/1", "names": [...]}', file)],
            what="names",
        )
    for number, record in enumerate(records):
        where = f"names[{number}]"
        if not isinstance(record, dict):
            problems.append(Problem(where, f"expected an object, got {record!r}", file))
            continue
        extra = sorted(set(record) - _RECORD_KEYS)
        if extra:
            problems.append(Problem(where, f"unknown keys {extra}", file))
        code, text, lang = record.get("code"), record.get("text"), record.get("lang")
        if not (isinstance(code, str) and (code in known or is_subdivision_code(code))):
            problems.append(Problem(f"{where}.code", f"{code!r} is no polity or subdivision", file))
        if not (isinstance(text, str) and text.strip() == text and fold(text)):
            problems.append(Problem(f"{where}.text", f"{text!r} is not a name", file))
        try:
            check_lang(lang)  # type: ignore[arg-type]
        except InvalidValue as error:
            problems.append(Problem(f"{where}.lang", str(error), file))
        try:
            kind = MatchKind(record.get("kind"))
        except ValueError:
            kinds = ", ".join(k.value for k in MatchKind if k is not MatchKind.CODE)
            problems.append(
                Problem(f"{where}.kind", f"{record.get('kind')!r}: one of {kinds}", file)
            )
            kind = MatchKind.ALIAS
        source = record.get("source")
        if not (isinstance(source, str) and _WEB_ADDRESS.fullmatch(source)):
            problems.append(
                Problem(f"{where}.source", f"{source!r}: the page's http(s) address", file)
            )
        start = _day(record.get("from"), f"{where}.from", problems, file)
        end_text = record.get("until")
        end = None
        if end_text is not None:
            try:
                end = PartialDate.parse(str(end_text)).last_day + dt.timedelta(days=1)
            except InvalidDate as error:
                problems.append(Problem(f"{where}.until", str(error), file))
        if start and end and end <= start:
            problems.append(Problem(where, f"'until' {end_text} is before 'from'", file))
        vetted = not general
        entries.append(
            Entry(str(code), str(text), str(lang), kind, start, end, vetted=vetted, origin=file)
        )
    if problems:
        raise InvalidData(problems, what="names")
    return tuple(entries)


@functools.cache
def _curated_documents() -> tuple[tuple[str, Any], ...]:
    folder = resources.files("geostate") / "data" / "names"
    return tuple(
        (f"geostate/data/names/{entry.name}", json.loads(entry.read_bytes()))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".json") and entry.name != "cldr.json"
    )


class NameIndex:
    """Folded name -> entries, and the codes of the index's polities.

    `doubtful` holds the (key, code) readings that only one general name list gives, in
    one language, while another code's reading of the key has two supports or more: two
    lists, or two languages (see `UNCORROBORATED`).
    """

    def __init__(self, entries: Iterable[Entry], codes: frozenset[str]) -> None:
        self.codes = codes
        self.by_key: dict[str, list[Entry]] = {}
        self.by_code: dict[str, list[Entry]] = {}
        self._by_length: dict[int, list[str]] | None = None
        whole: dict[str, list[Entry]] = {}  # names as given, not the parts of inverted ones
        seen: set[tuple[str, str, str | None, MatchKind]] = set()
        self._folded: dict[str, str] = {}
        for entry in entries:
            mark = (entry.code, entry.text, entry.lang, entry.kind)
            if mark in seen:
                continue
            seen.add(mark)
            if entry.kind is MatchKind.CODE:
                self.by_code.setdefault(entry.text, []).append(entry)
                continue
            key = self._fold(entry.text)
            if key:
                self.by_key.setdefault(key, []).append(entry)
                whole.setdefault(key, []).append(entry)
            if ", " in entry.text or "(" in entry.text:
                self._add_inversions(entry)
        self.doubtful = frozenset(_doubtful(whole))
        del self._folded

    def _fold(self, text: str) -> str:
        key = self._folded.get(text)
        if key is None:
            key = self._folded[text] = fold(text)
        return key

    def _add_inversions(self, entry: Entry) -> None:
        for text, partial in _variants(entry.text):
            key = self._fold(text)
            if not key:
                continue
            if partial and entry.kind in (MatchKind.OFFICIAL, MatchKind.SHORT):
                self.by_key.setdefault(key, []).append(attrs.evolve(entry, kind=MatchKind.ALIAS))
            else:
                self.by_key.setdefault(key, []).append(entry)

    def __len__(self) -> int:
        return len(self.by_key)

    def near(self, key: str) -> list[str]:
        """The keys one typing slip from `key`: a letter missing, added, changed, or two
        neighbours swapped. Keys shorter than `NEAR_SHORTEST` have no near keys."""
        if len(key) < NEAR_SHORTEST:
            return []
        if self._by_length is None:
            self._by_length = {}
            for known in self.by_key:
                if len(known) >= NEAR_SHORTEST:
                    self._by_length.setdefault(len(known), []).append(known)
        size = len(key)
        return [
            known
            for length in (size - 1, size, size + 1)
            for known in self._by_length.get(length, ())
            if known[0] in key[:2] and _one_slip(key, known)
        ]


def _one_slip(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one letter missing, added or changed, or by two
    neighbouring letters swapped."""
    if len(a) > len(b):
        a, b = b, a
    i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) == len(b):
        if i == len(a):
            return False
        return a[i + 1 :] == b[i + 1 :] or (
            a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
        )
    return len(a) + 1 == len(b) and a[i:] == b[i + 1 :]


def _doubtful(by_key: Mapping[str, list[Entry]]) -> Iterator[tuple[str, str]]:
    """The readings one general list gives in one language while another code's reading of
    the same name has two supports or more (two lists, or two languages)."""
    for key, entries in by_key.items():
        first = entries[0].code
        if all(entry.code == first for entry in entries):
            continue
        support: dict[str, set[tuple[str, str | None]]] = {}
        vetted: set[str] = set()
        for entry in entries:
            support.setdefault(entry.code, set()).update(
                (entry.origin, lang) for lang in (entry.lang, *entry.more)
            )
            if entry.vetted:
                vetted.add(entry.code)
        for code, backing in support.items():
            if code in vetted or len(backing) > 1:
                continue
            if any(len(other) > 1 for rival, other in support.items() if rival != code):
                yield key, code


def build(world_entities: Iterable[Any], subdivisions: Iterable[str]) -> NameIndex:
    """The index of a world's polities (and the subdivisions they claim)."""
    entities = list(world_entities)
    codes = frozenset(e.code for e in entities)
    entries: list[Entry] = []
    for entity in entities:
        entries.append(Entry(entity.code, entity.code, None, MatchKind.CODE, vetted=True))
        for lang in entity.names:
            entries.append(
                Entry(entity.code, entity.names[lang], lang, MatchKind.SHORT, vetted=True)
            )
        for alias in entity.aliases:
            kind = _ALIAS_KINDS[alias.kind]
            entries.append(Entry(entity.code, alias.text, alias.lang, kind, vetted=True))
    entries.extend(_pycountry_entries(codes))
    for code, texts in _cldr().items():
        if code in codes:
            for text, langs in texts.items():
                first, more = langs[0], tuple(langs[1:])
                entries.append(Entry(code, text, first, MatchKind.SHORT, more=more, origin="cldr"))
    subdivision_entries = _subdivision_entries(frozenset(subdivisions))
    entries.extend(subdivision_entries)
    entries.extend(_territory_names(entities, subdivision_entries))
    for file, document in _curated_documents():
        entries.extend(read_curated(document, file, codes))
    return NameIndex(entries, codes)


def _territory_names(entities: list[Any], subdivisions: Iterable[Entry]) -> Iterator[Entry]:
    """A polity named like the one subdivision it claims ("Abkhazia", GE-AB) takes that
    subdivision's names in every language as its own aliases ("Abchasien", "Абхазия")."""
    by_code: dict[str, list[Entry]] = {}
    for entry in subdivisions:
        if entry.kind is MatchKind.SUBDIVISION:
            by_code.setdefault(entry.code, []).append(entry)
    for entity in entities:
        if len(entity.claims) != 1 or entity.claims[0] not in by_code:
            continue
        own = {fold(text) for text in entity.names.values()}
        own.update(fold(alias.text) for alias in entity.aliases)
        named = by_code[entity.claims[0]]
        if any(fold(entry.text) in own for entry in named):
            for entry in named:
                yield Entry(entity.code, entry.text, entry.lang, MatchKind.ALIAS)
