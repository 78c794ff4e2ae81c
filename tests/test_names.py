"""Names to codes: the seed article's place names, real history, the rules, the files."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import geostate
from geostate import AmbiguousName, MatchKind, candidates, resolve
from geostate._names_index import fold, read_curated
from geostate.errors import InvalidData, InvalidValue
from geostate.names import index

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_DAY = "2022-07-14"


# Every place name of the seed article (AP, July 2022), as the article writes it.
SEED = [
    ("Séoul", "KR"),
    ("SÉOUL", "KR"),
    ("Corée du Sud", "KR"),
    ("La Corée du Nord", "KP"),
    ("la Corée du Nord", "KP"),
    ("Corée du Nord", "KP"),
    ("la République populaire démocratique de Corée", "KP"),
    ("RPDC", "KP"),
    ("Pyongyang", "KP"),
    ("la Russie", "RU"),
    ("Russie", "RU"),
    ("Fédération de Russie", "RU"),
    ("Moscou", "RU"),
    ("l’Ukraine", "UA"),
    ("l'Ukraine", "UA"),
    ("Ukraine", "UA"),
    ("les États-Unis", "US"),
    ("la Syrie", "SY"),
    # "les dirigeants des régions séparatistes de Donetsk et Louhansk": the republics
    ("Donetsk", "UA-DPR"),
    ("Louhansk", "UA-LPR"),
    ("Lougansk", "UA-LPR"),
]


@pytest.mark.parametrize(("text", "code"), SEED)
def test_seed_article_place_names(text: str, code: str) -> None:
    assert resolve(text, lang="fr", on=ARTICLE_DAY) == code
    assert resolve(text) == code


def test_donbass_names_both_republics_then_both_oblasts() -> None:
    # "Lougansk et Donetsk forment ensemble la région du Donbass"
    with pytest.raises(AmbiguousName) as raised:
        resolve("Donbass", on=ARTICLE_DAY)
    assert raised.value.codes == ("UA-DPR", "UA-LPR")
    assert [m.code for m in raised.value.matches] == ["UA-DPR", "UA-LPR", "UA-09", "UA-14"]
    assert isinstance(raised.value, LookupError)
    assert "UA-DPR" in str(raised.value)
    # Before the republics and after their annexation, the region is the two oblasts.
    for day in ("2010-01-01", "2023-06-01"):
        with pytest.raises(AmbiguousName) as raised:
            resolve("Donbas", on=day)
        assert raised.value.codes == ("UA-09", "UA-14")


def test_a_city_name_is_the_republic_while_it_exists_and_the_oblast_otherwise() -> None:
    found = candidates("Donetsk", on=ARTICLE_DAY)
    assert [(m.code, m.kind) for m in found] == [
        ("UA-DPR", MatchKind.ALIAS),
        ("UA-14", MatchKind.SUBDIVISION),
    ]
    assert resolve("Donetsk", on="2013-05-01") == "UA-14"
    assert resolve("Luhansk", on="2023-01-01") == "UA-09"
    assert resolve("Donetsk Oblast") == resolve("Донецкая область") == "UA-14"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ДНР", "UA-DPR"),
        ("République populaire de Donetsk", "UA-DPR"),
        ("la République populaire de Donetsk", "UA-DPR"),
        ("Луганская Народная Республика", "UA-LPR"),
        ("DPRK", "KP"),
        ("КНДР", "KP"),
        ("Nordkorea", "KP"),
        ("USA", "US"),
        ("UK", "GB"),
        ("UAE", "AE"),
        ("Cote d'Ivoire", "CI"),
        ("Côte d’Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("The Gambia", "GM"),
        ("Trinidad & Tobago", "TT"),
        ("St. Lucia", "LC"),
        ("Kyiv", "UA"),
        ("Kiev", "UA"),
        ("Burma", "MM"),
        ("Swaziland", "SZ"),
        ("Zaire", "CD"),
        ("Zaïre", "CD"),
        ("Abkhazia", "GE-ABK"),
        ("Transnistria", "MD-PMR"),
        ("Northern Cyprus", "CY-TRNC"),
        ("Somaliland", "SO-SML"),
        ("Kosovo", "XK"),
        ("Taiwan", "TW"),
        ("Soviet Union", "SUHH"),
        ("East Germany", "DDDE"),
        ("Czechoslovakia", "CSHH"),
        ("Malawi", "MW"),  # Toki Pona's "ma Lawi" is Latvia: one list, outvoted
        ("México", "MX"),
        ("UKR", "UA"),
        ("UA-DPR", "UA-DPR"),
    ],
)
def test_names_in_many_languages_and_forms(text: str, code: str) -> None:
    assert resolve(text) == code


def test_numeric_and_former_codes_and_flags() -> None:
    assert resolve("804") == "UA"
    assert resolve("12") == resolve("012") == "DZ"
    assert resolve("SUN") == resolve("810") == "SUHH"
    assert resolve("YUG") == "YUCS"
    assert resolve("CSK") == "CSHH"
    assert resolve("🇺🇦") == "UA"
    assert resolve("🇰🇵") == "KP"
    # Southern Rhodesia's numeric code is Zimbabwe's: the day decides.
    with pytest.raises(AmbiguousName):
        resolve("716")
    assert resolve("716", on="2000-01-01") == "ZW"


def test_codes_count_only_as_typed_in_capitals() -> None:
    assert resolve("UKR") == "UA"
    assert resolve("ukr") is None
    assert resolve("  UA-DPR ") == "UA-DPR"


def test_yugoslavia_by_date() -> None:
    assert resolve("Yugoslavia", on="1990-01-01") == "YUCS"
    assert resolve("Yugoslavia", on="2000-01-01") == "CSXX"
    assert resolve("Yugoslavia", on=dt.date(2000, 1, 1)) == "CSXX"
    assert resolve("Yugoslavia") == "YUCS"


def test_korea_and_congo() -> None:
    with pytest.raises(AmbiguousName) as raised:
        resolve("Korea")
    assert set(raised.value.codes) == {"KP", "KR"}
    assert resolve("Congo") == "CG"
    assert "CD" in [m.code for m in candidates("Congo")]


def test_lang_breaks_a_tie_between_languages() -> None:
    # "Donbass" is French, English and Russian usage alike; asked in French, the match
    # reports the French name.
    found = candidates("Donbass", lang="fr")
    assert found[0].lang == "fr"


def test_near_takes_one_typing_slip_and_says_so() -> None:
    assert resolve("Ukriane") is None
    assert resolve("Ukriane", near=True) == "UA"  # two letters swapped
    assert resolve("Untied States", near=True) == "US"
    assert resolve("Corée du Nrod", near=True) == "KP"
    match = candidates("Germny", near=True)[0]
    assert (match.code, match.name, match.score) == ("DE", "Germany", 0.85)
    # Exact matches are never second-guessed; short names are too close to each other.
    assert [m.code for m in candidates("Iraq", near=True)] == ["IQ"]
    assert candidates("Irax", near=True) == []
    assert candidates("Ukrainexx", near=True) == []  # two slips


def test_inverted_names_and_former_are_read_only_when_the_text_names_nothing() -> None:
    assert resolve("Congo (République démocratique du)") == "CD"
    assert resolve("Congo, Democratic Republic of the") == "CD"
    assert resolve("Korea, Democratic People's Republic of") == "KP"
    assert resolve("l'ex-URSS") == "SUHH"
    assert resolve("the former Yugoslavia") == "YUCS"
    assert resolve("ehemalige DDR") == "DDDE"
    assert resolve("бывший СССР") == "SUHH"
    # Read as written first: a name that merely starts with such a word stays itself.
    assert resolve("Antigua y Barbuda") == "AG"
    assert resolve("former") is None
    assert resolve("ex-Atlantis") is None


def test_a_slip_in_one_translation_does_not_make_a_name_ambiguous() -> None:
    # pycountry's Slovak catalogue gives the Gambia's formal name as Slovakia's, and its
    # Brazilian Portuguese one Afghanistan's as Pakistan's; its Persian one Eritrea's as
    # Palestine. Each is one list in one language against a reading with more support.
    assert resolve("Slovenská republika") == "SK"
    assert resolve("República Islâmica do Paquistão") == "PK"
    assert resolve("فلسطین") == "PS"
    assert ("slovenskarepublika", "GM") in index().doubtful
    # Two readings each with support stay a tie.
    with pytest.raises(AmbiguousName):
        resolve("Kongo")


def test_traditional_chinese_reads_as_simplified() -> None:
    assert fold("蘇聯") == fold("苏联")
    assert resolve("蘇聯") == resolve("苏联") == "SUHH"
    assert resolve("北塞浦路斯土耳其共和國") == "CY-TRNC"
    assert resolve("朝鮮民主主義人民共和國") == "KP"
    # Japanese kanji fold the same way in names and in what is typed; kana stay.
    assert fold("ソ連") == fold("ソ连") != fold("ソ")
    assert resolve("台灣") == resolve("台湾") == "TW"


def test_apostrophe_letters_marks_and_kana_voicing() -> None:
    # Ukrainian and Uzbek write the apostrophe as a letter; a keyboard types ' or ’.
    for typed in ("Республіка Союзу Мʼянма", "Республіка Союзу М’янма", "Республіка Союзу М'янма"):
        assert resolve(typed) == "MM"
    assert fold("Oʻzbekiston") == fold("O‘zbekiston") == fold("O'zbekiston")
    # Indic vowel signs are part of the word: Guinea and Ghana, Togo and Tonga differ.
    assert resolve("गिनी") == "GN"
    assert resolve("घाना") == "GH"
    assert fold("टोगो") != fold("टोंगा")
    # Kana voicing marks are set aside, and no two polities' names differ only by them.
    assert fold("ド") == fold("ト")
    assert resolve("ガーナ") == "GH"
    for key, entries in index().by_key.items():
        if any("\u3040" <= ch <= "\u30ff" for ch in key) and len({e.code for e in entries}) > 1:
            # A polity and a subdivision it claims, written alike: not a voicing clash.
            assert len({e.text for e in entries}) == 1, key


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # As the World Bank's tables and other panels write them.
        ("Korea, Rep.", "KR"),
        ("Korea, Dem. People's Rep.", "KP"),
        ("Congo, Dem. Rep.", "CD"),
        ("Egypt, Arab Rep.", "EG"),
        ("Iran, Islamic Rep.", "IR"),
        ("Yemen, Rep.", "YE"),
        ("Micronesia, Fed. Sts.", "FM"),
        ("Venezuela, RB", "VE"),
        ("Lao PDR", "LA"),
        ("Gambia, The", "GM"),
        ("Czech Rep.", "CZ"),
        ("Dem. Rep. Congo", "CD"),
        ("S. Korea", "KR"),
        ("N. Korea", "KP"),
        ("Solomon Is.", "SB"),
    ],
)
def test_abbreviations_are_spelled_out_when_the_text_names_nothing(text: str, code: str) -> None:
    assert resolve(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("die Vereinigten Staaten", "US"),
        ("der Heilige Stuhl", "VA"),
        ("dem Vereinigten Königreich", "GB"),
        ("den Vereinigten Arabischen Emiraten", "AE"),
        ("der Demokratischen Republik Kongo", "CD"),
        ("der Russischen Föderation", "RU"),
    ],
)
def test_a_declined_german_name_after_an_article(text: str, code: str) -> None:
    assert resolve(text) == code


def test_abbreviations_alone_name_nothing() -> None:
    assert resolve("Rep.") is None
    assert resolve("Is") is None  # not "Island", Iceland in Danish
    assert resolve("N") is None


def test_nothing_found() -> None:
    assert resolve("Atlantis") is None
    assert candidates("Atlantis") == []
    assert resolve("") is None
    assert resolve("   ") is None
    assert resolve("!!!") is None


def test_bad_arguments_are_geostate_errors() -> None:
    with pytest.raises(InvalidValue):
        resolve(42)  # type: ignore[arg-type]
    with pytest.raises(geostate.GeostateError):
        resolve("Ukraine", on="2022-13-01")
    with pytest.raises(geostate.GeostateError):
        resolve("Ukraine", lang="not a language!")


def test_the_index_is_built_on_first_use_once_per_world() -> None:
    world = geostate.load()
    assert index(world) is index(world)
    assert len(index(world)) > 40_000


def test_import_geostate_does_not_load_the_name_index() -> None:
    probe = (
        "import sys, geostate; "
        "print('geostate._names_index' in sys.modules, 'geostate.names' in sys.modules); "
        "geostate.resolve; "
        "print('geostate._names_index' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False", "True"]


def test_a_users_world_resolves_its_own_polities() -> None:
    base = geostate.load()
    assert resolve("ДНР", world=base) == "UA-DPR"


# Properties.

NAMES = sorted(
    {
        (entry.text, entry.code)
        for entries in index().by_key.values()
        for entry in entries
        if entry.lang in ("en", "fr", "de", "es")
    }
)


def _accents_off(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@given(st.sampled_from(NAMES), st.sampled_from(["", "la ", "the ", "l'", "  "]))
def test_case_accents_articles_and_spacing_do_not_change_the_answer(
    pair: tuple[str, str], article: str
) -> None:
    text, _ = pair
    if text == text.upper() and text.isascii():
        text = text.lower()  # "SCG" is also a code; compare the name's readings only
    expected = [(m.code, m.score) for m in candidates(text)]
    for variant in (text.upper(), text.lower(), _accents_off(text), article + text):
        if variant.strip() == variant.strip().upper() and variant.strip().isascii():
            continue  # an all-capitals ASCII word may be a code
        assert [(m.code, m.score) for m in candidates(variant)] == expected, variant


@given(st.sampled_from(NAMES), st.sampled_from([None, "fr", "en", "ru"]), st.dates())
def test_resolve_agrees_with_candidates(
    pair: tuple[str, str], lang: str | None, day: dt.date
) -> None:
    text, code = pair
    found = candidates(text, lang=lang, on=day)
    assert found, text
    assert code in {m.code for m in found}
    assert len({m.code for m in found}) == len(found)
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
    assert all(0 < m.score <= 1 for m in found)
    top = [m.code for m in found if m.score == found[0].score]
    if len(top) == 1:
        assert resolve(text, lang=lang, on=day) == top[0]
    else:
        with pytest.raises(AmbiguousName) as raised:
            resolve(text, lang=lang, on=day)
        assert list(raised.value.codes) == top
    # A date or a language only ever lowers scores.
    plain = {m.code: m.score for m in candidates(text)}
    assert all(m.score <= plain[m.code] for m in found)


@given(st.sampled_from(NAMES), st.sampled_from(["former ", "the former ", "l'ex-", "ehemalige "]))
def test_former_before_a_name_finds_what_the_name_finds(pair: tuple[str, str], word: str) -> None:
    text, _ = pair
    expected = [(m.code, m.score) for m in candidates(text)]
    if fold(word + text) in index().by_key:
        return  # a name of its own ("Former Yugoslav Republic of Macedonia")
    assert [(m.code, m.score) for m in candidates(word + text)] == expected


@given(st.text(max_size=30))
def test_any_text_gives_an_answer_or_none_never_a_crash(text: str) -> None:
    found = candidates(text)
    top = [m.code for m in found if m.score == found[0].score] if found else []
    if len(top) > 1:
        with pytest.raises(AmbiguousName):
            resolve(text)
    else:
        assert resolve(text) == (top[0] if top else None)


# The labelled list the benchmark uses (1,556 names in 14 languages, each with its source).
# Issue 5 asks for 97%, with no name resolved wrongly, as typed and with near=True.
@pytest.mark.parametrize("near", [False, True])
def test_labelled_list_accuracy_and_no_wrong_answers(near: bool) -> None:
    path = ROOT / "benchmarks" / "names-labelled.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 300
    assert len({row["lang"] for row in rows}) >= 6
    assert all(row["source"].startswith(("https://", "http://")) for row in rows)
    right, wrong = 0, []
    for row in rows:
        with contextlib.suppress(AmbiguousName):
            code = resolve(row["text"], near=near)
            right += code == row["code"]
            if code is not None and code != row["code"]:
                wrong.append((row["text"], code, row["code"]))
    assert wrong == []
    assert right / len(rows) >= 0.97, f"{right} of {len(rows)}"


# Curated name files.

GOOD: dict[str, Any] = {
    "code": "KP",
    "text": "Pyongyang",
    "lang": "en",
    "kind": "capital",
    "source": "https://example.org/pyongyang",
}


def test_a_curated_file_reads() -> None:
    entries = read_curated(
        {"format": "geostate-names/1", "names": [GOOD, {**GOOD, "from": "1948", "until": "1990"}]},
        "mine.json",
        frozenset({"KP"}),
    )
    assert [e.kind for e in entries] == [MatchKind.CAPITAL, MatchKind.CAPITAL]
    assert entries[1].start == dt.date(1948, 1, 1)
    assert entries[1].end == dt.date(1991, 1, 1)
    assert all(e.vetted and e.origin == "mine.json" for e in entries)
    general = read_curated(
        {"format": "geostate-names/1", "meta": {"general_list": True}, "names": [GOOD]},
        "list.json",
        frozenset({"KP"}),
    )
    assert not general[0].vetted  # a general list's names can be outweighed (docs/names.md)
    plain_http = read_curated(
        {"format": "geostate-names/1", "names": [{**GOOD, "source": "http://example.org/p"}]},
        "old.json",
        frozenset({"KP"}),
    )
    assert plain_http[0].text == GOOD["text"]


def test_a_bad_curated_file_names_every_problem() -> None:
    bad = [
        {**GOOD, "code": "ZZ"},
        {**GOOD, "source": "example.org/page"},
        {**GOOD, "kind": "nickname"},
        {**GOOD, "from": "1990-02-30"},
        {**GOOD, "from": "1990", "until": "1980"},
        {**GOOD, "text": " Pyongyang"},
        {**GOOD, "colour": "red"},
        "Pyongyang",
    ]
    with pytest.raises(InvalidData) as raised:
        read_curated({"format": "geostate-names/1", "names": bad}, "mine.json", frozenset({"KP"}))
    message = str(raised.value)
    for where in (
        "names[0].code",
        "names[1].source",
        "names[2].kind",
        "names[3].from",
        "names[4]",
        "names[5].text",
        "names[6]",
        "names[7]",
    ):
        assert where in message
    assert "mine.json" in message
    with pytest.raises(InvalidData, match="geostate-names/1"):
        read_curated({"names": []}, "mine.json", frozenset())


def test_bundled_curated_files_are_valid_and_sourced() -> None:
    folder = ROOT / "src" / "geostate" / "data" / "names"
    codes = frozenset(e.code for e in geostate.load().entities())
    files = sorted(p for p in folder.glob("*.json") if p.name != "cldr.json")
    assert files
    for path in files:
        document = json.loads(path.read_text(encoding="utf-8"))
        assert read_curated(document, path.name, codes)


def test_every_bundled_curated_name_finds_its_own_polity() -> None:
    # A curated name that another polity's name shadows entirely would be dead data: each
    # is among the candidates for its own text (on its first day, when it has dates).
    folder = ROOT / "src" / "geostate" / "data" / "names"
    lost = []
    for path in sorted(p for p in folder.glob("*.json") if p.name != "cldr.json"):
        for record in json.loads(path.read_text(encoding="utf-8"))["names"]:
            start = record.get("from")
            on = dt.date.fromisoformat(start) if start and len(start) == 10 else None
            if all(m.code != record["code"] for m in candidates(record["text"], on=on)):
                lost.append((path.name, record["code"], record["text"]))
    assert lost == []
