"""Bad input through the CLI: one line on stderr, exit 2, nothing on stdout, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_support import CliResult, run_cli
from conftest import FIXTURES, ROOT
from ingest_support import make_pdf, xlsx_bytes


def run(*args: str) -> CliResult:
    return run_cli(*args, cwd=ROOT)


def _truncated_pdf() -> bytes:
    data = make_pdf((FIXTURES / "store-north-atlantic-excerpt.txt").read_text(encoding="utf-8")[:2000])
    return data[: len(data) // 2]


BAD = {
    "empty.txt": (b"", "empty"),
    "blank.md": (b"  \n\n\t \n", "empty"),
    "random.txt": (bytes(range(256)) * 16, "binary"),
    "random.bin": (bytes(range(256)) * 16, "unsupported type"),
    "truncated.pdf": (_truncated_pdf(), "truncated|damaged"),
    "broken.docx": (b"PK\x03\x04" + b"\x00" * 200, "broken DOCX"),
    "sheet.xlsx": (xlsx_bytes(), "unsupported type"),
    "picture.png": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "unsupported type"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file(tmp_path: Path, name: str):
    data, message = BAD[name]
    path = tmp_path / name
    path.write_bytes(data)
    assert_one_line_error(run("analyze", str(path)), message)


def test_missing_file(tmp_path: Path):
    assert_one_line_error(run("analyze", str(tmp_path / "missing.txt")), "no such file")


def test_file_over_the_size_limit(tmp_path: Path):
    path = tmp_path / "brief.txt"
    path.write_bytes(b"The Parties shall consult each other. " * 100)
    assert_one_line_error(run("analyze", str(path), "--max-mb", "0.001"), "larger than the limit")


def test_private_url_refused_without_network():
    assert_one_line_error(run("analyze", "http://127.0.0.1:9/brief.html"), "non-public address")


def assert_one_line_error(proc: CliResult, message: str) -> None:
    import re

    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1, proc.stderr
    assert re.search(message, proc.stderr), proc.stderr


def test_good_html_end_to_end(tmp_path: Path):
    proc = run("analyze", str(FIXTURES / "ingest-crs-r48787-excerpt.html"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)["document"]
    assert doc["media_type"] == "text/html"
    assert "(NAFTA).[1] Congress" in doc["text"]
