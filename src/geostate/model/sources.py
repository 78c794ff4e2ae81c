"""Where a fact comes from."""

from __future__ import annotations

import re

import attrs

from geostate.errors import InvalidValue
from geostate.model._checks import optional_of, tag_fields
from geostate.model.dates import PartialDate

__all__ = ["Source"]


# A host with at least one dot (a fully qualified name may end with one: "en.wikibooks.org.").
_URL = re.compile(r"https?://[^/?#\s.]+(?:\.[^/?#\s.]+)+\.?(?:[/?#]\S*)?")


def _https_url(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.startswith(("https://", "http://")):
        raise InvalidValue(f"a source url must start with https:// (or http://), not {value!r}")
    if any(ch.isspace() for ch in value):
        raise InvalidValue(f"a source url cannot contain white space: {value!r}")
    if not _URL.fullmatch(value):
        raise InvalidValue(f"a source url needs a host name such as 'www.un.org': {value!r}")


def _non_empty(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValue(f"{attribute.name} must be non-empty text, not {value!r}")


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class Source:
    """A public document that states a fact: enough to find it and check it.

    `date` is the document's own date (publication), at the precision it shows;
    `quote` is the passage that states the fact, so a reader can check it quickly.
    """

    url: str = attrs.field(validator=_https_url)
    title: str = attrs.field(validator=_non_empty)
    publisher: str = attrs.field(validator=_non_empty)
    date: PartialDate | None = attrs.field(default=None, validator=optional_of(PartialDate))
    quote: str | None = attrs.field(default=None, validator=optional_of(str))
