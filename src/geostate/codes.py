"""The identifier scheme: one upper-case code for every polity.

- a current state: its ISO 3166-1 alpha-2 code, from pycountry (``UA``, ``KP``);
- a dissolved state: its ISO 3166-3 alpha-4 code, from pycountry (``SUHH``, ``YUCS``);
- Kosovo: ``XK``, the user-assigned code the EU and the IMF use;
- a breakaway or de facto entity with no ISO 3166-1 code:
  ``<parent alpha-2>-<mnemonic>`` (``UA-DPR``, ``MD-PMR``), which must never equal an
  ISO 3166-2 subdivision code (so not ``GE-AB``, the Georgian subdivision Abkhazia claims).

Claimed territory is named with ISO 3166-2 subdivision codes (``UA-14``), checked
against pycountry.

Input policy: documents must hold codes in their canonical form, and a code that is
not is refused with the canonical form suggested, so nothing is silently rewritten.
Queries are forgiving: `normalize` strips surrounding white space and upper-cases, so
``world.recognizers(" ua-dpr")`` asks about ``UA-DPR``.

>>> normalize(" ua-dpr ")
'UA-DPR'
>>> kind_of("SUHH")
<CodeKind.DISSOLVED_STATE: 'dissolved_state'>
>>> check_entity_code("GE-AB")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
geostate.errors.InvalidCode: 'GE-AB' is an ISO 3166-2 subdivision code (Abkhazia); ...
"""

from __future__ import annotations

import enum
import functools
import re
from typing import NewType

import pycountry

from geostate.errors import InvalidCode

__all__ = [
    "USER_ASSIGNED",
    "Alpha2",
    "Alpha4",
    "CodeKind",
    "EntityCode",
    "SubdivisionCode",
    "check_entity_code",
    "check_subdivision_code",
    "is_subdivision_code",
    "kind_of",
    "normalize",
    "subdivision_name",
]

#: An ISO 3166-1 alpha-2 code of a current state, or ``XK``.
Alpha2 = NewType("Alpha2", str)
#: An ISO 3166-3 alpha-4 code of a dissolved state.
Alpha4 = NewType("Alpha4", str)
#: Any polity's code: `Alpha2`, `Alpha4` or a breakaway code such as ``UA-DPR``.
EntityCode = NewType("EntityCode", str)
#: An ISO 3166-2 subdivision code, such as ``UA-14``.
SubdivisionCode = NewType("SubdivisionCode", str)

#: User-assigned codes geostate treats as ISO 3166-1 alpha-2 codes, with their name.
USER_ASSIGNED: dict[str, str] = {"XK": "Kosovo"}

_ALPHA2 = re.compile(r"[A-Z]{2}")
_ALPHA4 = re.compile(r"[A-Z]{4}")
_BREAKAWAY = re.compile(r"(?P<parent>[A-Z]{2})-(?P<mnemonic>[A-Z][A-Z0-9]{1,9})")
_SUBDIVISION = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")


class CodeKind(enum.Enum):
    """What kind of polity a code names."""

    STATE = "state"
    DISSOLVED_STATE = "dissolved_state"
    BREAKAWAY = "breakaway"


@functools.cache
def _alpha2_codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries) | USER_ASSIGNED.keys()


@functools.cache
def _alpha4_codes() -> frozenset[str]:
    return frozenset(c.alpha_4 for c in pycountry.historic_countries)


@functools.cache
def _subdivisions() -> dict[str, str]:
    return {s.code: s.name for s in pycountry.subdivisions}


def normalize(text: str) -> str:
    """Return `text` as a code in canonical form: no surrounding space, upper case.

    Only the form changes; whether the code exists is for `kind_of` or a `World` to say.
    """
    if not isinstance(text, str):
        raise InvalidCode(f"a code is a string, not {type(text).__name__} {text!r}")
    code = text.strip().upper()
    if not code:
        raise InvalidCode("a code cannot be empty")
    return code


def _require_canonical(code: object) -> str:
    if not isinstance(code, str):
        raise InvalidCode(f"a code is a string, not {type(code).__name__} {code!r}")
    canonical = code.strip().upper()
    if code != canonical:
        raise InvalidCode(f"{code!r} is not in canonical form; write {canonical!r}")
    if not code:
        raise InvalidCode("a code cannot be empty")
    return code


def kind_of(code: str) -> CodeKind:
    """Classify a canonical code, checking it against ISO 3166 (via pycountry).

    Raises `InvalidCode` for anything that is not a geostate polity code.
    """
    code = _require_canonical(code)
    if _ALPHA2.fullmatch(code):
        if code in _alpha2_codes():
            return CodeKind.STATE
        raise InvalidCode(f"{code!r} is not an ISO 3166-1 alpha-2 code (nor XK)")
    if _ALPHA4.fullmatch(code):
        if code in _alpha4_codes():
            return CodeKind.DISSOLVED_STATE
        raise InvalidCode(f"{code!r} is not an ISO 3166-3 code of a dissolved state")
    match = _BREAKAWAY.fullmatch(code)
    if match is None:
        raise InvalidCode(
            f"{code!r} is not a geostate code: expected an ISO 3166-1 alpha-2 code ('UA'), "
            "an ISO 3166-3 alpha-4 code ('SUHH') or a breakaway code ('UA-DPR')"
        )
    if match["parent"] not in _alpha2_codes():
        raise InvalidCode(
            f"{code!r}: the part before '-' must be the ISO 3166-1 alpha-2 code of the "
            f"state it broke from, and {match['parent']!r} is not one"
        )
    subdivision = _subdivisions().get(code)
    if subdivision is not None:
        raise InvalidCode(
            f"{code!r} is an ISO 3166-2 subdivision code ({subdivision}); a breakaway "
            f"entity needs a code that is not, such as {code + 'X'!r}"
        )
    return CodeKind.BREAKAWAY


def check_entity_code(code: str) -> EntityCode:
    """Return `code` as an `EntityCode` if it is a valid, canonical polity code."""
    kind_of(code)
    return EntityCode(code)


def is_subdivision_code(code: str) -> bool:
    """Whether `code` is an ISO 3166-2 subdivision code pycountry knows."""
    return isinstance(code, str) and code in _subdivisions()


def check_subdivision_code(code: str) -> SubdivisionCode:
    """Return `code` as a `SubdivisionCode` if pycountry knows it."""
    code = _require_canonical(code)
    if not _SUBDIVISION.fullmatch(code) or code not in _subdivisions():
        raise InvalidCode(f"{code!r} is not an ISO 3166-2 subdivision code")
    return SubdivisionCode(code)


def subdivision_name(code: str) -> str:
    """The English name pycountry gives an ISO 3166-2 subdivision."""
    return _subdivisions()[check_subdivision_code(code)]
