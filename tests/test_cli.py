"""The installed ``geostate`` command, run as a subprocess against the bundled data.

Exit status: 0 on success, 1 on bad input or data (a message on stderr, no traceback),
2 on bad usage.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import geostate

GEOSTATE = Path(sys.executable).parent / "geostate"

NORTH_KOREA_DAY = "2022-07-13"  # North Korea recognises the republics; Ukraine severs relations
ARTICLE_DAY = "2022-07-14"
DAY_BEFORE = "2022-07-12"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    assert GEOSTATE.is_file(), f"the geostate command is not installed next to {sys.executable}"
    return subprocess.run(
        [str(GEOSTATE), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "PYTHONUTF8": "1"},
        check=False,
    )


def succeeds(*args: str) -> str:
    """Run the command, check it succeeded quietly, and return its stdout."""
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def succeeds_json(*args: str) -> Any:
    return json.loads(succeeds(*args, "--json"))


def fails(*args: str) -> str:
    """Run the command, check it failed on bad input (status 1, no traceback); return stderr."""
    result = run(*args)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("geostate: error: ")
    return result.stderr


def misused(*args: str) -> str:
    """Run the command, check it failed on bad usage (status 2, usage shown); return stderr."""
    result = run(*args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "usage: geostate" in result.stderr
    return result.stderr


def table_codes(text: str) -> list[str]:
    """The CODE column of the first table after "recognised by" in `recognitions` output."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("recognised by"))
    codes = []
    for line in lines[start + 1 :]:
        if line.startswith("CODE"):
            continue
        match = re.match(r"([A-Z]{2}(?:-[A-Z0-9]+)?)\s{2,}", line)
        if match is None:
            break
        codes.append(match[1])
    return codes


def recognizer_codes(entity: str, on: str) -> list[str]:
    data = succeeds_json("recognitions", entity, "--on", on)
    return [r["code"] for r in data["recognized_by"]]


# -- the command itself --------------------------------------------------------------------


def test_the_command_is_installed_next_to_the_interpreter() -> None:
    assert GEOSTATE.is_file()
    assert os.access(GEOSTATE, os.X_OK)


def test_version_names_the_package_and_the_data() -> None:
    out = succeeds("--version")
    assert out.strip() == f"geostate {geostate.__version__} (data {geostate.DATA_VERSION})"


# -- recognitions ----------------------------------------------------------------------------


def test_recognitions_on_the_article_day_lists_russia_syria_and_north_korea() -> None:
    out = succeeds("recognitions", "UA-DPR", "--on", ARTICLE_DAY)
    assert out.splitlines()[0] == f"UA-DPR (Donetsk People's Republic) on {ARTICLE_DAY}"
    # Russia, Syria and North Korea are the UN members; Abkhazia and South Ossetia, de facto
    # states themselves, recognised the republic too.
    assert "recognised by 5 (3 of 193 UN member states)" in out
    assert table_codes(out) == ["GE-ABK", "GE-SOS", "KP", "RU", "SY"]
    assert re.search(r"^KP\s+North Korea\s+2022-07-13\s+de_jure$", out, re.M)
    assert re.search(r"^RU\s+Russia\s+2022-02-21\s+de_jure$", out, re.M)
    assert re.search(r"^SY\s+Syria\s+2022-06-29\s+de_jure$", out, re.M)


def test_recognitions_on_the_day_before_lists_russia_and_syria() -> None:
    out = succeeds("recognitions", "UA-DPR", "--on", DAY_BEFORE)
    assert {"RU", "SY"} <= set(table_codes(out))


def test_recognitions_on_the_day_before_does_not_list_north_korea() -> None:
    out = succeeds("recognitions", "UA-DPR", "--on", DAY_BEFORE)
    assert table_codes(out) == ["GE-ABK", "GE-SOS", "RU", "SY"]
    assert recognizer_codes("UA-DPR", DAY_BEFORE) == ["GE-ABK", "GE-SOS", "RU", "SY"]


def test_recognitions_in_2021_lists_none_of_the_three() -> None:
    out = succeeds("recognitions", "UA-DPR", "--on", "2021-01-01")
    assert not {"RU", "SY", "KP"} & set(table_codes(out))
    assert "(0 of 193 UN member states)" in out
    # South Ossetia has recognised the republic since 2014-06-27.
    assert recognizer_codes("UA-DPR", "2021-01-01") == ["GE-SOS"]


def test_recognitions_before_the_republic_existed_says_so() -> None:
    data = succeeds_json("recognitions", "UA-DPR", "--on", "2010-01-01")
    assert data["exists"] is False


def test_recognitions_json_parses_and_has_the_codes() -> None:
    data = succeeds_json("recognitions", "UA-DPR", "--on", ARTICLE_DAY)
    assert data["entity"] == "UA-DPR"
    assert data["name"] == "Donetsk People's Republic"
    assert data["on"] == ARTICLE_DAY
    assert data["exists"] is True
    assert [(r["code"], r["since"], r["event"]) for r in data["recognized_by"]] == [
        ("GE-ABK", "2022-02-25", "ge-abk-recognizes-ua-dpr"),
        ("GE-SOS", "2014-06-27", "ge-sos-recognizes-ua-dpr"),
        ("KP", NORTH_KOREA_DAY, "kp-recognizes-ua-dpr"),
        ("RU", "2022-02-21", "ru-recognizes-ua-dpr"),
        ("SY", "2022-06-29", "sy-recognizes-ua-dpr"),
    ]
    assert all(r["sources"] for r in data["recognized_by"])
    assert [r["code"] for r in data["recognizes"]] == ["GE-ABK", "GE-SOS"]  # since 2015
    assert data["un_members_recognizing"]["count"] == 3


def test_recognitions_json_from_the_recogniser_side() -> None:
    data = succeeds_json("recognitions", "KP", "--on", ARTICLE_DAY)
    codes = [r["code"] for r in data["recognizes"]]
    assert {"UA-DPR", "UA-LPR"} <= set(codes)  # also Palestine and the SADR, since the 1980s
    assert codes == sorted(codes)


def test_recognitions_after_the_annexation_depends_on_counting_disputed_facts() -> None:
    assert recognizer_codes("UA-DPR", "2023-01-01") == []
    data = succeeds_json("recognitions", "UA-DPR", "--on", "2023-01-01", "--disputed", "exclude")
    assert [r["code"] for r in data["recognized_by"]] == ["GE-ABK", "GE-SOS", "KP", "RU", "SY"]


@pytest.mark.parametrize("code", ["ua-dpr", "Ua-Dpr", " ua-dpr "])
def test_recognitions_forgives_case_and_space_in_the_code(code: str) -> None:
    data = succeeds_json("recognitions", code, "--on", ARTICLE_DAY)
    assert data["entity"] == "UA-DPR"
    assert [r["code"] for r in data["recognized_by"]] == ["GE-ABK", "GE-SOS", "KP", "RU", "SY"]


def test_lower_case_text_output_matches_upper_case() -> None:
    assert succeeds("recognitions", "ua-dpr", "--on", ARTICLE_DAY) == succeeds(
        "recognitions", "UA-DPR", "--on", ARTICLE_DAY
    )


# -- relations -------------------------------------------------------------------------------


def test_relations_before_north_koreas_recognition_are_suspended() -> None:
    out = succeeds("relations", "UA", "KP", "--on", DAY_BEFORE)
    assert out.splitlines()[0] == f"UA (Ukraine) and KP (North Korea) on {DAY_BEFORE}: SUSPENDED"
    assert "[ua-suspends-kp-contacts]" in out
    data = succeeds_json("relations", "UA", "KP", "--on", DAY_BEFORE)
    assert data["status"] == "suspended"
    assert data["since"]["id"] == "ua-suspends-kp-contacts"
    assert data["since"]["date"] == "[..2016-08-31]"


@pytest.mark.parametrize("day", [NORTH_KOREA_DAY, ARTICLE_DAY, "2025-01-01"])
def test_relations_from_north_koreas_recognition_on_are_severed(day: str) -> None:
    out = succeeds("relations", "UA", "KP", "--on", day)
    assert out.splitlines()[0].endswith(f"on {day}: SEVERED")
    data = succeeds_json("relations", "UA", "KP", "--on", day)
    assert data["status"] == "severed"
    assert data["since"]["id"] == "ua-severs-kp"
    assert data["since"]["in_response_to"] == "kp-recognizes-ua-dpr"


@pytest.mark.parametrize(
    ("day", "status"),
    [
        ("1991-12-31", "unknown"),
        ("2000-01-01", "established"),
        (DAY_BEFORE, "suspended"),
        (NORTH_KOREA_DAY, "severed"),
    ],
)
def test_relations_are_symmetric(day: str, status: str) -> None:
    ua_kp = succeeds_json("relations", "UA", "KP", "--on", day)
    kp_ua = succeeds_json("relations", "KP", "UA", "--on", day)
    assert ua_kp["status"] == kp_ua["status"] == status
    assert (kp_ua["a"], kp_ua["b"]) == ("KP", "UA")
    assert ua_kp["history"] == kp_ua["history"]


def test_relations_history_is_in_date_order() -> None:
    data = succeeds_json("relations", "KP", "UA", "--on", ARTICLE_DAY)
    assert [e["id"] for e in data["history"]] == [
        "ua-kp-relations-established",
        "ua-suspends-kp-contacts",
        "ua-severs-kp",
    ]


# -- sanctions -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kp_sanctions() -> Any:
    return succeeds_json("sanctions", "KP", "--on", ARTICLE_DAY)


def measures_of(regime: dict[str, Any]) -> dict[str, list[str]]:
    return {m["measure"]: [i["citation"] for i in m["instruments"]] for m in regime["measures"]}


def test_sanctions_against_north_korea_list_the_four_regimes(kp_sanctions: Any) -> None:
    assert kp_sanctions["target"] == "KP"
    assert kp_sanctions["by"] is None
    regimes = {r["id"]: r for r in kp_sanctions["regimes"]}
    assert list(regimes) == ["eu-dprk", "uk-dprk", "un-1718", "us-north-korea"]
    assert [r["authority"] for r in regimes.values()] == ["EU", "GB", "UNSC", "US"]


def test_sanctions_name_the_instrument_behind_each_measure(kp_sanctions: Any) -> None:
    regimes = {r["id"]: r for r in kp_sanctions["regimes"]}
    un = measures_of(regimes["un-1718"])
    assert un["coal_ban"][0] == "S/RES/2270 (2016)"
    assert "S/RES/2371 (2017)" in un["coal_ban"]
    assert un["wmd_goods_ban"] == ["S/RES/1718 (2006)"]
    assert un["crude_oil_cap"] == ["S/RES/2397 (2017)"]
    assert measures_of(regimes["us-north-korea"])["secondary_sanctions"] == ["EO 13810"]
    assert measures_of(regimes["eu-dprk"])["arms_embargo"] == ["Common Position 2006/795/CFSP"]


def test_each_instrument_listed_imposes_its_measure(kp_sanctions: Any) -> None:
    for regime in kp_sanctions["regimes"]:
        assert regime["measures"]
        for measure in regime["measures"]:
            assert measure["instruments"], (regime["id"], measure["measure"])
            for instrument in measure["instruments"]:
                assert measure["measure"] in instrument["imposes"]
                assert instrument["date"] <= ARTICLE_DAY


def test_sanctions_text_shows_each_measure_with_its_instruments() -> None:
    out = succeeds("sanctions", "KP", "--on", ARTICLE_DAY)
    assert out.splitlines()[0] == (
        f"sanctions in force against KP (North Korea) on {ARTICLE_DAY}: 4 regimes"
    )
    coal = [line for line in out.splitlines() if line.startswith("coal_ban")]
    assert any("S/RES/2270 (2016) (2016-03-02)" in line for line in coal)
    for regime in ("eu-dprk: ", "uk-dprk: ", "un-1718: ", "us-north-korea: "):
        assert f"\n{regime}" in out


@pytest.mark.parametrize("authority", ["UNSC", "unsc"])
def test_sanctions_by_the_security_council_only(authority: str) -> None:
    data = succeeds_json("sanctions", "KP", "--on", ARTICLE_DAY, "--by", authority)
    assert [r["id"] for r in data["regimes"]] == ["un-1718"]
    out = succeeds("sanctions", "KP", "--on", ARTICLE_DAY, "--by", authority)
    assert "1 regime" in out.splitlines()[0]
    assert "eu-dprk" not in out
    assert "us-north-korea" not in out


def test_sanctions_by_the_eu_only() -> None:
    data = succeeds_json("sanctions", "KP", "--on", ARTICLE_DAY, "--by", "EU")
    assert [r["id"] for r in data["regimes"]] == ["eu-dprk"]


def test_sanctions_before_resolution_1718_show_no_un_regime() -> None:
    data = succeeds_json("sanctions", "KP", "--on", "2005-01-01")
    assert data["regimes"] == []
    out = succeeds("sanctions", "KP", "--on", "2005-01-01")
    assert "un-1718" not in out
    assert "0 regimes" in out


def test_sanctions_start_on_the_day_of_resolution_1718() -> None:
    assert succeeds_json("sanctions", "KP", "--on", "2006-10-13")["regimes"] == []
    data = succeeds_json("sanctions", "KP", "--on", "2006-10-14")
    assert [r["id"] for r in data["regimes"]] == ["un-1718"]
    assert set(measures_of(data["regimes"][0])) == {
        "arms_restrictions",
        "asset_freeze",
        "cargo_inspection",
        "luxury_goods_ban",
        "travel_ban",
        "wmd_goods_ban",
    }


# -- timeline and regime ---------------------------------------------------------------------


def test_timeline_of_the_donetsk_republic() -> None:
    data = succeeds_json("timeline", "UA-DPR")
    assert (data["entity"], data["start"], data["end"]) == ("UA-DPR", "2014-04-07", "2022-09-30")
    ids = [e["id"] for e in data["events"]]
    assert ids[0] == "ua-dpr-proclaimed"
    assert ids[-1] == "ru-annexes-ua-dpr"
    assert {"ru-recognizes-ua-dpr", "sy-recognizes-ua-dpr", "kp-recognizes-ua-dpr"} <= set(ids)
    dates = [e["date"] for e in data["events"]]
    assert dates == sorted(dates)
    annexation = data["events"][-1]
    assert annexation["asserted_by"] == ["RU"]
    assert annexation["disputed_by"] == ["UA"]


def test_timeline_text() -> None:
    out = succeeds("timeline", "ua-dpr")
    lines = out.splitlines()
    assert lines[0].startswith("UA-DPR (Donetsk People's Republic), 2014-04-07 to 2022-09-30: ")
    assert re.search(
        r"^2022-07-13\s+North Korea recognises Donetsk People's Republic\s+", out, re.M
    )
    assert "(disputed)" in out  # the annexation


def test_regime_un_1718() -> None:
    data = succeeds_json("regime", "un-1718")
    assert (data["id"], data["authority"], data["program"]) == ("un-1718", "UNSC", "UN-SC1718")
    assert data["start"] == "2006-10-14"
    assert data["end"] is None
    assert data["targets"] == [{"code": "KP", "scope": "state"}]
    citations = [i["citation"] for i in data["instruments"]]
    assert citations[0] == "S/RES/1718 (2006)"
    assert citations[-1] == "S/RES/2397 (2017)"
    assert "S/RES/2270 (2016)" in citations
    dates = [i["date"] for i in data["instruments"]]
    assert dates == sorted(dates)


def test_regime_text() -> None:
    out = succeeds("regime", "un-1718")
    assert out.splitlines()[0].startswith("un-1718: UN sanctions")
    assert "authority UNSC (United Nations Security Council)" in out
    row = next(line for line in out.splitlines() if "S/RES/2270 (2016)" in line)
    assert row.startswith("2016-03-02")
    assert "+coal_ban" in row


# -- validate --------------------------------------------------------------------------------


def small_world() -> geostate.World:
    src = geostate.Source(url="https://example.org/report", title="A report", publisher="Example")
    return geostate.World(
        entities=[
            geostate.State(code="UA", names=geostate.Names({"en": "Ukraine"})),
            geostate.State(code="RU", names=geostate.Names({"en": "Russia"})),
            geostate.BreakawayRegion(
                code="UA-DPR",
                names=geostate.Names({"en": "Donetsk People's Republic"}),
                parent="UA",
                patron="RU",
            ),
        ],
        events=[
            geostate.IndependenceDeclared(
                id="dpr-declared",
                date=geostate.PartialDate.parse("2014-04-07"),
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
        ],
    )


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.json"
    path.write_text(geostate.dumps(small_world()), encoding="utf-8")
    return path


def test_validate_a_good_document(good_file: Path) -> None:
    out = succeeds("validate", str(good_file))
    assert out.strip() == (f"{good_file}: valid: 3 entities, 2 events, 0 authorities, 0 regimes")
    data = succeeds_json("validate", str(good_file))
    assert data["valid"] is True
    assert (data["entities"], data["events"]) == (3, 2)


def test_validate_a_folder_of_good_documents(good_file: Path) -> None:
    out = succeeds("validate", str(good_file.parent))
    assert "valid: 3 entities, 2 events" in out


def test_validate_a_bad_document(tmp_path: Path) -> None:
    document = json.loads(geostate.dumps(small_world()))
    document["events"][1]["recognizer"] = "UA-DPR"  # the DPR recognising itself
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    err = fails("validate", str(path))
    assert f"{path}: events[1]: 'UA-DPR' cannot recognise itself (rule 3)" in err


def test_validate_a_missing_file() -> None:
    err = fails("validate", "/nonexistent/facts.json")
    assert "cannot read" in err


def test_validate_a_deeply_nested_document(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    fails("validate", str(path))


def test_recognitions_in_a_world_of_ones_own(good_file: Path) -> None:
    data = succeeds_json("--data", str(good_file), "recognitions", "UA-DPR", "--on", ARTICLE_DAY)
    assert [r["code"] for r in data["recognized_by"]] == ["RU"]


def test_timeline_in_a_world_of_ones_own(good_file: Path) -> None:
    data = succeeds_json("--data", str(good_file), "timeline", "UA-DPR")
    assert [e["id"] for e in data["events"]] == ["dpr-declared", "ru-recognizes-dpr"]


# -- errors: status 1, a message, no traceback -----------------------------------------------


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["recognitions", "XX"], "unknown entity 'XX'"),
        (["recognitions", "ZZ-DPR"], "unknown entity 'ZZ-DPR'"),
        (["recognitions", "UA-14"], "unknown entity 'UA-14'"),
        (["relations", "UA", "XX"], "unknown entity 'XX'"),
        (["relations", "UA", "AQ"], "this world holds no facts on it"),
        (["sanctions", "XX"], "unknown entity 'XX'"),
        (["timeline", "XX"], "unknown entity 'XX'"),
    ],
)
def test_an_unknown_entity_code_is_an_error(args: list[str], said: str) -> None:
    assert said in fails(*args)


@pytest.mark.parametrize("day", ["2022-13-01", "2022-02-30", "yesterday", "14/07/2022", ""])
def test_an_invalid_on_date_is_an_error(day: str) -> None:
    err = fails("recognitions", "UA-DPR", "--on", day)
    assert f"--on {day!r}: expected a day such as 2022-07-14" in err


@pytest.mark.parametrize("command", [["relations", "UA", "KP"], ["sanctions", "KP"]])
def test_every_dated_command_refuses_an_invalid_on_date(command: list[str]) -> None:
    assert "--on '2022-02-30'" in fails(*command, "--on", "2022-02-30")


def test_an_unknown_authority_is_an_error() -> None:
    err = fails("sanctions", "KP", "--by", "NATO")
    assert "unknown authority 'NATO'" in err
    assert "UNSC" in err  # the known ones are suggested


@pytest.mark.parametrize("regime", ["un-9999", "un_1718", ""])
def test_an_unknown_regime_is_an_error(regime: str) -> None:
    assert f"unknown sanctions regime {regime!r}" in fails("regime", regime)


def test_a_missing_data_file_is_an_error() -> None:
    assert "cannot read" in fails("--data", "/nonexistent/facts.json", "timeline", "UA-DPR")


# -- bad usage: status 2 ---------------------------------------------------------------------


def test_no_command_is_bad_usage() -> None:
    assert "required: COMMAND" in misused()


def test_an_unknown_command_is_bad_usage() -> None:
    assert "invalid choice: 'frobnicate'" in misused("frobnicate")


@pytest.mark.parametrize(
    ("args", "missing"),
    [
        (["recognitions"], "ENTITY"),
        (["relations", "UA"], "B"),
        (["sanctions"], "TARGET"),
        (["regime"], "ID"),
        (["timeline"], "ENTITY"),
        (["validate"], "FILE"),
    ],
)
def test_a_missing_argument_is_bad_usage(args: list[str], missing: str) -> None:
    assert f"the following arguments are required: {missing}" in misused(*args)


def test_an_unknown_option_is_bad_usage() -> None:
    misused("recognitions", "UA-DPR", "--when", ARTICLE_DAY)


def test_an_unknown_disputed_policy_is_bad_usage() -> None:
    assert "invalid choice: 'maybe'" in misused("recognitions", "UA-DPR", "--disputed", "maybe")


ADDITION = {
    "format": "geostate/1",
    "events": [
        {
            "type": "recognized",
            "id": "hypothetical-ni-recognizes-ua-dpr",
            "date": "[..2022-08]",
            "recognizer": "NI",
            "subject": "UA-DPR",
            "sources": [{"url": "https://example.org/x", "title": "Example", "publisher": "X"}],
        }
    ],
}


def test_validate_with_bundled_checks_an_addition_against_the_bundled_data(tmp_path: Path) -> None:
    addition = tmp_path / "addition.json"
    addition.write_text(json.dumps(ADDITION), encoding="utf-8")
    alone = run("validate", str(addition))
    assert alone.returncode == 1
    assert "recognizer 'NI' is not an entity" in alone.stderr
    together = run("validate", str(addition), "--with-bundled")
    assert together.returncode == 0, together.stderr
    assert "valid" in together.stdout


def test_load_with_bundled_and_save_with_meta(tmp_path: Path) -> None:
    addition = tmp_path / "addition.json"
    addition.write_text(json.dumps(ADDITION), encoding="utf-8")
    grown = geostate.load(addition, with_bundled=True)
    assert "NI" in grown.recognizers("UA-DPR", on="2022-08-31")
    assert "NI" not in geostate.load().recognizers("UA-DPR", on="2022-08-31")
    saved = tmp_path / "saved.json"
    geostate.save(grown, saved, meta={"covers": "the bundled data and one addition"})
    assert json.loads(saved.read_text(encoding="utf-8"))["meta"]["covers"].startswith("the bundled")
    assert geostate.load(saved) == grown


# geostate resolve


def test_resolve_prints_each_names_code() -> None:
    out = succeeds("resolve", "Corée du Nord", "ДНР", "Pyongyang", "--on", ARTICLE_DAY)
    lines = out.splitlines()
    assert lines[0] == "Corée du Nord: KP North Korea (short, fr 'Corée du Nord', 1.00)"
    assert lines[1].startswith("ДНР: UA-DPR Donetsk People's Republic (acronym, ru 'ДНР'")
    assert lines[2].startswith("Pyongyang: KP North Korea (capital")


def test_resolve_json_lists_every_candidate() -> None:
    data = succeeds_json("resolve", "Lougansk", "--lang", "fr", "--on", ARTICLE_DAY)
    assert data["on"] == ARTICLE_DAY
    assert data["lang"] == "fr"
    (name,) = data["names"]
    assert (name["text"], name["status"], name["code"]) == ("Lougansk", "resolved", "UA-LPR")
    assert [(c["code"], c["kind"], c["score"]) for c in name["candidates"]] == [
        ("UA-LPR", "alias", 0.95),
        ("UA-09", "subdivision", 0.9),
    ]
    assert name["candidates"][1]["polity"] == "Luhanska oblast"


def test_resolve_by_date() -> None:
    data = succeeds_json("resolve", "Yugoslavia", "--on", "2000-01-01")
    assert data["names"][0]["code"] == "CSXX"
    data = succeeds_json("resolve", "Yugoslavia", "--on", "1990-01-01")
    assert data["names"][0]["code"] == "YUCS"


def test_resolve_exits_3_when_a_name_finds_no_single_code() -> None:
    result = run("resolve", "Ukraine", "Donbass", "Atlantis")
    assert result.returncode == 3, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Ukraine: UA Ukraine")
    assert lines[1].startswith("Donbass: ambiguous: UA-DPR Donetsk People's Republic")
    assert lines[2].startswith("  also: UA-09")
    assert lines[3] == "Atlantis: not found"
    result = run("resolve", "Atlantis", "--json")
    assert result.returncode == 3
    assert json.loads(result.stdout)["names"][0] == {
        "text": "Atlantis",
        "status": "not found",
        "code": None,
        "candidates": [],
    }


def test_resolve_near() -> None:
    assert run("resolve", "Ukriane").returncode == 3
    assert succeeds_json("resolve", "Ukriane", "--near")["names"][0]["code"] == "UA"


def test_resolve_bad_input() -> None:
    assert "2022-13-01" in fails("resolve", "Ukraine", "--on", "2022-13-01")
    misused("resolve")
