"""The fuzzer shared by tests/test_fuzz.py (a short run in the suite) and bench/fuzz.py (a long run).

Seeds are real texts already in tests/fixtures (tests/fixtures/SOURCES.md,
"Fuzz seeds"): a treaty, GGO run-on treaty texts, a brief with footnotes, a
CRS report in HTML and in text, a Wikipedia article in Markdown. A case is a
seed put through a few mutations of its text and bytes — runs of footnote
markers, quotation marks, Unicode controls, capitalised words, dates and
state names; long lines; repeated headings; deep nesting; slices deleted,
repeated or spliced from another seed; bytes flipped — and analysed in
process. Checked on every case:

- nothing escapes but an :class:`~pactlens.errors.InputError` (the error contract);
- every evidence span is exact (``text == document[start:end]``);
- the CPU time is within a bound linear in the input (:func:`time_bound`).
"""

from __future__ import annotations

import random
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from conftest import FIXTURES, assert_evidence_exact

SEEDS = [FIXTURES / name for name in (
    "quotes-brief-normalized.txt", "citations-crs-r48887-excerpt.txt", "structure-north-atlantic-1949.txt",
    "structure-ggo-aus-can-1960.txt", "structure-anz-1944-excerpt.txt", "quotes-yugoslav-excerpt.md",
    "ingest-crs-r48787-excerpt.html", "kind-exchange-of-letters.txt",
)]

#: Seconds a case may take: a fixed part (the first spaCy call of a run, a loaded machine) and a part
#: per KB of input, about 25 times the pipeline's usual cost per KB. Quadratic passes blow past it
#: well before 100 KB.
BASE_SECONDS = 5.0
SECONDS_PER_KB = 0.05

#: Runs inserted whole: what hostile or unlucky documents repeat.
RUNS = [
    "[1]", "[^12]", "¹²", "“", "”", '"', "'", "\u200b", "\u202e", "\u00ad", "\ufeff", "\x0c", "\u2028", "\x00",
    "\t", "\n", "\n\n", " ", ".", "-", "—", "(", ")", "*", "#", "> ", "|", "Article 5\n", "ARTICLE IV ",
    "1. ", "(a) ", "Accessed 1 January 2020. ", "signed on 17 January 2025, ", "in 2001 ", "Great Lakes Regional ",
    "THE GOVERNMENT OF THE ", "Russia, Iran and ", "the Russian Federation ", "Agreement on ", "Treaty of ",
    '"We will consult," he said.[3] ', "President Vladimir Putin said ", "https://example.org/a-b-c ",
    "Done at Moscow ", "MainText: ", "<sup>1</sup>", "<div>", "</div>", "<p>", "&amp;", "<!-- x -->",
]
COUNTS = [1, 2, 10, 100, 1000, 3000]


def time_bound(size: int) -> float:
    return BASE_SECONDS + SECONDS_PER_KB * size / 1024


def seed_texts() -> list[tuple[str, str]]:
    """(name, text) of every seed."""
    return [(p.name, p.read_text(encoding="utf-8")) for p in SEEDS]


def mutate(rng: random.Random, seeds: list[tuple[str, str]], max_ops: int = 4) -> tuple[bytes, str, list[str]]:
    """A mutated seed: (bytes, file name, what was done)."""
    name, text = rng.choice(seeds)
    done: list[str] = []
    for _ in range(rng.randint(1, max_ops)):
        op = rng.choice(_TEXT_OPS)
        text, what = op(rng, text, seeds)
        done.append(what)
    data = text.encode("utf-8")
    if rng.random() < 0.15:
        data, what = _flip_bytes(rng, data)
        done.append(what)
    if rng.random() < 0.1:
        encoding = rng.choice(["utf-16", "utf-16-le", "utf-32-be", "latin-1", "cp1252"])
        data = text.encode(encoding, errors="replace")
        done.append(f"encoded {encoding}")
    return data, name, done


def _at(rng: random.Random, text: str) -> int:
    return rng.randint(0, len(text))


def _insert_run(rng, text, seeds):
    run, n = rng.choice(RUNS), rng.choice(COUNTS)
    i = _at(rng, text)
    return text[:i] + run * n + text[i:], f"insert {run!r}x{n} at {i}"


def _delete(rng, text, seeds):
    i = _at(rng, text)
    j = min(len(text), i + rng.choice([1, 10, 100, 1000]))
    return text[:i] + text[j:], f"delete {i}:{j}"


def _repeat(rng, text, seeds):
    i = _at(rng, text)
    j = min(len(text), i + rng.choice([5, 50, 500]))
    n = rng.choice([2, 10, 100])
    return text[:i] + text[i:j] * n + text[j:], f"repeat {i}:{j}x{n}"


def _one_line(rng, text, seeds):
    i = _at(rng, text)
    j = min(len(text), i + rng.choice([1000, 10_000, 100_000]))
    return text[:i] + " ".join(text[i:j].split()) + text[j:], f"join lines {i}:{j}"


def _upper(rng, text, seeds):
    i = _at(rng, text)
    j = min(len(text), i + rng.choice([100, 1000, 10_000]))
    chunk = text[i:j].upper() if rng.random() < 0.5 else text[i:j].title()
    return text[:i] + chunk + text[j:], f"case {i}:{j}"


def _nest(rng, text, seeds):
    depth = rng.choice([10, 100, 1000, 5000])
    opener, closer = rng.choice([("(", ")"), ("[", "]"), ("“", "”"), ("<div>", "</div>"), ("> ", ""), ("  - ", "\n")])
    i = _at(rng, text)
    j = min(len(text), i + 200)
    return text[:i] + opener * depth + text[i:j] + closer * depth + text[j:], f"nest {opener!r}x{depth} at {i}"


def _splice(rng, text, seeds):
    _, other = rng.choice(seeds)
    a = _at(rng, other)
    b = min(len(other), a + rng.choice([100, 1000, 5000]))
    i = _at(rng, text)
    return text[:i] + other[a:b] + text[i:], f"splice {b - a} chars at {i}"


def _headings(rng, text, seeds):
    n = rng.choice([10, 300, 2000])
    heading = rng.choice(["Article 1\n", "ARTICLE I\n\n", "## Background\n\n", "Footnotes\n", "[1] ", "Preamble\n"])
    i = _at(rng, text)
    return text[:i] + heading * n + text[i:], f"headings {heading!r}x{n}"


_TEXT_OPS = [_insert_run, _insert_run, _delete, _repeat, _one_line, _upper, _nest, _splice, _headings]


def _flip_bytes(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    out = bytearray(data)
    n = rng.choice([1, 10, 100])
    for _ in range(n):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out), f"flip {n} bytes"


@dataclass
class CaseResult:
    name: str
    size: int
    seconds: float
    outcome: str  # "ok", "refused: <one line>", or the failure
    spans: int = 0
    failed: bool = False
    cpu: float = 0.0  # CPU seconds of this process (what the bound is held to)


def run_case(data: bytes, name: str) -> CaseResult:
    """Analyse one case in process and check it against the contract."""
    from pactlens.errors import InputError
    from pactlens.limits import Limits, LimitError
    from pactlens.pipeline import analyze_bytes

    bound = time_bound(len(data))
    started, cpu = time.perf_counter(), time.process_time()
    try:
        # the seconds limit stops a runaway case (reported as too slow) instead of hanging the run
        analysis = analyze_bytes(data, name, limits=Limits(seconds=max(3 * bound, 30)))
        doc = analysis.to_json_dict()
        spans = assert_evidence_exact(doc)
        outcome, failed = "ok", False
    except LimitError as exc:
        spans, outcome, failed = 0, f"too slow: {exc}", "seconds" in str(exc)
    except InputError as exc:
        spans, outcome, failed = 0, f"refused: {exc}", "\n" in str(exc)
    except AssertionError as exc:
        spans, outcome, failed = 0, f"evidence not exact: {exc}"[:300], True
    except Exception as exc:  # noqa: BLE001 - outside the error contract: what the fuzzer is for
        last = traceback.extract_tb(exc.__traceback__)[-1]
        spans, outcome, failed = 0, f"{type(exc).__name__}: {exc} at {Path(last.filename).name}:{last.lineno}", True
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    # held to the bound in CPU seconds: a shared machine's load stretches the wall clock, not the work
    if not failed and cpu > bound:
        outcome, failed = f"too slow: {cpu:.1f} CPU s > {bound:.1f} s ({seconds:.1f} s wall)", True
    return CaseResult(name, len(data), seconds, outcome, spans, failed, cpu)


def warm_up() -> None:
    """Every seed analysed once before timing anything: imports, spaCy and lexicons load lazily."""
    for name, text in seed_texts():
        run_case(text.encode(), name)
