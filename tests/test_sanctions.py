"""Sanctions through territory: what a regime on a territory reaches, and what it does not."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import geostate

GEOSTATE = Path(sys.executable).parent / "geostate"


def _source(n: int) -> dict[str, str]:
    return {"url": f"https://example.org/{n}", "title": f"Act {n}", "publisher": "Example"}


def _instrument(citation: str, date: str, *, imposes: list[str], **more: Any) -> dict[str, Any]:
    return {
        "citation": citation,
        "title": citation,
        "date": date,
        "imposes": imposes,
        "sources": [_source(len(citation))],
        **more,
    }


DOCUMENT: dict[str, Any] = {
    "format": "geostate/1",
    "entities": [
        {"type": "state", "code": "UA", "names": {"en": "Ukraine"}},
        {"type": "state", "code": "KP", "names": {"en": "North Korea"}},
        {"type": "state", "code": "RU", "names": {"en": "Russia"}},
        {"type": "state", "code": "US", "names": {"en": "United States"}},
        {"type": "breakaway_region", "code": "UA-DPR", "names": {"en": "DPR"}, "parent": "UA",
         "claims": ["UA-14"]},
    ],
    "authorities": [
        {"code": "EU", "names": {"en": "European Union"}, "kind": "international_organization",
         "sources": [_source(1)]},
        {"code": "US", "names": {"en": "United States"}, "kind": "state", "sources": [_source(2)]},
        {"code": "UNSC", "names": {"en": "Security Council"}, "kind": "international_organization",
         "sources": [_source(3)],
         "memberships": [
             {"member": "RU", "role": "permanent_member", "start": "1991-12-24", "veto": True,
              "sources": [_source(4)]},
             {"member": "US", "role": "permanent_member", "start": "1945-10-24", "veto": True,
              "sources": [_source(5)]},
         ]},
    ],
    "regimes": [
        {"id": "eu-ngca", "authority": "EU", "names": {"en": "EU: non-government-controlled areas"},
         "targets": [
             {"code": "UA-14", "scope": "territory"},
             {"code": "UA-23", "scope": "territory", "start": "2022-10-06"},
         ],
         "instruments": [
             _instrument("Decision 2022/266", "2022-02-23", imposes=["import_restrictions"])
         ]},
        {"id": "us-dnr", "authority": "US", "names": {"en": "US: so-called DNR"},
         "targets": [{"code": "UA-DPR", "scope": "territory"}],
         "instruments": [_instrument("EO 14065", "2022-02-21", imposes=["investment_ban"])]},
        {"id": "us-ukraine-territory", "authority": "US",
         "names": {"en": "US: all of Ukraine's territory"},
         "targets": [{"code": "UA", "scope": "territory"}],
         "instruments": [_instrument("EO 1", "2022-01-01", imposes=["travel_ban"])]},
        {"id": "un-kp", "authority": "UNSC", "names": {"en": "UN: North Korea"},
         "targets": [{"code": "KP"}],
         "instruments": [
             _instrument("S/RES/1", "2006-10-14", imposes=["arms_embargo"]),
             _instrument("S/RES/2", "2030-01-01", imposes=[], terminates=True),
         ]},
        {"id": "un-isil", "authority": "UNSC", "names": {"en": "UN: ISIL"}, "targets": [],
         "note": "Against ISIL and Al-Qaida and those associated with them, wherever they are.",
         "instruments": [_instrument("S/RES/3", "1999-10-15", imposes=["asset_freeze"])]},
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def world() -> geostate.World:
    return geostate.loads(json.dumps(DOCUMENT))


def ids(regimes: tuple[geostate.SanctionsRegime, ...]) -> list[str]:
    return [r.id for r in regimes]


def test_a_breakaway_is_reached_through_itself_and_the_territory_it_claims(
    world: geostate.World,
) -> None:
    assert ids(world.regimes_against("UA-DPR", on="2022-07-14")) == ["eu-ngca", "us-dnr"]
    via = {
        m.regime.id: [t.code for t in m.via]
        for m in world.sanctions_against("UA-DPR", on="2022-07-14")
    }
    assert via == {"eu-ngca": ["UA-14"], "us-dnr": ["UA-DPR"]}


def test_a_territory_is_reached_through_itself_and_the_breakaways_claiming_it(
    world: geostate.World,
) -> None:
    assert ids(world.regimes_against("UA-14", on="2022-07-14")) == ["eu-ngca", "us-dnr"]
    assert ids(world.regimes_against("ua-14", on="2022-07-14", by="EU")) == ["eu-ngca"]


def test_a_regime_on_territory_is_not_a_regime_on_the_states_government(
    world: geostate.World,
) -> None:
    assert world.regimes_against("UA", on="2022-07-14") == ()
    within = {m.regime.id for m in world.sanctions_within("UA", on="2022-07-14")}
    assert within == {"eu-ngca", "us-dnr", "us-ukraine-territory"}


def test_a_target_added_later_is_reached_from_its_own_start(world: geostate.World) -> None:
    assert world.regimes_against("UA-23", on="2022-10-05") == ()
    assert ids(world.regimes_against("UA-23", on="2022-10-06")) == ["eu-ngca"]
    assert world.regimes_against("UA-14", on="2022-02-20") == ()  # before either act


def test_a_terminated_regime_is_not_in_force_after_its_end(world: geostate.World) -> None:
    assert ids(world.regimes_against("KP", on="2029-12-31")) == ["un-kp"]
    assert world.regimes_against("KP", on="2030-01-01") == ()
    assert world.regimes_against("KP", on="2006-10-13") == ()


def test_authorities_sanctioning_and_who_can_veto(world: geostate.World) -> None:
    assert world.sanctioning_authorities("UA-DPR", on="2022-07-14") == {"EU", "US"}
    assert world.can_veto("un-kp", on="2022-07-14") == {"RU", "US"}
    assert world.can_veto("un-kp", on="1990-01-01") == {"US"}
    assert world.can_veto("eu-ngca", on="2022-07-14") == frozenset()


def test_a_regime_with_no_polity_target_must_say_whom_it_is_against() -> None:
    document = json.loads(json.dumps(DOCUMENT))
    del document["regimes"][-1]["note"]
    with pytest.raises(geostate.InvalidData, match=r"regimes\[4\].*note saying whom"):
        geostate.loads(json.dumps(document))


def test_a_target_must_end_after_it_starts() -> None:
    with pytest.raises(geostate.InvalidValue, match="not after start"):
        geostate.Target(
            code="UA-14",
            scope=geostate.TargetScope.TERRITORY,
            start=geostate.PartialDate.parse("2022-10-06"),
            end=geostate.PartialDate.parse("2022-10-01"),
        )


def test_the_regimes_round_trip(world: geostate.World) -> None:
    assert geostate.loads(geostate.dumps(world)) == world


def test_the_command_separates_sanctions_on_a_state_from_those_within_it(tmp_path: Path) -> None:
    path = tmp_path / "world.json"
    path.write_text(json.dumps(DOCUMENT), encoding="utf-8")

    def run(*args: str) -> Any:
        result = subprocess.run(
            [str(GEOSTATE), "--data", str(path), "sanctions", *args, "--json"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        return json.loads(result.stdout)

    on_ukraine = run("UA", "--on", "2022-11-01")
    assert on_ukraine["regimes"] == []
    assert [r["id"] for r in on_ukraine["within"]] == ["eu-ngca", "us-dnr", "us-ukraine-territory"]
    on_donetsk = run("ua-14", "--on", "2022-11-01")
    assert on_donetsk["target"] == "UA-14"
    assert on_donetsk["name"] == "Donetska oblast"
    assert [(r["id"], [v["code"] for v in r["via"]]) for r in on_donetsk["regimes"]] == [
        ("eu-ngca", ["UA-14"]),
        ("us-dnr", ["UA-DPR"]),
    ]
    measures = on_donetsk["regimes"][0]["measures"]
    assert measures[0]["measure"] == "import_restrictions"
    assert measures[0]["instruments"][0]["citation"] == "Decision 2022/266"
