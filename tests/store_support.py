"""Helpers for the library tests: real excerpts turned into analyses, and a PostgreSQL server.

The analyses are built by hand on real text (the store's job is to keep
what extractors found, not to extract), with every evidence span located in
the text, so these tests do not move when the extractors improve.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

from pactlens.model import (
    Agreement,
    Analysis,
    DocumentInfo,
    Evidence,
    Generator,
    Obligation,
    Party,
    Provision,
    Signed,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
NATO = FIXTURES / "store-north-atlantic-excerpt.txt"
FTA = FIXTURES / "store-fta-aze-rus-excerpt.txt"
BRIEF = ROOT / "examples" / "russia-iran-2025-brief.txt"

NATO_PARTIES = [("Belgium", "BEL"), ("Canada", "CAN"), ("Denmark", "DNK"), ("France", "FRA"), ("Iceland", "ISL"),
                ("Italy", "ITA"), ("Luxembourg", "LUX"), ("Netherlands", "NLD"), ("Norway", "NOR"),
                ("Portugal", "PRT"), ("United Kingdom", "GBR"), ("United States", "USA")]


def ev(text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(start=start, end=start + len(phrase), text=phrase)


def _document(path: Path, kind: str, title: str | None) -> tuple[str, DocumentInfo]:
    data = path.read_bytes()
    text = data.decode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    return text, DocumentInfo(id=sha[:16], source=str(path), sha256=sha, kind=kind, title=title, chars=len(text),
                              text=text)


def _generator(pipeline: str) -> Generator:
    return Generator(version="test", pipeline=pipeline)


def nato_analysis(pipeline: str = "p-test") -> Analysis:
    text, doc = _document(NATO, "treaty", "NORTH ATLANTIC TREATY")
    art5 = "an armed attack against one or more of them in Europe or North America shall be considered an attack"
    ag = Agreement(id="a1", title="North Atlantic Treaty", kind="treaty", role="primary",
                   parties=[Party(name=n, iso3=c) for n, c in NATO_PARTIES],
                   signed=Signed(date="1949-04-04", precision="day", place="Washington"),
                   article_count=14, evidence=[ev(text, "NORTH ATLANTIC TREATY")])
    return Analysis(
        generator=_generator(pipeline), document=doc, agreements=[ag],
        obligations=[
            Obligation(agreement="a1", type="defense", present=True, articles=["5"], confidence=0.9,
                       evidence=[ev(text, art5)]),
            Obligation(agreement="a1", type="consultation", present=True, articles=["4"], confidence=0.8,
                       evidence=[ev(text, "The Parties will consult together")]),
        ],
        provisions=[
            Provision(agreement="a1", article="5", domain="defence", domains=["defence", "security"],
                      strength="binding", text=art5, evidence=[ev(text, art5)]),
            Provision(agreement="a1", article="2", domain="trade", domains=["trade"], strength="soft",
                      text="will encourage economic collaboration",
                      evidence=[ev(text, "will encourage economic collaboration")]),
        ],
    )


def fta_analysis(pipeline: str = "p-test") -> Analysis:
    text, doc = _document(FTA, "treaty", None)
    clause = "Contracting Parties shall not apply customs duties"
    ag = Agreement(id="a1", title="Agreement on Free Trade", kind="agreement", role="primary",
                   parties=[Party(name="Russian Federation", iso3="RUS"), Party(name="Azerbaijan", iso3="AZE")],
                   signed=Signed(date="1992-09-30", precision="day", place="Baku"),
                   evidence=[ev(text, "ON FREE TRADE")])
    return Analysis(
        generator=_generator(pipeline), document=doc, agreements=[ag],
        provisions=[Provision(agreement="a1", article="1", domain="trade", domains=["trade"], strength="binding",
                              text=clause, evidence=[ev(text, clause)])],
    )


def brief_analysis(pipeline: str = "p-test") -> Analysis:
    text, doc = _document(BRIEF, "brief", None)
    excluded = "does not establish a formal military alliance or obligate mutual defence commitments"
    ag = Agreement(id="a1", title="Comprehensive Strategic Partnership Treaty", kind="treaty", role="subject",
                   parties=[Party(name="Russia", iso3="RUS"), Party(name="Iran", iso3="IRN")],
                   signed=Signed(date="2025-01-17", precision="day", place="Moscow"), term_years=20,
                   evidence=[ev(text, "Comprehensive Strategic Partnership Treaty")])
    return Analysis(
        generator=_generator(pipeline), document=doc, agreements=[ag],
        obligations=[Obligation(agreement="a1", type="defense", present=False, confidence=0.9,
                                evidence=[ev(text, excluded)])],
        provisions=[Provision(agreement="a1", domain="defence", domains=["defence"], strength="excluded",
                              text=excluded, evidence=[ev(text, excluded)])],
    )


# -- PostgreSQL ----------------------------------------------------------------------------------

def _start_server() -> tuple[str | None, str | None]:
    """A server from $PACTLENS_TEST_PG, or one started here with .ci/postgres; (url, its dir)."""
    if os.environ.get("PACTLENS_TEST_PG"):
        return os.environ["PACTLENS_TEST_PG"], None
    script = ROOT / ".ci" / "postgres"
    folder = tempfile.mkdtemp(prefix="pg", dir="/tmp")  # short: a socket path is limited to 107 bytes
    try:
        out = subprocess.run(["bash", str(script), "start", folder], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"cannot start PostgreSQL: {exc}"
    if out.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        return None, f"cannot start PostgreSQL: {out.stderr.strip()[-300:]}"
    return out.stdout.strip().splitlines()[-1], folder


@pytest.fixture(scope="session")
def pg_server():
    """The base URL of a PostgreSQL server; skipped when none can be had, except in CI where it fails."""
    url, folder = _start_server()
    if url is None:
        reason = folder or "no PostgreSQL"
        if os.environ.get("CI"):
            pytest.fail(f"CI needs PostgreSQL for the store tests: {reason}")
        pytest.skip(reason)
    yield url
    if folder and Path(folder, "data").is_dir():
        subprocess.run(["bash", str(ROOT / ".ci" / "postgres"), "stop", folder], capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


def fresh_pg_database(base_url: str):
    """Create an empty database on the server; returns (its URL, a function that drops it)."""
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(base_url)
    name = f"pactlens_t_{uuid.uuid4().hex[:12]}"
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return base.set(database=name).render_as_string(hide_password=False), drop
