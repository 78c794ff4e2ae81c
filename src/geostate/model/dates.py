"""Dates known to the day, the month or only the year.

A source that says "in 2017" gives a year, not a day; geostate keeps that precision and
never invents a day. A fact dated with a month or a year takes effect, in every query, on
the last day that date allows: geostate answers only what was certainly true.

Where sources only show that something had happened by a day, the date is written as an
EDTF "one of a set" date, ``[..2016-08-31]``: on or before that day.

>>> PartialDate.parse("2022-07")
PartialDate.parse('2022-07')
>>> PartialDate.parse("2022-07").precision
<Precision.MONTH: 'month'>
>>> str(PartialDate.parse("2022-07").last_day)
'2022-07-31'
>>> PartialDate.parse("2022-02-30")
Traceback (most recent call last):
...
geostate.errors.InvalidDate: '2022-02-30' is not a valid date: day is out of range for month
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re

import attrs

from geostate.errors import InvalidDate

__all__ = ["PartialDate", "Precision"]

_FORM = re.compile(
    r"(?P<open>\[\.\.)?(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?(?(open)\])"
)


class Precision(enum.Enum):
    """How much of a date a source gives."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


def _check(instance: PartialDate, attribute: object, value: int | None) -> None:
    # Validate the whole date once all three fields are set (runs on the last field).
    year, month, day = instance.year, instance.month, value
    text = "-".join(
        f"{part:0{width}d}"
        for part, width in ((year, 4), (month, 2), (day, 2))
        if isinstance(part, int)
    )
    if not all(isinstance(p, int) and not isinstance(p, bool) for p in (year,)):
        raise InvalidDate(f"year must be an integer, not {year!r}")
    if not 1 <= year <= 9999:
        raise InvalidDate(f"year {year} is out of range 1..9999")
    if month is None:
        if day is not None:
            raise InvalidDate(f"a day ({day}) needs a month")
        return
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise InvalidDate(f"{text!r} is not a valid date: month must be in 1..12")
    if day is None:
        return
    if isinstance(day, bool) or not isinstance(day, int):
        raise InvalidDate(f"day must be an integer, not {day!r}")
    try:
        dt.date(year, month, day)
    except ValueError as error:
        raise InvalidDate(f"{text!r} is not a valid date: {error}") from None


@attrs.frozen(order=False, repr=False)
class PartialDate:
    """A calendar date with the precision its source gives: year, month or day."""

    year: int
    month: int | None = None
    day: int | None = attrs.field(default=None, validator=_check)
    #: Known only to be on or before this date (written ``[..2016-08-31]``).
    on_or_before: bool = False

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, or any of them as ``[..YYYY-MM-DD]``."""
        if not isinstance(text, str):
            raise InvalidDate(f"a date is a string such as '2022-07-13', not {text!r}")
        match = _FORM.fullmatch(text)
        if match is None:
            raise InvalidDate(
                f"{text!r} is not a date: expected YYYY, YYYY-MM, YYYY-MM-DD or [..YYYY-MM-DD]"
            )
        month, day = match["month"], match["day"]
        try:
            return cls(
                int(match["year"]),
                int(month) if month else None,
                int(day) if day else None,
                on_or_before=bool(match["open"]),
            )
        except InvalidDate as error:
            if "not a valid date" in str(error):
                raise InvalidDate(f"{text!r} is not a valid date: {_reason(error)}") from None
            raise

    @classmethod
    def of(cls, date: dt.date) -> PartialDate:
        """The day-precise `PartialDate` of a `datetime.date`."""
        return cls(date.year, date.month, date.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.YEAR if self.month is None else Precision.MONTH

    @property
    def first_day(self) -> dt.date:
        """The earliest day this date allows (`datetime.date.min` if only a bound is known)."""
        if self.on_or_before:
            return dt.date.min
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The latest day this date allows; a fact takes effect on it."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def sort_key(self) -> tuple[dt.date, dt.date]:
        """Order by the day a fact takes effect (the last day), then by the earliest day.

        So 2022-01-05 sorts before 2022, which counts from 2022-12-31; ordering by the
        day of effect is what keeps an answer for a day independent of facts that take
        effect later (rule 4).
        """
        return (self.last_day, self.first_day)

    def __repr__(self) -> str:
        return f"PartialDate.parse({str(self)!r})"

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return f"[..{text}]" if self.on_or_before else text


def _reason(error: InvalidDate) -> str:
    return str(error).rsplit(": ", 1)[-1]
