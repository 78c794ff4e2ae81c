"""Names of polities and authorities, in many languages."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Mapping

import attrs

from geostate.errors import InvalidValue
from geostate.model._checks import of, tag_fields

__all__ = ["Alias", "AliasKind", "Names", "as_names", "check_lang"]

# BCP 47 primary language subtag, optionally with a script or region: "en", "zh-Hant".
_LANG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def check_lang(lang: str) -> str:
    if not isinstance(lang, str) or not _LANG.fullmatch(lang):
        raise InvalidValue(f"{lang!r} is not a language tag such as 'en', 'fr' or 'zh-Hant'")
    return lang


def _check_text(text: str) -> str:
    if not isinstance(text, str) or not text.strip() or text != text.strip():
        raise InvalidValue(f"a name must be non-empty text without surrounding space: {text!r}")
    return text


def _to_pairs(
    value: Mapping[str, str] | tuple[tuple[str, str], ...],
) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    pairs = tuple(sorted((check_lang(lang), _check_text(text)) for lang, text in items))
    langs = [lang for lang, _ in pairs]
    if len(set(langs)) != len(langs):
        raise InvalidValue(f"one name per language; repeated in {langs}")
    if "en" not in langs:
        raise InvalidValue("names need at least an English ('en') name")
    return pairs


@attrs.frozen(repr=False)
class Names(Mapping[str, str]):
    """The name in each language (``{"en": ..., "fr": ...}``); English is required.

    >>> names = Names({"en": "North Korea", "fr": "Corée du Nord"})
    >>> names["fr"], names.en
    ('Corée du Nord', 'North Korea')
    """

    _pairs: tuple[tuple[str, str], ...] = attrs.field(converter=_to_pairs, alias="pairs")

    def __getitem__(self, lang: str) -> str:
        for key, text in self._pairs:
            if key == lang:
                return text
        raise KeyError(lang)

    def __iter__(self) -> Iterator[str]:
        return (lang for lang, _ in self._pairs)

    def __len__(self) -> int:
        return len(self._pairs)

    @property
    def en(self) -> str:
        return self["en"]

    def __repr__(self) -> str:
        return f"Names({dict(self._pairs)!r})"


class AliasKind(enum.Enum):
    """What sort of other name an alias is."""

    OFFICIAL = "official"
    SHORT = "short"
    ACRONYM = "acronym"
    HISTORICAL = "historical"
    COLLOQUIAL = "colloquial"
    TRANSLITERATION = "transliteration"


def as_names(value: Names | Mapping[str, str]) -> Names:
    """Accept a `Names` or a mapping of language to name (``{"en": ...}``)."""
    if isinstance(value, Names):
        return value
    if isinstance(value, Mapping):
        return Names(value)
    raise InvalidValue(f'expected names by language such as {{"en": "..."}}, got {value!r}')


@attrs.frozen(kw_only=True, field_transformer=tag_fields)
class Alias:
    """Another name a polity goes by, in one language."""

    text: str = attrs.field(converter=_check_text)
    lang: str = attrs.field(converter=check_lang)
    kind: AliasKind = attrs.field(default=AliasKind.SHORT, validator=of(AliasKind))
