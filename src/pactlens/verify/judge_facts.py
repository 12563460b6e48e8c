"""Claims of fact judged against the treaty's own text and record: its article count, its term,
the dates of its signature and of its entry into force, and a list of states it names.
"""

from __future__ import annotations

import re

from pactlens.extract.signing_clauses import ENTERS_INTO_FORCE
from pactlens.structure.doc import Span
from pactlens.verify.check_brief import ARTICLES, TERM
from pactlens.verify.check_treaty import ARTICLE_HEADING, Treaty, number
from pactlens.verify.fact_record import AGREEMENT, Verdict, signed_spans
from pactlens.verify.facts import dated_events
from pactlens.regexes import lazy_re

def judge_signed(claim: str, t: Treaty) -> Verdict | None:
    """A claim of when the agreement was signed, against the date its own text gives; a date of
    ratification, accession or entry into force is not a date of signature."""
    dates = [d for event, d in dated_events(claim) if event == "signature"]
    if not dates:
        return None
    ag = next((ag for ag in t.analysis.agreements if ag.role == "primary" and ag.signed.date), None)
    if ag is None or ag.signed.date is None:
        return "not-in-text", "the treaty's text gives no date of signature", []
    claimed, signed, spans = dates[0].iso, ag.signed, signed_spans(ag)  # type: ignore[attr-defined]
    n = min(len(claimed), len(signed.date))
    if claimed[:n] == signed.date[:n]:
        return "supported", f"signed {signed.date}", spans
    return "contradicted", f"signed {signed.date}, not {claimed}", spans


#: The treaty's own clause on its entry into force ("shall enter into force", "shall take effect").
_IN_FORCE = lazy_re(rf"\b{ENTERS_INTO_FORCE}\b", re.IGNORECASE)


def judge_in_force(claim: str, t: Treaty) -> Verdict | None:
    """A claim of when the agreement entered into force, against its entry-into-force clause: a
    text that sets a condition (the deposit of ratifications) gives no date."""
    dates = [d for event, d in dated_events(claim) if event == "entry-into-force"]
    if not dates:
        return None
    from pactlens.extract.dates import find_dates

    clauses = [u for u in t.units if _IN_FORCE.search(t.doc.text[u.start : u.end])]
    if not clauses:
        return "not-in-text", "the treaty's text has no clause on its entry into force", []
    claimed = dates[0].iso  # type: ignore[attr-defined]
    for u in clauses:
        for d in find_dates(t.doc.text, u.start, u.end):
            n = min(len(claimed), len(d.iso))
            if claimed[:n] == d.iso[:n]:
                return "supported", f"in force from {d.iso}", [u]
    return "not-in-text", f"the treaty's text gives no date of entry into force ({claimed}); it sets a condition", clauses[:1]


def judge_state_list(claim: str, t: Treaty) -> Verdict | None:
    """A list of three or more states (the permanent members, the original parties), against the
    treaty's clause that lists the most of them: the same states are supported; a state in the
    claim where the clause names another is contradicted."""
    from pactlens.verify.fact_record import state_mentions, state_names

    body = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group(0)), claim)
    claimed = list(dict.fromkeys(m.iso3 for m in state_mentions(body) if m.form not in ("adjective", "capital")))
    if len(claimed) < 3:
        return None
    best, best_set, best_key = None, set(), (0, 0)
    for u in t.units:
        got = {m.iso3 for m in state_mentions(t.doc.text[u.start : u.end]) if m.form not in ("adjective", "capital")}
        key = (len(got & set(claimed)), -abs(len(got) - len(claimed)))  # most of these, then a list as long
        if key > best_key:
            best, best_set, best_key = u, got, key
    if best is None or len(best_set & set(claimed)) < 2:
        return None
    missing = [c for c in claimed if c not in best_set]
    if not missing:
        return "supported", f"the text lists {state_names(claimed)}", [best]
    extra = [c for c in best_set if c not in claimed]
    if extra and len(best_set) <= len(claimed) + 1:
        return ("contradicted", f"the text names {state_names(sorted(extra))}, not {state_names(missing)}", [best])
    return None


def judge_articles(claim: str, t: Treaty) -> Verdict | None:
    m = ARTICLES.search(claim)
    n = number(m.group("n")) if m else None
    if n is None:
        return None
    have = t.article_count
    if have is None:
        return "not-in-text", "the treaty's articles could not be counted", []
    if t.doc.articles:
        last = [Span(t.doc.articles[-1].span.start, min(t.doc.articles[-1].span.end, t.doc.articles[-1].span.start + 200))]
    else:
        heads = list(ARTICLE_HEADING.finditer(t.doc.text))
        last = [Span(heads[-1].start(), heads[-1].end())] if heads else []
    if have == n:
        return "supported", f"the treaty has {have} articles", last
    return "contradicted", f"the treaty has {have} articles, not {n}", last


_NEW_SUBJECT = lazy_re(r",\s+(?:the|a|an|its)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:are|is|were|was|shall|will|serve)\b", re.IGNORECASE)


def _treaty_term(claim: str) -> re.Match[str] | None:
    """A term the claim gives the treaty ("a 20-year treaty", "the Treaty has a term of 50 years"), not
    a term of something it sets up ("… the non-permanent members are elected for a term of two years")."""
    for m in TERM.finditer(claim):
        after = re.match(rf"\W*(?:[\w'’-]+\s+){{0,4}}?\W*{AGREEMENT}\b", claim[m.end() :], re.IGNORECASE)
        before = [x for x in re.finditer(rf"\b{AGREEMENT}\b|\bit\b", claim[: m.start()], re.IGNORECASE)]
        if after or (before and not _NEW_SUBJECT.search(claim, before[-1].end(), m.start())):
            return m
    return None


def judge_term(claim: str, t: Treaty) -> Verdict | None:
    m = _treaty_term(claim)
    n = number(m.group("n") or m.group("m")) if m else None
    if n is None:
        return None
    years, span = t.term_years
    spans = [span] if span else []
    if years is None:
        return "not-in-text", f"the treaty states no term of {n} years", []
    if years == n:
        return "supported", f"the treaty's term is {years} years", spans
    return "contradicted", f"the treaty's term is {years} years, not {n}", spans
