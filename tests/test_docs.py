"""Docs are code: every example in README.md, docs/*.md and the modules' docstrings runs."""

from __future__ import annotations

import doctest
import importlib
import os
import pkgutil
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import geostate

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(geostate.__path__, prefix="geostate.")
    if not name.startswith("geostate.data")
)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_examples_run(page: Path) -> None:
    result = doctest.testfile(str(page), module_relative=False, optionflags=FLAGS, encoding="utf-8")
    assert result.failed == 0


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=FLAGS)
    assert result.failed == 0


def test_every_page_has_examples() -> None:
    for page in PAGES:
        examples = doctest.DocTestParser().get_examples(page.read_text(encoding="utf-8"))
        assert examples, f"{page.name} has no runnable example"


def _shell_examples(page: Path) -> list[tuple[str, str]]:
    """``$ geostate ...`` lines in the page's text blocks, each with the output shown under it."""
    examples: list[tuple[str, str]] = []
    for block in re.findall(
        r"```(?:text|console)\n(.*?)```", page.read_text(encoding="utf-8"), re.S
    ):
        command: str | None = None
        output: list[str] = []
        for line in [*block.splitlines(), "$"]:
            if line.startswith("$"):
                if command is not None and "".join(output).strip():
                    examples.append((command, "\n".join(output).strip() + "\n"))
                command, output = line[1:].strip(), []
            elif command is not None:
                output.append(line)
    return examples


SHELL_EXAMPLES = [
    pytest.param(command, output, id=f"{page.name}: {command}")
    for page in PAGES
    for command, output in _shell_examples(page)
]


@pytest.mark.parametrize(("command", "expected"), SHELL_EXAMPLES)
def test_shell_examples_print_what_the_page_shows(command: str, expected: str) -> None:
    """Every ``$ geostate ...`` example that shows its output is run, and must print it."""
    args = shlex.split(command)
    assert args[0] == "geostate", command
    result = subprocess.run(
        [str(Path(sys.executable).parent / "geostate"), *args[1:]],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONUTF8": "1"},
        check=False,
    )
    got = result.stdout + result.stderr
    checker = doctest.OutputChecker()
    assert checker.check_output(expected, got, FLAGS), checker.output_difference(
        doctest.Example(command, expected), got, FLAGS
    )


def test_the_pages_show_shell_examples() -> None:
    assert len(SHELL_EXAMPLES) >= 5
