"""Facts are dated events, each with its sources.

Every event has an `id` (unique in a world, so other facts can point at it), a `date`
at the precision its source gives, one or more `sources`, and, where history is
contested, who asserts it and who disputes it. `in_response_to` names the event it
answers, such as Ukraine's severance of relations answering North Korea's recognition.
"""

from __future__ import annotations

import enum
import re
from typing import ClassVar, TypeAlias

import attrs

from geostate.codes import check_entity_code
from geostate.errors import InvalidValue
from geostate.model import _checks as checks
from geostate.model._checks import tag_fields
from geostate.model.dates import PartialDate
from geostate.model.sources import Source

__all__ = [
    "EVENT_TYPES",
    "EntityEnded",
    "Event",
    "IndependenceDeclared",
    "OtherDate",
    "RecognitionKind",
    "RecognitionWithdrawn",
    "Recognized",
    "RelationStatus",
    "RelationsEstablished",
    "RelationsEvent",
    "RelationsSevered",
    "RelationsSuspended",
]

_ID = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")


def _event_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise InvalidValue(
            f"an event id is lower-case words joined by '-' or '.', "
            f"such as 'kp-recognizes-ua-dpr', not {value!r}"
        )


def _parties(value: tuple[str, ...]) -> tuple[str, str]:
    # Kept in the order given: relations are symmetric (rule 2) because every query and
    # check keys them by `rules.pair_key`, not because the parties are reordered.
    codes = checks.as_tuple(value)
    if len(codes) != 2:
        raise InvalidValue(f"relations are between exactly two parties, not {list(codes)}")
    first, second = (check_entity_code(code) for code in codes)
    return (first, second)


class RecognitionKind(enum.Enum):
    """De jure (full, legal) or de facto (of control, without full legal recognition)."""

    DE_JURE = "de_jure"
    DE_FACTO = "de_facto"


class RelationStatus(enum.Enum):
    """The state of diplomatic relations between two polities on a day."""

    ESTABLISHED = "established"
    SUSPENDED = "suspended"
    SEVERED = "severed"
    UNKNOWN = "unknown"


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class OtherDate:
    """Another date sources give for the same fact, and what happened on it."""

    date: PartialDate = attrs.field(validator=checks.of(PartialDate))
    act: str = attrs.field(validator=checks.of(str))


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class _Fact:
    id: str = attrs.field(validator=_event_id)
    date: PartialDate = attrs.field(validator=checks.of(PartialDate))
    sources: tuple[Source, ...] = attrs.field(
        converter=checks.as_tuple, validator=[checks.sources, checks.items_of(Source)]
    )
    asserted_by: tuple[str, ...] = attrs.field(
        default=(), converter=checks.as_tuple, validator=checks.codes
    )
    disputed_by: tuple[str, ...] = attrs.field(
        default=(), converter=checks.as_tuple, validator=checks.codes
    )
    in_response_to: str | None = attrs.field(default=None)
    other_dates: tuple[OtherDate, ...] = attrs.field(
        default=(), converter=checks.as_tuple, validator=checks.items_of(OtherDate)
    )
    note: str | None = attrs.field(default=None, validator=checks.optional_of(str))

    @in_response_to.validator
    def _check_response(self, attribute: object, value: str | None) -> None:
        if value is not None:
            _event_id(self, attribute, value)  # type: ignore[arg-type]
            if value == self.id:
                raise InvalidValue(f"event {self.id!r} cannot answer itself")

    @property
    def disputed(self) -> bool:
        """Whether anyone disputes this fact."""
        return bool(self.disputed_by)


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class Recognized(_Fact):
    """`recognizer` recognises `subject` as a state, from `date`."""

    recognizer: str = attrs.field(validator=checks.code)
    subject: str = attrs.field(validator=checks.code)
    kind: RecognitionKind = attrs.field(
        default=RecognitionKind.DE_JURE, validator=checks.of(RecognitionKind)
    )

    @property
    def involves(self) -> tuple[str, ...]:
        return (self.recognizer, self.subject)


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class RecognitionWithdrawn(_Fact):
    """`recognizer` withdraws its recognition of `subject`, from `date`."""

    recognizer: str = attrs.field(validator=checks.code)
    subject: str = attrs.field(validator=checks.code)

    @property
    def involves(self) -> tuple[str, ...]:
        return (self.recognizer, self.subject)


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class _Relations(_Fact):
    parties: tuple[str, str] = attrs.field(converter=_parties)
    initiated_by: str | None = attrs.field(default=None, validator=checks.optional_code)

    @initiated_by.validator
    def _check_initiator(self, attribute: object, value: str | None) -> None:
        if value is not None and value not in self.parties:
            raise InvalidValue(
                f"initiated_by {value!r} is not one of the parties {list(self.parties)}"
            )

    @property
    def involves(self) -> tuple[str, ...]:
        return self.parties

    #: The status these relations have from this event on.
    status: ClassVar[RelationStatus]


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class RelationsEstablished(_Relations):
    """The parties establish (or restore) diplomatic relations."""

    status: ClassVar[RelationStatus] = RelationStatus.ESTABLISHED


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class RelationsSuspended(_Relations):
    """Relations or contacts are suspended without being formally broken off."""

    status: ClassVar[RelationStatus] = RelationStatus.SUSPENDED


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class RelationsSevered(_Relations):
    """Diplomatic relations are broken off; either side severing ends them for both."""

    status: ClassVar[RelationStatus] = RelationStatus.SEVERED


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class IndependenceDeclared(_Fact):
    """`entity` declares (or proclaims) independence; it exists from the earliest one."""

    entity: str = attrs.field(validator=checks.code)

    @property
    def involves(self) -> tuple[str, ...]:
        return (self.entity,)


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class EntityEnded(_Fact):
    """`entity` ceases to exist, absorbed into `absorbed_into` where that is the claim.

    Russia's annexation of the DPR is recorded as ``EntityEnded(entity="UA-DPR",
    absorbed_into="RU", asserted_by=("RU",), disputed_by=("UA",), ...)``.
    """

    entity: str = attrs.field(validator=checks.code)
    absorbed_into: str | None = attrs.field(default=None, validator=checks.optional_code)

    @absorbed_into.validator
    def _check_absorber(self, attribute: object, value: str | None) -> None:
        if value is not None and value == self.entity:
            raise InvalidValue(f"{value!r} cannot be absorbed into itself")

    @property
    def involves(self) -> tuple[str, ...]:
        return (self.entity,) if self.absorbed_into is None else (self.entity, self.absorbed_into)


RelationsEvent: TypeAlias = RelationsEstablished | RelationsSuspended | RelationsSevered
#: Every concrete event class, in the order documents list their tags.
EVENT_TYPES: tuple[type, ...] = (
    Recognized,
    RecognitionWithdrawn,
    RelationsEstablished,
    RelationsSuspended,
    RelationsSevered,
    IndependenceDeclared,
    EntityEnded,
)
#: Every kind of fact, as a tagged union in documents (its ``"type"`` key).
Event: TypeAlias = (
    Recognized
    | RecognitionWithdrawn
    | RelationsEstablished
    | RelationsSuspended
    | RelationsSevered
    | IndependenceDeclared
    | EntityEnded
)
