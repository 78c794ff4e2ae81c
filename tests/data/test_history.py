"""The bundled record against well-known history, and against counts that its sources state.

Each count here is one a cited source gives for the day; docs/data.md lists them with the
sources. Counts of recognising states are of UN member states unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

import geostate
from geostate import Disputed, RelationStatus


@pytest.fixture(scope="module")
def world() -> geostate.World:
    return geostate.load()


def members_recognizing(world: geostate.World, code: str, day: str, **kw: object) -> set[str]:
    return set(world.recognizers(code, on=day, **kw)) & set(world.un_members(on=day))  # type: ignore[arg-type]


# -- Abkhazia and South Ossetia ------------------------------------------------------------


def test_abkhazias_recognisers_on_2010_01_01(world: geostate.World) -> None:
    # Nauru, on 2009-12-15, was "the fourth country" (The Moscow Times).
    assert members_recognizing(world, "GE-ABK", "2010-01-01") == {"RU", "NI", "VE", "NR"}


def test_tuvalu_was_abkhazias_sixth_and_south_ossetias_fifth(world: geostate.World) -> None:
    # St Petersburg Times, 2011-09-28.
    assert len(members_recognizing(world, "GE-ABK", "2011-09-28")) == 6
    assert len(members_recognizing(world, "GE-SOS", "2011-09-28")) == 5


def test_after_tuvalus_withdrawal_four_recognise_each(world: geostate.World) -> None:
    # agenda.ge, 2014-03-31: "reduced to four".
    for code in ("GE-ABK", "GE-SOS"):
        assert members_recognizing(world, code, "2014-03-31") == {"RU", "NI", "VE", "NR"}


def test_syria_is_the_fifth_since_2018(world: geostate.World) -> None:
    for code in ("GE-ABK", "GE-SOS"):
        assert members_recognizing(world, code, "2018-05-28") == {"RU", "NI", "VE", "NR"}
        assert members_recognizing(world, code, "2026-11-28") == {"RU", "NI", "VE", "NR", "SY"}


def test_georgia_severed_relations_with_russia_over_its_recognition(
    world: geostate.World,
) -> None:
    assert world.relations("GE", "RU", on="2008-08-30") is RelationStatus.SEVERED
    fact = world.relations_fact("RU", "GE", on="2008-08-30")
    assert fact is not None
    assert fact.initiated_by == "GE"
    assert fact.in_response_to is not None
    answered = world.event(fact.in_response_to)
    assert isinstance(answered, geostate.Recognized)
    assert answered.recognizer == "RU"


def test_georgia_severed_relations_with_syria_the_day_syria_recognised(
    world: geostate.World,
) -> None:
    assert world.relations("GE", "SY", on="2018-05-29") is RelationStatus.SEVERED


def test_the_de_facto_states_recognise_one_another(world: geostate.World) -> None:
    assert world.mutually_recognize("GE-ABK", "GE-SOS", on="2010-01-01")
    assert "GE-SOS" in world.recognizers("UA-LPR", on="2014-06-30")
    assert "GE-ABK" not in world.recognizers("UA-DPR", on="2022-02-24")
    assert "GE-ABK" in world.recognizers("UA-DPR", on="2022-02-25")


# -- Taiwan -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "allies"),
    [
        ("1998-11-21", 27),  # AFP: "now stands at 27"
        ("2003-10-13", 26),  # AP
        ("2005-01-21", 25),  # AsiaNews
        ("2007-06-08", 24),  # BBC, after Costa Rica
        ("2008-01-15", 23),  # BBC, after Malawi
        ("2013-11-19", 22),  # AFP, after the Gambia
        ("2023-03-27", 13),  # Reuters, after Honduras
        ("2024-01-16", 12),  # Liberty Times, after Nauru
    ],
)
def test_taiwans_allies_match_the_counts_reported_at_each_switch(
    world: geostate.World, day: str, allies: int
) -> None:
    assert len(world.recognizers("TW", on=day)) == allies


def test_taiwans_allies_today_are_eleven_un_members_and_the_holy_see(
    world: geostate.World,
) -> None:
    allies = world.recognizers("TW", on="2026-11-28")
    assert len(allies) == 12
    assert "VA" in allies
    assert str(world.recognition_share("TW", on="2026-11-28")) == "11 of 193"


def test_a_switch_to_beijing_withdraws_recognition_of_taiwan(world: geostate.World) -> None:
    assert "HN" in world.recognizers("TW", on="2023-03-24")
    assert "HN" not in world.recognizers("TW", on="2023-03-27")


# -- Palestine --------------------------------------------------------------------------------


def test_palestine_was_declared_in_algiers_in_1988(world: geostate.World) -> None:
    assert str(world.lifespan("PS").start) == "1988-11-15"
    assert world.recognizers("PS", on="1988-11-14") == frozenset()


@pytest.mark.parametrize(
    ("day", "count", "policy"),
    [
        ("2015-09-14", 136, Disputed.INCLUDE),  # Wikipedia: 136 of 193
        ("2019-07-31", 138, Disputed.INCLUDE),  # Wikipedia: 138 of 193
        # AFP, 2024-05-28, "145 of 193" and 157 after September 2025: both leave out
        # Mexico, whose recognition Palestine asserts and Mexico disputes.
        ("2024-05-28", 145, Disputed.EXCLUDE),
        ("2025-09-23", 157, Disputed.EXCLUDE),
    ],
)
def test_palestines_recognisers_match_the_counts_sources_state(
    world: geostate.World, day: str, count: int, policy: Disputed
) -> None:
    assert world.recognition_share("PS", on=day, disputed=policy).count == count


def test_the_2024_and_2025_waves(world: geostate.World) -> None:
    for code in ("ES", "IE", "NO"):
        assert code not in world.recognizers("PS", on="2024-05-27")
        assert code in world.recognizers("PS", on="2024-05-28")
    for code in ("GB", "CA", "AU", "FR"):
        assert code in world.recognizers("PS", on="2025-09-30")


# -- the other entities --------------------------------------------------------------------


def test_only_turkey_recognises_northern_cyprus(world: geostate.World) -> None:
    assert world.recognizers("CY-TRNC", on="2024-11-15") == {"TR"}
    assert world.recognizers("CY-TRNC", on="1983-11-15") == {"TR"}


def test_israel_is_the_first_to_recognise_somaliland(world: geostate.World) -> None:
    assert world.recognizers("SO-SML", on="2025-12-25") == frozenset()
    assert world.recognizers("SO-SML", on="2025-12-26") == {"IL"}


def test_the_republic_of_crimea_lasted_from_march_17_to_18_2014(world: geostate.World) -> None:
    assert world.recognizers("UA-CRM", on="2014-03-17") == {"RU"}
    assert not world.exists("UA-CRM", on="2014-03-18")
    assert world.exists("UA-CRM", on="2014-03-18", disputed=Disputed.EXCLUDE)


def test_artsakh_ends_with_2023(world: geostate.World) -> None:
    assert world.exists("AZ-NKR", on="2023-12-31")
    assert not world.exists("AZ-NKR", on="2024-01-01")
    assert world.recognizers("AZ-NKR", on="2024-01-01") == frozenset()


def test_no_un_member_recognises_transnistria(world: geostate.World) -> None:
    day = dt.date(1990, 1, 1)
    while day <= dt.date(2026, 12, 31):
        assert world.recognition_share("MD-PMR", on=day).count == 0
        day += dt.timedelta(days=91)


# -- UN membership ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "count"),
    [
        ("1945-12-31", 51),  # the original members
        ("1958-12-31", 82),  # Egypt and Syria as one member, the United Arab Republic
        ("1990-12-31", 159),  # after the two Germanys and the two Yemens united
        ("1992-12-31", 179),  # Czechoslovakia's last day
        ("1993-12-31", 184),
        ("2002-12-31", 191),  # "As of November 2002, the UN had 191 member states"
        ("2006-12-31", 192),  # Montenegro, 2006-06-28
        ("2011-12-31", 193),  # South Sudan, 2011-07-14
    ],
)
def test_un_membership_matches_the_uns_growth_table(
    world: geostate.World, day: str, count: int
) -> None:
    assert len(world.un_members(on=day)) == count


def test_dissolved_members_leave_and_their_successors_arrive(world: geostate.World) -> None:
    assert {"CSHH", "DDDE", "YDYE", "YUCS"} <= world.un_members(on="1989-01-01")
    assert "DDDE" not in world.un_members(on="1990-10-03")
    assert "CSHH" in world.un_members(on="1992-12-31")
    assert not {"CSHH"} & world.un_members(on="1993-01-01")
    assert "CSXX" in world.un_members(on="2001-01-01")
    assert "RS" in world.un_members(on="2006-06-03")
    assert "CSXX" not in world.un_members(on="2006-06-03")


def test_every_current_member_has_an_admission_date(world: geostate.World) -> None:
    members = world.un_members(on="2026-11-28")
    assert len(members) == 193
    admitted = {m.member: m.start for m in world.authority("UN").memberships if m.member in members}
    assert set(admitted) == members
    assert all(start is not None for start in admitted.values())
