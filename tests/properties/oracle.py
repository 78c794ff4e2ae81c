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
    if starts and min(d.last_day for d in starts) > day:
        return False
    return not (ends and ends[0].last_day <= day)


def _latest_by(facts: list[geostate.Event], day: dt.date) -> geostate.Event | None:
    """The fact that speaks last for the day: among those whose date is certainly past
    (its last day is on or before the day), the one with the latest last day, then the
    latest earliest day."""
    known = [e for e in facts if e.date.last_day <= day]
    return max(known, key=lambda e: (e.date.last_day, e.date.first_day), default=None)


def recognizes(
    events: Sequence[geostate.Event], a: str, b: str, day: dt.date, policy: Disputed
) -> bool:
    pair = [
        e
        for e in counted(events, policy)
        if isinstance(e, geostate.Recognized | geostate.RecognitionWithdrawn)
        and (e.recognizer, e.subject) == (a, b)
    ]
    last = _latest_by(pair, day)
    return (
        isinstance(last, geostate.Recognized)
        and alive(events, a, day, policy)
        and alive(events, b, day, policy)
    )


def relations(
    events: Sequence[geostate.Event], a: str, b: str, day: dt.date, policy: Disputed
) -> RelationStatus:
    pair = [
        e for e in counted(events, policy) if isinstance(e, RELATIONS) and set(e.parties) == {a, b}
    ]
    last = _latest_by(pair, day)
    return RelationStatus.UNKNOWN if last is None else last.status  # type: ignore[union-attr]


def probe_days(world: geostate.World) -> list[dt.date]:
    """Days where answers may change, the day before each, and the far past and future."""
    found = {dt.date(1900, 1, 1), dt.date(2100, 1, 1)}
    for event in world.events():
        found |= {event.date.last_day, event.date.last_day - dt.timedelta(days=1)}
    return sorted(found)
