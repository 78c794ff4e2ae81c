"""Polities: states and breakaway regions."""

from __future__ import annotations

import re
from typing import TypeAlias

import attrs

from geostate.codes import (
    CodeKind,
    check_entity_code,
    check_subdivision_code,
    kind_of,
)
from geostate.errors import InvalidCode, InvalidValue
from geostate.model._checks import as_tuple, items_of, optional_of, tag_fields
from geostate.model.names import Alias, Names, as_names

__all__ = ["BreakawayRegion", "Polity", "State"]

_QID = re.compile(r"Q[1-9][0-9]*")
# FollowTheMoney territory codes: lower-case ISO alpha-2, optionally with a suffix ("ua-dpr"),
# a dissolved state's lower-case ISO 3166-3 code ("suhh"), or "x-" and a suffix for
# territories with no ISO code ("x-so", South Ossetia).
_FTM = re.compile(r"(?:[a-z]{2}|[a-z]{4}|x)(?:-[a-z0-9]+)*")


def _qid(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not _QID.fullmatch(value)):
        raise InvalidValue(f"qid must be a Wikidata id such as 'Q212', not {value!r}")


def _ftm(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not _FTM.fullmatch(value)):
        raise InvalidValue(
            f"ftm must be a FollowTheMoney territory code such as 'ua-dpr', not {value!r}"
        )


def _state_code(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if kind_of(value) is CodeKind.BREAKAWAY:
        raise InvalidCode(f"{value!r} is a breakaway code; a State has an ISO 3166 code")


def _breakaway_code(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if kind_of(value) is not CodeKind.BREAKAWAY:
        raise InvalidCode(
            f"{value!r} is an ISO 3166 code; a BreakawayRegion has a code such as 'UA-DPR'"
        )


def _parent(instance: BreakawayRegion, attribute: attrs.Attribute[str], value: str) -> None:
    if kind_of(value) is CodeKind.BREAKAWAY:
        raise InvalidCode(f"parent {value!r} must be a state's ISO 3166 code")
    if isinstance(instance.code, str) and not instance.code.startswith(value + "-"):
        raise InvalidCode(f"{instance.code!r} must start with its parent's code {value + '-'!r}")


def _subdivisions(value: tuple[str, ...]) -> tuple[str, ...]:
    codes = tuple(check_subdivision_code(code) for code in as_tuple(value))
    if len(set(codes)) != len(codes):
        raise InvalidValue(f"claims lists a subdivision twice: {list(codes)}")
    return codes


def _claims_within(parent: str | None, claims: tuple[str, ...]) -> None:
    if claims and parent is None:
        raise InvalidValue(f"claims {list(claims)} need a parent whose subdivisions they are")
    foreign = [code for code in claims if not code.startswith(f"{parent}-")]
    if foreign:
        raise InvalidValue(f"claims {foreign} are not subdivisions of parent {parent!r}")


def _aliases(value: tuple[Alias, ...]) -> tuple[Alias, ...]:
    aliases = as_tuple(value)
    if len(set(aliases)) != len(aliases):
        raise InvalidValue("an alias is listed twice")
    return aliases


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class State:
    """A sovereign state, current (ISO 3166-1) or dissolved (ISO 3166-3), or Kosovo (XK).

    Being a `State` here means having an ISO 3166 code; whether others recognise it is
    what the recognition facts say (Kosovo, Palestine and Taiwan are `State`s too).
    `parent` is the state it declared independence from, or that claims its territory
    (Serbia for Kosovo, China for Taiwan), and `claims` the ISO 3166-2 subdivisions of
    that parent it covers; `note` says what a reader should know about either.
    """

    code: str = attrs.field(validator=_state_code)
    names: Names = attrs.field(converter=as_names)
    aliases: tuple[Alias, ...] = attrs.field(
        default=(), converter=_aliases, validator=items_of(Alias)
    )
    qid: str | None = attrs.field(default=None, validator=_qid)
    ftm: str | None = attrs.field(default=None, validator=_ftm)
    parent: str | None = attrs.field(default=None)
    claims: tuple[str, ...] = attrs.field(default=(), converter=_subdivisions)
    note: str | None = attrs.field(default=None, validator=optional_of(str))

    @parent.validator
    def _check_parent(self, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None:
            if kind_of(value) is CodeKind.BREAKAWAY:
                raise InvalidCode(f"parent {value!r} must be a state's ISO 3166 code")
            if value == self.code:
                raise InvalidValue(f"{value!r} cannot be its own parent")

    @claims.validator
    def _check_claims(self, attribute: object, value: tuple[str, ...]) -> None:
        _claims_within(self.parent, value)

    @property
    def name(self) -> str:
        """The English name."""
        return self.names.en

    @property
    def dissolved(self) -> bool:
        """Whether the code is an ISO 3166-3 code (a state that no longer exists)."""
        return kind_of(self.code) is CodeKind.DISSOLVED_STATE


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class BreakawayRegion:
    """An entity that declared independence from `parent` without an ISO 3166-1 code.

    `claims` lists the ISO 3166-2 subdivisions of the parent it claims (all or part of);
    `patron` is the state that backs it, where there is one. When it declared
    independence and when it ended are facts (events) with their sources, asked of the
    world with `World.lifespan`.
    """

    code: str = attrs.field(validator=_breakaway_code)
    names: Names = attrs.field(converter=as_names)
    parent: str = attrs.field(validator=_parent)
    claims: tuple[str, ...] = attrs.field(default=(), converter=_subdivisions)
    patron: str | None = attrs.field(default=None)
    aliases: tuple[Alias, ...] = attrs.field(
        default=(), converter=_aliases, validator=items_of(Alias)
    )
    qid: str | None = attrs.field(default=None, validator=_qid)
    ftm: str | None = attrs.field(default=None, validator=_ftm)

    note: str | None = attrs.field(default=None, validator=optional_of(str))

    @claims.validator
    def _check_claims(self, attribute: object, value: tuple[str, ...]) -> None:
        _claims_within(self.parent, value)

    @patron.validator
    def _check_patron(self, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None:
            check_entity_code(value)
            if value in (self.code, self.parent):
                raise InvalidValue(f"patron {value!r} cannot be the entity or its parent")

    @property
    def name(self) -> str:
        """The English name."""
        return self.names.en


#: Anything that can recognise, be recognised, or hold relations.
Polity: TypeAlias = State | BreakawayRegion
