"""Hypothesis strategies for geostate's public types, for your property tests and ours.

Needs the ``hypothesis`` extra (``pip install 'geostate[hypothesis]'``). Installing it
also registers these strategies with `hypothesis.strategies.from_type` through the
``hypothesis`` entry point, so ``st.from_type(geostate.World)`` builds valid worlds.

>>> from hypothesis import given
>>> @given(worlds())
... def test_relations_are_symmetric(world): ...
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from typing import Any

import pycountry

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "geostate.strategies needs Hypothesis: pip install 'geostate[hypothesis]'"
    ) from error

from geostate.codes import USER_ASSIGNED
from geostate.model import (
    EVENT_TYPES,
    Alias,
    AliasKind,
    Authority,
    AuthorityKind,
    BreakawayRegion,
    EntityEnded,
    Event,
    IndependenceDeclared,
    Instrument,
    Measure,
    Membership,
    Names,
    OtherDate,
    PartialDate,
    Polity,
    RecognitionKind,
    RecognitionWithdrawn,
    Recognized,
    RelationsEstablished,
    RelationsSevered,
    RelationsSuspended,
    Role,
    SanctionsRegime,
    Source,
    State,
    Target,
)
from geostate.world import World

__all__ = [
    "authorities",
    "breakaway_regions",
    "days",
    "events",
    "names",
    "partial_dates",
    "regimes",
    "sources",
    "state_codes",
    "states",
    "worlds",
]

# A fixed pool keeps generated worlds small and codes valid without asking pycountry.
STATE_CODES = ("AM", "AZ", "CN", "FR", "GB", "GE", "KP", "MD", "RS", "RU", "SY", "UA", "US")
_BREAKAWAY_MNEMONICS = ("DPR", "LPR", "PMR", "ABX", "SOX", "NKR", "TRNC")
_FIRST_YEAR, _LAST_YEAR = 1950, 2030


def state_codes() -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-2 codes of current states (and XK)."""
    return st.sampled_from((*STATE_CODES, *USER_ASSIGNED))


def days(
    min_value: dt.date = dt.date(_FIRST_YEAR, 1, 1),
    max_value: dt.date = dt.date(_LAST_YEAR, 12, 31),
) -> st.SearchStrategy[dt.date]:
    """Days in the range geostate's generated worlds use."""
    return st.dates(min_value=min_value, max_value=max_value)


def partial_dates(
    min_value: dt.date = dt.date(_FIRST_YEAR, 1, 1),
    max_value: dt.date = dt.date(_LAST_YEAR, 12, 31),
) -> st.SearchStrategy[PartialDate]:
    """Dates at every precision (day, month, year, and "on or before")."""

    # Two draws per date: the day, and its precision (mostly days; some months, years
    # and "on or before" bounds).
    def cut(ordinal: int, shape: int) -> PartialDate:
        day = dt.date.fromordinal(ordinal)
        precision, before = (2, 2, 2, 2, 1, 1, 0, 2)[shape], shape == 7
        month = day.month if precision >= 1 else None
        return PartialDate(
            day.year, month, day.day if precision == 2 else None, on_or_before=before
        )

    return st.builds(
        cut, st.integers(min_value.toordinal(), max_value.toordinal()), st.integers(0, 7)
    )


_TEXT = (
    st.text(
        alphabet=st.characters(categories=("L", "N"), include_characters=" -'"),
        min_size=1,
        max_size=24,
    )
    .map(str.strip)
    .filter(bool)
)


def names() -> st.SearchStrategy[Names]:
    """Names with an English name and up to three more languages."""
    return st.dictionaries(
        st.sampled_from(("fr", "ru", "uk", "ko", "ar", "zh-Hant")), _TEXT, max_size=3
    ).flatmap(lambda other: _TEXT.map(lambda en: Names({"en": en, **other})))


def sources() -> st.SearchStrategy[Source]:
    """Sources with an https url."""
    return st.builds(
        Source,
        url=st.from_regex(r"https://[a-z]{3,12}\.(org|com|int)/[a-z0-9/-]{0,20}", fullmatch=True),
        title=_TEXT,
        publisher=_TEXT,
        date=st.none() | partial_dates(),
        quote=st.none() | _TEXT,
    )


_SOURCES = st.lists(sources(), min_size=1, max_size=2).map(tuple)
_ALIASES = st.lists(
    st.builds(
        Alias, text=_TEXT, lang=st.sampled_from(("en", "fr", "ru")), kind=st.sampled_from(AliasKind)
    ),
    max_size=2,
    unique=True,
).map(tuple)


def states(
    code: st.SearchStrategy[str] | None = None, parents: tuple[str, ...] = ()
) -> st.SearchStrategy[State]:
    """States (current ISO 3166-1 codes); with `parents`, some have one of them as parent,
    claiming none or one of its subdivisions."""

    @st.composite
    def build(draw: Any) -> State:
        own = draw(state_codes() if code is None else code)
        others = tuple(p for p in parents if p != own)
        parent = draw(st.none() | st.sampled_from(others)) if others else None
        claims: tuple[str, ...] = ()
        if parent is not None:
            claims = tuple(draw(st.lists(st.sampled_from(_subdivisions_of(parent)), max_size=1)))
        return State(
            code=own,
            names=draw(names()),
            aliases=draw(_ALIASES),
            qid=draw(st.none() | st.integers(1, 10**8).map(lambda n: f"Q{n}")),
            ftm=draw(st.none() | st.from_regex(r"[a-z]{2}", fullmatch=True)),
            parent=parent,
            claims=claims,
            note=draw(st.none() | _TEXT),
        )

    return build()


@functools.cache
def _subdivisions_of(parent: str) -> tuple[str, ...]:
    return tuple(sorted(s.code for s in pycountry.subdivisions if s.country_code == parent))[:5]


def breakaway_regions(parents: tuple[str, ...] = STATE_CODES) -> st.SearchStrategy[BreakawayRegion]:
    """Breakaway regions of one of `parents`, with a patron among them (or none)."""

    def build(parent: str, mnemonic: str, patron: str | None, label: Names) -> BreakawayRegion:
        return BreakawayRegion(
            code=f"{parent}-{mnemonic}",
            names=label,
            parent=parent,
            patron=None if patron == parent else patron,
        )

    return st.builds(
        build,
        st.sampled_from(parents),
        st.sampled_from(_BREAKAWAY_MNEMONICS),
        st.none() | st.sampled_from(parents),
        names(),
    )


def _common(draw: Any, event_id: str, date: PartialDate) -> dict[str, Any]:
    return {
        "id": event_id,
        "date": date,
        "sources": draw(_SOURCES),
        "note": draw(st.none() | _TEXT),
        "other_dates": tuple(
            draw(st.lists(st.builds(OtherDate, date=partial_dates(), act=_TEXT), max_size=1))
        ),
    }


_EVENT_CLASSES = EVENT_TYPES


def events(
    codes: tuple[str, ...] = STATE_CODES, kinds: tuple[type, ...] = _EVENT_CLASSES
) -> st.SearchStrategy[Event]:
    """Single events of the given `kinds` between distinct codes (not checked against a world)."""

    @st.composite
    def build(draw: Any) -> Event:
        a, b = draw(st.lists(st.sampled_from(codes), min_size=2, max_size=2, unique=True))
        event_id = draw(st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True))
        common = _common(draw, event_id, draw(partial_dates()))
        kind = _EVENT_CLASSES.index(draw(st.sampled_from(kinds)))
        if kind == 0:
            return Recognized(
                recognizer=a, subject=b, kind=draw(st.sampled_from(RecognitionKind)), **common
            )
        if kind == 1:
            return RecognitionWithdrawn(recognizer=a, subject=b, **common)
        if kind == 5:
            return IndependenceDeclared(entity=a, **common)
        if kind == 6:
            return EntityEnded(entity=a, absorbed_into=draw(st.none() | st.just(b)), **common)
        cls = (RelationsEstablished, RelationsSuspended, RelationsSevered)[kind - 2]
        return cls(parties=(a, b), initiated_by=draw(st.none() | st.sampled_from((a, b))), **common)

    return build()


def authorities(members: tuple[str, ...] = STATE_CODES) -> st.SearchStrategy[Authority]:
    """Authorities with memberships (some holding a veto) among `members`."""

    @st.composite
    def build(draw: Any) -> Authority:
        chosen = draw(st.lists(st.sampled_from(members), max_size=5, unique=True))
        memberships = []
        for member in chosen:
            start = draw(partial_dates(max_value=dt.date(2000, 12, 31)))
            end = draw(st.none() | partial_dates(min_value=dt.date(2001, 1, 1)))
            memberships.append(
                Membership(
                    member=member,
                    role=draw(st.sampled_from(Role)),
                    start=start,
                    end=end,
                    veto=draw(st.booleans()),
                    sources=draw(_SOURCES),
                )
            )
        return Authority(
            code=draw(st.from_regex(r"[A-Z]{2,6}", fullmatch=True)),
            names=draw(names()),
            kind=draw(st.sampled_from(AuthorityKind)),
            memberships=tuple(memberships),
            sources=draw(_SOURCES),
        )

    return build()


def regimes(
    authority: str = "UNSC", targets: tuple[str, ...] = STATE_CODES, *, lean: bool = False
) -> st.SearchStrategy[SanctionsRegime]:
    """Regimes of `authority` whose instruments impose, lift and maybe end measures.

    `lean` draws titles, names and sources from small pools (for whole worlds).
    """
    text = st.just("Instrument") if lean else _TEXT
    label = _POOL_NAMES if lean else names()
    cited = _POOL_SOURCES if lean else _SOURCES

    @st.composite
    def build(draw: Any) -> SanctionsRegime:
        dates = sorted(
            draw(st.lists(days(), min_size=1, max_size=5, unique=True)),
        )
        in_force: set[Measure] = set()
        instruments = []
        for number, day in enumerate(dates):
            lifts = (
                draw(st.sets(st.sampled_from(sorted(in_force, key=lambda m: m.value))))
                if in_force
                else set()
            )
            imposes = draw(st.sets(st.sampled_from(Measure), max_size=4)) - lifts
            in_force = (in_force - lifts) | imposes
            instruments.append(
                Instrument(
                    citation=f"Instrument {number + 1}",
                    title=draw(text),
                    date=PartialDate.of(day),
                    imposes=tuple(imposes),
                    lifts=tuple(lifts),
                    terminates=number == len(dates) - 1 and draw(st.booleans()),
                    sources=draw(cited),
                )
            )
        return SanctionsRegime(
            id=draw(st.from_regex(r"[a-z]{2,5}-[0-9]{1,4}", fullmatch=True))
            if not lean
            else f"regime-{draw(st.integers(0, 9))}",
            authority=authority,
            names=draw(label),
            targets=tuple(
                Target(code=c)
                for c in draw(
                    st.lists(st.sampled_from(targets), min_size=1, max_size=2, unique=True)
                )
            ),
            instruments=tuple(instruments),
        )

    return build()


# Worlds draw many facts: their sources and names come from small pools, so that the
# entropy goes into the structure (who, when, in what order) the rules are about.
_POOL = tuple(
    (Source(url=f"https://example.org/{n}", title=f"Report {n}", publisher="Example"),)
    for n in range(3)
)
_POOL_SOURCES = st.sampled_from(_POOL)
_POOL_NAMES = st.sampled_from(
    tuple(Names({"en": f"Polity {n}", "fr": f"Entité {n}"}) for n in range(3))
)


def _increasing(draw: Any, count: int) -> list[PartialDate]:
    """`count` dates, strictly increasing in geostate's order and never equal."""
    found: dict[tuple[dt.date, dt.date], PartialDate] = {}
    for date in draw(st.lists(partial_dates(), min_size=count, max_size=count)):
        found.setdefault(date.sort_key(), date)
    return [found[key] for key in sorted(found)]


@st.composite
def worlds(draw: Any, *, max_states: int = 6, max_pairs: int = 8) -> World:
    """Valid worlds: a few states and breakaways, recognitions that obey rule 5,
    relations, declarations and endings (some disputed), an authority and a regime.
    """
    codes = draw(
        st.lists(st.sampled_from(STATE_CODES), min_size=2, max_size=max_states, unique=True)
    )
    entities: list[Polity] = [draw(states(st.just(code), tuple(codes))) for code in codes]
    for region in draw(
        st.lists(breakaway_regions(tuple(codes)), max_size=2, unique_by=lambda r: r.code)
    ):
        entities.append(region)
    all_codes = tuple(e.code for e in entities)
    counter = itertools.count()
    made: list[Event] = []

    def common(date: PartialDate, disputed: tuple[str, ...] = ()) -> dict[str, Any]:
        number = next(counter)
        return {
            "id": f"e{number}",
            "date": date,
            "sources": _POOL[number % 3],
            "disputed_by": disputed,
        }

    for entity in entities:
        if isinstance(entity, BreakawayRegion) and draw(st.booleans()):
            made.append(IndependenceDeclared(entity=entity.code, **common(draw(partial_dates()))))
        if draw(st.integers(0, 4)) == 0:
            others = [c for c in all_codes if c != entity.code]
            disputed = tuple(draw(st.lists(st.sampled_from(others), max_size=1)))
            made.append(
                EntityEnded(
                    entity=entity.code,
                    absorbed_into=draw(st.none() | st.sampled_from(others)),
                    **common(draw(partial_dates()), disputed),
                )
            )
    ordered_pairs = [(a, b) for a in all_codes for b in all_codes if a != b]
    for recognizer, subject in draw(
        st.lists(st.sampled_from(ordered_pairs), max_size=max_pairs, unique=True)
    ):
        dates = _increasing(draw, draw(st.integers(1, 4)))
        kind = draw(st.sampled_from(RecognitionKind))
        for position, date in enumerate(dates):
            last = position == len(dates) - 1
            # Only the last fact of a pair may be disputed: leaving it out keeps rule 5.
            disputed = (subject,) if last and draw(st.integers(0, 3)) == 0 else ()
            cls = Recognized if position % 2 == 0 else RecognitionWithdrawn
            extra = {"kind": kind} if cls is Recognized else {}
            made.append(
                cls(recognizer=recognizer, subject=subject, **extra, **common(date, disputed))
            )
    pairs = sorted({tuple(sorted(p)) for p in ordered_pairs})
    for a, b in draw(st.lists(st.sampled_from(pairs), max_size=max_pairs, unique=True)):
        for date in _increasing(draw, draw(st.integers(1, 3))):
            cls = draw(
                st.sampled_from((RelationsEstablished, RelationsSuspended, RelationsSevered))
            )
            disputed = tuple(draw(st.lists(st.sampled_from((a, b)), max_size=1)))
            initiator = draw(st.none() | st.sampled_from((a, b)))
            made.append(cls(parties=(a, b), initiated_by=initiator, **common(date, disputed)))
    authority = Authority(
        code="UNSC",
        names=Names({"en": "Security Council"}),
        kind=AuthorityKind.INTERNATIONAL_ORGANIZATION,
        memberships=tuple(
            Membership(
                member=c,
                role=Role.PERMANENT_MEMBER,
                start=PartialDate(1950),
                veto=True,
                sources=draw(_POOL_SOURCES),
            )
            for c in codes[:2]
        ),
        sources=draw(_POOL_SOURCES),
    )
    regime_list = draw(
        st.lists(regimes("UNSC", all_codes, lean=True), max_size=2, unique_by=lambda r: r.id)
    )
    return World(entities=entities, events=made, authorities=[authority], regimes=regime_list)


def _register() -> None:
    """Register geostate's strategies with `st.from_type` (done when this module loads)."""
    st.register_type_strategy(PartialDate, partial_dates())
    st.register_type_strategy(Source, sources())
    st.register_type_strategy(Names, names())
    st.register_type_strategy(State, states())
    st.register_type_strategy(BreakawayRegion, breakaway_regions())
    st.register_type_strategy(Authority, authorities())
    st.register_type_strategy(SanctionsRegime, regimes())
    st.register_type_strategy(World, worlds())
    for cls in _EVENT_CLASSES:
        st.register_type_strategy(cls, events(kinds=(cls,)))


_register()
