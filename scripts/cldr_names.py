"""Regenerate ``src/geostate/data/names/cldr.json``: CLDR's territory names for geostate's states.

Unicode CLDR names every territory in every locale it covers, in the short form people
write ("Corée du Nord", "Nordkorea", "Северная Корея"). geostate reads them from Babel's
copy of CLDR at release time, so Babel is a tool of this script, not a dependency:

    pip install --group cldr -e . && python scripts/cldr_names.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import babel
from babel import Locale
from babel.core import get_cldr_version
from babel.localedata import locale_identifiers

import geostate

OUT = Path(__file__).resolve().parents[1] / "src" / "geostate" / "data" / "names" / "cldr.json"


def _tag(identifier: str) -> str | None:
    """A BCP 47 tag for a language or language-script locale; None for regional ones."""
    parts = identifier.split("_")
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2 and len(parts[1]) == 4:
        return f"{parts[0]}-{parts[1]}"
    return None


def main() -> int:
    codes = sorted(e.code for e in geostate.load().entities() if len(e.code) == 2)
    names: dict[str, dict[str, list[str]]] = {code: {} for code in codes}
    for identifier in sorted(locale_identifiers()):
        tag = _tag(identifier)
        if tag is None or identifier == "root":
            continue
        territories = Locale.parse(identifier).territories
        for code in codes:
            text = territories.get(code)
            if text and text != code:
                names[code].setdefault(text.strip(), []).append(tag)
    document = {
        "format": "geostate-names/1",
        "meta": {
            "covers": "The display name of each state's territory code in every language and "
            "script CLDR covers (regional locales left out), for name resolution.",
            "source": f"https://github.com/unicode-org/cldr/tree/release-{get_cldr_version()}"
            "/common/main",
            "cldr": get_cldr_version(),
            "read_with": f"Babel {babel.__version__}",
            "license": "Unicode License v3 (https://www.unicode.org/license.txt)",
        },
        "names": names,
    }
    OUT.write_text(json.dumps(document, ensure_ascii=False, indent=0, sort_keys=True) + "\n")
    print(f"{OUT}: {sum(len(v) for v in names.values())} names for {len(codes)} states")
    return 0


if __name__ == "__main__":
    sys.exit(main())
