"""Reading and writing geostate documents: the one cattrs converter, `dumps` and `loads`.

A document is JSON::

    {"format": "geostate/1", "meta": {...}, "entities": [...], "events": [...],
     "authorities": [...], "regimes": [...]}

Entities and events are tagged unions (their ``"type"`` key). Loading is all or
nothing: every problem is reported at once, each with its path (``events[3].date``),
in one `InvalidData`, and no world is built from a document that has any.
``meta`` (what a file covers, when it was last checked) is for curators and is not
part of the world.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.strategies import configure_tagged_union

from geostate.errors import InvalidData, InvalidValue, Problem
from geostate.model import (
    Authority,
    BreakawayRegion,
    EntityEnded,
    Event,
    IndependenceDeclared,
    Names,
    PartialDate,
    Polity,
    RecognitionWithdrawn,
    Recognized,
    RelationsEstablished,
    RelationsSevered,
    RelationsSuspended,
    SanctionsRegime,
    State,
)
from geostate.world import World

__all__ = [
    "FORMAT",
    "configure_converter",
    "dump",
    "dumps",
    "load_path",
    "loads",
    "make_converter",
]

FORMAT = "geostate/1"

#: The ``"type"`` tag of each event and entity class in documents.
TAGS: dict[type, str] = {
    State: "state",
    BreakawayRegion: "breakaway_region",
    Recognized: "recognized",
    RecognitionWithdrawn: "recognition_withdrawn",
    RelationsEstablished: "relations_established",
    RelationsSuspended: "relations_suspended",
    RelationsSevered: "relations_severed",
    IndependenceDeclared: "independence_declared",
    EntityEnded: "entity_ended",
}


@attrs.frozen(kw_only=True)
class _Document:
    format: str
    meta: dict[str, str] = attrs.Factory(dict)
    entities: tuple[Polity, ...] = ()
    events: tuple[Event, ...] = ()
    authorities: tuple[Authority, ...] = ()
    regimes: tuple[SanctionsRegime, ...] = ()


def _strict(kind: type, label: str) -> Any:
    def structure(value: object, _: type) -> object:
        # bool is an int in Python; a document's true is not a count.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise InvalidValue(f"expected {label}, got {type(value).__name__} {value!r}")
        return value

    return structure


def _is_tuple(type_: Any) -> bool:
    return get_origin(type_) is tuple


def _strict_tuple(type_: Any, converter: cattrs.Converter) -> Any:
    """Tuples come from JSON arrays only: a string is not a list of its characters."""
    args = get_args(type_)
    homogenous = len(args) == 2 and args[1] is Ellipsis
    base = homogenous_tuple_structure_factory(type_, converter) if homogenous else None

    def structure(value: object, _: type) -> object:
        if not isinstance(value, list | tuple):
            raise InvalidValue(f"expected a list, got {type(value).__name__} {value!r}")
        if base is not None:
            return base(value, type_)
        if len(value) != len(args):
            raise InvalidValue(f"expected a list of {len(args)} items, got {len(value)}")
        return tuple(converter.structure(item, arg) for item, arg in zip(value, args, strict=True))

    return structure


def _tag(cls: type) -> str:
    return TAGS[cls]


def configure_converter(converter: cattrs.Converter) -> None:
    """Teach `converter` geostate's types: partial dates, names, tagged unions, strict scalars."""

    converter.register_structure_hook_factory(_is_tuple, _strict_tuple)
    converter.register_structure_hook(str, _strict(str, "text"))
    converter.register_structure_hook(int, _strict(int, "an integer"))
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook(PartialDate, lambda value, _: PartialDate.parse(value))
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_structure_hook(Names, _structure_names)
    converter.register_unstructure_hook(Names, dict)
    for union in (Polity, Event):
        configure_tagged_union(union, converter, tag_generator=_tag, tag_name="type")
        converter.register_structure_hook(
            union, _checked_tag(union, converter.get_structure_hook(union))
        )


def _checked_tag(union: Any, structure: Any) -> Any:
    tags = sorted(TAGS[cls] for cls in union.__args__)

    def check(value: object, type_: type) -> object:
        if not isinstance(value, Mapping):
            raise InvalidValue(f'expected an object with a "type", got {value!r}')
        if value.get("type") not in tags:
            raise InvalidValue(f"type {value.get('type')!r} is not one of {tags}", field="type")
        return structure(value, type_)

    return check


def _structure_names(value: object, _: type) -> Names:
    if not isinstance(value, Mapping):
        raise InvalidValue(f'expected names by language such as {{"en": "..."}}, got {value!r}')
    return Names(value)


def make_converter() -> cattrs.Converter:
    """A new converter configured for geostate documents (cattrs' global one is untouched)."""
    converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    configure_converter(converter)
    return converter


_CONVERTER = make_converter()


def _format_exception(error: BaseException, type_: type | None) -> str:
    if isinstance(error, InvalidValue):
        return f"\x1f{error.field or ''}\x1f{error}"
    if isinstance(error, KeyError):
        return "required field missing"
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        plural = "s" if len(error.extra_fields) > 1 else ""
        return f"unknown field{plural} {sorted(error.extra_fields)}"
    if (
        isinstance(error, ValueError | TypeError)
        and type_ is not None
        and getattr(type_, "__module__", "") == "geostate.model.sanctions"
    ):
        return f"not a valid {type_.__name__}: {error}"
    return cattrs.v.format_exception(error, type_)


def _problems(error: Exception, file: str | None) -> list[Problem]:
    problems = []
    for line in cattrs.transform_error(error, path="", format_exception=_format_exception):
        message, _, path = line.rpartition(" @ ")
        if message.startswith("\x1f"):
            _, field, message = message.split("\x1f", 2)
            if field and not path.endswith(f".{field}"):
                path = f"{path}.{field}"
        problems.append(Problem(path.lstrip("."), message, file))
    return problems


def _structure(data: object, file: str | None) -> _Document | list[Problem]:
    if not isinstance(data, dict):
        return [
            Problem("", f"a geostate document is a JSON object, not {type(data).__name__}", file)
        ]
    if data.get("format") != FORMAT:
        return [Problem("format", f"expected {FORMAT!r}, got {data.get('format')!r}", file)]
    try:
        return _CONVERTER.structure(data, _Document)
    except (cattrs.BaseValidationError, InvalidValue) as error:
        if isinstance(error, InvalidValue):
            return [Problem(error.field or "", str(error), file)]
        return _problems(error, file)


@attrs.frozen
class _Unreadable:
    """A document that could not even be read as JSON."""

    problem: Problem


class _StrictJSONError(ValueError):
    """JSON that parses but would lose data: a repeated key, or NaN / Infinity."""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _StrictJSONError(
                f"key {key!r} appears twice in one object (keys: {[k for k, _ in pairs][:6]})"
            )
        result[key] = value
    return result


def _constant(name: str) -> float:
    raise _StrictJSONError(f"{name} is not a JSON number")


def _parse(text: str | bytes, file: str | None) -> object:
    """The JSON data of a document, or `_Unreadable` saying why there is none."""
    try:
        data: object = json.loads(text, object_pairs_hook=_object, parse_constant=_constant)
    except _StrictJSONError as error:
        return _Unreadable(Problem("", str(error), file))
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        return _Unreadable(Problem(where, f"not valid JSON: {error.msg}", file))
    except UnicodeDecodeError as error:
        return _Unreadable(Problem("", f"not UTF-8 text: {error}", file))
    except RecursionError:
        return _Unreadable(Problem("", "JSON nested too deeply to read", file))
    return data


def _build(documents: Sequence[tuple[str | None, object]], base: World | None = None) -> World:
    """Structure every document, then build one world, reporting every problem at once.

    `base` is a world the documents add to (its facts come first, under the name
    ``<base>``), so a document may refer to the polities and events it holds.
    """
    problems: list[Problem] = []
    structured: list[tuple[str | None, _Document]] = []
    if base is not None:
        contents = _Document(
            format=FORMAT,
            entities=base.entities(),
            events=base.events(),
            authorities=base.authorities(),
            regimes=base.regimes(),
        )
        structured.append(("<base>", contents))
    for file, data in documents:
        result = [data.problem] if isinstance(data, _Unreadable) else _structure(data, file)
        if isinstance(result, list):
            problems.extend(result)
        else:
            structured.append((file, result))
    if problems:
        raise InvalidData(problems, what="document" if len(documents) == 1 else "documents")
    try:
        return World(
            entities=[e for _, d in structured for e in d.entities],
            events=[e for _, d in structured for e in d.events],
            authorities=[a for _, d in structured for a in d.authorities],
            regimes=[r for _, d in structured for r in d.regimes],
        )
    except InvalidData as error:
        located = [_locate(p, structured) for p in error.problems]
        raise InvalidData(located, what="world") from None


def _locate(problem: Problem, documents: Sequence[tuple[str | None, _Document]]) -> Problem:
    """Turn a path into the merged lists (``events[40]``) into its file and local index."""
    collection, _, rest = problem.path.partition("[")
    if not rest:
        return problem
    number, _, tail = rest.partition("]")
    index = int(number)
    for file, document in documents:
        size = len(getattr(document, collection))
        if index < size:
            return Problem(
                f"{collection}[{index}]{tail}",
                _relocate(problem.message, collection, documents, file),
                file,
            )
        index -= size
    return problem


def _relocate(
    message: str,
    collection: str,
    documents: Sequence[tuple[str | None, _Document]],
    file: str | None,
) -> str:
    # Cross-references in messages ("repeats events[12]") name global positions too.
    def local(match: re.Match[str]) -> str:
        index = int(match[1])
        for other, document in documents:
            size = len(getattr(document, collection))
            if index < size:
                where = "" if other == file else f" in {other}"
                return f"{collection}[{index}]{where}"
            index -= size
        return match[0]

    return re.sub(rf"{collection}\[(\d+)\]", local, message)


def loads(text: str | bytes, *, file: str | None = None) -> World:
    """The world a geostate document (JSON text) describes; `file` names it in errors."""
    return _build([(file, _parse(text, file))])


def dumps(world: World, *, meta: Mapping[str, str] | None = None) -> str:
    """The world as a geostate document (JSON text, UTF-8, two-space indent)."""
    document = {
        "format": FORMAT,
        **({"meta": dict(meta)} if meta else {}),
        "entities": _CONVERTER.unstructure(world.entities(), tuple[Polity, ...]),
        "events": _CONVERTER.unstructure(world.events(), tuple[Event, ...]),
        "authorities": _CONVERTER.unstructure(world.authorities()),
        "regimes": _CONVERTER.unstructure(world.regimes()),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _read(path: Path) -> tuple[str, object]:
    try:
        return str(path), _parse(path.read_bytes(), str(path))
    except OSError as error:
        return str(path), _Unreadable(
            Problem("", f"cannot read: {error.strerror or error}", str(path))
        )


def load_path(path: str | os.PathLike[str], *, base: World | None = None) -> World:
    """The world in a document file, or in every ``*.json`` document of a folder.

    With `base` (such as ``geostate.load()``), the documents are added to that world and
    checked with it: they may then refer to its polities and answer its events.
    """
    path = Path(path)
    files: Iterable[Path] = sorted(path.glob("*.json")) if path.is_dir() else [path]
    documents = [_read(p) for p in files]
    if not documents:
        raise InvalidData(
            [Problem("", "no *.json documents in this folder", str(path))], what="documents"
        )
    return _build(documents, base)


def dump(
    world: World, path: str | os.PathLike[str], *, meta: Mapping[str, str] | None = None
) -> None:
    """Write the world to a document file."""
    Path(path).write_text(dumps(world, meta=meta), encoding="utf-8")


def unstructure(value: Any) -> Any:
    """Any geostate model as plain JSON-ready data."""
    return _CONVERTER.unstructure(value)


def structure(data: Any, cls: type[Any]) -> Any:
    """Plain data as a geostate model of class `cls`; `InvalidData` lists the problems."""
    try:
        return _CONVERTER.structure(data, cls)
    except cattrs.BaseValidationError as error:
        raise InvalidData(_problems(error, None)) from None
    except InvalidValue as error:
        raise InvalidData([Problem(error.field or "", str(error))]) from None
