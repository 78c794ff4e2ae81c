"""The named rules every world obeys (documented in ``docs/rules.md``).

1. DIRECTED: recognition is directed; mutual recognition is derived, never stored.
2. SYMMETRIC: relations are symmetric; either side severing ends them for both.
3. IRREFLEXIVE: nothing recognises, or has relations with, itself.
4. CAUSAL: an answer for day d depends only on facts dated on or before d.
5. WITHDRAWAL: a withdrawal ends a recognition in force; a withdrawal of nothing, or
   overlapping recognitions of one pair, is an error.
6. BOTH_EXIST: a recognition is in force only while both sides exist.
7. ORDER_FREE: the same facts in any order build the same world.
8. ROUND_TRIP: ``loads(dumps(x)) == x`` for every model and every world.

This module holds the checks a world must pass to be built (`check`) and the small
functions through which `geostate.world` applies the rules when it answers.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from geostate.codes import is_subdivision_code
from geostate.errors import Problem
from geostate.model import (
    EVENT_TYPES,
    Authority,
    BreakawayRegion,
    EntityEnded,
    Event,
    Polity,
    RecognitionWithdrawn,
    Recognized,
    RelationsEstablished,
    RelationsSevered,
    RelationsSuspended,
    SanctionsRegime,
    State,
    TargetScope,
)

__all__ = [
    "Disputed",
    "Rule",
    "canonical_order",
    "check",
    "counts",
    "effective_day",
    "in_force",
    "pair_key",
]


class Rule(enum.Enum):
    """The rules, by name; `value` is the rule's number in the documentation."""

    DIRECTED = 1
    SYMMETRIC = 2
    IRREFLEXIVE = 3
    CAUSAL = 4
    WITHDRAWAL = 5
    BOTH_EXIST = 6
    ORDER_FREE = 7
    ROUND_TRIP = 8


class Disputed(enum.Enum):
    """What a query does with facts that someone disputes (`Event.disputed_by`).

    - ``INCLUDE`` (the default): count them, as their asserters state them;
    - ``EXCLUDE``: answer as if they had not happened.
    """

    INCLUDE = "include"
    EXCLUDE = "exclude"


def counts(event: Event, policy: Disputed) -> bool:
    """Whether `event` counts under `policy`."""
    return policy is Disputed.INCLUDE or not event.disputed_by


# -- Applying the rules when answering ---------------------------------------------------


def pair_key(a: str, b: str) -> tuple[str, str]:
    """Rule 2 (SYMMETRIC): relations between a and b are stored under one unordered key."""
    return (a, b) if a <= b else (b, a)


def in_force(start: dt.date | None, end: dt.date | None, on: dt.date) -> bool:
    """Rule 4 (CAUSAL): something from `start` until `end` (exclusive) holds on `on`.

    `None` for `start` means "since before any record", for `end` "still".
    """
    return (start is None or start <= on) and (end is None or on < end)


def effective_day(event: Event) -> dt.date:
    """Rule 4 (CAUSAL): the day a fact takes effect, the last day its date allows.

    geostate answers only what was certainly true: a recognition dated "2008" counts from
    2008-12-31. One pair's facts are ordered by this day (`PartialDate.sort_key`), so a
    fact that takes effect later never changes an answer for an earlier day.
    """
    return event.date.last_day


def canonical_order(events: Iterable[Event]) -> list[Event]:
    """Rule 7 (ORDER_FREE): the one order a world keeps its events in."""
    return sorted(events, key=lambda e: (e.date.sort_key(), e.id))


# -- Checking a world before it is built -------------------------------------------------


@attrs.frozen
class _Checker:
    entities: Sequence[Polity]
    events: Sequence[Event]
    authorities: Sequence[Authority]
    regimes: Sequence[SanctionsRegime]
    problems: list[Problem] = attrs.field(factory=list)

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def add_once(self, path: str, message: str) -> None:
        if not any(p.path == path for p in self.problems):
            self.add(path, message)

    def known(self, codes: set[str], path: str, code: str | None, what: str) -> None:
        if code is not None and code not in codes:
            self.add(path, f"{what} {code!r} is not an entity of this world")


def check(
    entities: Sequence[Polity],
    events: Sequence[Event],
    authorities: Sequence[Authority],
    regimes: Sequence[SanctionsRegime],
) -> list[Problem]:
    """Every problem that keeps these facts from making a world, with its path.

    Paths index the sequences as given (``events[3].recognizer``).
    """
    kinds = {
        "entities": (entities, (State, BreakawayRegion), "a State or BreakawayRegion"),
        "events": (events, EVENT_TYPES, "an event (Recognized, RelationsSevered, ...)"),
        "authorities": (authorities, (Authority,), "an Authority"),
        "regimes": (regimes, (SanctionsRegime,), "a SanctionsRegime"),
    }
    misplaced = [
        Problem(f"{name}[{i}]", f"expected {label}, not {type(item).__name__} {item!r}")
        for name, (items, classes, label) in kinds.items()
        for i, item in enumerate(items)
        if not isinstance(item, classes)
    ]
    if misplaced:  # nothing else can be checked on objects of the wrong kind
        return misplaced
    checker = _Checker(entities, events, authorities, regimes)
    codes = _check_entities(checker)
    ids = _check_event_references(checker, codes)
    _check_sequences(checker, ids)
    _check_sanctions(checker, codes)
    return checker.problems


def _check_entities(c: _Checker) -> set[str]:
    seen: dict[str, int] = {}
    for i, entity in enumerate(c.entities):
        if entity.code in seen:
            c.add(f"entities[{i}].code", f"{entity.code!r} repeats entities[{seen[entity.code]}]")
        seen.setdefault(entity.code, i)
    codes = set(seen)
    for i, entity in enumerate(c.entities):
        c.known(codes, f"entities[{i}].parent", entity.parent, "parent")
        if isinstance(entity, BreakawayRegion):
            c.known(codes, f"entities[{i}].patron", entity.patron, "patron")
    return codes


def _event_codes(event: Event) -> list[tuple[str, str | None]]:
    fields: list[tuple[str, str | None]] = []
    if isinstance(event, Recognized | RecognitionWithdrawn):
        fields += [("recognizer", event.recognizer), ("subject", event.subject)]
    elif isinstance(event, RelationsEstablished | RelationsSuspended | RelationsSevered):
        fields += [(f"parties[{k}]", code) for k, code in enumerate(event.parties)]
    elif isinstance(event, EntityEnded):
        fields += [("entity", event.entity), ("absorbed_into", event.absorbed_into)]
    else:
        fields.append(("entity", event.entity))
    fields += [(f"asserted_by[{k}]", code) for k, code in enumerate(event.asserted_by)]
    fields += [(f"disputed_by[{k}]", code) for k, code in enumerate(event.disputed_by)]
    return fields


_LABELS = {"parties": "party", "asserted_by": "asserter", "disputed_by": "disputer"}


def _check_event_references(c: _Checker, codes: set[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for i, event in enumerate(c.events):
        if event.id in ids:
            c.add(f"events[{i}].id", f"{event.id!r} repeats events[{ids[event.id]}]")
        ids.setdefault(event.id, i)
        for field, code in _event_codes(event):
            c.known(codes, f"events[{i}].{field}", code, _LABELS.get(field.split("[")[0], field))
        # Rule 3 (IRREFLEXIVE).
        if (
            isinstance(event, Recognized | RecognitionWithdrawn)
            and event.recognizer == event.subject
        ):
            c.add(f"events[{i}]", f"{event.recognizer!r} cannot recognise itself (rule 3)")
        if isinstance(event, RelationsEstablished | RelationsSuspended | RelationsSevered) and (
            event.parties[0] == event.parties[1]
        ):
            c.add(
                f"events[{i}].parties",
                f"{event.parties[0]!r} cannot have relations with itself (rule 3)",
            )
        overlap = set(event.asserted_by) & set(event.disputed_by)
        if overlap:
            c.add(f"events[{i}]", f"{sorted(overlap)} both assert and dispute the fact")
    for i, event in enumerate(c.events):
        target = event.in_response_to
        if target is None:
            continue
        if target not in ids:
            c.add(f"events[{i}].in_response_to", f"no event has id {target!r}")
        elif c.events[ids[target]].date.first_day > event.date.last_day:
            c.add(
                f"events[{i}].in_response_to",
                f"{target!r} is dated {c.events[ids[target]].date}, "
                f"after this event ({event.date})",
            )
    return ids


def _check_sequences(c: _Checker, ids: dict[str, int]) -> None:
    recognitions: dict[tuple[str, str], list[int]] = defaultdict(list)
    relations: dict[tuple[str, str], list[int]] = defaultdict(list)
    endings: dict[str, list[int]] = defaultdict(list)
    for i, event in enumerate(c.events):
        if isinstance(event, Recognized | RecognitionWithdrawn):
            recognitions[(event.recognizer, event.subject)].append(i)
        elif isinstance(event, RelationsEstablished | RelationsSuspended | RelationsSevered):
            relations[pair_key(*event.parties)].append(i)
        elif isinstance(event, EntityEnded):
            endings[event.entity].append(i)
    # One pair's facts on one date have no order (checked on all facts, disputed or not).
    for indexes in [*recognitions.values(), *relations.values()]:
        _check_same_day(c, indexes)
    for policy in Disputed:
        for pair, indexes in recognitions.items():
            _check_recognitions(
                c, pair, [i for i in indexes if counts(c.events[i], policy)], policy
            )
        for entity, indexes in endings.items():
            kept = [i for i in indexes if counts(c.events[i], policy)]
            if len(kept) > 1:
                c.add(f"events[{kept[1]}]", f"{entity!r} already ended (events[{kept[0]}])")


def _ordered(c: _Checker, indexes: list[int]) -> list[int]:
    return sorted(indexes, key=lambda i: c.events[i].date.sort_key())


def _check_same_day(c: _Checker, indexes: list[int]) -> None:
    ordered = _ordered(c, indexes)
    for before, after in itertools.pairwise(ordered):
        if c.events[before].date.sort_key() == c.events[after].date.sort_key():
            c.add(
                f"events[{after}].date",
                f"events[{before}] concerns the same pair on the same date "
                f"({c.events[after].date}), so their order is unknown",
            )


def _check_recognitions(
    c: _Checker, pair: tuple[str, str], indexes: list[int], policy: Disputed
) -> None:
    """Rule 5 (WITHDRAWAL): recognitions of one pair never overlap; withdrawals end one."""
    condition = "" if policy is Disputed.INCLUDE else " once disputed facts are left out"
    add = c.add if policy is Disputed.INCLUDE else c.add_once
    in_force_kind = None
    for i in _ordered(c, indexes):
        event = c.events[i]
        if isinstance(event, Recognized):
            if in_force_kind is event.kind:
                add(
                    f"events[{i}]",
                    f"{pair[0]!r} already recognises {pair[1]!r} ({event.kind.value}) on "
                    f"{event.date}{condition}: overlapping recognitions (rule 5)",
                )
            in_force_kind = event.kind
        else:
            if in_force_kind is None:
                add(
                    f"events[{i}]",
                    f"{pair[0]!r} withdraws a recognition of {pair[1]!r} that is not in force "
                    f"on {event.date}{condition} (rule 5)",
                )
            in_force_kind = None


def _check_sanctions(c: _Checker, codes: set[str]) -> None:
    authority_codes: dict[str, int] = {}
    for i, authority in enumerate(c.authorities):
        if authority.code in authority_codes:
            c.add(
                f"authorities[{i}].code",
                f"{authority.code!r} repeats authorities[{authority_codes[authority.code]}]",
            )
        authority_codes.setdefault(authority.code, i)
        if authority.kind.value == "state":
            c.known(codes, f"authorities[{i}].code", authority.code, "state authority")
        for k, membership in enumerate(authority.memberships):
            c.known(codes, f"authorities[{i}].memberships[{k}].member", membership.member, "member")
    regime_ids: dict[str, int] = {}
    for i, regime in enumerate(c.regimes):
        if regime.id in regime_ids:
            c.add(f"regimes[{i}].id", f"{regime.id!r} repeats regimes[{regime_ids[regime.id]}]")
        regime_ids.setdefault(regime.id, i)
        if regime.authority not in authority_codes:
            c.add(f"regimes[{i}].authority", f"authority {regime.authority!r} is not in this world")
        for k, target in enumerate(regime.targets):
            territorial = target.scope is TargetScope.TERRITORY and is_subdivision_code(target.code)
            if not territorial:
                c.known(codes, f"regimes[{i}].targets[{k}].code", target.code, "target")
