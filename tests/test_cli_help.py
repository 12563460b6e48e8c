"""``pactlens --help`` answered without typer (pactlens.cli.top_help): the very text typer prints."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pactlens.cli import main, top_help


def test_the_kept_help_is_what_typer_prints_now() -> None:
    # Fails when a command, its help or the application's changes: run `python -m pactlens.cli.top_help`.
    # Rendered by a fresh interpreter: the commands are listed in the order their modules register,
    # which other tests' imports change in this one.
    code = "import sys\nfrom pactlens.cli.top_help import render\nsys.stdout.write(render())"
    fresh = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert top_help.TEXT == fresh
    assert top_help.TEXT.startswith("Usage: pactlens [OPTIONS] COMMAND [ARGS]...") and "  analyze  " in top_help.TEXT


@pytest.mark.parametrize("columns", ["80", "200"])
def test_a_wide_terminal_gets_the_kept_text(columns: str, monkeypatch, capsys) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert top_help.answers(["--help"])
    main(["--help"])
    assert capsys.readouterr().out == top_help.TEXT


def test_a_narrow_terminal_and_every_other_command_go_to_typer(monkeypatch, capsys) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    assert not top_help.answers(["--help"])
    main(["--help"])
    out = capsys.readouterr().out
    assert out != top_help.TEXT and out.startswith("Usage: pactlens") and max(map(len, out.splitlines())) <= 60
    monkeypatch.setenv("COLUMNS", "120")
    assert not top_help.answers(["analyze", "--help"]) and not top_help.answers([])


@pytest.mark.parametrize("columns", [None, "", "0", "x", "60", "80", "132"])
def test_the_width_is_shutils(columns: str | None, monkeypatch) -> None:
    import shutil

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert top_help.terminal_columns() == shutil.get_terminal_size().columns
