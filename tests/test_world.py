"""The seed article's questions, asked of the bundled world, and the World's query API."""

from __future__ import annotations

import datetime as dt

import pytest

import geostate
from geostate import Disputed, Measure, RelationStatus

DAY_BEFORE = dt.date(2022, 7, 12)
ARTICLE_DAY = dt.date(2022, 7, 14)


@pytest.fixture(scope="module")
def world() -> geostate.World:
    return geostate.load()


@pytest.mark.parametrize("entity", ["UA-DPR", "UA-LPR"])
def test_recognisers_of_the_peoples_republics_over_2022(world: geostate.World, entity: str) -> None:
    def states(day: dt.date | str) -> frozenset[str]:
        """The UN member states among the recognisers: the seed article's subject."""
        return world.recognizers(entity, on=day) & world.un_members(on=day)

    assert states(dt.date(2021, 1, 1)) == frozenset()
    assert states(dt.date(2022, 2, 20)) == frozenset()
    assert states(dt.date(2022, 2, 21)) == {"RU"}
    assert states(dt.date(2022, 6, 29)) == {"RU", "SY"}
    assert states(DAY_BEFORE) == {"RU", "SY"}
    assert states(dt.date(2022, 7, 13)) == {"RU", "SY", "KP"}
    assert states(ARTICLE_DAY) == {"RU", "SY", "KP"}
    # Besides them, two de facto states: South Ossetia since 2014, Abkhazia since 2022.
    assert world.recognizers(entity, on=ARTICLE_DAY) == {"RU", "SY", "KP", "GE-ABK", "GE-SOS"}
    assert world.recognizers(entity, on=dt.date(2022, 2, 24)) == {"RU", "GE-SOS"}
    assert world.recognizers(entity, on=dt.date(2022, 2, 25)) == {"RU", "GE-SOS", "GE-ABK"}


def test_north_korea_recognises_both_republics(world: geostate.World) -> None:
    republics = {"UA-DPR", "UA-LPR"}
    assert world.recognized_by("KP", on=ARTICLE_DAY) & republics == republics
    assert world.recognized_by("KP", on=DAY_BEFORE) & republics == frozenset()
    assert "PS" in world.recognized_by("KP", on=DAY_BEFORE)  # Palestine, since 1988
    assert not world.mutually_recognize("KP", "UA-DPR", on=ARTICLE_DAY)


def test_ukraine_north_korea_relations_before_and_after_the_recognition(
    world: geostate.World,
) -> None:
    assert world.relations("UA", "KP", on=dt.date(1991, 1, 1)) is RelationStatus.UNKNOWN
    assert world.relations("UA", "KP", on=dt.date(2000, 1, 1)) is RelationStatus.ESTABLISHED
    assert world.relations("UA", "KP", on=DAY_BEFORE) is RelationStatus.SUSPENDED
    assert world.relations("UA", "KP", on=ARTICLE_DAY) is RelationStatus.SEVERED
    assert world.relations("KP", "UA", on=ARTICLE_DAY) is RelationStatus.SEVERED


def test_ukraine_severed_in_response_to_north_koreas_recognition(world: geostate.World) -> None:
    severance = world.relations_fact("UA", "KP", on=ARTICLE_DAY)
    assert isinstance(severance, geostate.RelationsSevered)
    assert severance.initiated_by == "UA"
    answered = world.event(severance.in_response_to or "")
    assert isinstance(answered, geostate.Recognized)
    assert (answered.recognizer, answered.subject) == ("KP", "UA-DPR")
    assert str(severance.date) == "2022-07-13"


def test_suspension_is_dated_no_more_precisely_than_its_sources(world: geostate.World) -> None:
    suspension = world.event("ua-suspends-kp-contacts")
    assert suspension.date.on_or_before
    assert str(suspension.date) == "[..2016-08-31]"


def test_ukraine_severed_relations_with_russia_and_syria(world: geostate.World) -> None:
    assert world.relations("UA", "RU", on=dt.date(2022, 2, 24)) is RelationStatus.SEVERED
    assert world.relations("UA", "SY", on=dt.date(2022, 6, 29)) is RelationStatus.UNKNOWN
    assert world.relations("UA", "SY", on=dt.date(2022, 6, 30)) is RelationStatus.SEVERED
    syria = world.relations_fact("SY", "UA", on=dt.date(2022, 7, 20))
    assert syria is not None
    assert syria.initiated_by == "SY"


def test_separatists_held_territory_since_2014(world: geostate.World) -> None:
    for code, claimed, declared in (
        ("UA-DPR", "UA-14", "2014-04-07"),
        ("UA-LPR", "UA-09", "2014-04-27"),
    ):
        entity = world.entity(code)
        assert isinstance(entity, geostate.BreakawayRegion)
        assert entity.parent == "UA"
        assert entity.claims == (claimed,)
        assert entity.patron == "RU"
        assert str(world.lifespan(code).start) == declared


def test_annexation_is_russias_disputed_assertion(world: geostate.World) -> None:
    ending = world.event("ru-annexes-ua-dpr")
    assert isinstance(ending, geostate.EntityEnded)
    assert ending.absorbed_into == "RU"
    assert ending.asserted_by == ("RU",)
    assert "UA" in ending.disputed_by
    after = dt.date(2023, 1, 1)
    assert world.recognizers("UA-DPR", on=after) == frozenset()
    assert not world.exists("UA-DPR", on=after)
    leave_out = Disputed.EXCLUDE
    assert world.exists("UA-DPR", on=after, disputed=leave_out)
    assert world.recognizers("UA-DPR", on=after, disputed=leave_out) == {
        "RU",
        "SY",
        "KP",
        "GE-ABK",
        "GE-SOS",
    }


def test_regimes_and_measures_against_north_korea_on_the_article_day(world: geostate.World) -> None:
    regimes = world.regimes_against("KP", on=ARTICLE_DAY)
    assert [r.id for r in regimes] == ["eu-dprk", "uk-dprk", "un-1718", "us-north-korea"]
    assert {r.program for r in regimes} == {"UN-SC1718", "EU-PRK", "US-NK", "GB-DPRK"}
    un = world.measures_against("KP", on=ARTICLE_DAY, by="UNSC")
    assert {Measure.ARMS_EMBARGO, Measure.ASSET_FREEZE, Measure.TRAVEL_BAN, Measure.COAL_BAN} <= un
    assert Measure.INVESTMENT_BAN in world.measures_against("KP", on=ARTICLE_DAY, by="US")


def test_the_1718_regime_over_time(world: geostate.World) -> None:
    assert world.regimes_against("KP", on=dt.date(2005, 1, 1)) == ()
    assert [r.id for r in world.regimes_against("KP", on=dt.date(2006, 10, 14), by="UNSC")] == [
        "un-1718"
    ]
    assert Measure.COAL_BAN not in world.measures_against("KP", on=dt.date(2016, 3, 1), by="UNSC")
    assert Measure.COAL_BAN in world.measures_against("KP", on=dt.date(2016, 3, 2), by="UNSC")
    coal = [
        m
        for m in world.sanctions_against("KP", on=ARTICLE_DAY, by="UNSC")
        if m.measure is Measure.COAL_BAN
    ]
    assert [i.citation for i in coal[0].instruments] == [
        "S/RES/2270 (2016)",
        "S/RES/2321 (2016)",
        "S/RES/2371 (2017)",
    ]


def test_russia_holds_a_veto_as_a_permanent_member(world: geostate.World) -> None:
    assert world.veto_holders(on=ARTICLE_DAY) == {"CN", "FR", "GB", "RU", "US"}
    assert world.members("UNSC", on=ARTICLE_DAY, role=geostate.Role.PERMANENT_MEMBER) == {
        "CN",
        "FR",
        "GB",
        "RU",
        "US",
    }
    assert "RU" not in world.veto_holders(on=dt.date(1991, 12, 23))


def test_un_membership_and_share(world: geostate.World) -> None:
    assert len(world.un_members(on=ARTICLE_DAY)) == 193
    # The 51 original members.
    assert len(world.un_members(on=dt.date(1945, 12, 31))) == 51
    assert "SS" not in world.un_members(on=dt.date(2011, 7, 13))
    assert "SS" in world.un_members(on=dt.date(2011, 7, 14))
    share = world.recognition_share("UA-DPR", on=ARTICLE_DAY)
    assert (share.count, share.total) == (3, 193)
    assert str(share) == "3 of 193"


def test_timeline_and_changes(world: geostate.World) -> None:
    timeline = [e.id for e in world.timeline("UA-DPR")]
    assert timeline[0] == "ua-dpr-proclaimed"
    assert timeline.index("ru-recognizes-ua-dpr") < timeline.index("kp-recognizes-ua-dpr")
    july = [e.id for e in world.changes("2022-07-01", "2022-07-31")]
    assert "kp-recognizes-ua-dpr" in july
    assert "ua-severs-kp" in july
    assert "ru-recognizes-ua-dpr" not in july


def test_queries_forgive_case_and_space_but_name_unknown_codes(world: geostate.World) -> None:
    assert world.recognizers(" ua-dpr ", on=ARTICLE_DAY) == world.recognizers(
        "UA-DPR", on=ARTICLE_DAY
    )
    with pytest.raises(geostate.UnknownEntity, match="XX") as caught:
        world.recognizers("XX", on=ARTICLE_DAY)
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, geostate.GeostateError)
    with pytest.raises(geostate.UnknownEntity, match="no facts"):
        world.entity("FK")  # a valid ISO code this world holds nothing on
    with pytest.raises(geostate.UnknownAuthority, match="UNSC"):
        world.regimes_against("KP", on=ARTICLE_DAY, by="NATO")
    with pytest.raises(geostate.InvalidDate):
        world.recognizers("UA-DPR", on="14/07/2022")


def test_entities_are_in_code_order(world: geostate.World) -> None:
    codes = [e.code for e in world.entities()]
    assert codes == sorted(codes)
    assert world.entity("KP").name == "North Korea"
    assert world.entity("UA-DPR").names["fr"] == "République populaire de Donetsk"


def test_on_defaults_to_today(world: geostate.World) -> None:
    assert world.recognizers("UA-DPR") == world.recognizers("UA-DPR", on=dt.date.today())


@pytest.mark.parametrize(
    ("field", "item"),
    [("entities", "UA"), ("events", 1), ("authorities", None), ("regimes", "un-1718")],
)
def test_a_world_of_the_wrong_kinds_of_object_is_refused_clearly(field: str, item: object) -> None:
    with pytest.raises(geostate.InvalidData, match=rf"{field}\[0\]: expected") as caught:
        geostate.World(**{field: [item]})  # type: ignore[arg-type]
    assert [p.path for p in caught.value.problems] == [f"{field}[0]"]


def test_world_repr_is_a_summary(world: geostate.World) -> None:
    assert repr(world) == (
        f"<World: {len(world.entities())} entities, {len(world.events())} events, "
        f"{len(world.authorities())} authorities, {len(world.regimes())} regimes>"
    )


@pytest.mark.parametrize("entity", ["UA-DPR", "UA-LPR"])
def test_no_day_lists_a_recogniser_the_data_does_not_hold(
    world: geostate.World, entity: str
) -> None:
    held = {
        e.recognizer
        for e in world.events()
        if isinstance(e, geostate.Recognized) and e.subject == entity
    }
    assert held == {"RU", "SY", "KP", "GE-ABK", "GE-SOS"}
    day, last = dt.date(2013, 1, 1), dt.date(2027, 12, 31)
    seen: set[str] = set()
    while day <= last:
        found = world.recognizers(entity, on=day)
        assert found <= held, (day, found)
        seen |= found
        day += dt.timedelta(days=1)
    assert seen == held
