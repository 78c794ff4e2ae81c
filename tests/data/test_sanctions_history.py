"""The bundled sanctions record against well-known history."""

from __future__ import annotations

import pytest

import geostate


@pytest.fixture(scope="module")
def world() -> geostate.World:
    return geostate.load()


def ids(regimes: tuple[geostate.SanctionsRegime, ...]) -> set[str]:
    return {r.id for r in regimes}


def test_north_korea_on_the_article_day(world: geostate.World) -> None:
    found = world.sanctions_against("KP", on="2022-07-14")
    assert {"un-1718", "eu-dprk", "us-north-korea"} <= {m.regime.id for m in found}
    assert all(m.instruments for m in found)  # every measure with the act that imposed it
    assert world.sanctioning_authorities("KP", on="2022-07-14") >= {"UNSC", "EU", "US", "GB"}


def test_no_un_regime_on_north_korea_before_resolution_1718(world: geostate.World) -> None:
    assert world.regimes_against("KP", on="2005-01-01", by="UNSC") == ()
    assert ids(world.regimes_against("KP", on="2006-10-14", by="UNSC")) == {"un-1718"}


def test_the_1718_sectoral_bans_arrive_with_the_2016_and_2017_resolutions(
    world: geostate.World,
) -> None:
    before = world.measures_against("KP", on="2016-03-01", by="UNSC")
    after = world.measures_against("KP", on="2018-01-01", by="UNSC")
    bans = {"coal_ban", "iron_and_ore_ban", "seafood_ban", "textiles_ban", "overseas_workers_ban"}
    assert not {m.value for m in before} & bans
    assert bans <= {m.value for m in after}


def test_a_terminated_regime_is_not_in_force_after_its_end(world: geostate.World) -> None:
    # Resolution 1367 ended the 1160 regime on the Federal Republic of Yugoslavia.
    assert "un-1160" in ids(world.regimes_against("CSXX", on="2001-09-09"))
    assert "un-1160" not in ids(world.regimes_against("CSXX", on="2001-09-10"))
    assert "un-232" not in ids(world.regimes_in_force(on="1980-01-01"))


def test_the_uns_list_of_security_council_regimes(world: geostate.World) -> None:
    unsc = [r for r in world.regimes() if r.authority == "UNSC"]
    # The UN's 31 regimes since 1966, with its "Somalia and Eritrea" split in two and
    # Sudan 1996 added.
    assert len(unsc) == 33
    assert all(r.instruments[0].citation.startswith("S/RES/") for r in unsc)
    # "Today, there are 14 ongoing" (the UN's page, September 2019).
    assert len(world.regimes_in_force(on="2019-09-27", by="UNSC")) == 14


def test_iran_regime_is_not_in_force_between_implementation_day_and_the_snapback(
    world: geostate.World,
) -> None:
    assert "un-1737" in ids(world.regimes_against("IR", on="2015-12-31"))
    assert world.regimes_against("IR", on="2020-01-01", by="UNSC") == ()
    assert "un-1737" in ids(world.regimes_against("IR", on="2025-10-01"))


def test_regimes_on_occupied_ukraine_reach_the_republics_not_ukraine(
    world: geostate.World,
) -> None:
    day = "2022-07-14"
    on_dpr = ids(world.regimes_against("UA-DPR", on=day))
    assert {"eu-ukraine-ngca", "us-ukraine-dnr-lnr"} <= on_dpr
    assert on_dpr == ids(world.regimes_against("UA-14", on=day))
    assert world.regimes_against("UA", on=day) == ()
    within = {m.regime.id for m in world.sanctions_within("UA", on=day)}
    assert {"eu-ukraine-ngca", "us-ukraine-dnr-lnr", "eu-crimea", "us-crimea"} <= within


def test_the_eu_reached_kherson_and_zaporizhzhia_in_october_2022(world: geostate.World) -> None:
    assert "eu-ukraine-ngca" not in ids(world.regimes_against("UA-65", on="2022-10-05"))
    assert "eu-ukraine-ngca" in ids(world.regimes_against("UA-65", on="2022-10-06"))


def test_crimea_regimes_from_2014(world: geostate.World) -> None:
    assert ids(world.regimes_against("UA-43", on="2014-06-22")) == set()
    assert "eu-crimea" in ids(world.regimes_against("UA-43", on="2014-06-23"))
    assert "us-crimea" in ids(world.regimes_against("UA-40", on="2015-01-01"))


def test_russia_holds_a_veto_over_the_1718_regime(world: geostate.World) -> None:
    assert "RU" in world.can_veto("un-1718", on="2022-07-14")
    assert "SUHH" in world.can_veto("un-232", on="1970-01-01")
    assert world.can_veto("eu-russia", on="2022-07-14") == frozenset()


def test_the_security_council_has_ten_elected_members_every_year_from_2000(
    world: geostate.World,
) -> None:
    for year in range(2000, 2028):
        for day in (f"{year}-01-01", f"{year}-12-31"):
            elected = world.members("UNSC", on=day, role=geostate.Role.ELECTED_MEMBER)
            assert len(elected) == 10, (day, sorted(elected))
    # Italy and the Netherlands split the 2017-2018 term.
    assert "IT" in world.members("UNSC", on="2017-06-01")
    assert "NL" in world.members("UNSC", on="2018-06-01")
    assert "IT" not in world.members("UNSC", on="2018-06-01")


def test_the_eu_grew_and_the_uk_left(world: geostate.World) -> None:
    counts = {day: len(world.members("EU", on=day)) for day in (
        "1958-01-01", "1973-01-01", "1981-01-01", "1986-01-01", "1995-01-01",
        "2004-05-01", "2007-01-01", "2013-07-01", "2020-02-01",
    )}  # fmt: skip
    assert list(counts.values()) == [6, 9, 10, 12, 15, 25, 27, 28, 27]
    assert "GB" in world.members("EU", on="2020-01-31")
    assert "GB" not in world.members("EU", on="2020-02-01")
