"""The recognition report: one row per polity whose statehood is in question."""

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
    return {"url": f"https://example.org/{n}", "title": f"Report {n}", "publisher": "Example"}


DOCUMENT: dict[str, Any] = {
    "format": "geostate/1",
    "entities": [
        {"type": "state", "code": code, "names": {"en": name}}
        for code, name in [
            ("RS", "Serbia"), ("AL", "Albania"), ("SR", "Suriname"), ("UA", "Ukraine")
        ]
    ]
    + [
        {"type": "state", "code": "XK", "names": {"en": "Kosovo"}, "parent": "RS"},
        {"type": "state", "code": "TW", "names": {"en": "Taiwan"}},
        {"type": "breakaway_region", "code": "UA-DPR", "names": {"en": "DPR"}, "parent": "UA"},
    ],
    "events": [
        {"type": "independence_declared", "id": "xk-declared", "date": "2008-02-17",
         "entity": "XK", "sources": [_source(1)]},
        {"type": "recognized", "id": "al-recognizes-xk", "date": "2008-02-18",
         "recognizer": "AL", "subject": "XK", "sources": [_source(2)]},
        {"type": "recognized", "id": "sr-recognizes-xk", "date": "2016-07",
         "recognizer": "SR", "subject": "XK", "sources": [_source(3), _source(2)]},
        {"type": "recognition_withdrawn", "id": "sr-withdraws-xk", "date": "2017-10-27",
         "recognizer": "SR", "subject": "XK", "asserted_by": ["RS"], "disputed_by": ["XK"],
         "sources": [_source(4)]},
    ],
    "authorities": [
        {"code": "UN", "names": {"en": "United Nations"}, "kind": "international_organization",
         "sources": [_source(8)],
         "memberships": [
             {"member": code, "role": "member", "start": "2006-06-28", "sources": [_source(9)]}
             for code in ("RS", "AL", "SR", "UA")
         ]},
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def world() -> geostate.World:
    return geostate.loads(json.dumps(DOCUMENT))


def rows(world: geostate.World, **query: Any) -> dict[str, geostate.RecognitionReport]:
    return {report.code: report for report in world.recognition_report(**query)}


def test_the_report_covers_breakaways_and_states_whose_recognition_is_recorded(
    world: geostate.World,
) -> None:
    # Taiwan has no recognition fact here, so it is not a state in question in this world.
    assert list(rows(world, on="2020-01-01")) == ["UA-DPR", "XK"]


def test_counts_follow_the_day_and_withdrawals_so_far(world: geostate.World) -> None:
    before = rows(world, on="2016-07-30")["XK"]
    assert (before.recognizers, str(before.un_share), before.withdrawals) == (
        frozenset({"AL"}),
        "1 of 4",
        (),
    )
    month_end = rows(world, on="2016-07-31")["XK"]  # "2016-07" takes effect on its last day
    assert month_end.recognizers == {"AL", "SR"}
    after = rows(world, on="2017-10-27")["XK"]
    assert after.recognizers == {"AL"}
    assert [w.id for w in after.withdrawals] == ["sr-withdraws-xk"]
    assert (after.facts, after.sources) == (4, 4)  # four facts citing four distinct urls


def test_the_dispute_policy_decides_whether_a_disputed_withdrawal_counts(
    world: geostate.World,
) -> None:
    excluded = rows(world, on="2020-01-01", disputed=geostate.Disputed.EXCLUDE)["XK"]
    assert excluded.recognizers == {"AL", "SR"}
    assert excluded.withdrawals == ()
    assert excluded.facts == 4  # the data behind it does not depend on the policy


def test_a_polity_before_its_declaration_does_not_exist(world: geostate.World) -> None:
    early = rows(world, on="2000-01-01")["XK"]
    assert (early.exists, early.recognizers) == (False, frozenset())


def test_the_command_prints_the_report(tmp_path: Path) -> None:
    path = tmp_path / "world.json"
    path.write_text(json.dumps(DOCUMENT), encoding="utf-8")
    text = subprocess.run(
        [str(GEOSTATE), "--data", str(path), "report", "--on", "2017-10-27"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "on 2017-10-27; 4 UN member states" in text
    line = next(line for line in text.splitlines() if line.startswith("XK "))
    assert line.split() == ["XK", "Kosovo", "yes", "1", "1", "of", "4", "(25.0%)", "1", "4", "4"]
    data = json.loads(
        subprocess.run(
            [str(GEOSTATE), "--data", str(path), "report", "--on", "2017-10-27", "--json",
             "--disputed", "exclude"],
            capture_output=True, text=True, check=True,
        ).stdout
    )  # fmt: skip
    xk = next(row for row in data["entities"] if row["code"] == "XK")
    assert xk["recognizers"] == ["AL", "SR"]
    assert xk["un_members_recognizing"] == {"count": 2, "of": 4}
    assert data["disputed"] == "exclude"


def test_the_command_refuses_a_bad_day() -> None:
    result = subprocess.run(
        [str(GEOSTATE), "report", "--on", "2022-02-30"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stderr.startswith("geostate: error: --on '2022-02-30'")
