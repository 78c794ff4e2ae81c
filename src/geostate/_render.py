"""How the command shows answers: JSON-ready dicts, and plain-text tables built from them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from geostate._index import MeasureInForce
from geostate.model import (
    EntityEnded,
    Event,
    IndependenceDeclared,
    Instrument,
    RecognitionWithdrawn,
    Recognized,
    RelationsEstablished,
    RelationsSevered,
    RelationsSuspended,
    SanctionsRegime,
)
from geostate.world import RecognitionReport, World


def _name(world: World, code: str) -> str:
    return world.entity(code).name if code in world else code


def event(world: World, fact: Event) -> dict[str, Any]:
    """An event as plain data, with a one-line summary in English."""
    data: dict[str, Any] = {
        "id": fact.id,
        "date": str(fact.date),
        "type": type(fact).__name__,
        "summary": summary(world, fact),
    }
    if fact.asserted_by:
        data["asserted_by"] = list(fact.asserted_by)
    if fact.disputed_by:
        data["disputed_by"] = list(fact.disputed_by)
    if fact.in_response_to:
        data["in_response_to"] = fact.in_response_to
    if fact.other_dates:
        data["other_dates"] = [{"date": str(o.date), "act": o.act} for o in fact.other_dates]
    if fact.note:
        data["note"] = fact.note
    data["sources"] = [s.url for s in fact.sources]
    return data


def summary(world: World, fact: Event) -> str:
    """One line saying what the event is."""
    if isinstance(fact, Recognized):
        kind = "" if fact.kind.value == "de_jure" else f" ({fact.kind.value.replace('_', ' ')})"
        return f"{_name(world, fact.recognizer)} recognises {_name(world, fact.subject)}{kind}"
    if isinstance(fact, RecognitionWithdrawn):
        return (
            f"{_name(world, fact.recognizer)} withdraws recognition of {_name(world, fact.subject)}"
        )
    if isinstance(fact, RelationsEstablished | RelationsSuspended | RelationsSevered):
        verb = {
            RelationsEstablished: "establish relations",
            RelationsSuspended: "relations suspended",
            RelationsSevered: "relations severed",
        }[type(fact)]
        who = " and ".join(_name(world, c) for c in fact.parties)
        by = f" (by {_name(world, fact.initiated_by)})" if fact.initiated_by else ""
        return f"{who}: {verb}{by}"
    if isinstance(fact, IndependenceDeclared):
        return f"{_name(world, fact.entity)} declares independence"
    assert isinstance(fact, EntityEnded)
    into = f", absorbed into {_name(world, fact.absorbed_into)}" if fact.absorbed_into else ""
    return f"{_name(world, fact.entity)} ends{into}"


def recognition(world: World, fact: Recognized, other: str) -> dict[str, Any]:
    return {
        "code": other,
        "name": _name(world, other),
        "since": str(fact.date),
        "kind": fact.kind.value,
        "event": fact.id,
        "sources": [s.url for s in fact.sources],
    }


def instrument(item: Instrument) -> dict[str, Any]:
    data: dict[str, Any] = {
        "citation": item.citation,
        "date": str(item.date),
        "imposes": [m.value for m in item.imposes],
        "lifts": [m.value for m in item.lifts],
    }
    if item.terminates:
        data["terminates"] = True
    if item.note:
        data["note"] = item.note
    data["sources"] = [s.url for s in item.sources]
    return data


def regime_head(world: World, regime: SanctionsRegime) -> dict[str, Any]:
    return {
        "id": regime.id,
        "name": regime.name,
        "authority": regime.authority,
        "authority_name": world.authority(regime.authority).name,
        "program": regime.program,
        "start": str(regime.start),
        "end": regime.end and str(regime.end),
        "targets": [{"code": t.code, "scope": t.scope.value} for t in regime.targets],
        "measures": [],
    }


def table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> str:
    """Columns padded to their widest cell; the last column is left ragged."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header) - 1)]
    lines = []
    for row in [header, *rows]:
        cells = [str(cell).ljust(width) for cell, width in zip(row, widths, strict=False)] + [
            str(row[-1])
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def recognitions_text(data: dict[str, Any]) -> str:
    lines = [f"{data['entity']} ({data['name']}) on {data['on']}"]
    if not data["exists"]:
        lines.append("  does not exist on this day, by the facts counted; nothing is in force")
    share = data["un_members_recognizing"]
    among = f" ({share['count']} of {share['of']} UN member states)" if share else ""
    lines.append(f"recognised by {len(data['recognized_by'])}{among}:")
    rows = [(r["code"], r["name"], r["since"], r["kind"]) for r in data["recognized_by"]]
    lines.append(table(rows, ("CODE", "NAME", "SINCE", "KIND")) if rows else "  (none)")
    if data["recognizes"]:
        lines.append(f"recognises {len(data['recognizes'])}:")
        rows = [(r["code"], r["name"], r["since"], r["kind"]) for r in data["recognizes"]]
        lines.append(table(rows, ("CODE", "NAME", "SINCE", "KIND")))
    return "\n".join(lines)


def relations_text(world: World, data: dict[str, Any]) -> str:
    a, b = data["a"], data["b"]
    pair = f"{a} ({_name(world, a)}) and {b} ({_name(world, b)})"
    lines = [f"{pair} on {data['on']}: {data['status'].upper()}"]
    if data["since"]:
        lines.append(
            f"since {data['since']['date']}: {data['since']['summary']} [{data['since']['id']}]"
        )
    if data["history"]:
        lines.append("history:")
        rows = [(e["date"], e["summary"], e["id"]) for e in data["history"]]
        lines.append(table(rows, ("DATE", "EVENT", "ID")))
    return "\n".join(lines)


def regimes_in_force(world: World, found: Sequence[MeasureInForce]) -> list[dict[str, Any]]:
    """Measures in force, grouped by regime (in id order)."""
    regimes: dict[str, dict[str, Any]] = {}
    for item in found:
        regime = regimes.get(item.regime.id)
        if regime is None:
            regime = regimes[item.regime.id] = regime_head(world, item.regime)
            regime["via"] = [{"code": t.code, "scope": t.scope.value} for t in item.via]
        regime["measures"].append(
            {
                "measure": item.measure.value,
                "instruments": [instrument(i) for i in item.instruments],
            }
        )
    return list(regimes.values())


def _regime_blocks(regimes: list[dict[str, Any]], asked: str) -> list[str]:
    lines = []
    for regime in regimes:
        program = f", {regime['program']}" if regime["program"] else ""
        head = f"{regime['id']}: {regime['name']} ({regime['authority']}{program})"
        via = ", ".join(
            f"{v['code']}" + (" (territory)" if v["scope"] == "territory" else "")
            for v in regime["via"]
        )
        direct = all(v["code"] == asked and v["scope"] == "state" for v in regime["via"])
        reach = "" if direct else f"; through {via}"
        lines.append(f"\n{head}, since {regime['start']}{reach}")
        rows = [
            (m["measure"], ", ".join(f"{i['citation']} ({i['date']})" for i in m["instruments"]))
            for m in regime["measures"]
        ]
        lines.append(table(rows, ("MEASURE", "IMPOSED BY")))
    return lines


def sanctions_text(data: dict[str, Any]) -> str:
    by = f" by {data['by']}" if data["by"] else ""
    count = len(data["regimes"])
    lines = [
        f"sanctions in force against {data['target']} ({data['name']}) on {data['on']}{by}: "
        f"{count} regime{'s' if count != 1 else ''}"
    ]
    lines += _regime_blocks(data["regimes"], data["target"])
    if data["within"]:
        count = len(data["within"])
        lines.append(
            f"\nnot against {data['target']} itself, but on territory within it: "
            f"{count} regime{'s' if count != 1 else ''}"
        )
        lines += _regime_blocks(data["within"], data["target"])
    return "\n".join(lines)


def regime_text(data: dict[str, Any]) -> str:
    end = f" to {data['end']}" if data["end"] else ", in force"
    targets = ", ".join(f"{t['code']} ({t['scope']})" for t in data["targets"])
    lines = [
        f"{data['id']}: {data['name']}",
        f"authority {data['authority']} ({data['authority_name']}); "
        f"program {data['program'] or '-'}; targets {targets}; from {data['start']}{end}",
    ]
    rows = [
        (
            i["date"],
            i["citation"],
            " ".join(
                [
                    *(f"+{m}" for m in i["imposes"]),
                    *(f"-{m}" for m in i["lifts"]),
                    *(["ENDS"] if i.get("terminates") else []),
                ]
            ),
        )
        for i in data["instruments"]
    ]
    lines.append(table(rows, ("DATE", "INSTRUMENT", "MEASURES (+ imposed, - lifted)")))
    return "\n".join(lines)


def timeline_text(data: dict[str, Any]) -> str:
    span = f"{data['start'] or '?'} to {data['end'] or 'now'}"
    lines = [f"{data['entity']} ({data['name']}), {span}: {len(data['events'])} events"]
    rows = [
        (e["date"], e["summary"] + (" (disputed)" if e.get("disputed_by") else ""), e["id"])
        for e in data["events"]
    ]
    lines.append(table(rows, ("DATE", "EVENT", "ID")))
    return "\n".join(lines)


def report_row(world: World, report: RecognitionReport) -> dict[str, Any]:
    share = report.un_share
    return {
        "code": report.code,
        "name": report.name,
        "exists": report.exists,
        "recognizers": sorted(report.recognizers),
        "un_members_recognizing": share and {"count": share.count, "of": share.total},
        "withdrawals": [
            {"id": w.id, "date": str(w.date), "recognizer": w.recognizer}
            for w in report.withdrawals
        ],
        "facts": report.facts,
        "sources": report.sources,
    }


def report_text(data: dict[str, Any]) -> str:
    members = f"; {data['un_members']} UN member states" if data["un_members"] else ""
    lines = [f"recognition of breakaway and partly recognised polities on {data['on']}{members}"]
    rows = []
    for row in data["entities"]:
        share = row["un_members_recognizing"]
        rows.append(
            (
                row["code"],
                row["name"],
                "yes" if row["exists"] else "no",
                str(len(row["recognizers"])),
                f"{share['count']} of {share['of']} ({share['count'] / share['of']:.1%})"
                if share and share["of"]
                else "-",
                str(len(row["withdrawals"])),
                str(row["facts"]),
                str(row["sources"]),
            )
        )
    header = (
        "CODE",
        "NAME",
        "EXISTS",
        "RECOGNISERS",
        "UN MEMBERS",
        "WITHDRAWN",
        "FACTS",
        "SOURCES",
    )
    lines.append(table(rows, header) if rows else "  (no breakaway or partly recognised polity)")
    return "\n".join(lines)


def resolved_text(data: dict[str, Any]) -> str:
    """One name's answer from ``geostate resolve``: its code, or why there is none."""
    found = data["candidates"]

    def match(m: dict[str, Any]) -> str:
        lang = f"{m['lang']} " if m["lang"] else ""
        return f"{m['code']} {m['polity']} ({m['kind']}, {lang}{m['name']!r}, {m['score']:.2f})"

    if data["status"] == "not found":
        return f"{data['text']}: not found"
    top = [m for m in found if m["score"] == found[0]["score"]]
    rest = found[len(top) :]
    if data["status"] == "resolved":
        line = f"{data['text']}: {match(top[0])}"
    else:
        line = f"{data['text']}: ambiguous: " + "; ".join(match(m) for m in top)
    if rest:
        line += "\n  also: " + "; ".join(match(m) for m in rest[:5])
        if len(rest) > 5:
            line += f"; and {len(rest) - 5} more"
    return line
