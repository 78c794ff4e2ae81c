"""The ``geostate`` command: ask the bundled (or any) world from the shell.

Exit status: 0 on success, 1 on bad input or data (the message on stderr, no traceback),
2 on bad usage, 3 when ``geostate resolve`` found no single code for some name.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from geostate import _render as render
from geostate._bundled import DATA_VERSION, bundled_world
from geostate.codes import subdivision_name
from geostate.errors import GeostateError, InvalidDate
from geostate.model import BreakawayRegion
from geostate.names import candidates
from geostate.rules import Disputed
from geostate.serialize import load_path
from geostate.world import World

__all__ = ["main"]

Command = Callable[[Callable[[], World], argparse.Namespace], tuple[Any, str]]


def _day(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidDate(f"--on {text!r}: expected a day such as 2022-07-14") from None


def _recognitions(get_world: Callable[[], World], args: argparse.Namespace) -> tuple[Any, str]:
    world = get_world()
    day, policy = _day(args.on), Disputed(args.disputed)
    entity = world.entity(args.entity)
    incoming = world.recognitions(entity.code, on=day, disputed=policy)
    outgoing = world.recognitions(entity.code, on=day, incoming=False, disputed=policy)
    share = (
        world.recognition_share(entity.code, on=day, disputed=policy)
        if world.has_authority("UN")
        else None
    )
    data = {
        "entity": entity.code,
        "name": entity.name,
        "on": day.isoformat(),
        "disputed": policy.value,
        "exists": world.exists(entity.code, on=day, disputed=policy),
        "recognized_by": [render.recognition(world, f, f.recognizer) for f in incoming],
        "recognizes": [render.recognition(world, f, f.subject) for f in outgoing],
        "un_members_recognizing": share and {"count": share.count, "of": share.total},
    }
    return data, render.recognitions_text(data)


def _relations(get_world: Callable[[], World], args: argparse.Namespace) -> tuple[Any, str]:
    world = get_world()
    day, policy = _day(args.on), Disputed(args.disputed)
    a, b = world.entity(args.a), world.entity(args.b)
    fact = world.relations_fact(a.code, b.code, on=day, disputed=policy)
    data = {
        "a": a.code,
        "b": b.code,
        "on": day.isoformat(),
        "status": world.relations(a.code, b.code, on=day, disputed=policy).value,
        "since": render.event(world, fact) if fact else None,
        "history": [render.event(world, e) for e in world.relations_history(a.code, b.code)],
    }
    return data, render.relations_text(world, data)


def _sanctions(get_world: Callable[[], World], args: argparse.Namespace) -> tuple[Any, str]:
    world = get_world()
    day = _day(args.on)
    code = world.target_code(args.target)
    against = world.sanctions_against(code, on=day, by=args.by)
    name = world.entity(code).name if code in world else subdivision_name(code)
    within = (
        world.sanctions_within(code, on=day, by=args.by)
        if code in world and not isinstance(world.entity(code), BreakawayRegion)
        else ()
    )
    data = {
        "target": code,
        "name": name,
        "on": day.isoformat(),
        "by": args.by,
        "regimes": render.regimes_in_force(world, against),
        "within": render.regimes_in_force(world, within),
    }
    return data, render.sanctions_text(data)


def _regime(get_world: Callable[[], World], args: argparse.Namespace) -> tuple[Any, str]:
    world = get_world()
    regime = world.regime(args.regime)
    data = {
        **render.regime_head(world, regime),
        "instruments": [render.instrument(i) for i in regime.instruments],
    }
    del data["measures"]
    return data, render.regime_text(data)


def _timeline(get_world: Callable[[], World], args: argparse.Namespace) -> tuple[Any, str]:
    world = get_world()
    entity = world.entity(args.entity)
    life = world.lifespan(entity.code)
    data = {
        "entity": entity.code,
        "name": entity.name,
        "start": life.start and str(life.start),
        "end": life.end and str(life.end),
        "events": [render.event(world, e) for e in world.timeline(entity.code)],
    }
    return data, render.timeline_text(data)


def _report(get_world: Callable[[], World], args: argparse.Namespace) -> tuple[Any, str]:
    world = get_world()
    day, policy = _day(args.on), Disputed(args.disputed)
    data = {
        "on": day.isoformat(),
        "disputed": policy.value,
        "un_members": len(world.un_members(on=day)) if world.has_authority("UN") else None,
        "entities": [
            render.report_row(world, report)
            for report in world.recognition_report(on=day, disputed=policy)
        ],
    }
    return data, render.report_text(data)


def _resolve(get_world: Callable[[], World], args: argparse.Namespace) -> tuple[Any, str]:
    world = get_world()
    day = None if args.on is None else _day(args.on)
    results, lines = [], []
    for text in args.names:
        found = candidates(text, lang=args.lang, on=day, world=world, near=args.near)
        top = [m for m in found if m.score == found[0].score] if found else []
        status = "resolved" if len(top) == 1 else "ambiguous" if top else "not found"
        results.append(
            {
                "text": text,
                "status": status,
                "code": top[0].code if len(top) == 1 else None,
                "candidates": [
                    {
                        "code": m.code,
                        "polity": _polity_name(world, m.code),
                        "name": m.name,
                        "lang": m.lang,
                        "kind": m.kind.value,
                        "score": m.score,
                    }
                    for m in found
                ],
            }
        )
        lines.append(render.resolved_text(results[-1]))
    if any(result["status"] != "resolved" for result in results):
        args.exit_status = 3
    return {"on": day and day.isoformat(), "lang": args.lang, "names": results}, "\n".join(lines)


def _polity_name(world: World, code: str) -> str:
    return world.entity(code).name if code in world else subdivision_name(code)


def _validate(get_world: Callable[[], World], args: argparse.Namespace) -> tuple[Any, str]:
    checked = load_path(args.file, base=get_world() if args.with_bundled else None)
    data = {
        "file": args.file,
        "valid": True,
        "entities": len(checked.entities()),
        "events": len(checked.events()),
        "authorities": len(checked.authorities()),
        "regimes": len(checked.regimes()),
    }
    text = (
        f"{args.file}: valid: {data['entities']} entities, {data['events']} events, "
        f"{data['authorities']} authorities, {data['regimes']} regimes"
    )
    return data, text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geostate",
        description="Recognition, relations and sanctions on any day, from sourced data.",
    )
    parser.add_argument(
        "--version", action="version", version=f"geostate {_version()} (data {DATA_VERSION})"
    )
    parser.add_argument(
        "--data",
        metavar="PATH",
        help="a geostate document or folder to ask instead of the bundled data",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler: Command, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.add_argument("--json", action="store_true", help="print JSON for machines")
        sub.set_defaults(handler=handler)
        return sub

    def dated(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--on", metavar="DATE", help="the day to ask about, YYYY-MM-DD (default: today)"
        )

    def disputable(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--disputed",
            choices=[p.value for p in Disputed],
            default=Disputed.INCLUDE.value,
            help="count facts someone disputes (include, the default) or leave them out",
        )

    sub = command(
        "recognitions", _recognitions, "who recognises ENTITY, and whom it recognises, on a day"
    )
    sub.add_argument("entity", metavar="ENTITY", help="a code such as UA-DPR or KP")
    dated(sub)
    disputable(sub)
    sub = command("relations", _relations, "the diplomatic relations of A and B on a day")
    sub.add_argument("a", metavar="A")
    sub.add_argument("b", metavar="B")
    dated(sub)
    disputable(sub)
    sub = command(
        "sanctions",
        _sanctions,
        "the sanctions regimes and measures in force against TARGET on a day",
    )
    sub.add_argument("target", metavar="TARGET")
    dated(sub)
    sub.add_argument(
        "--by", metavar="AUTHORITY", help="only this authority's regimes (UNSC, EU, US, ...)"
    )
    sub = command("regime", _regime, "a sanctions regime's history, instrument by instrument")
    sub.add_argument("regime", metavar="ID", help="a regime id such as un-1718")
    sub = command("timeline", _timeline, "every event involving ENTITY, in date order")
    sub.add_argument("entity", metavar="ENTITY")
    sub = command(
        "report",
        _report,
        "for each breakaway or partly recognised polity: its recognisers on a day, "
        "withdrawals so far, and the facts and sources behind it",
    )
    dated(sub)
    disputable(sub)
    sub = command(
        "resolve",
        _resolve,
        "the code of each NAME, in any language: 'Corée du Nord', 'ДНР', 'Pyongyang'",
    )
    sub.add_argument("names", metavar="NAME", nargs="+")
    sub.add_argument("--lang", metavar="LANG", help="prefer names of this language (fr, de, ...)")
    sub.add_argument(
        "--on", metavar="DATE", help="prefer what the name meant on this day, YYYY-MM-DD"
    )
    sub.add_argument(
        "--near",
        action="store_true",
        help="when a name matches nothing, try names one typing slip away",
    )
    sub = command("validate", _validate, "check a geostate document (or folder of documents)")
    sub.add_argument("file", metavar="FILE")
    sub.add_argument(
        "--with-bundled",
        action="store_true",
        help="check FILE as an addition to the bundled data (or to --data)",
    )
    return parser


def _version() -> str:
    from geostate import __version__  # noqa: PLC0415 - the package imports this module lazily

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status."""
    args = _parser().parse_args(argv)

    def get_world() -> World:
        return load_path(args.data) if args.data else bundled_world()

    try:
        data, text = args.handler(get_world, args)
    except GeostateError as error:
        print(f"geostate: error: {error}", file=sys.stderr)
        return 1
    try:
        print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else text)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader left early (| head): not an error; keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    status: int = getattr(args, "exit_status", 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
