"""The identifier scheme (`geostate.codes`): forgiving queries, strict documents."""

from __future__ import annotations

import json

import pytest

import geostate
from geostate.codes import (
    CodeKind,
    check_entity_code,
    check_subdivision_code,
    is_subdivision_code,
    kind_of,
    normalize,
    subdivision_name,
)

# -- normalize: the forgiving form queries use ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (" ua-dpr ", "UA-DPR"),
        ("ua-dpr", "UA-DPR"),
        ("kp", "KP"),
        ("Kp", "KP"),
        ("\tsuhh\n", "SUHH"),
        ("UA", "UA"),
    ],
)
def test_normalize_strips_space_and_upper_cases(text: str, code: str) -> None:
    assert normalize(text) == code


def test_normalize_changes_only_the_form_not_whether_the_code_exists() -> None:
    assert normalize("zz") == "ZZ"  # not a code; kind_of says so, not normalize
    with pytest.raises(geostate.InvalidCode):
        kind_of(normalize("zz"))


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_normalize_refuses_empty_text(text: str) -> None:
    with pytest.raises(geostate.InvalidCode, match="cannot be empty"):
        normalize(text)


@pytest.mark.parametrize("value", [5, None, b"UA", ["UA"]])
def test_normalize_refuses_what_is_not_text(value: object) -> None:
    with pytest.raises(geostate.InvalidCode, match="a code is a string"):
        normalize(value)  # type: ignore[arg-type]


# -- kind_of: what a canonical code names -----------------------------------------------------


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("UA", CodeKind.STATE),
        ("KP", CodeKind.STATE),
        ("XK", CodeKind.STATE),  # Kosovo: user-assigned, treated as alpha-2
        ("SUHH", CodeKind.DISSOLVED_STATE),  # the Soviet Union, ISO 3166-3
        ("YUCS", CodeKind.DISSOLVED_STATE),
        ("UA-DPR", CodeKind.BREAKAWAY),
        ("UA-LPR", CodeKind.BREAKAWAY),
        ("MD-PMR", CodeKind.BREAKAWAY),
        ("GE-ABX", CodeKind.BREAKAWAY),  # what kind_of suggests instead of GE-AB
    ],
)
def test_kind_of(code: str, kind: CodeKind) -> None:
    assert kind_of(code) is kind
    assert check_entity_code(code) == code


def test_ge_ab_is_refused_as_a_breakaway_code() -> None:
    # GE-AB is the ISO 3166-2 code of the Georgian subdivision Abkhazia claims.
    with pytest.raises(geostate.InvalidCode) as caught:
        kind_of("GE-AB")
    message = str(caught.value)
    assert "ISO 3166-2 subdivision code" in message
    assert "Abkhazia" in message
    assert "'GE-ABX'" in message  # a code that would do
    with pytest.raises(geostate.InvalidCode):
        check_entity_code("GE-AB")


def test_a_breakaway_region_cannot_be_coded_ge_ab() -> None:
    with pytest.raises(geostate.InvalidCode, match="subdivision") as caught:
        geostate.BreakawayRegion(
            code="GE-AB", names=geostate.Names({"en": "Abkhazia"}), parent="GE"
        )
    assert caught.value.field == "code"


def test_md_sn_is_refused_like_ge_ab() -> None:
    # Transnistria's ISO 3166-2 code; geostate's own is MD-PMR.
    assert is_subdivision_code("MD-SN")
    with pytest.raises(geostate.InvalidCode, match="ISO 3166-2 subdivision code"):
        kind_of("MD-SN")


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("XX", "not an ISO 3166-1 alpha-2 code"),
        ("SUHX", "not an ISO 3166-3 code"),
        ("ZZ-DPR", "'ZZ' is not one"),
        ("UA-14", "not a geostate code"),  # a subdivision, not a polity
        ("UAA", "not a geostate code"),
        ("U", "not a geostate code"),
        ("UA-D", "not a geostate code"),
        ("UA_DPR", "not a geostate code"),
    ],
)
def test_unknown_codes_are_refused(code: str, said: str) -> None:
    with pytest.raises(geostate.InvalidCode, match=said):
        kind_of(code)


@pytest.mark.parametrize(
    ("code", "canonical"),
    [("ua", "UA"), ("Ua-DPR", "UA-DPR"), ("suhh", "SUHH"), (" UA", "UA"), ("UA\n", "UA")],
)
def test_kind_of_refuses_a_code_not_in_canonical_form(code: str, canonical: str) -> None:
    with pytest.raises(geostate.InvalidCode) as caught:
        kind_of(code)
    assert f"write {canonical!r}" in str(caught.value)


def test_invalid_code_is_a_geostate_value_error() -> None:
    assert issubclass(geostate.InvalidCode, geostate.InvalidValue)
    assert issubclass(geostate.InvalidCode, ValueError)
    assert issubclass(geostate.InvalidCode, geostate.GeostateError)


# -- subdivisions ---------------------------------------------------------------------------


def test_subdivision_codes() -> None:
    assert check_subdivision_code("UA-14") == "UA-14"
    assert "Donetsk" in subdivision_name("UA-14")
    assert "Luhansk" in subdivision_name("UA-09")
    assert is_subdivision_code("UA-14")
    assert not is_subdivision_code("UA-DPR")
    assert not is_subdivision_code("ua-14")
    assert not is_subdivision_code(14)  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["UA-99", "UA-DPR", "ua-14", "UA"])
def test_unknown_subdivisions_are_refused(code: str) -> None:
    with pytest.raises(geostate.InvalidCode):
        check_subdivision_code(code)


# -- models hold canonical codes only --------------------------------------------------------


def test_a_state_has_an_iso_code_not_a_breakaway_code() -> None:
    with pytest.raises(geostate.InvalidCode, match="breakaway code"):
        geostate.State(code="UA-DPR", names=geostate.Names({"en": "Donetsk"}))


def test_a_breakaway_region_has_a_breakaway_code() -> None:
    with pytest.raises(geostate.InvalidCode, match="ISO 3166 code"):
        geostate.BreakawayRegion(code="UA", names=geostate.Names({"en": "Ukraine"}), parent="RU")


def test_a_breakaway_code_starts_with_its_parent() -> None:
    with pytest.raises(geostate.InvalidCode, match="must start with"):
        geostate.BreakawayRegion(code="UA-DPR", names=geostate.Names({"en": "DPR"}), parent="RU")


def test_a_breakaway_region_claims_subdivisions_of_its_parent_only() -> None:
    with pytest.raises(geostate.InvalidValue, match="not subdivisions of parent"):
        geostate.BreakawayRegion(
            code="UA-DPR", names=geostate.Names({"en": "DPR"}), parent="UA", claims=("RU-ROS",)
        )


@pytest.mark.parametrize("code", ["ua", "Ua", " UA"])
def test_a_state_refuses_a_code_not_in_canonical_form(code: str) -> None:
    with pytest.raises(geostate.InvalidCode, match="write 'UA'") as caught:
        geostate.State(code=code, names=geostate.Names({"en": "Ukraine"}))
    assert caught.value.field == "code"


def test_a_recognition_refuses_a_lower_case_recognizer() -> None:
    source = geostate.Source(url="https://example.org/a", title="A", publisher="Example")
    with pytest.raises(geostate.InvalidCode, match="write 'RU'") as caught:
        geostate.Recognized(
            id="ru-recognizes-dpr",
            date=geostate.PartialDate.parse("2022-02-21"),
            recognizer="ru",
            subject="UA-DPR",
            sources=(source,),
        )
    assert caught.value.field == "recognizer"


# -- documents are strict ----------------------------------------------------------------------


def ukraine_document(code: str) -> str:
    return json.dumps(
        {
            "format": "geostate/1",
            "entities": [{"type": "state", "code": code, "names": {"en": "Ukraine"}}],
        }
    )


def test_a_document_with_a_canonical_code_loads() -> None:
    world = geostate.loads(ukraine_document("UA"))
    assert [e.code for e in world.entities()] == ["UA"]


@pytest.mark.parametrize(
    ("code", "said"), [("ua", "write 'UA'"), (" UA", "write 'UA'"), ("XX", "'XX'")]
)
def test_a_document_refuses_lower_case_and_unknown_codes(code: str, said: str) -> None:
    with pytest.raises(geostate.InvalidData) as caught:
        geostate.loads(ukraine_document(code))
    [problem] = caught.value.problems
    assert problem.path == "entities[0].code"
    assert said in problem.message


# -- queries are forgiving ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def world() -> geostate.World:
    return geostate.load()


@pytest.mark.parametrize("code", ["UA-DPR", "ua-dpr", " Ua-Dpr\t"])
def test_queries_normalize_the_code(world: geostate.World, code: str) -> None:
    assert world.entity(code).code == "UA-DPR"
    assert code in world
    assert world.recognizers(code, on="2022-07-14") == {"GE-ABK", "GE-SOS", "KP", "RU", "SY"}


def test_queries_name_unknown_codes(world: geostate.World) -> None:
    with pytest.raises(geostate.UnknownEntity, match="'XX'"):
        world.entity("xx")
    with pytest.raises(geostate.UnknownEntity, match="no facts on it"):
        world.entity("AQ")  # Antarctica: an ISO 3166-1 code, and no polity
    assert "XX" not in world
    assert 5 not in world
