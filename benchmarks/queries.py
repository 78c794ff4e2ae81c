"""How much the World's indexes buy: indexed queries against a scan of every fact.

Run: python benchmarks/queries.py [--facts N]

It builds the bundled world and a synthetic one of about N facts, asks the same questions
both ways in one run, checks the answers agree, and prints each rate and their ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import time
from collections.abc import Callable

import geostate
from geostate import RelationStatus

RELATIONS = (geostate.RelationsEstablished, geostate.RelationsSuspended, geostate.RelationsSevered)


def scan_recognizers(world: geostate.World, subject: str, day: dt.date) -> frozenset[str]:
    """The answer by reading every fact (no index): what a plain list of facts gives."""
    found: dict[str, bool] = {}
    for event in world.events():  # canonical order
        if (
            isinstance(event, geostate.Recognized | geostate.RecognitionWithdrawn)
            and event.subject == subject
            and event.date.last_day <= day
        ):
            found[event.recognizer] = isinstance(event, geostate.Recognized)
    alive = {code for code in found if world.exists(code, on=day)}
    return (
        frozenset(code for code, on in found.items() if on and code in alive)
        if world.exists(subject, on=day)
        else frozenset()
    )


def scan_relations(world: geostate.World, a: str, b: str, day: dt.date) -> RelationStatus:
    status = RelationStatus.UNKNOWN
    for event in world.events():
        if (
            isinstance(event, RELATIONS)
            and set(event.parties) == {a, b}
            and event.date.last_day <= day
        ):
            status = event.status
    return status


def synthetic(facts: int, seed: int = 7) -> geostate.World:
    rng = random.Random(seed)
    base = geostate.load()
    codes = [e.code for e in base.entities() if isinstance(e, geostate.State)]
    source = (
        geostate.Source(url="https://example.org/bench", title="Benchmark", publisher="geostate"),
    )
    events: list[geostate.Event] = []
    pairs = rng.sample(list(itertools.permutations(codes, 2)), facts // 2)
    for number, (a, b) in enumerate(pairs):
        start = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(25000))
        events.append(
            geostate.Recognized(
                id=f"r{number}",
                recognizer=a,
                subject=b,
                date=geostate.PartialDate.of(start),
                sources=source,
            )
        )
        if rng.random() < 0.3:
            end = start + dt.timedelta(days=rng.randrange(1, 5000))
            events.append(
                geostate.RecognitionWithdrawn(
                    id=f"w{number}",
                    recognizer=a,
                    subject=b,
                    date=geostate.PartialDate.of(end),
                    sources=source,
                )
            )
    for number, (a, b) in enumerate(
        rng.sample(list(itertools.combinations(sorted(codes), 2)), facts // 4)
    ):
        day = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(25000))
        events.append(
            geostate.RelationsEstablished(
                id=f"x{number}", parties=(a, b), date=geostate.PartialDate.of(day), sources=source
            )
        )
    return geostate.World(
        entities=base.entities(),
        events=events,
        authorities=base.authorities(),
        regimes=base.regimes(),
    )


def rate(function: Callable[[], object], seconds: float = 0.5) -> float:
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        function()
        count += 1
    return count / (time.perf_counter() - start)


def compare(label: str, world: geostate.World, rng: random.Random) -> None:
    codes = [e.code for e in world.entities()]
    questions = []
    for _ in range(200):
        a, b = rng.sample(codes, 2)
        questions.append((a, b, dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(27000))))
    for a, b, day in questions:
        assert world.recognizers(a, on=day) == scan_recognizers(world, a, day), (a, day)
        assert world.relations(a, b, on=day) == scan_relations(world, a, b, day), (a, b, day)
    cycle = itertools.cycle(questions)

    def indexed_recognizers() -> object:
        a, _, day = next(cycle)
        return world.recognizers(a, on=day)

    def scanned_recognizers() -> object:
        a, _, day = next(cycle)
        return scan_recognizers(world, a, day)

    def indexed_relations() -> object:
        a, b, day = next(cycle)
        return world.relations(a, b, on=day)

    def scanned_relations() -> object:
        return scan_relations(world, *next(cycle))

    print(f"\n{label}: {len(world.entities())} entities, {len(world.events())} facts")
    print(f"{'query':<14}{'indexed /s':>14}{'full scan /s':>16}{'ratio':>10}")
    for name, indexed, scan in (
        ("recognizers", indexed_recognizers, scanned_recognizers),
        ("relations", indexed_relations, scanned_relations),
    ):
        fast, slow = rate(indexed), rate(scan)
        print(f"{name:<14}{fast:>14,.0f}{slow:>16,.0f}{fast / slow:>9.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=20000)
    args = parser.parse_args()
    rng = random.Random(1)
    start = time.perf_counter()
    geostate.load()
    print(f"bundled world loaded and checked in {time.perf_counter() - start:.3f} s")
    compare("bundled world", geostate.load(), rng)
    start = time.perf_counter()
    big = synthetic(args.facts)
    print(f"\nsynthetic world built and checked in {time.perf_counter() - start:.3f} s")
    compare("synthetic world", big, rng)


if __name__ == "__main__":
    main()
