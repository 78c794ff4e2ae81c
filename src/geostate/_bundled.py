"""The bundled dataset: read lazily on first use, then cached (``import geostate`` stays cheap)."""

from __future__ import annotations

import functools
from importlib import resources

from geostate.serialize import _build, _parse
from geostate.world import World

#: The version of the bundled data, as tzdata has ``IANA_VERSION``: year and a letter.
DATA_VERSION = "2026a"


@functools.cache
def bundled_world() -> World:
    """The world in ``geostate/data/*.json``, checked as a whole."""
    folder = resources.files("geostate") / "data"
    documents = [
        (f"geostate/data/{entry.name}", _parse(entry.read_bytes(), f"geostate/data/{entry.name}"))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".json")
    ]
    return _build(documents)
