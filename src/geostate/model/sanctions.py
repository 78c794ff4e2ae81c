"""Sanctions: authorities, their memberships, regimes, instruments and measures.

A `SanctionsRegime` is what an `Authority` keeps in force against its targets. Its
`Instrument`s (resolutions, decisions, regulations, executive orders) are dated; each
imposes or lifts `Measure`s, and the measures in force on a day are what the
instruments dated up to that day leave standing.
"""

from __future__ import annotations

import datetime as dt
import enum
import re

import attrs

from geostate.codes import check_entity_code, is_subdivision_code
from geostate.errors import InvalidCode, InvalidValue
from geostate.model import _checks as checks
from geostate.model._checks import tag_fields
from geostate.model.dates import PartialDate
from geostate.model.names import Names, as_names
from geostate.model.sources import Source

__all__ = [
    "Authority",
    "AuthorityKind",
    "Instrument",
    "Measure",
    "Membership",
    "Role",
    "SanctionsRegime",
    "Target",
    "TargetScope",
]

_AUTHORITY = re.compile(r"[A-Z][A-Z0-9]{1,9}")
_REGIME = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
# OpenSanctions program keys: "UN-SC1718", "EU-UKR", "US-UKRRUS-REL".
_PROGRAM = re.compile(r"[A-Z]{2,4}(?:-[A-Z0-9]+)+")


class Measure(enum.Enum):
    """What a sanctions instrument imposes.

    The first fourteen are the OpenSanctions controlled vocabulary; the rest are finer
    measures that instruments name, each with the broad measure it belongs to
    (`Measure.broader`).
    """

    ARMS_EMBARGO = "arms_embargo"
    ARMS_RESTRICTIONS = "arms_restrictions"
    ASSET_FREEZE = "asset_freeze"
    TRAVEL_BAN = "travel_ban"
    IMPORT_RESTRICTIONS = "import_restrictions"
    EXPORT_CONTROL = "export_control"
    INVESTMENT_BAN = "investment_ban"
    SERVICES_BAN = "services_ban"
    FINANCIAL_RESTRICTIONS = "financial_restrictions"
    SECTORAL_SANCTIONS = "sectoral_sanctions"
    TRANSPORTATION_RESTRICTIONS = "transportation_restrictions"
    AID_SUSPENSION = "aid_suspension"
    DEBARMENT = "debarment"
    PROHIBITION_TO_SATISFY_CLAIMS = "prohibition_to_satisfy_claims"
    # Finer measures named by instruments.
    WMD_GOODS_BAN = "wmd_goods_ban"
    LUXURY_GOODS_BAN = "luxury_goods_ban"
    CARGO_INSPECTION = "cargo_inspection"
    COAL_BAN = "coal_ban"
    IRON_AND_ORE_BAN = "iron_and_ore_ban"
    MINERALS_BAN = "minerals_ban"
    SEAFOOD_BAN = "seafood_ban"
    TEXTILES_BAN = "textiles_ban"
    REFINED_PETROLEUM_CAP = "refined_petroleum_cap"
    CRUDE_OIL_CAP = "crude_oil_cap"
    OIL_PRICE_CAP = "oil_price_cap"
    AVIATION_FUEL_BAN = "aviation_fuel_ban"
    OVERSEAS_WORKERS_BAN = "overseas_workers_ban"
    JOINT_VENTURES_BAN = "joint_ventures_ban"
    MACHINERY_BAN = "machinery_ban"
    SECONDARY_SANCTIONS = "secondary_sanctions"

    @property
    def broader(self) -> Measure:
        """The OpenSanctions measure this one belongs to (itself for those fourteen)."""
        return _BROADER.get(self, self)

    @property
    def label(self) -> str:
        """A readable label: ``Measure.ASSET_FREEZE.label == 'asset freeze'``."""
        return self.value.replace("_", " ")


_BROADER: dict[Measure, Measure] = {
    Measure.WMD_GOODS_BAN: Measure.EXPORT_CONTROL,
    Measure.LUXURY_GOODS_BAN: Measure.EXPORT_CONTROL,
    Measure.CARGO_INSPECTION: Measure.TRANSPORTATION_RESTRICTIONS,
    Measure.COAL_BAN: Measure.IMPORT_RESTRICTIONS,
    Measure.IRON_AND_ORE_BAN: Measure.IMPORT_RESTRICTIONS,
    Measure.MINERALS_BAN: Measure.IMPORT_RESTRICTIONS,
    Measure.SEAFOOD_BAN: Measure.IMPORT_RESTRICTIONS,
    Measure.TEXTILES_BAN: Measure.IMPORT_RESTRICTIONS,
    Measure.REFINED_PETROLEUM_CAP: Measure.EXPORT_CONTROL,
    Measure.CRUDE_OIL_CAP: Measure.EXPORT_CONTROL,
    Measure.OIL_PRICE_CAP: Measure.SECTORAL_SANCTIONS,
    Measure.AVIATION_FUEL_BAN: Measure.EXPORT_CONTROL,
    Measure.OVERSEAS_WORKERS_BAN: Measure.SERVICES_BAN,
    Measure.JOINT_VENTURES_BAN: Measure.INVESTMENT_BAN,
    Measure.MACHINERY_BAN: Measure.EXPORT_CONTROL,
    Measure.SECONDARY_SANCTIONS: Measure.FINANCIAL_RESTRICTIONS,
}


class AuthorityKind(enum.Enum):
    """What sort of body imposes sanctions."""

    INTERNATIONAL_ORGANIZATION = "international_organization"
    SUPRANATIONAL_UNION = "supranational_union"
    STATE = "state"


class Role(enum.Enum):
    """A member's standing in an authority."""

    MEMBER = "member"
    PERMANENT_MEMBER = "permanent_member"
    ELECTED_MEMBER = "elected_member"
    OBSERVER = "observer"


class TargetScope(enum.Enum):
    """How far a regime reaches into its target.

    - ``STATE``: the polity itself, its government and everything it controls;
    - ``TERRITORY``: a territory only (Crimea, the non-government-controlled areas of
      Donetsk oblast), not the government of the state it belongs to.
    """

    STATE = "state"
    TERRITORY = "territory"


def _authority_code(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _AUTHORITY.fullmatch(value):
        raise InvalidCode(
            f"an authority code is 2-10 upper-case letters or digits, such as 'UNSC', "
            f"'EU' or 'US', not {value!r}"
        )


def _measures(value: tuple[Measure, ...]) -> tuple[Measure, ...]:
    measures = checks.as_tuple(value)
    for measure in measures:
        if not isinstance(measure, Measure):
            raise InvalidValue(f"expected a Measure, got {type(measure).__name__} {measure!r}")
    if len(set(measures)) != len(measures):
        raise InvalidValue(f"a measure is listed twice: {[m.value for m in measures]}")
    return tuple(sorted(measures, key=lambda m: m.value))


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class Membership:
    """`member` holds `role` in an authority from `start` until `end` (exclusive)."""

    member: str = attrs.field(validator=checks.code)
    role: Role = attrs.field(validator=checks.of(Role))
    start: PartialDate = attrs.field(validator=checks.of(PartialDate))
    end: PartialDate | None = attrs.field(default=None, validator=checks.optional_of(PartialDate))
    veto: bool = attrs.field(default=False, validator=checks.of(bool))
    sources: tuple[Source, ...] = attrs.field(
        converter=checks.as_tuple, validator=[checks.sources, checks.items_of(Source)]
    )
    note: str | None = attrs.field(default=None, validator=checks.optional_of(str))

    def in_force(self, on: dt.date) -> bool:
        """Whether the membership holds on the day (from `start` until `end`, exclusive)."""
        started = self.start.last_day <= on
        return started and (self.end is None or on < self.end.last_day)

    @end.validator
    def _check_end(self, attribute: object, value: PartialDate | None) -> None:
        if value is not None and value.last_day < self.start.first_day:
            raise InvalidValue(f"membership ends ({value}) before it starts ({self.start})")


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class Authority:
    """A body that imposes sanctions: the UN Security Council, the EU, a state.

    A state authority's `code` is the state's code (``US``); `memberships` are listed
    where they matter (the Security Council's members and who holds a veto).
    """

    code: str = attrs.field(validator=_authority_code)
    names: Names = attrs.field(converter=as_names)
    kind: AuthorityKind = attrs.field(validator=checks.of(AuthorityKind))
    memberships: tuple[Membership, ...] = attrs.field(
        default=(), converter=checks.as_tuple, validator=checks.items_of(Membership)
    )
    sources: tuple[Source, ...] = attrs.field(
        converter=checks.as_tuple, validator=[checks.sources, checks.items_of(Source)]
    )

    @property
    def name(self) -> str:
        return self.names.en


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class Target:
    """Whom a regime is directed against: a polity, or a territory (`TargetScope`).

    A ``TERRITORY`` target may be an ISO 3166-2 subdivision code (``UA-14``) as well as a
    polity code. `start` and `end` bound the time a regime covers the target when it was
    extended to it later, or released it earlier, than the regime itself began or ended
    (the EU's regime on the non-government-controlled areas of Ukraine reached the Kherson
    and Zaporizhzhia oblasts on 2022-10-06); `end` is the first day it no longer does.
    """

    code: str = attrs.field()
    scope: TargetScope = attrs.field(default=TargetScope.STATE, validator=checks.of(TargetScope))
    note: str | None = attrs.field(default=None, validator=checks.optional_of(str))
    start: PartialDate | None = attrs.field(default=None, validator=checks.optional_of(PartialDate))
    end: PartialDate | None = attrs.field(default=None, validator=checks.optional_of(PartialDate))

    @code.validator
    def _check_code(self, attribute: object, value: str) -> None:
        if self.scope is TargetScope.TERRITORY and is_subdivision_code(value):
            return
        check_entity_code(value)

    @end.validator
    def _check_end(self, attribute: object, value: PartialDate | None) -> None:
        if value is not None and self.start is not None and value.last_day <= self.start.last_day:
            raise InvalidValue(f"target {self.code!r}: end {value} is not after start {self.start}")

    @property
    def territorial(self) -> bool:
        """Whether the target is a territory (not a polity's government)."""
        return self.scope is TargetScope.TERRITORY

    def covers(self, on: dt.date) -> bool:
        """Whether the regime reaches this target on the day (its own period only)."""
        start = self.start.last_day if self.start is not None else None
        end = self.end.last_day if self.end is not None else None
        return (start is None or start <= on) and (end is None or on < end)


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class Instrument:
    """A dated legal act that imposes, lifts or ends a regime's measures.

    `citation` is how lawyers cite it (``S/RES/1718 (2006)``, ``EO 13466``,
    ``Regulation (EU) 2017/1509``); `terminates` ends the whole regime.
    """

    citation: str = attrs.field(validator=checks.of(str))
    title: str = attrs.field(validator=checks.of(str))
    date: PartialDate = attrs.field(validator=checks.of(PartialDate))
    imposes: tuple[Measure, ...] = attrs.field(default=(), converter=_measures)
    lifts: tuple[Measure, ...] = attrs.field(default=(), converter=_measures)
    terminates: bool = attrs.field(default=False, validator=checks.of(bool))
    sources: tuple[Source, ...] = attrs.field(
        converter=checks.as_tuple, validator=[checks.sources, checks.items_of(Source)]
    )
    note: str | None = attrs.field(default=None, validator=checks.optional_of(str))

    @lifts.validator
    def _check_lifts(self, attribute: object, value: tuple[Measure, ...]) -> None:
        both = set(value) & set(self.imposes)
        if both:
            raise InvalidValue(
                f"{self.citation}: imposes and lifts {sorted(m.value for m in both)} at once"
            )


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class SanctionsRegime:
    """A sanctions programme of one authority against its targets, over time.

    It starts with its first instrument and ends with an instrument that `terminates`
    it. `program` is the OpenSanctions program key (``UN-SC1718``) where there is one;
    `aliases` hold its other names and citations ("Resolution 1718").
    """

    id: str = attrs.field()
    authority: str = attrs.field(validator=_authority_code)
    names: Names = attrs.field(converter=as_names)
    targets: tuple[Target, ...] = attrs.field(
        converter=checks.as_tuple, validator=checks.items_of(Target)
    )
    instruments: tuple[Instrument, ...] = attrs.field(
        converter=checks.as_tuple, validator=checks.items_of(Instrument)
    )
    program: str | None = attrs.field(default=None)
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=checks.as_tuple, validator=checks.items_of(str)
    )
    note: str | None = attrs.field(default=None, validator=checks.optional_of(str))

    @id.validator
    def _check_id(self, attribute: object, value: str) -> None:
        if not isinstance(value, str) or not _REGIME.fullmatch(value):
            raise InvalidValue(
                f"a regime id is lower-case words joined by '-', such as 'un-1718', not {value!r}"
            )

    @targets.validator
    def _check_targets(self, attribute: object, value: tuple[Target, ...]) -> None:
        # Regimes on groups and persons wherever they are (ISIL and Al-Qaida) target no
        # polity; they must say whom they are against.
        if not value and not self.note:
            raise InvalidValue(
                f"regime {self.id!r} needs at least one target, or a note saying whom it is "
                "against if it targets no polity"
            )

    @instruments.validator
    def _check_instruments(self, attribute: object, value: tuple[Instrument, ...]) -> None:
        if not value:
            raise InvalidValue(f"regime {self.id!r} needs at least one instrument")
        keys = [i.date.sort_key() for i in value]
        if keys != sorted(keys):
            raise InvalidValue(f"regime {self.id!r}: instruments must be listed in date order")
        terminating = [i for i in value if i.terminates]
        if terminating and terminating[0] is not value[-1]:
            raise InvalidValue(
                f"regime {self.id!r}: {terminating[0].citation} terminates it, so it must be last"
            )
        citations = [i.citation for i in value]
        if len(set(citations)) != len(citations):
            raise InvalidValue(f"regime {self.id!r}: an instrument is listed twice")

    @program.validator
    def _check_program(self, attribute: object, value: str | None) -> None:
        if value is not None and (not isinstance(value, str) or not _PROGRAM.fullmatch(value)):
            raise InvalidValue(
                f"program must be an OpenSanctions key such as 'UN-SC1718', not {value!r}"
            )

    @property
    def name(self) -> str:
        return self.names.en

    @property
    def start(self) -> PartialDate:
        """The date of the first instrument."""
        return self.instruments[0].date

    @property
    def end(self) -> PartialDate | None:
        """The date of the terminating instrument, if the regime has ended."""
        last = self.instruments[-1]
        return last.date if last.terminates else None
