"""The ``hypothesis`` entry point: Hypothesis calls `setup` when it is imported.

`setup` imports `geostate.strategies`, which registers its strategies with
`hypothesis.strategies.from_type` as it loads. When `geostate.strategies` is the module
that is importing Hypothesis (it was imported first), it is half-loaded at this point and
registers itself once loaded, so `setup` leaves it alone.
"""

from __future__ import annotations

import importlib
import sys


def setup() -> None:
    """Make `st.from_type` build geostate's types."""
    if "geostate.strategies" not in sys.modules:
        importlib.import_module("geostate.strategies")
