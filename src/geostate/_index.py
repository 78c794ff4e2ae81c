"""The indexes a `World` answers from: built once per dispute policy, then only looked up."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from geostate import rules
from geostate.codes import is_subdivision_code
from geostate.model import (
    Authority,
    BreakawayRegion,
    EntityEnded,
    Event,
    IndependenceDeclared,
    Instrument,
    Measure,
    PartialDate,
    Polity,
    RecognitionKind,
    RecognitionWithdrawn,
    Recognized,
    RelationsEstablished,
    RelationsEvent,
    RelationsSevered,
    RelationsSuspended,
    RelationStatus,
    SanctionsRegime,
    Target,
)
from geostate.rules import Disputed

if TYPE_CHECKING:
    from geostate.world import World

__all__ = ["Index", "Lifespan", "MeasureInForce"]


@attrs.frozen
class Lifespan:
    """When a polity began and ended, by the facts; `None` where the facts say nothing.

    `start` is its earliest declaration of independence, `end` the date it ended and
    `absorbed_into` what it was absorbed into, as the ending fact asserts.
    """

    start: PartialDate | None
    end: PartialDate | None
    absorbed_into: str | None = None

    def alive(self, on: dt.date) -> bool:
        """Whether the polity exists on the day (from `start`, until `end` exclusive)."""
        return rules.in_force(_last_day(self.start), _last_day(self.end), on)


@attrs.frozen
class MeasureInForce:
    """A measure in force: its regime, the instruments that imposed it (oldest first), and
    the regime's targets through which it reaches what was asked about."""

    regime: SanctionsRegime
    measure: Measure
    instruments: tuple[Instrument, ...]
    via: tuple[Target, ...] = ()

    @property
    def authority(self) -> str:
        return self.regime.authority


@attrs.frozen
class _Interval:
    start: dt.date
    end: dt.date | None
    fact: Recognized


_Recognitions = dict[str, dict[str, list[_Interval]]]
_ALWAYS = Lifespan(None, None)


@attrs.define
class Index:
    """Lookups for one world under one dispute policy."""

    entities: dict[str, Polity]
    events_by_id: dict[str, Event]
    authorities: dict[str, Authority]
    regimes: dict[str, SanctionsRegime]
    lifespans: dict[str, Lifespan]
    incoming: _Recognitions
    outgoing: _Recognitions
    relation_steps: dict[tuple[str, str], tuple[list[dt.date], list[RelationsEvent]]]
    by_entity: dict[str, tuple[Event, ...]]
    change_days: list[dt.date]
    change_events: list[Event]
    regimes_by_target: dict[str, list[tuple[SanctionsRegime, Target]]]
    claimed_by: dict[str, list[str]]
    measure_steps: dict[str, tuple[list[dt.date], list[dict[Measure, tuple[Instrument, ...]]]]]

    @classmethod
    def build(cls, world: World, policy: Disputed) -> Index:
        counted = [e for e in world.events() if rules.counts(e, policy)]
        incoming, outgoing = _recognitions(counted)
        by_entity: dict[str, list[Event]] = defaultdict(list)
        for event in world.events():
            for code in dict.fromkeys(event.involves):
                by_entity[code].append(event)
        changes = sorted(world.events(), key=lambda e: (e.date.last_day, e.date.sort_key(), e.id))
        regimes_by_target: dict[str, list[tuple[SanctionsRegime, Target]]] = defaultdict(list)
        for regime in world.regimes():
            for target in regime.targets:
                regimes_by_target[target.code].append((regime, target))
        return cls(
            entities={e.code: e for e in world.entities()},
            events_by_id={e.id: e for e in world.events()},
            authorities={a.code: a for a in world.authorities()},
            regimes={r.id: r for r in world.regimes()},
            lifespans=_lifespans(counted),
            incoming=incoming,
            outgoing=outgoing,
            relation_steps=_relations(counted),
            by_entity={code: tuple(events) for code, events in by_entity.items()},
            change_days=[e.date.last_day for e in changes],
            change_events=changes,
            regimes_by_target=dict(regimes_by_target),
            claimed_by=_claimed_by(world.entities()),
            measure_steps={r.id: _measure_steps(r) for r in world.regimes()},
        )

    # -- entities ---------------------------------------------------------------------

    def lifespan(self, code: str) -> Lifespan:
        return self.lifespans.get(code, _ALWAYS)

    def alive(self, code: str, on: dt.date) -> bool:
        """Rule 6 (BOTH_EXIST) asks this of both sides of a recognition."""
        return self.lifespan(code).alive(on)

    # -- recognition ------------------------------------------------------------------

    def recognitions(
        self, code: str, on: dt.date, kind: RecognitionKind | None, *, incoming: bool
    ) -> tuple[Recognized, ...]:
        """The recognition facts in force on the day, to `code` or from it, in code order."""
        # Rule 1 (DIRECTED): incoming and outgoing recognitions are separate indexes.
        table = (self.incoming if incoming else self.outgoing).get(code, {})
        if not self.alive(code, on):
            return ()
        found = []
        for other in sorted(table):
            for interval in table[other]:
                if (
                    rules.in_force(interval.start, interval.end, on)
                    and (kind is None or interval.fact.kind is kind)
                    and self.alive(other, on)
                ):
                    found.append(interval.fact)
        return tuple(found)

    # -- relations --------------------------------------------------------------------

    def relations_fact(self, a: str, b: str, on: dt.date) -> RelationsEvent | None:
        """The relations event between a and b in effect on the day, if any."""
        days, events = self.relation_steps.get(rules.pair_key(a, b), ([], []))
        # Rule 4 (CAUSAL): only steps that took effect on or before the day.
        position = bisect.bisect_right(days, on)
        return events[position - 1] if position else None

    def relations(self, a: str, b: str, on: dt.date) -> RelationStatus:
        fact = self.relations_fact(a, b, on)
        return RelationStatus.UNKNOWN if fact is None else fact.status

    def relations_history(self, a: str, b: str) -> tuple[RelationsEvent, ...]:
        return tuple(self.relation_steps.get(rules.pair_key(a, b), ([], []))[1])

    # -- time -------------------------------------------------------------------------

    def timeline(self, code: str) -> tuple[Event, ...]:
        return self.by_entity.get(code, ())

    def changes(self, start: dt.date, end: dt.date) -> tuple[Event, ...]:
        low = bisect.bisect_left(self.change_days, start)
        high = bisect.bisect_right(self.change_days, end)
        return tuple(self.change_events[low:high])

    # -- sanctions --------------------------------------------------------------------

    def _reach(self, code: str) -> list[tuple[SanctionsRegime, Target]]:
        """The (regime, target) pairs that reach `code` (see `World.sanctions_against`)."""
        found: list[tuple[SanctionsRegime, Target]] = []
        entity = self.entities.get(code)
        if entity is None and is_subdivision_code(code):
            # A territory: regimes on it, and regimes on the breakaways that claim it.
            found += [p for p in self.regimes_by_target.get(code, ()) if p[1].territorial]
            for claimant in self.claimed_by.get(code, ()):
                found += self.regimes_by_target.get(claimant, ())
        elif isinstance(entity, BreakawayRegion):
            # The entity itself, and the territory it claims (not the parent's government).
            found += self.regimes_by_target.get(code, ())
            for claim in entity.claims:
                found += [p for p in self.regimes_by_target.get(claim, ()) if p[1].territorial]
        else:
            # A state: its government, not territory within it (see `within`).
            found += [p for p in self.regimes_by_target.get(code, ()) if not p[1].territorial]
        return found

    def _within(self, code: str) -> list[tuple[SanctionsRegime, Target]]:
        """The (regime, target) pairs on territory within the state `code`: territory
        targets on it or its subdivisions, and targets on breakaways it is the parent of."""
        found: list[tuple[SanctionsRegime, Target]] = []
        for target_code, pairs in self.regimes_by_target.items():
            parent = self.entities.get(target_code)
            if target_code == code or (
                is_subdivision_code(target_code) and target_code.startswith(code + "-")
            ):
                found += [p for p in pairs if p[1].territorial]
            elif isinstance(parent, BreakawayRegion) and parent.parent == code:
                found += pairs
        return found

    def _in_force(
        self, pairs: list[tuple[SanctionsRegime, Target]], on: dt.date, by: str | None
    ) -> dict[str, tuple[SanctionsRegime, tuple[Target, ...]]]:
        regimes: dict[str, tuple[SanctionsRegime, tuple[Target, ...]]] = {}
        for regime, target in pairs:
            if (by is None or regime.authority == by) and (
                _regime_in_force(regime, on) and target.covers(on) and self._measures(regime, on)
            ):
                known = regimes.get(regime.id, (regime, ()))[1]
                if target not in known:
                    regimes[regime.id] = (regime, (*known, target))
        return dict(sorted(regimes.items()))

    def _measures(
        self, regime: SanctionsRegime, on: dt.date
    ) -> dict[Measure, tuple[Instrument, ...]]:
        """The regime's measures in force on the day, each with the instruments behind it."""
        days, states = self.measure_steps[regime.id]
        position = bisect.bisect_right(days, on)
        return states[position - 1] if position else {}

    def all_in_force(self, on: dt.date, by: str | None) -> tuple[SanctionsRegime, ...]:
        return tuple(
            regime
            for regime in self.regimes.values()
            if (by is None or regime.authority == by)
            and _regime_in_force(regime, on)
            and self._measures(regime, on)
        )

    def regimes_in_force(
        self, code: str, on: dt.date, by: str | None
    ) -> tuple[SanctionsRegime, ...]:
        return tuple(regime for regime, _ in self._in_force(self._reach(code), on, by).values())

    def sanctions(
        self, code: str, on: dt.date, by: str | None, *, within: bool = False
    ) -> tuple[MeasureInForce, ...]:
        pairs = self._within(code) if within else self._reach(code)
        found: list[MeasureInForce] = []
        for regime, via in self._in_force(pairs, on, by).values():
            state = self._measures(regime, on)
            found.extend(
                MeasureInForce(regime, measure, state[measure], via)
                for measure in sorted(state, key=lambda m: m.value)
            )
        return tuple(found)


def _claimed_by(entities: Iterable[Polity]) -> dict[str, list[str]]:
    """The breakaway entities claiming each ISO 3166-2 subdivision."""
    claimed: dict[str, list[str]] = defaultdict(list)
    for entity in entities:
        if isinstance(entity, BreakawayRegion):
            for claim in entity.claims:
                claimed[claim].append(entity.code)
    return dict(claimed)


def _pairs(events: Iterable[Event], kinds: tuple[type, ...]) -> dict[tuple[str, str], list[Event]]:
    pairs: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in events:
        if isinstance(event, kinds):
            if isinstance(event, Recognized | RecognitionWithdrawn):
                pairs[(event.recognizer, event.subject)].append(event)
            else:
                assert isinstance(
                    event, RelationsEstablished | RelationsSuspended | RelationsSevered
                )
                pairs[rules.pair_key(*event.parties)].append(event)
    return pairs


def _recognitions(events: list[Event]) -> tuple[_Recognitions, _Recognitions]:
    incoming: _Recognitions = defaultdict(dict)
    outgoing: _Recognitions = defaultdict(dict)
    for (recognizer, subject), pair_events in _pairs(
        events, (Recognized, RecognitionWithdrawn)
    ).items():
        ordered = sorted(pair_events, key=lambda e: e.date.sort_key())
        intervals: list[_Interval] = []
        open_fact: tuple[dt.date, Recognized] | None = None
        for event in ordered:
            day = rules.effective_day(event)
            if open_fact is not None:  # a withdrawal, or a change of kind, closes it
                intervals.append(_Interval(open_fact[0], day, open_fact[1]))
                open_fact = None
            if isinstance(event, Recognized):
                open_fact = (day, event)
        if open_fact is not None:
            intervals.append(_Interval(open_fact[0], None, open_fact[1]))
        incoming[subject][recognizer] = intervals
        outgoing[recognizer][subject] = intervals
    return dict(incoming), dict(outgoing)


def _relations(
    events: list[Event],
) -> dict[tuple[str, str], tuple[list[dt.date], list[RelationsEvent]]]:
    steps = {}
    kinds = (RelationsEstablished, RelationsSuspended, RelationsSevered)
    for pair, pair_events in _pairs(events, kinds).items():
        ordered = [
            e
            for e in sorted(pair_events, key=lambda e: e.date.sort_key())
            if isinstance(e, RelationsEstablished | RelationsSuspended | RelationsSevered)
        ]
        steps[pair] = ([rules.effective_day(e) for e in ordered], ordered)
    return steps


def _lifespans(events: list[Event]) -> dict[str, Lifespan]:
    starts: dict[str, PartialDate] = {}
    ends: dict[str, EntityEnded] = {}
    for event in events:
        if isinstance(event, IndependenceDeclared):
            current = starts.get(event.entity)
            if current is None or event.date.sort_key() < current.sort_key():
                starts[event.entity] = event.date
        elif isinstance(event, EntityEnded):
            ends[event.entity] = event
    return {
        code: Lifespan(
            starts.get(code),
            ends[code].date if code in ends else None,
            ends[code].absorbed_into if code in ends else None,
        )
        for code in starts.keys() | ends.keys()
    }


def _last_day(date: PartialDate | None) -> dt.date | None:
    return None if date is None else date.last_day


def _regime_in_force(regime: SanctionsRegime, on: dt.date) -> bool:
    return rules.in_force(regime.start.last_day, _last_day(regime.end), on)


def _measure_steps(
    regime: SanctionsRegime,
) -> tuple[list[dt.date], list[dict[Measure, tuple[Instrument, ...]]]]:
    days: list[dt.date] = []
    states: list[dict[Measure, tuple[Instrument, ...]]] = []
    state: dict[Measure, tuple[Instrument, ...]] = {}
    for instrument in regime.instruments:
        state = dict(state)
        for measure in instrument.lifts:
            state.pop(measure, None)
        for measure in instrument.imposes:
            state[measure] = (*state.get(measure, ()), instrument)
        if instrument.terminates:
            state = {}
        day = instrument.date.last_day
        if days and days[-1] == day:  # instruments of one day act together
            states[-1] = state
        else:
            days.append(day)
            states.append(state)
    return days, states
