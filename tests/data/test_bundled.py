"""Checks on the bundled data: it loads, every fact is sourced, codes are valid."""

from __future__ import annotations

import json
from importlib import resources

import pytest

import geostate
from geostate.codes import CodeKind, kind_of

DATA = resources.files("geostate") / "data"
FILES = sorted(entry.name for entry in DATA.iterdir() if entry.name.endswith(".json"))


@pytest.fixture(scope="module")
def world() -> geostate.World:
    return geostate.load()


@pytest.mark.parametrize("name", FILES)
def test_each_file_is_a_document_with_a_meta_header(name: str) -> None:
    document = json.loads((DATA / name).read_text(encoding="utf-8"))
    assert document["format"] == "geostate/1"
    assert document["meta"]["covers"]
    assert document["meta"]["checked"]


@pytest.mark.parametrize("name", FILES)
def test_each_file_is_written_as_dumps_would(name: str) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    assert text.endswith("\n")
    assert json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n" == text


def test_every_fact_cites_an_https_source(world: geostate.World) -> None:
    for event in world.events():
        assert any(s.url.startswith("https://") for s in event.sources), event.id
    for regime in world.regimes():
        for instrument in regime.instruments:
            assert any(s.url.startswith("https://") for s in instrument.sources), (
                instrument.citation
            )
    for authority in world.authorities():
        for membership in authority.memberships:
            assert any(s.url.startswith("https://") for s in membership.sources), membership.member


def test_every_dissolved_state_has_its_end(world: geostate.World) -> None:
    for entity in world.entities():
        if kind_of(entity.code) is CodeKind.DISSOLVED_STATE:
            assert world.lifespan(entity.code).end is not None, entity.code


def test_every_code_is_valid(world: geostate.World) -> None:
    for entity in world.entities():
        kind_of(entity.code)
    for regime in world.regimes():
        assert regime.authority in {a.code for a in world.authorities()}


def test_sanctions_instruments_are_dated_within_their_regime_and_measures_known(
    world: geostate.World,
) -> None:
    for regime in world.regimes():
        end = regime.end
        for instrument in regime.instruments:
            assert regime.start.sort_key() <= instrument.date.sort_key()
            assert end is None or instrument.date.sort_key() <= end.sort_key()
            assert all(
                isinstance(m, geostate.Measure) for m in (*instrument.imposes, *instrument.lifts)
            )


def test_the_seed_articles_facts_are_present(world: geostate.World) -> None:
    expected = {
        "ru-recognizes-ua-dpr": "2022-02-21",
        "ru-recognizes-ua-lpr": "2022-02-21",
        "sy-recognizes-ua-dpr": "2022-06-29",
        "sy-recognizes-ua-lpr": "2022-06-29",
        "kp-recognizes-ua-dpr": "2022-07-13",
        "kp-recognizes-ua-lpr": "2022-07-13",
        "ua-severs-kp": "2022-07-13",
        "ua-severs-ru": "2022-02-24",
        "ru-annexes-ua-dpr": "2022-09-30",
        "ru-annexes-ua-lpr": "2022-09-30",
    }
    assert {key: str(world.event(key).date) for key in expected} == expected
    un1718 = world.regime("un-1718")
    assert str(un1718.start) == "2006-10-14"
    assert un1718.authority == "UNSC"


def test_data_version_is_exposed() -> None:
    assert geostate.DATA_VERSION[:4].isdigit()


def test_every_polity_in_question_is_described_in_full(world: geostate.World) -> None:
    """Names in English, French, Russian and a local language; aliases; a Wikidata id; the
    state it broke from or that claims it; a recorded beginning (Taiwan's is not one)."""
    reports = world.recognition_report(on="2026-11-28")
    assert len(reports) >= 13
    for report in reports:
        entity = world.entity(report.code)
        assert {"en", "fr", "ru"} <= set(entity.names), entity.code
        assert len(entity.names) >= 4, entity.code
        assert entity.aliases, entity.code
        assert entity.qid, entity.code
        if entity.code not in {"PS"}:
            assert entity.parent, entity.code
        if entity.code != "TW":
            assert world.lifespan(entity.code).start is not None, entity.code


def test_every_fact_about_a_polity_in_question_is_sourced_and_dated(world: geostate.World) -> None:
    facts = [
        e
        for e in world.events()
        if isinstance(e, geostate.Recognized | geostate.RecognitionWithdrawn)
    ]
    assert len(facts) >= 250
    for fact in facts:
        assert fact.sources, fact.id
        assert all(s.title and s.publisher for s in fact.sources), fact.id
