"""A deliberately naive reading of the rules: scan every fact for every question.

The World answers from indexes; these functions answer the same questions the slow,
obvious way, so the property tests can compare the two.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import geostate
from geostate import Disputed, RelationStatus

RELATIONS = (geostate.RelationsEstablished, geostate.RelationsSuspended, geostate.RelationsSevered)


def counted(events: Sequence[geostate.Event], policy: Disputed) -> list[geostate.Event]:
    return [e for e in events if policy is Disputed.INCLUDE or not e.disputed_by]


def alive(events: Sequence[geostate.Event], code: str, day: dt.date, policy: Disputed) -> bool:
    facts = counted(events, policy)
    starts = [
        e.date for e in facts if isinstance(e, geostate.IndependenceDeclared) and e.entity == code
    ]
    ends = [e.date for e in facts if isinstance(e, geostate.EntityEnded) and e.entity == code]
    if starts and min(starts, key=lambda d: d.sort_key()).last_day > day:
        return False
    return not (ends and ends[0].last_day <= day)


def _steps(facts: list[geostate.Event]) -> list[tuple[dt.date, geostate.Event]]:
    ordered = sorted(facts, key=lambda e: e.date.sort_key())
    steps: list[tuple[dt.date, geostate.Event]] = []
    for event in ordered:
        day = event.date.last_day if not steps else max(event.date.last_day, steps[-1][0])
        steps.append((day, event))
    return steps


def recognizes(
    events: Sequence[geostate.Event], a: str, b: str, day: dt.date, policy: Disputed
) -> bool:
    pair = [
        e
        for e in counted(events, policy)
        if isinstance(e, geostate.Recognized | geostate.RecognitionWithdrawn)
        and (e.recognizer, e.subject) == (a, b)
    ]
    in_force = False
    for effective, event in _steps(pair):
        if effective <= day:
            in_force = isinstance(event, geostate.Recognized)
    return in_force and alive(events, a, day, policy) and alive(events, b, day, policy)


def relations(
    events: Sequence[geostate.Event], a: str, b: str, day: dt.date, policy: Disputed
) -> RelationStatus:
    pair = [
        e for e in counted(events, policy) if isinstance(e, RELATIONS) and set(e.parties) == {a, b}
    ]
    status = RelationStatus.UNKNOWN
    for effective, event in _steps(pair):
        if effective <= day:
            assert isinstance(event, RELATIONS)
            status = event.status
    return status


def probe_days(world: geostate.World) -> list[dt.date]:
    """Days where answers may change, the day before each, and the far past and future."""
    found = {dt.date(1900, 1, 1), dt.date(2100, 1, 1)}
    for event in world.events:
        found |= {event.date.last_day, event.date.last_day - dt.timedelta(days=1)}
    return sorted(found)
