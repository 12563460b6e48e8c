"""Agreement with ATOP's expert codes: per obligation type accuracy, precision,
recall, Cohen's kappa, confusion counts, and every disagreement with the
clause that decided it.

Measures that are undefined on a sample (precision with no predicted
positives, recall with no gold positives, kappa when chance agreement is 1)
are ``None`` and print as "n/a": a perfect-looking 1.0 there would hide that
the sample cannot tell.
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pactlens.model import Analysis, Obligation
from pactlens.report.atop import ATOP_TYPES

#: gold column -> pactlens obligation type
GOLD_COLUMNS = {col: kind for kind, (col, _) in ATOP_TYPES.items()}


@dataclass
class GoldRow:
    file: str
    atopid: str
    codes: dict[str, int]  # pactlens type -> 0/1


@dataclass
class Disagreement:
    file: str
    type: str
    gold: int
    predicted: int
    articles: list[str]
    clause: str


@dataclass
class TypeScore:
    type: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    accuracy: float | None = None
    precision: float | None = None
    recall: float | None = None
    kappa: float | None = None


@dataclass
class Explanation:
    """Why one code was given: the deciding clause, the signal, the rule or the nearest bank clauses."""

    file: str
    type: str
    predicted: int
    gold: int | None
    signal: str | None
    confidence: float
    articles: list[str]
    clause: str
    basis: list[str]


@dataclass
class BenchResult:
    files: int
    scores: list[TypeScore]
    disagreements: list[Disagreement] = field(default_factory=list)
    explanations: list[Explanation] = field(default_factory=list)
    #: Leave-one-out: per file, the treaties whose bank clauses were left out when it was coded.
    left_out: dict[str, list[str]] = field(default_factory=dict)
    #: Ablation: per mode ("rules", "embeddings", "both"), the "all" row of its scores and its wrong codes.
    ablation: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def load_gold(path: Path) -> list[GoldRow]:
    """Read a gold TSV (``file atopid defense offense neutral nonagg consul [note]``)."""
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            codes = {kind: int(rec[col]) for col, kind in GOLD_COLUMNS.items() if rec.get(col, "").strip()}
            rows.append(GoldRow(rec["file"], rec.get("atopid", "") or "", codes))
    return rows


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _kappa(s: TypeScore) -> float | None:
    n = s.tp + s.fp + s.fn + s.tn
    if not n:
        return None
    po = (s.tp + s.tn) / n
    pe = ((s.tp + s.fp) * (s.tp + s.fn) + (s.fn + s.tn) * (s.fp + s.tn)) / (n * n)
    return None if pe == 1 else (po - pe) / (1 - pe)


def _finish(s: TypeScore) -> TypeScore:
    n = s.tp + s.fp + s.fn + s.tn
    s.accuracy = _ratio(s.tp + s.tn, n)
    s.precision = _ratio(s.tp, s.tp + s.fp)
    s.recall = _ratio(s.tp, s.tp + s.fn)
    s.kappa = _kappa(s)
    return s


def _deciding(a: Analysis) -> dict[str, Obligation]:
    """Per type, the obligation that decides the file's code. A file that holds several
    instruments (a treaty and its protocols) promises what any of them does."""
    primary = {ag.id for ag in a.agreements if ag.role == "primary"}
    out: dict[str, Obligation] = {}
    for ob in a.obligations:
        if primary and ob.agreement not in primary:
            continue
        if ob.type not in out or ob.present and not out[ob.type].present:
            out[ob.type] = ob
    return out


def _predicted(a: Analysis) -> dict[str, tuple[int, list[str], str]]:
    """Per type: 1/0, the deciding articles, and the deciding clause (first evidence)."""
    return {kind: (1 if ob.present else 0, ob.articles, ob.evidence[0].text if ob.evidence else "")
            for kind, ob in _deciding(a).items()}


def explain(gold: list[GoldRow], analyses: dict[str, Analysis]) -> list[Explanation]:
    """Every code a file was given present, and every gold promise missed, with why."""
    out = []
    for row in gold:
        deciding = _deciding(analyses[row.file])
        for kind in ATOP_TYPES:
            ob = deciding.get(kind)
            predicted = 1 if ob is not None and ob.present else 0
            g = row.codes.get(kind)
            if not predicted and not g:
                continue
            out.append(Explanation(row.file, kind, predicted, g, ob.signal if ob else None,
                                   ob.confidence if ob else 0.0, ob.articles if ob else [],
                                   ob.evidence[0].text if ob and ob.evidence else "(no clause makes this promise)",
                                   ob.basis if ob else []))
    return out


def score(gold: list[GoldRow], analyses: dict[str, Analysis]) -> BenchResult:
    """Compare each gold row's codes with the analysis of its file."""
    scores = {kind: TypeScore(kind) for kind in ATOP_TYPES}
    disagreements = []
    for row in gold:
        pred = _predicted(analyses[row.file])
        for kind, g in row.codes.items():
            p, articles, clause = pred.get(kind, (0, [], ""))
            s = scores[kind]
            if g and p:
                s.tp += 1
            elif p:
                s.fp += 1
            elif g:
                s.fn += 1
            else:
                s.tn += 1
            if g != p:
                disagreements.append(Disagreement(row.file, kind, g, p, articles,
                                                  clause or "(no clause makes this promise)"))
    total = TypeScore("all")
    for s in scores.values():
        total.tp, total.fp, total.fn, total.tn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn, total.tn + s.tn
    return BenchResult(len(gold), [_finish(s) for s in [*scores.values(), total]], disagreements)


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _clip(text: str, n: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def render_text(result: BenchResult) -> str:
    lines = [f"ATOP obligations: {result.files} files",
             f"{'type':<14}{'acc':>7}{'prec':>7}{'rec':>7}{'kappa':>7}{'tp':>5}{'fp':>5}{'fn':>5}{'tn':>5}"]
    for s in result.scores:
        lines.append(f"{s.type:<14}{_fmt(s.accuracy):>7}{_fmt(s.precision):>7}{_fmt(s.recall):>7}"
                     f"{_fmt(s.kappa):>7}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.tn:>5}")
    lines.append("")
    if not result.disagreements:
        lines.append("No disagreements.")
    for d in result.disagreements:
        where = f" (art. {', '.join(d.articles)})" if d.articles else ""
        lines.append(f"DISAGREE {d.file} {d.type}: gold {d.gold}, pactlens {d.predicted}{where}: {d.clause}")
    if result.left_out:
        lines += ["", "Leave-one-out: each file coded without the bank clauses of its own treaty"]
        for file, treaties in result.left_out.items():
            lines.append(f"  {file}: {', '.join(treaties) if treaties else '(none of its clauses is in the bank)'}")
    if result.ablation:
        lines += ["", "Ablation (same files, same gold)",
                  f"{'signals':<12}{'acc':>7}{'prec':>7}{'rec':>7}{'kappa':>7}{'tp':>5}{'fp':>5}{'fn':>5}{'wrong':>7}"]
        for a in result.ablation:
            s = a["all"]
            lines.append(f"{a['mode']:<12}{_fmt(s['accuracy']):>7}{_fmt(s['precision']):>7}{_fmt(s['recall']):>7}"
                         f"{_fmt(s['kappa']):>7}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}{s['fp'] + s['fn']:>7}")
    if result.explanations:
        lines += ["", "Explanations (every code given, every promise missed)"]
        for e in result.explanations:
            where = f" art. {', '.join(e.articles)}" if e.articles else ""
            gold = "" if e.gold is None else f" gold {e.gold}"
            lines.append(f"{e.file} {e.type}: pactlens {e.predicted}{gold}{where} "
                         f"[{e.signal or 'no signal'}, {e.confidence:.2f}]")
            lines.append(f"    clause: {_clip(e.clause)}")
            lines += [f"    {b}" for b in e.basis]
    return "\n".join(lines) + "\n"
