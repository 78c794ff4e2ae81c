"""Names to codes: geostate.resolve against countrynames and country_converter.

Run: python benchmarks/names.py [--list benchmarks/names-labelled.csv] [--passes 3] [--misses]

Install the peers first: ``pip install --group bench`` (or ``pip install countrynames
country_converter 'pandas<3'``). The labelled list (text, lang, code, category, source)
holds names in 14 languages, each with the page it was read from.

Every tool gets each name once per pass, as text alone (no language, no date), and
answers one code or none; "geostate near" and "countrynames fuzzy" also try names a
typing slip away when nothing matches. An answer counts when it is the labelled code.
Peers answer in ISO 3166-1 alpha-2, so their answer also counts for a former state when it is that
state's ISO 3166-3 alpha-2 (SU for SUHH, DD for DDDE, YU for YUCS, CS for CSHH and
CSXX, YD for YDYE). geostate's AmbiguousName counts as a miss. Caches are cleared before
each pass (countrynames memoises to_code), so every lookup is a first lookup of that
name; index building and data loading happen before timing, in a warm-up call.

It prints, side by side: accuracy overall and per category, accuracy on the names of
current ISO 3166-1 states (the ground every tool claims), how many answers were wrong
(a code other than the label, as against no answer), lookups per second, and each ratio
to geostate.
"""

from __future__ import annotations

import argparse
import csv
import logging
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pycountry

import geostate

HERE = Path(__file__).resolve().parent
Tool = Callable[[str], str | None]
NOT_FOUND = "\x00not found"


def geostate_tool(near: bool) -> Tool:
    def resolve(text: str) -> str | None:
        try:
            return geostate.resolve(text, near=near)
        except geostate.AmbiguousName:
            return None

    return resolve


def countrynames_tool(fuzzy: bool) -> tuple[Tool, Callable[[], None]]:
    import countrynames  # noqa: PLC0415 - a peer, installed only to benchmark

    def resolve(text: str) -> str | None:
        found = countrynames.to_code(text, fuzzy=fuzzy)
        return found if isinstance(found, str) else None

    return resolve, countrynames.to_code.cache_clear


def coco_tool() -> Tool:
    import country_converter as coco  # noqa: PLC0415 - a peer, installed only to benchmark

    logging.getLogger("country_converter").setLevel(logging.CRITICAL)
    converter = coco.CountryConverter()

    def resolve(text: str) -> str | None:
        # not_found=None would hand the text back unchanged: a sentinel tells them apart.
        found = converter.convert(text, to="ISO2", not_found=NOT_FOUND)
        return found if isinstance(found, str) and found != NOT_FOUND else None

    return resolve


def counts(answer: str | None, code: str) -> bool:
    if answer is None:
        return False
    if answer == code:
        return True
    # A peer's ISO 3166-3 alpha-2 for a former state ("SU" for SUHH, "CS" for CSXX).
    return len(code) == 4 and "-" not in code and answer == code[:2]


Results = dict[str, tuple[list[bool], float, list[str | None]]]


def peers() -> list[tuple[str, Tool, Callable[[], None]]]:
    tools: list[tuple[str, Tool, Callable[[], None]]] = []
    missing: list[str] = []
    try:
        exact, clear = countrynames_tool(fuzzy=False)
        fuzzy, clear_fuzzy = countrynames_tool(fuzzy=True)
        tools += [("countrynames", exact, clear), ("countrynames fuzzy", fuzzy, clear_fuzzy)]
    except ImportError:
        missing.append("countrynames")
    try:
        tools.append(("country_converter", coco_tool(), lambda: None))
    except ImportError:
        missing.append("country_converter")
    if missing:
        print(f"not installed, left out: {', '.join(missing)} (pip install --group bench)")
    return tools


def measure(
    tools: list[tuple[str, Tool, Callable[[], None]]], rows: list[dict[str, str]], passes: int
) -> Results:
    results: Results = {}
    for name, tool, clear in tools:
        tool("Wakanda")  # loads data and builds indexes before timing
        answers: list[str | None] = []
        elapsed = 0.0
        for _ in range(passes):
            clear()
            start = time.perf_counter()
            answers = [tool(row["text"]) for row in rows]
            elapsed += time.perf_counter() - start
        right = [counts(answer, row["code"]) for answer, row in zip(answers, rows, strict=True)]
        results[name] = (right, len(rows) * passes / elapsed, answers)
    return results


def table(results: Results, rows: list[dict[str, str]]) -> None:
    names = list(results)
    width = max(len(name) for name in names) + 2
    print(f"{'':24}" + "".join(f"{name:>{width}}" for name in names))

    def line(label: str, picked: list[int]) -> None:
        shares = (sum(results[n][0][i] for i in picked) / len(picked) for n in names)
        print(f"{label:24}" + "".join(f"{share:>{width}.1%}" for share in shares))

    line(f"accuracy (n={len(rows)})", list(range(len(rows))))
    current = {country.alpha_2 for country in pycountry.countries}
    iso = [i for i, row in enumerate(rows) if row["code"] in current]
    line(f"  ISO 3166-1 (n={len(iso)})", iso)
    for category in sorted({row["category"] for row in rows}):
        picked = [i for i, row in enumerate(rows) if row["category"] == category]
        line(f"  {category} (n={len(picked)})", picked)
    wrong = (
        sum(answer is not None and not ok for ok, answer in zip(*results[n][::2], strict=True))
        for n in names
    )
    print(f"{'wrong answers':24}" + "".join(f"{count:>{width}}" for count in wrong))
    rates = {name: results[name][1] for name in names}
    print(f"{'lookups per second':24}" + "".join(f"{rates[n]:>{width},.0f}" for n in names))
    right = {name: sum(results[name][0]) for name in names}
    ratios = (right["geostate"] / max(1, right[n]) for n in names)
    print(f"{'geostate ratio: right':24}" + "".join(f"{r:>{width}.2f}" for r in ratios))
    speed = (rates["geostate"] / rates[n] for n in names)
    print(f"{'geostate ratio: speed':24}" + "".join(f"{r:>{width}.2f}" for r in speed))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--list", type=Path, default=HERE / "names-labelled.csv")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--misses", action="store_true", help="list geostate's misses")
    args = parser.parse_args()
    with args.list.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    languages = Counter(row["lang"] for row in rows)
    print(f"{len(rows)} labelled names, {len(languages)} languages, from {args.list.name}")
    ours = [
        ("geostate", geostate_tool(near=False), lambda: None),
        ("geostate near", geostate_tool(near=True), lambda: None),
    ]
    results = measure([*ours, *peers()], rows, args.passes)
    table(results, rows)
    if args.misses:
        print("\ngeostate's misses:")
        right, answers = results["geostate"][0], results["geostate"][2]
        for ok, answer, row in zip(right, answers, rows, strict=True):
            if not ok:
                print(f"  {row['lang']:6} {row['text']!r:40} {row['code']:8} got {answer}")


if __name__ == "__main__":
    main()
