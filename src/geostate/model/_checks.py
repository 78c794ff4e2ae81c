"""Field validators shared by the models; each failure names its field."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from geostate.codes import check_entity_code
from geostate.errors import InvalidValue

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def checked(check: Callable[[Any], object]) -> Validator:
    """An attrs validator running `check(value)`, tagging its error with the field's name."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        try:
            check(value)
        except InvalidValue as error:
            if error.field is None:
                error.field = attribute.name
            raise

    return validate


def fail(message: str, field: str | None = None) -> InvalidValue:
    return InvalidValue(message, field=field)


def _unique(values: Sequence[object]) -> None:
    if len(set(values)) != len(values):
        raise InvalidValue(f"an item is listed twice in {list(values)}")


def _codes(values: Sequence[str]) -> None:
    for value in values:
        check_entity_code(value)
    _unique(values)


def _sources(values: Sequence[object]) -> None:
    if not values:
        raise InvalidValue("a fact needs at least one source")


def _optional_code(value: str | None) -> None:
    if value is not None:
        check_entity_code(value)


code = checked(check_entity_code)
optional_code = checked(_optional_code)
codes = checked(_codes)
unique = checked(_unique)
sources = checked(_sources)


def _tagged(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any) -> Any:
        try:
            return func(*args)
        except InvalidValue as error:
            if error.field is None:
                error.field = name
            raise

    return run


def tag_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """attrs `field_transformer`: every validator and converter error names its field."""
    return [
        field.evolve(
            validator=field.validator and _tagged(field.name, field.validator),
            converter=field.converter and _tagged(field.name, field.converter),  # type: ignore[arg-type]
        )
        for field in fields
    ]


def of(*classes: type) -> Validator:
    """A validator: the value is an instance of one of `classes` (bool is not an int)."""
    names = " or ".join(c.__name__ for c in classes)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, classes) or (isinstance(value, bool) and bool not in classes):
            raise InvalidValue(f"expected {names}, got {type(value).__name__} {value!r}")

    return validate


def optional_of(*classes: type) -> Validator:
    check = of(*classes)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    return validate


def as_tuple(value: Any) -> tuple[Any, ...]:
    """Accept any list or tuple for a tuple field (a string is not a sequence of items)."""
    if isinstance(value, list | tuple):
        return tuple(value)
    raise InvalidValue(f"expected a list or tuple, got {type(value).__name__} {value!r}")


def items_of(*classes: type) -> Validator:
    check = of(*classes)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for item in value:
            check(instance, attribute, item)

    return validate
