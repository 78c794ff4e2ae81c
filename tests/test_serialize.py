"""Reading and writing documents: each kind of bad document is refused with its path.

Every refusal is checked twice: `geostate.loads` raises `InvalidData` whose `problems`
name the spot (``events[1].date``) and say what is wrong, and ``geostate validate FILE``
on the same text exits 1 with that path on stderr and no traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import geostate

GEOSTATE = Path(sys.executable).parent / "geostate"


# -- documents ----------------------------------------------------------------------------


def source() -> dict[str, str]:
    """A fresh source record (a new dict each time, so editing one edits only one fact)."""
    return {"url": "https://example.org/report", "title": "A report", "publisher": "Example"}


def donbas_document() -> dict[str, Any]:
    """A small valid document: Ukraine, Russia, North Korea and the DPR, with three facts.

    entities[0] UA, [1] RU, [2] KP, [3] UA-DPR (parent UA, patron RU);
    events[0] the DPR declares independence, [1] Russia recognises it,
    [2] Ukraine severs relations with North Korea.
    """
    return {
        "format": "geostate/1",
        "entities": [
            {"type": "state", "code": "UA", "names": {"en": "Ukraine"}},
            {"type": "state", "code": "RU", "names": {"en": "Russia"}},
            {"type": "state", "code": "KP", "names": {"en": "North Korea"}},
            {
                "type": "breakaway_region",
                "code": "UA-DPR",
                "names": {"en": "Donetsk People's Republic"},
                "parent": "UA",
                "claims": ["UA-14"],
                "patron": "RU",
            },
        ],
        "events": [
            {
                "type": "independence_declared",
                "id": "dpr-declared",
                "date": "2014-05-12",
                "entity": "UA-DPR",
                "sources": [source()],
            },
            {
                "type": "recognized",
                "id": "ru-recognizes-dpr",
                "date": "2022-02-21",
                "recognizer": "RU",
                "subject": "UA-DPR",
                "sources": [source()],
            },
            {
                "type": "relations_severed",
                "id": "ua-severs-kp",
                "date": "2022-07-13",
                "parties": ["UA", "KP"],
                "initiated_by": "UA",
                "sources": [source()],
            },
        ],
    }


def security_council(**membership: object) -> dict[str, Any]:
    """An authority record with one membership (Russia, permanent, with a veto), edited."""
    member: dict[str, Any] = {
        "member": "RU",
        "role": "permanent_member",
        "start": "1991-12-24",
        "veto": True,
        "sources": [source()],
    }
    member.update(membership)
    return {
        "code": "UNSC",
        "names": {"en": "United Nations Security Council"},
        "kind": "international_organization",
        "memberships": [member],
        "sources": [source()],
    }


def recognition(event_id: str, recognizer: str, subject: str, date: str) -> dict[str, Any]:
    return {
        "type": "recognized",
        "id": event_id,
        "date": date,
        "recognizer": recognizer,
        "subject": subject,
        "sources": [source()],
    }


@pytest.fixture
def document() -> dict[str, Any]:
    return donbas_document()


def text_of(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


# -- checking refusals --------------------------------------------------------------------


def problems_of(text: str) -> tuple[geostate.Problem, ...]:
    with pytest.raises(geostate.InvalidData) as caught:
        geostate.loads(text)
    error = caught.value
    assert isinstance(error, geostate.GeostateError)
    assert isinstance(error, ValueError)
    assert error.problems
    assert all(isinstance(p, geostate.Problem) for p in error.problems), error.problems
    return error.problems


def problem_at(problems: tuple[geostate.Problem, ...], path: str) -> geostate.Problem:
    found = [p for p in problems if p.path == path]
    assert found, f"no problem at {path!r}; got {[str(p) for p in problems]}"
    return found[0]


def validate(tmp_path: Path, text: str) -> subprocess.CompletedProcess[str]:
    file = tmp_path / "facts.json"
    file.write_text(text, encoding="utf-8")
    return subprocess.run(
        [str(GEOSTATE), "validate", str(file)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "PYTHONUTF8": "1"},
        check=False,
    )


def assert_refused(tmp_path: Path, text: str, path: str, *words: str) -> geostate.Problem:
    """`loads` and `geostate validate` both refuse `text`, pointing at `path`.

    The problem's message contains each of `words` (case-insensitively).
    """
    problem = problem_at(problems_of(text), path)
    for word in words:
        assert word.lower() in problem.message.lower(), problem.message
    result = validate(tmp_path, text)
    assert result.returncode == 1, result
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("geostate: error: invalid")
    if path:
        assert f"facts.json: {path}: " in result.stderr
    assert problem.message in result.stderr
    return problem


# -- not a document at all ----------------------------------------------------------------


def test_text_that_is_not_json_is_refused_with_its_line_and_column(tmp_path: Path) -> None:
    text = '{"format": "geostate/1", "entities": [}'
    assert_refused(tmp_path, text, "line 1 column 39", "not valid JSON")


@pytest.mark.parametrize(
    ("text", "kind"), [('"geostate/1"', "str"), ("42", "int"), ("null", "NoneType")]
)
def test_json_that_is_not_an_object_is_refused(tmp_path: Path, text: str, kind: str) -> None:
    assert_refused(tmp_path, text, "", "JSON object", kind)


def test_an_empty_json_array_is_not_a_document(tmp_path: Path) -> None:
    assert_refused(tmp_path, "[]", "", "JSON object", "list")


def test_a_json_array_of_numbers_is_not_a_document(tmp_path: Path) -> None:
    assert_refused(tmp_path, "[1, 2]", "", "JSON object", "list")


# -- the format header --------------------------------------------------------------------


def test_a_document_without_a_format_is_refused(tmp_path: Path, document: dict[str, Any]) -> None:
    del document["format"]
    assert_refused(tmp_path, text_of(document), "format", "'geostate/1'", "None")


def test_a_document_of_another_format_is_refused(tmp_path: Path, document: dict[str, Any]) -> None:
    document["format"] = "geostate/2"
    assert_refused(tmp_path, text_of(document), "format", "'geostate/1'", "'geostate/2'")


# -- wrong types --------------------------------------------------------------------------


def test_a_number_where_a_code_goes_is_refused(tmp_path: Path, document: dict[str, Any]) -> None:
    document["events"][1]["recognizer"] = 7
    assert_refused(tmp_path, text_of(document), "events[1].recognizer", "expected text", "int")


def test_a_string_where_a_list_goes_is_refused_at_its_path(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    document["entities"][3]["claims"] = "UA-14"
    assert_refused(tmp_path, text_of(document), "entities[3].claims")


def test_a_string_where_a_list_goes_is_refused_as_not_a_list(document: dict[str, Any]) -> None:
    document["entities"][3]["claims"] = "UA-14"
    problem = problem_at(problems_of(text_of(document)), "entities[3].claims")
    assert "list" in problem.message


def test_an_empty_string_where_the_events_go_is_refused(document: dict[str, Any]) -> None:
    document["events"] = ""
    problem_at(problems_of(text_of(document)), "events")


def test_text_where_true_or_false_goes_is_refused(tmp_path: Path, document: dict[str, Any]) -> None:
    document["authorities"] = [security_council(veto="yes")]
    assert_refused(
        tmp_path,
        text_of(document),
        "authorities[0].memberships[0].veto",
        "true or false",
        "'yes'",
    )


def test_a_number_where_true_or_false_goes_is_refused(document: dict[str, Any]) -> None:
    document["authorities"] = [security_council(veto=1)]
    problem = problem_at(problems_of(text_of(document)), "authorities[0].memberships[0].veto")
    assert "true or false" in problem.message


def test_the_security_council_fixture_is_itself_valid(document: dict[str, Any]) -> None:
    document["authorities"] = [security_council()]
    world = geostate.loads(text_of(document))
    assert world.veto_holders("UNSC", on="2022-07-14") == {"RU"}


# -- codes --------------------------------------------------------------------------------


def test_an_unknown_entity_code_is_refused(tmp_path: Path, document: dict[str, Any]) -> None:
    document["events"][1]["recognizer"] = "XX"
    assert_refused(tmp_path, text_of(document), "events[1].recognizer", "'XX'", "ISO 3166-1")


def test_an_unknown_code_of_an_entity_is_refused(tmp_path: Path, document: dict[str, Any]) -> None:
    document["entities"].append({"type": "state", "code": "XX", "names": {"en": "Nowhere"}})
    assert_refused(tmp_path, text_of(document), "entities[4].code", "'XX'")


def test_a_lower_case_entity_code_is_refused_with_the_canonical_form(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    document["entities"][0]["code"] = "ua"
    assert_refused(tmp_path, text_of(document), "entities[0].code", "'ua'", "write 'UA'")


def test_a_lower_case_code_in_a_fact_is_refused_with_the_canonical_form(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    document["events"][1]["subject"] = "ua-dpr"
    assert_refused(tmp_path, text_of(document), "events[1].subject", "write 'UA-DPR'")


# -- the rules ----------------------------------------------------------------------------


def test_self_recognition_is_refused_by_rule_3(tmp_path: Path, document: dict[str, Any]) -> None:
    document["events"][1]["subject"] = "RU"
    problem = assert_refused(tmp_path, text_of(document), "events[1]", "'RU'", "itself")
    assert problem.message.endswith("(rule 3)")


def test_relations_with_oneself_are_refused_by_rule_3(document: dict[str, Any]) -> None:
    document["events"][2]["parties"] = ["UA", "UA"]
    document["events"][2]["initiated_by"] = "UA"
    problem = problem_at(problems_of(text_of(document)), "events[2].parties")
    assert problem.message.endswith("(rule 3)")


def test_a_withdrawal_of_no_recognition_is_refused_by_rule_5(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    document["events"].append(
        {
            "type": "recognition_withdrawn",
            "id": "kp-withdraws-dpr",
            "date": "2022-08-01",
            "recognizer": "KP",
            "subject": "UA-DPR",
            "sources": [source()],
        }
    )
    problem = assert_refused(tmp_path, text_of(document), "events[3]", "'KP'", "not in force")
    assert problem.message.endswith("(rule 5)")


def test_a_withdrawal_before_the_recognition_is_refused_by_rule_5(
    document: dict[str, Any],
) -> None:
    document["events"].append(
        {
            "type": "recognition_withdrawn",
            "id": "ru-withdraws-dpr",
            "date": "2022-01-01",
            "recognizer": "RU",
            "subject": "UA-DPR",
            "sources": [source()],
        }
    )
    problem = problem_at(problems_of(text_of(document)), "events[3]")
    assert "not in force" in problem.message
    assert problem.message.endswith("(rule 5)")


def test_overlapping_recognitions_are_refused_by_rule_5(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    document["events"].append(recognition("ru-recognizes-dpr-again", "RU", "UA-DPR", "2022-08-01"))
    problem = assert_refused(tmp_path, text_of(document), "events[3]", "overlapping")
    assert problem.message.endswith("(rule 5)")


def test_a_withdrawal_then_a_new_recognition_is_accepted(document: dict[str, Any]) -> None:
    document["events"] += [
        {
            "type": "recognition_withdrawn",
            "id": "ru-withdraws-dpr",
            "date": "2022-03-01",
            "recognizer": "RU",
            "subject": "UA-DPR",
            "sources": [source()],
        },
        recognition("ru-recognizes-dpr-again", "RU", "UA-DPR", "2022-04-01"),
    ]
    world = geostate.loads(text_of(document))
    assert len(world.events()) == 5


# -- dangling references ------------------------------------------------------------------


def test_an_answer_to_no_event_is_refused(tmp_path: Path, document: dict[str, Any]) -> None:
    document["events"][2]["in_response_to"] = "kp-recognizes-dpr"
    assert_refused(
        tmp_path, text_of(document), "events[2].in_response_to", "no event", "'kp-recognizes-dpr'"
    )


def test_a_recognizer_that_is_not_an_entity_is_refused(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    document["events"][1]["recognizer"] = "SY"
    assert_refused(
        tmp_path, text_of(document), "events[1].recognizer", "'SY'", "not an entity of this world"
    )


def test_a_breakaway_region_whose_parent_is_missing_is_refused(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    document["entities"] = [e for e in document["entities"] if e["code"] != "UA"]
    del document["events"][2]  # it names Ukraine as well
    # The DPR moves up to entities[2] once Ukraine is gone.
    assert_refused(
        tmp_path, text_of(document), "entities[2].parent", "parent 'UA'", "not an entity"
    )


# -- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "reason"),
    [
        ("2022-02-30", "day is out of range for month"),
        ("2023-02-29", "day is out of range for month"),
        ("2022-13-01", "month must be in 1..12"),
        ("2022-00-10", "month must be in 1..12"),
    ],
)
def test_an_impossible_date_is_refused(
    tmp_path: Path, document: dict[str, Any], date: str, reason: str
) -> None:
    document["events"][1]["date"] = date
    assert_refused(
        tmp_path, text_of(document), "events[1].date", f"'{date}' is not a valid date", reason
    )


@pytest.mark.parametrize("date", ["2022-2-21", "21/02/2022", "2022-02-21T20:00", "[..2022-02-21"])
def test_a_date_in_another_form_is_refused(document: dict[str, Any], date: str) -> None:
    document["events"][1]["date"] = date
    problem = problem_at(problems_of(text_of(document)), "events[1].date")
    assert "YYYY-MM-DD" in problem.message


def test_an_impossible_date_deep_in_a_document_is_found(document: dict[str, Any]) -> None:
    document["authorities"] = [security_council(start="1991-02-30")]
    problem = problem_at(problems_of(text_of(document)), "authorities[0].memberships[0].start")
    assert "'1991-02-30' is not a valid date" in problem.message


# -- unknown and repeated things ----------------------------------------------------------


def test_an_unknown_event_type_is_refused(tmp_path: Path, document: dict[str, Any]) -> None:
    document["events"][1]["type"] = "annexed"
    assert_refused(tmp_path, text_of(document), "events[1].type", "'annexed'", "'recognized'")


def test_an_event_without_a_type_is_refused(document: dict[str, Any]) -> None:
    del document["events"][1]["type"]
    problem_at(problems_of(text_of(document)), "events[1].type")


def test_an_unknown_field_is_refused(tmp_path: Path, document: dict[str, Any]) -> None:
    document["events"][1]["colour"] = "red"
    assert_refused(tmp_path, text_of(document), "events[1]", "unknown field", "colour")


def test_an_unknown_top_level_field_is_refused(document: dict[str, Any]) -> None:
    document["colour"] = "red"
    problems = problems_of(text_of(document))
    assert any("unknown field" in p.message and "colour" in p.message for p in problems)


def test_a_missing_required_field_is_refused(document: dict[str, Any]) -> None:
    del document["events"][1]["recognizer"]
    problem = problem_at(problems_of(text_of(document)), "events[1].recognizer")
    assert "missing" in problem.message


def test_duplicate_event_ids_are_refused(tmp_path: Path, document: dict[str, Any]) -> None:
    document["events"][2]["id"] = "ru-recognizes-dpr"
    assert_refused(
        tmp_path, text_of(document), "events[2].id", "'ru-recognizes-dpr'", "repeats events[1]"
    )


@pytest.mark.parametrize("url", ["ftp://example.org/report", "example.org/report", "file:///etc/x"])
def test_a_source_url_that_is_not_https_is_refused(
    tmp_path: Path, document: dict[str, Any], url: str
) -> None:
    document["events"][1]["sources"][0]["url"] = url
    assert_refused(tmp_path, text_of(document), "events[1].sources[0].url", "https://", repr(url))


def test_a_fact_without_sources_is_refused(document: dict[str, Any]) -> None:
    document["events"][1]["sources"] = []
    problem = problem_at(problems_of(text_of(document)), "events[1].sources")
    assert "at least one source" in problem.message


# -- every problem at once, nothing built -------------------------------------------------


def test_a_document_with_several_problems_reports_them_all(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    document["entities"][0]["code"] = "ua"
    document["events"][0]["colour"] = "red"
    document["events"][1]["date"] = "2022-02-30"
    document["events"][2]["sources"][0]["url"] = "ftp://example.org/report"
    problems = problems_of(text_of(document))
    assert len(problems) >= 3
    assert {p.path for p in problems} >= {
        "entities[0].code",
        "events[0]",
        "events[1].date",
        "events[2].sources[0].url",
    }
    result = validate(tmp_path, text_of(document))
    assert result.returncode == 1
    assert "4 problems" in result.stderr
    for path in ("entities[0].code", "events[0]", "events[1].date", "events[2].sources[0].url"):
        assert f"facts.json: {path}: " in result.stderr


def test_several_rule_breaks_are_reported_together(document: dict[str, Any]) -> None:
    document["events"][1]["subject"] = "RU"  # rule 3
    document["events"][2]["in_response_to"] = "nothing-here"  # dangling
    document["events"].append(
        {
            "type": "recognition_withdrawn",
            "id": "kp-withdraws-dpr",
            "date": "2022-08-01",
            "recognizer": "KP",
            "subject": "UA-DPR",
            "sources": [source()],
        }
    )  # rule 5
    problems = problems_of(text_of(document))
    assert {p.path for p in problems} >= {"events[1]", "events[2].in_response_to", "events[3]"}


def test_loads_names_the_file_in_each_problem(document: dict[str, Any]) -> None:
    document["events"][1]["date"] = "2022-02-30"
    with pytest.raises(geostate.InvalidData) as caught:
        geostate.loads(text_of(document), file="mine.json")
    assert [p.file for p in caught.value.problems] == ["mine.json"]
    assert "mine.json: events[1].date: " in str(caught.value)


def test_a_folder_with_one_bad_document_loads_nothing(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    good = donbas_document()
    (tmp_path / "a-good.json").write_text(text_of(good), encoding="utf-8")
    # The second document repeats nothing of the first but breaks one rule.
    bad = {
        "format": "geostate/1",
        "events": [recognition("kp-recognizes-kp", "KP", "KP", "2022-07-13")],
    }
    (tmp_path / "b-bad.json").write_text(text_of(bad), encoding="utf-8")

    assert len(geostate.load(tmp_path / "a-good.json").events()) == 3  # fine on its own
    with pytest.raises(geostate.InvalidData) as caught:
        geostate.load(tmp_path)
    assert [(p.file, p.path) for p in caught.value.problems] == [
        (str(tmp_path / "b-bad.json"), "events[0]")
    ]


def test_one_bad_fact_among_good_ones_builds_no_world(document: dict[str, Any]) -> None:
    document["events"] += [
        recognition(f"ru-recognizes-dpr-{n}", "RU", "UA-DPR", f"2022-0{n}-01") for n in (3, 4)
    ]
    with pytest.raises(geostate.InvalidData) as caught:
        geostate.loads(text_of(document))
    # Only the overlapping recognitions are wrong; the three good facts did not make a world.
    assert {p.path for p in caught.value.problems} == {"events[3]", "events[4]"}


# -- round trips --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> geostate.World:
    return geostate.load()


def test_the_bundled_world_round_trips(bundled: geostate.World) -> None:
    text = geostate.dumps(bundled)
    again = geostate.loads(text)
    assert again == bundled
    assert geostate.dumps(again) == text
    assert len(again.events()) == len(bundled.events()) > 0
    assert again.recognizers("UA-DPR", on="2022-07-14") == bundled.recognizers(
        "UA-DPR", on="2022-07-14"
    )
    assert {"KP", "RU", "SY"} <= again.recognizers("UA-DPR", on="2022-07-14")


def test_the_bundled_world_round_trips_through_a_file(
    tmp_path: Path, bundled: geostate.World
) -> None:
    path = tmp_path / "world.json"
    geostate.save(bundled, path)
    assert path.read_text(encoding="utf-8") == geostate.dumps(bundled)
    assert geostate.load(path) == bundled
    assert geostate.load(str(path)) == bundled


def test_a_small_world_built_in_python_round_trips(tmp_path: Path) -> None:
    src = geostate.Source(url="https://example.org/report", title="A report", publisher="Example")
    world = geostate.World(
        entities=[
            geostate.State(code="UA", names=geostate.Names({"en": "Ukraine", "uk": "Україна"})),
            geostate.State(code="RU", names=geostate.Names({"en": "Russia"})),
            geostate.BreakawayRegion(
                code="UA-DPR",
                names=geostate.Names({"en": "Donetsk People's Republic"}),
                parent="UA",
                claims=("UA-14",),
                patron="RU",
            ),
        ],
        events=[
            geostate.IndependenceDeclared(
                id="dpr-declared",
                date=geostate.PartialDate.parse("2014-05"),
                entity="UA-DPR",
                sources=(src,),
            ),
            geostate.Recognized(
                id="ru-recognizes-dpr",
                date=geostate.PartialDate.parse("2022-02-21"),
                recognizer="RU",
                subject="UA-DPR",
                sources=(src,),
            ),
            geostate.RelationsSevered(
                id="ua-severs-ru",
                date=geostate.PartialDate.parse("[..2022-02-24]"),
                parties=("UA", "RU"),
                initiated_by="UA",
                sources=(src,),
            ),
        ],
    )
    text = geostate.dumps(world)
    assert json.loads(text)["format"] == "geostate/1"
    assert "Україна" in text  # written as UTF-8, not escaped
    assert geostate.loads(text) == world
    geostate.save(world, tmp_path / "small.json")
    assert geostate.load(tmp_path / "small.json") == world


def test_a_valid_document_loads_into_the_world_it_describes(document: dict[str, Any]) -> None:
    world = geostate.loads(text_of(document))
    assert sorted(e.code for e in world.entities()) == ["KP", "RU", "UA", "UA-DPR"]
    assert world.recognizers("UA-DPR", on="2022-07-14") == {"RU"}
    assert world.relations("KP", "UA", on="2022-07-14") is geostate.RelationStatus.SEVERED
    assert geostate.loads(geostate.dumps(world)) == world


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": "geostate/1", "format": "geostate/1"}', "appears twice"),
        (
            '{"format": "geostate/1", "entities": [{"type": "state", "code": "UA", '
            '"names": {"en": "Ukraine", "en": "Ukraina"}}]}',
            "'en' appears twice",
        ),
        ('{"format": "geostate/1", "meta": {"checked": NaN}}', "NaN is not a JSON number"),
        ('{"format": "geostate/1", "meta": {"checked": Infinity}}', "Infinity"),
    ],
)
def test_json_that_would_silently_lose_data_is_refused(text: str, message: str) -> None:
    with pytest.raises(geostate.InvalidData, match=message):
        geostate.loads(text)
