"""The data model: polities, facts, sources and sanctions, all frozen attrs classes."""

from geostate.model.dates import PartialDate, Precision
from geostate.model.entities import BreakawayRegion, Polity, State
from geostate.model.events import (
    EVENT_TYPES,
    EntityEnded,
    Event,
    IndependenceDeclared,
    OtherDate,
    RecognitionKind,
    RecognitionWithdrawn,
    Recognized,
    RelationsEstablished,
    RelationsEvent,
    RelationsSevered,
    RelationsSuspended,
    RelationStatus,
)
from geostate.model.names import Alias, AliasKind, Names
from geostate.model.sanctions import (
    Authority,
    AuthorityKind,
    Instrument,
    Measure,
    Membership,
    Role,
    SanctionsRegime,
    Target,
    TargetScope,
)
from geostate.model.sources import Source

__all__ = [
    "EVENT_TYPES",
    "Alias",
    "AliasKind",
    "Authority",
    "AuthorityKind",
    "BreakawayRegion",
    "EntityEnded",
    "Event",
    "IndependenceDeclared",
    "Instrument",
    "Measure",
    "Membership",
    "Names",
    "OtherDate",
    "PartialDate",
    "Polity",
    "Precision",
    "RecognitionKind",
    "RecognitionWithdrawn",
    "Recognized",
    "RelationStatus",
    "RelationsEstablished",
    "RelationsEvent",
    "RelationsSevered",
    "RelationsSuspended",
    "Role",
    "SanctionsRegime",
    "Source",
    "State",
    "Target",
    "TargetScope",
]
