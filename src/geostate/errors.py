"""The error hierarchy: every error geostate raises is a `GeostateError`.

- `UnknownEntity`, `UnknownEvent`, `UnknownAuthority`, `UnknownRegime` (also
  `LookupError`): a query named something the world does not hold.
- `AmbiguousName` (also `LookupError`): a name given to `geostate.resolve` names several
  polities equally well; it carries them all.
- `InvalidValue` (also `ValueError`): a field of a model was given a value it cannot
  hold; its subclasses `InvalidCode` (not a geostate identifier) and `InvalidDate` (not a
  date geostate can read) say which kind.
- `InvalidData` (also `ValueError`): a document or a set of facts breaks the format or
  the rules; `problems` lists every problem found, each with its path.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "AmbiguousName",
    "GeostateError",
    "InvalidCode",
    "InvalidData",
    "InvalidDate",
    "InvalidValue",
    "Problem",
    "UnknownAuthority",
    "UnknownEntity",
    "UnknownEvent",
    "UnknownRegime",
]


class GeostateError(Exception):
    """Base class of every error geostate raises."""


class UnknownEntity(GeostateError, LookupError):
    """No polity with this code is in the world."""

    def __init__(self, code: str, *, hint: str | None = None) -> None:
        self.code = code
        message = f"unknown entity {code!r}"
        if hint:
            message += f": {hint}"
        super().__init__(message)


class UnknownAuthority(GeostateError, LookupError):
    """No sanctioning authority with this code is in the world."""

    def __init__(self, code: str, *, known: Iterable[str] = ()) -> None:
        self.code = code
        known = sorted(known)
        message = f"unknown authority {code!r}"
        if known:
            message += f" (known: {', '.join(known)})"
        super().__init__(message)


class UnknownEvent(GeostateError, LookupError):
    """No event with this id is in the world."""

    def __init__(self, event_id: object) -> None:
        self.event_id = event_id
        super().__init__(f"no event has id {event_id!r}")


class UnknownRegime(GeostateError, LookupError):
    """No sanctions regime with this id is in the world."""

    def __init__(self, regime_id: str) -> None:
        self.regime_id = regime_id
        super().__init__(f"unknown sanctions regime {regime_id!r}")


class AmbiguousName(GeostateError, LookupError):
    """A name means several polities equally well; `matches` holds every one of them.

    `codes` are their codes, best first; `geostate.candidates` gives the same matches
    without raising, and a date (``on=``) or a language (``lang=``) may settle it.
    """

    def __init__(self, text: str, matches: Sequence[object], codes: Sequence[str]) -> None:
        self.text = text
        self.matches = tuple(matches)
        self.codes = tuple(codes)
        super().__init__(
            f"{text!r} names {len(self.codes)} polities equally well: {', '.join(self.codes)}"
            " (geostate.candidates lists them; a date or a language may tell them apart)"
        )


class InvalidValue(GeostateError, ValueError):
    """A model field was given a value it cannot hold; `field` names it when known."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class InvalidCode(InvalidValue):
    """A string is not a valid geostate identifier."""


class InvalidDate(InvalidValue):
    """A string is not a valid (possibly partial) date."""


@attrs.frozen
class Problem:
    """One problem found in data: where it is and what is wrong.

    `path` is written the way a reader finds the spot in the document, for example
    ``events[3].date``; `file` names the document when there is one.
    """

    path: str
    message: str
    file: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}: " if self.file else ""
        return f"{where}{self.path}: {self.message}" if self.path else f"{where}{self.message}"


class InvalidData(GeostateError, ValueError):
    """Data breaks the document format or the rules; nothing was built.

    `problems` holds every problem found, not only the first.
    """

    def __init__(self, problems: Sequence[Problem], *, what: str = "data") -> None:
        if not problems:
            raise ValueError("InvalidData needs at least one problem")
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        header = f"invalid {what}: {count} problem{'s' if count > 1 else ''}"
        super().__init__("\n  ".join([header, *map(str, self.problems)]))
