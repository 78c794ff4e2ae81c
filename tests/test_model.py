"""Models refuse bad values when built in Python, naming the field."""

from __future__ import annotations

import pytest

import geostate


@pytest.mark.parametrize(
    "url", ["https://", "https://localhost", "ftp://www.un.org", "www.un.org", "https://un .org"]
)
def test_a_source_url_needs_a_scheme_and_a_host(url: str) -> None:
    with pytest.raises(geostate.InvalidValue, match="url") as caught:
        geostate.Source(url=url, title="Report", publisher="UN")
    assert caught.value.field == "url"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", "2022-07-13", "expected PartialDate"),
        ("sources", "https://www.un.org", "expected a list or tuple"),
        ("sources", (), "at least one source"),
        ("kind", "de_jure", "expected RecognitionKind"),
    ],
)
def test_a_recognition_refuses_values_of_the_wrong_kind(
    field: str, value: object, message: str
) -> None:
    fields: dict[str, object] = {
        "id": "kp-recognizes-ua-dpr",
        "recognizer": "KP",
        "subject": "UA-DPR",
        "date": geostate.PartialDate.parse("2022-07-13"),
        "sources": (geostate.Source(url="https://www.un.org", title="T", publisher="P"),),
    }
    fields[field] = value
    with pytest.raises(geostate.InvalidValue, match=message) as caught:
        geostate.Recognized(**fields)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_names_given_as_a_mapping_become_names_and_need_english() -> None:
    state = geostate.State(code="UA", names={"en": "Ukraine", "uk": "Україна"})  # type: ignore[arg-type]
    assert state.names["uk"] == "Україна"
    with pytest.raises(geostate.InvalidValue, match="English"):
        geostate.State(code="UA", names={"uk": "Україна"})  # type: ignore[arg-type]


def test_a_state_may_name_the_state_claiming_it_and_the_subdivisions_it_covers() -> None:
    kosovo = geostate.State(
        code="XK",
        names={"en": "Kosovo"},
        parent="RS",
        claims=("RS-KM",),  # type: ignore[arg-type]
    )
    assert (kosovo.parent, kosovo.claims) == ("RS", ("RS-KM",))
    assert geostate.State(code="UA", names={"en": "Ukraine"}).parent is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"claims": ("RS-KM",)}, "claims", "need a parent"),
        ({"parent": "RS", "claims": ("GE-AB",)}, "claims", "not subdivisions of parent 'RS'"),
        ({"parent": "RS", "claims": ("RS-XX",)}, "claims", "not an ISO 3166-2"),
        ({"parent": "UA-DPR"}, "parent", "must be a state's ISO 3166 code"),
        ({"parent": "XK"}, "parent", "its own parent"),
    ],
)
def test_a_state_refuses_a_parent_or_claims_that_do_not_fit(
    fields: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(geostate.GeostateError, match=message) as caught:
        geostate.State(code="XK", names={"en": "Kosovo"}, **fields)  # type: ignore[arg-type]
    assert getattr(caught.value, "field", field) == field


def test_a_world_refuses_a_state_whose_parent_it_does_not_hold() -> None:
    kosovo = geostate.State(code="XK", names={"en": "Kosovo"}, parent="RS")  # type: ignore[arg-type]
    with pytest.raises(geostate.InvalidData, match=r"entities\[0\]\.parent"):
        geostate.World(entities=[kosovo])
