"""An instrument's term in years and its renewal clause, read from its own text only."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pactlens.extract.numbers import NUMBER, to_number
from pactlens.structure.scan import folded_text, literal_trie, matches_at, starts_in
from pactlens.model import Evidence
from pactlens.structure.doc import Doc
from pactlens.structure.sentences import sentence_around
from pactlens.regexes import lazy_re


def _years(group: str) -> str:
    return rf"(?P<{group}>{NUMBER})\s*(?:\(\d+\)\s*)?(?:calendar\s+)?years?"


_TERM = lazy_re(
    r"(?i:(?:remain|be|continue|stay)\s+in\s+(?:force|effect|operation)\s+(?:for|during)\s+"
    rf"(?:a\s+(?:further\s+|initial\s+)?(?:period|term)\s+of\s+)?{_years('n1')}"
    rf"|(?:concluded|valid|effective|in\s+force)\s+for\s+(?:a\s+(?:period|term)\s+of\s+)?{_years('n2')}"
    rf"|(?:term|period|duration)\s+of\s+(?:validity\s+of\s+(?:this|the\s+present)\s+\w+\s+)?(?:shall\s+be\s+|is\s+)?{_years('n3')})"
)
_RENEWAL = lazy_re(
    r"(?i:(?:shall|will)\s+(?:[\w,]+\s+){0,3}?(?:be\s+)?(?:automatically\s+|tacitly\s+)?"
    r"(?:extended|renewed|prolonged)\b[^.;]{0,160}?(?:periods?|terms?)\b(?:\s+of\s+"
    rf"{NUMBER}\s*(?:\(\d+\)\s*)?years?)?"
    r"|(?:automatically|tacitly)\s+(?:extended|renewed|prolonged)[^.;]{0,160}?(?:periods?|terms?|years?)\b)"
)
#: The words a _RENEWAL match begins with, lowercased (it has no word boundary before them: neither has this).
_RENEWAL_OPENING = lazy_re(literal_trie(["shall", "will", "automatically", "tacitly"]))
_HAS_BEEN = lazy_re(r"(?i)\bhas\s+been\s+$")
#: The term must be the instrument's own: "This Agreement shall remain in force for ...", "It shall ...".
_INSTRUMENT_SUBJECT = lazy_re(
    r"(?i:\b(?:this|the\s+present|the)\s+(?:agreement|treaty|convention|protocol|pact|memorandum|accord|charter"
    r"|decision|arrangement)\b(?:(?!\b(?:party|parties|restrictions?|office|loans?|members?|officials?|measures?"
    r"|concessions?|preferences?|obligations|rights)\b)[^.;])*$|(?:^|[.;:,]\s*)(?:\d+\.\s*)?it\s+(?:(?:shall|will|is)\b[^.;]*)?$)"
)


_YEAR_WORD = lazy_re(r"(?i)\byears?\b")
_YEAR_OPENING = lazy_re("year")


def _term_matches(text: str, start: int, end: int, low: str | None = None) -> Iterable[re.Match[str]]:
    """Term clauses, looked for only just before the word "year(s)" (the full pattern is slow to run everywhere)."""
    last = start
    for y in matches_at(_YEAR_WORD, text, starts_in(_YEAR_OPENING, text, start, end, low), end):
        m = _TERM.search(text, max(last, y.start() - 120), y.end())
        if m is not None and m.end() == y.end():
            last = m.end()
            yield m


def term_in(doc: Doc, start: int, end: int) -> tuple[int | None, str | None, list[Evidence]]:
    """The term in years and the renewal clause of an instrument's own text."""
    text = doc.text
    years: int | None = None
    evidence: list[Evidence] = []
    for m in _term_matches(text, start, end, folded_text(doc)):
        if _HAS_BEEN.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "After the Treaty has been in force for twenty years" is not a term
        sentence = sentence_around(doc, m.start())
        if not _INSTRUMENT_SUBJECT.search(text[max(sentence.start, m.start() - 160) : m.start()]):
            continue  # an office, a loan, a transition period: not the instrument's term
        years = to_number(m.group("n1") or m.group("n2") or m.group("n3"))
        if years:
            evidence.append(doc.evidence(m.start(), m.end()))
            break
    renewal = None
    for r in matches_at(_RENEWAL, text, starts_in(_RENEWAL_OPENING, text, start, end, folded_text(doc)), end):
        sentence = sentence_around(doc, r.start())
        if not _INSTRUMENT_SUBJECT.search(text[max(sentence.start, r.start() - 200) : r.start()]):
            continue  # licences, offices, quotas renew too
        renewal = re.sub(r"\s+", " ", r.group(0)).strip()
        evidence.append(doc.evidence(r.start(), r.end()))
        break
    return years, renewal, evidence
