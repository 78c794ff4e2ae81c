"""geostate: who is a state, who recognises whom, who broke off relations with whom, and
which sanctions are in force against whom, on any day in history — sourced and typed.

>>> import geostate
>>> sorted(geostate.load().recognizers("UA-DPR", on="2022-07-14"))
['KP', 'RU', 'SY']
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from geostate._bundled import DATA_VERSION, bundled_world
from geostate._index import Lifespan, MeasureInForce
from geostate.errors import (
    AmbiguousName,
    GeostateError,
    InvalidCode,
    InvalidData,
    InvalidDate,
    InvalidValue,
    Problem,
    UnknownAuthority,
    UnknownEntity,
    UnknownEvent,
    UnknownRegime,
)
from geostate.model import (
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
    Precision,
    RecognitionKind,
    RecognitionWithdrawn,
    Recognized,
    RelationsEstablished,
    RelationsEvent,
    RelationsSevered,
    RelationsSuspended,
    RelationStatus,
    Role,
    SanctionsRegime,
    Source,
    State,
    Target,
    TargetScope,
)
from geostate.rules import Disputed, Rule
from geostate.serialize import dump, dumps, load_path, loads
from geostate.world import RecognitionReport, Share, World

if TYPE_CHECKING:
    from geostate.names import Match, MatchKind, candidates, resolve

__version__ = "0.1.0"

# Name resolution is imported on first use, so that `import geostate` does not pay for it.
_NAMES = frozenset({"Match", "MatchKind", "candidates", "resolve"})


def __getattr__(name: str) -> Any:
    if name in _NAMES:
        from geostate import names  # noqa: PLC0415

        value = getattr(names, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'geostate' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_NAMES})


def load(path: str | os.PathLike[str] | None = None, *, with_bundled: bool = False) -> World:
    """The bundled, sourced world; or, given `path`, the world in that document or folder.

    With `with_bundled`, the documents at `path` are added to the bundled world and
    checked with it, so they may refer to its polities (``UA``, ``UA-DPR``) and events.
    """
    if path is None:
        return bundled_world()
    return load_path(path, base=bundled_world() if with_bundled else None)


def save(
    world: World, path: str | os.PathLike[str], *, meta: Mapping[str, str] | None = None
) -> None:
    """Write `world` to a geostate document at `path`, with an optional `meta` header."""
    dump(world, path, meta=meta)


__all__ = [
    "DATA_VERSION",
    "Alias",
    "AliasKind",
    "AmbiguousName",
    "Authority",
    "AuthorityKind",
    "BreakawayRegion",
    "Disputed",
    "EntityEnded",
    "Event",
    "GeostateError",
    "IndependenceDeclared",
    "Instrument",
    "InvalidCode",
    "InvalidData",
    "InvalidDate",
    "InvalidValue",
    "Lifespan",
    "Match",
    "MatchKind",
    "Measure",
    "MeasureInForce",
    "Membership",
    "Names",
    "OtherDate",
    "PartialDate",
    "Polity",
    "Precision",
    "Problem",
    "RecognitionKind",
    "RecognitionReport",
    "RecognitionWithdrawn",
    "Recognized",
    "RelationStatus",
    "RelationsEstablished",
    "RelationsEvent",
    "RelationsSevered",
    "RelationsSuspended",
    "Role",
    "Rule",
    "SanctionsRegime",
    "Share",
    "Source",
    "State",
    "Target",
    "TargetScope",
    "UnknownAuthority",
    "UnknownEntity",
    "UnknownEvent",
    "UnknownRegime",
    "World",
    "__version__",
    "candidates",
    "dumps",
    "load",
    "loads",
    "resolve",
    "save",
]
