"""The World: polities, facts and sanctions, validated as a whole, indexed, queried by date.

>>> import datetime as dt, geostate
>>> world = geostate.load()
>>> day = dt.date(2022, 7, 14)
>>> sorted(world.recognizers("UA-DPR", on=day) & world.un_members(on=day))
['KP', 'RU', 'SY']
>>> world.relations("UA", "KP", on=dt.date(2022, 7, 14))
<RelationStatus.SEVERED: 'severed'>
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from geostate import rules
from geostate._index import Index, Lifespan, MeasureInForce
from geostate.codes import is_subdivision_code, kind_of, normalize
from geostate.errors import (
    InvalidCode,
    InvalidData,
    InvalidDate,
    InvalidValue,
    UnknownAuthority,
    UnknownEntity,
    UnknownEvent,
    UnknownRegime,
)
from geostate.model import (
    Authority,
    BreakawayRegion,
    Event,
    Measure,
    Polity,
    RecognitionKind,
    RecognitionWithdrawn,
    Recognized,
    RelationsEvent,
    RelationStatus,
    Role,
    SanctionsRegime,
)
from geostate.rules import Disputed

__all__ = ["Lifespan", "MeasureInForce", "RecognitionReport", "Share", "World"]

#: The authority whose members are the UN member states.
UN = "UN"
#: The UN Security Council.
UNSC = "UNSC"


def _day(on: dt.date | str | None) -> dt.date:
    """Read a query's `on`: a date, an ISO day ``'2022-07-14'``, or None for today."""
    if on is None:
        return dt.date.today()
    if isinstance(on, dt.datetime):
        return on.date()
    if isinstance(on, dt.date):
        return on
    if isinstance(on, str):
        try:
            return dt.date.fromisoformat(on.strip())
        except ValueError:
            raise InvalidDate(f"on={on!r}: expected a day such as '2022-07-14'") from None
    raise InvalidDate(f"on={on!r}: expected a datetime.date or a day such as '2022-07-14'")


@attrs.frozen
class Share:
    """How many of the UN member states on a day recognise something: ``count`` of ``total``."""

    count: int
    total: int

    def __float__(self) -> float:
        return self.count / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.count} of {self.total}"


@attrs.frozen
class RecognitionReport:
    """Where one polity whose statehood is in question stands on a day, and what backs it.

    `recognizers` are those recognising it on the day, `un_share` how many of them are UN
    member states (`None` if the world holds no ``UN``), `withdrawals` the withdrawals of
    recognition that have taken effect by the day, and `facts` / `sources` how many facts
    involve the polity in the data and how many distinct source urls they cite.
    """

    code: str
    name: str
    exists: bool
    recognizers: frozenset[str]
    un_share: Share | None
    withdrawals: tuple[RecognitionWithdrawn, ...]
    facts: int
    sources: int


@attrs.frozen(init=False, repr=False)
class World:
    """An immutable, validated set of polities, facts, authorities and regimes.

    Build one with keyword arguments in any order of facts (rule 7); it is checked as a
    whole and raises `InvalidData` listing every problem. Queries take `on` (a date,
    default today) and answer from indexes built once per dispute policy.
    """

    _entities: tuple[Polity, ...] = attrs.field(alias="entities")
    _events: tuple[Event, ...] = attrs.field(alias="events")
    _authorities: tuple[Authority, ...] = attrs.field(alias="authorities")
    _regimes: tuple[SanctionsRegime, ...] = attrs.field(alias="regimes")
    _indexes: dict[Disputed, Index] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def __init__(
        self,
        *,
        entities: Iterable[Polity] = (),
        events: Iterable[Event] = (),
        authorities: Iterable[Authority] = (),
        regimes: Iterable[SanctionsRegime] = (),
    ) -> None:
        entities, events = tuple(entities), tuple(events)
        authorities, regimes = tuple(authorities), tuple(regimes)
        problems = rules.check(entities, events, authorities, regimes)
        if problems:
            raise InvalidData(problems, what="world")
        self.__attrs_init__(
            entities=tuple(sorted(entities, key=lambda e: e.code)),
            events=tuple(rules.canonical_order(events)),
            authorities=tuple(sorted(authorities, key=lambda a: a.code)),
            regimes=tuple(sorted(regimes, key=lambda r: r.id)),
        )
        self._index(Disputed.INCLUDE)  # built now so that later queries are lookups

    def __repr__(self) -> str:
        return (
            f"<World: {len(self._entities)} entities, {len(self._events)} events, "
            f"{len(self._authorities)} authorities, {len(self._regimes)} regimes>"
        )

    def _index(self, policy: Disputed) -> Index:
        index = self._indexes.get(policy)
        if index is None:
            index = self._indexes[policy] = Index.build(self, policy)
        return index

    def merge(self, other: World) -> World:
        """A new world holding the facts of both (checked as a whole)."""
        return World(
            entities=self._entities + other._entities,
            events=self._events + other._events,
            authorities=self._authorities + other._authorities,
            regimes=self._regimes + other._regimes,
        )

    # -- contents -----------------------------------------------------------------------

    def entities(self) -> tuple[Polity, ...]:
        """Every polity, in code order."""
        return self._entities

    def events(self) -> tuple[Event, ...]:
        """Every fact, in date order (then id): the order rule 7 gives any world."""
        return self._events

    def authorities(self) -> tuple[Authority, ...]:
        """Every sanctioning authority, in code order."""
        return self._authorities

    def regimes(self) -> tuple[SanctionsRegime, ...]:
        """Every sanctions regime, in id order."""
        return self._regimes

    # -- entities ---------------------------------------------------------------------

    def _code(self, code: str) -> str:
        try:
            canonical = normalize(code)
        except InvalidCode as error:
            raise UnknownEntity(
                code if isinstance(code, str) else repr(code), hint=str(error)
            ) from None
        if canonical not in self._index(Disputed.INCLUDE).entities:
            try:
                kind_of(canonical)
            except InvalidCode as error:
                raise UnknownEntity(canonical, hint=str(error)) from None
            raise UnknownEntity(canonical, hint="a valid code, but this world holds no facts on it")
        return canonical

    def entity(self, code: str) -> Polity:
        """The polity with this code (case and surrounding space are forgiven)."""
        return self._index(Disputed.INCLUDE).entities[self._code(code)]

    def entities_of(self, codes: Iterable[str]) -> tuple[Polity, ...]:
        """The polities with these codes, in code order."""
        return tuple(self.entity(code) for code in sorted(set(codes)))

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str):
            return False
        try:
            self._code(code)
        except UnknownEntity:
            return False
        return True

    def event(self, event_id: str) -> Event:
        """The event with this id."""
        try:
            return self._index(Disputed.INCLUDE).events_by_id[event_id]
        except (KeyError, TypeError):
            raise UnknownEvent(event_id) from None

    def lifespan(self, code: str, *, disputed: Disputed = Disputed.INCLUDE) -> Lifespan:
        """When the polity began and ended, as the facts say (each end open if unknown)."""
        return self._index(disputed).lifespan(self._code(code))

    def exists(
        self, code: str, *, on: dt.date | str | None = None, disputed: Disputed = Disputed.INCLUDE
    ) -> bool:
        """Whether the polity exists on the day (rule 6 uses this)."""
        return self._index(disputed).alive(self._code(code), _day(on))

    # -- recognition ------------------------------------------------------------------

    def recognizers(
        self,
        code: str,
        *,
        on: dt.date | str | None = None,
        kind: RecognitionKind | None = None,
        disputed: Disputed = Disputed.INCLUDE,
    ) -> frozenset[str]:
        """The codes of those recognising the polity on the day (of `kind`, if given)."""
        facts = self._index(disputed).recognitions(self._code(code), _day(on), kind, incoming=True)
        return frozenset(fact.recognizer for fact in facts)

    def recognized_by(
        self,
        code: str,
        *,
        on: dt.date | str | None = None,
        kind: RecognitionKind | None = None,
        disputed: Disputed = Disputed.INCLUDE,
    ) -> frozenset[str]:
        """The codes of those the polity recognises on the day (of `kind`, if given)."""
        facts = self._index(disputed).recognitions(self._code(code), _day(on), kind, incoming=False)
        return frozenset(fact.subject for fact in facts)

    def recognitions(
        self,
        code: str,
        *,
        on: dt.date | str | None = None,
        incoming: bool = True,
        disputed: Disputed = Disputed.INCLUDE,
    ) -> tuple[Recognized, ...]:
        """The recognition facts in force on the day: of the polity (`incoming`), or by it.

        Each is the `Recognized` event behind an answer of `recognizers` (or
        `recognized_by`), with its date and sources; in the other side's code order.
        """
        return self._index(disputed).recognitions(
            self._code(code), _day(on), None, incoming=incoming
        )

    def mutually_recognize(
        self,
        a: str,
        b: str,
        *,
        on: dt.date | str | None = None,
        disputed: Disputed = Disputed.INCLUDE,
    ) -> bool:
        """Whether a and b recognise each other on the day: derived, never stored (rule 1)."""
        day, a, b = _day(on), self._code(a), self._code(b)
        return b in self.recognized_by(a, on=day, disputed=disputed) and a in self.recognized_by(
            b, on=day, disputed=disputed
        )

    # -- relations --------------------------------------------------------------------

    def relations(
        self,
        a: str,
        b: str,
        *,
        on: dt.date | str | None = None,
        disputed: Disputed = Disputed.INCLUDE,
    ) -> RelationStatus:
        """The status of diplomatic relations between a and b on the day (rule 2: symmetric)."""
        return self._index(disputed).relations(*self._pair(a, b), _day(on))

    def relations_fact(
        self,
        a: str,
        b: str,
        *,
        on: dt.date | str | None = None,
        disputed: Disputed = Disputed.INCLUDE,
    ) -> RelationsEvent | None:
        """The event that set the relations between a and b as they stand on the day."""
        return self._index(disputed).relations_fact(*self._pair(a, b), _day(on))

    def relations_history(self, a: str, b: str) -> tuple[RelationsEvent, ...]:
        """Every relations event between a and b, in date order."""
        return self._index(Disputed.INCLUDE).relations_history(*self._pair(a, b))

    def _pair(self, a: str, b: str) -> tuple[str, str]:
        first, second = self._code(a), self._code(b)
        if first == second:
            raise InvalidValue(f"{first!r} cannot have relations with itself (rule 3)")
        return first, second

    # -- sanctions --------------------------------------------------------------------

    def authority(self, code: str) -> Authority:
        """The sanctioning authority with this code (``UNSC``, ``EU``, ``US``)."""
        index = self._index(Disputed.INCLUDE)
        try:
            return index.authorities[normalize(code)]
        except (KeyError, InvalidCode):
            raise UnknownAuthority(str(code), known=index.authorities) from None

    def regime(self, regime_id: str) -> SanctionsRegime:
        """The sanctions regime with this id."""
        try:
            return self._index(Disputed.INCLUDE).regimes[regime_id.strip().lower()]
        except (KeyError, AttributeError):
            raise UnknownRegime(str(regime_id)) from None

    def _authority_filter(self, by: str | None) -> str | None:
        return None if by is None else self.authority(by).code

    def target_code(self, code: str) -> str:
        """`code` in canonical form if sanctions queries can ask about it: a polity of this
        world, or an ISO 3166-2 subdivision code (a territory); `UnknownEntity` otherwise."""
        if isinstance(code, str) and is_subdivision_code(normalize(code)):
            canonical = normalize(code)
            if canonical not in self._index(Disputed.INCLUDE).entities:
                return canonical
        return self._code(code)

    def sanctions_against(
        self, code: str, *, on: dt.date | str | None = None, by: str | None = None
    ) -> tuple[MeasureInForce, ...]:
        """Each measure in force against `code` on the day, with its regime, the instruments
        that imposed it and the targets through which the regime reaches `code` (``via``).

        What reaches what:

        - a state (``UA``): regimes on it as a state, its government; not regimes on
          territory within it (those are `sanctions_within`);
        - a breakaway entity (``UA-DPR``): regimes on it, and regimes on the territory it
          claims (the non-government-controlled areas of ``UA-14``);
        - a territory, an ISO 3166-2 code (``UA-14``): regimes on it, and regimes on the
          breakaway entities that claim it.
        """
        return self._index(Disputed.INCLUDE).sanctions(
            self.target_code(code), _day(on), self._authority_filter(by)
        )

    def sanctions_within(
        self, code: str, *, on: dt.date | str | None = None, by: str | None = None
    ) -> tuple[MeasureInForce, ...]:
        """The measures in force on territory within the state `code`, not on its government:
        regimes on its territory or subdivisions (Crimea, ``UA-43``) and on breakaway entities
        it is the parent of (``UA-DPR``)."""
        return self._index(Disputed.INCLUDE).sanctions(
            self._code(code), _day(on), self._authority_filter(by), within=True
        )

    def regimes_against(
        self, code: str, *, on: dt.date | str | None = None, by: str | None = None
    ) -> tuple[SanctionsRegime, ...]:
        """The regimes in force against `code` on the day, by `by` if given, in id order
        (what reaches what: see `sanctions_against`). A regime is in force while at least
        one of its measures is: the Security Council's Iran regime, every measure of which
        was lifted on 2016-01-16 and re-imposed on 2025-09-27, is not in force between."""
        return self._index(Disputed.INCLUDE).regimes_in_force(
            self.target_code(code), _day(on), self._authority_filter(by)
        )

    def measures_against(
        self, code: str, *, on: dt.date | str | None = None, by: str | None = None
    ) -> frozenset[Measure]:
        """The measures in force against `code` on the day, by `by` if given."""
        return frozenset(m.measure for m in self.sanctions_against(code, on=on, by=by))

    def regimes_in_force(
        self, *, on: dt.date | str | None = None, by: str | None = None
    ) -> tuple[SanctionsRegime, ...]:
        """Every regime in force on the day, whatever its target, by `by` if given, in id
        order (in force: see `regimes_against`)."""
        return self._index(Disputed.INCLUDE).all_in_force(_day(on), self._authority_filter(by))

    def sanctioning_authorities(
        self, code: str, *, on: dt.date | str | None = None
    ) -> frozenset[str]:
        """The authorities with a regime in force against `code` on the day."""
        return frozenset(r.authority for r in self.regimes_against(code, on=on))

    def can_veto(self, regime_id: str, *, on: dt.date | str | None = None) -> frozenset[str]:
        """Who can veto a change to the regime on the day: the veto holders of its
        authority (the Security Council's permanent members), or no one."""
        return self.veto_holders(self.regime(regime_id).authority, on=on)

    def members(
        self, authority: str, *, on: dt.date | str | None = None, role: Role | None = None
    ) -> frozenset[str]:
        """The members of an authority on the day (with `role`, if given)."""
        day = _day(on)
        return frozenset(
            m.member
            for m in self.authority(authority).memberships
            if (role is None or m.role is role) and m.in_force(day)
        )

    def veto_holders(
        self, authority: str = UNSC, *, on: dt.date | str | None = None
    ) -> frozenset[str]:
        """Who can veto the authority's decisions on the day (the Security Council's P5)."""
        day = _day(on)
        return frozenset(
            m.member for m in self.authority(authority).memberships if m.veto and m.in_force(day)
        )

    def un_members(self, *, on: dt.date | str | None = None) -> frozenset[str]:
        """The UN member states on the day (`UnknownAuthority` if this world has no ``UN``)."""
        return self.members(UN, on=on, role=Role.MEMBER)

    def has_authority(self, code: str) -> bool:
        """Whether this world holds the authority (``UN``, ``UNSC``, ``EU``, ...)."""
        return (
            isinstance(code, str)
            and code.strip().upper() in self._index(Disputed.INCLUDE).authorities
        )

    def recognition_share(
        self, code: str, *, on: dt.date | str | None = None, disputed: Disputed = Disputed.INCLUDE
    ) -> Share:
        """How many UN member states recognise the polity on the day, of how many."""
        day = _day(on)
        members = self.un_members(on=day)
        return Share(len(self.recognizers(code, on=day, disputed=disputed) & members), len(members))

    def recognition_report(
        self, *, on: dt.date | str | None = None, disputed: Disputed = Disputed.INCLUDE
    ) -> tuple[RecognitionReport, ...]:
        """One `RecognitionReport` for each polity whose statehood is in question, by code.

        Those are every breakaway region, and every state that is the subject of a
        recognition fact (Kosovo, Palestine, Taiwan, ...): states whose recognition the data
        records one by one.
        """
        day = _day(on)
        index = self._index(disputed)
        subjects = {e.subject for e in self._events if isinstance(e, Recognized)}
        has_un = self.has_authority(UN)
        reports = []
        for entity in self._entities:
            if not (isinstance(entity, BreakawayRegion) or entity.code in subjects):
                continue
            timeline = self._index(Disputed.INCLUDE).timeline(entity.code)
            withdrawals = tuple(
                e
                for e in timeline
                if isinstance(e, RecognitionWithdrawn)
                and e.subject == entity.code
                and rules.effective_day(e) <= day
                and rules.counts(e, disputed)
            )
            reports.append(
                RecognitionReport(
                    code=entity.code,
                    name=entity.name,
                    exists=index.alive(entity.code, day),
                    recognizers=self.recognizers(entity.code, on=day, disputed=disputed),
                    un_share=(
                        self.recognition_share(entity.code, on=day, disputed=disputed)
                        if has_un
                        else None
                    ),
                    withdrawals=withdrawals,
                    facts=len(timeline),
                    sources=len({s.url for e in timeline for s in e.sources}),
                )
            )
        return tuple(reports)

    # -- time ---------------------------------------------------------------------------

    def timeline(self, code: str) -> tuple[Event, ...]:
        """Every event involving the polity, in date order."""
        return self._index(Disputed.INCLUDE).timeline(self._code(code))

    def changes(self, start: dt.date | str, end: dt.date | str) -> tuple[Event, ...]:
        """The events that take effect from `start` to `end`, both included, in date order."""
        return self._index(Disputed.INCLUDE).changes(_day(start), _day(end))
