"""geostate.strategies works however it is first imported, and from_type knows our types."""

from __future__ import annotations

import subprocess
import sys

import pytest

IMPORT_ORDERS = {
    "strategies first": (
        "from geostate import strategies\nimport hypothesis.strategies as st, geostate\n"
    ),
    "hypothesis first": (
        "import hypothesis.strategies as st, geostate\nfrom geostate import strategies\n"
    ),
    "hypothesis only": "import hypothesis.strategies as st, geostate\n",
}


@pytest.mark.parametrize("imports", IMPORT_ORDERS.values(), ids=IMPORT_ORDERS.keys())
def test_from_type_builds_worlds_whatever_was_imported_first(imports: str) -> None:
    script = imports + (
        "from hypothesis import given, settings\n"
        "@settings(max_examples=5, database=None)\n"
        "@given(st.from_type(geostate.World), st.from_type(geostate.State))\n"
        "def check(world, state):\n"
        "    assert isinstance(world, geostate.World) and isinstance(state, geostate.State)\n"
        "check()\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
