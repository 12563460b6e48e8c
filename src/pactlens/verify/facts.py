"""The facts a brief states about an agreement: where it was signed, by whom, between which states.

Fact-checkers most often catch a brief on these rather than on what the
agreement contains: the wrong parties ("the treaty between Russia and North
Korea"), the wrong place ("signed in Tehran"), the wrong signatory. Each rule
reads the claimed fact from the sentence, compares it with the agreement's own
record (``Agreement.parties``, ``signed.place``, ``signatories``) and answers
with a verdict, or None when the sentence states no such fact.

They are conservative: a rule says "contradicted" only when the agreement's
record is complete enough for the claimed fact to be missing from it (a
bilateral treaty naming its two parties in its title; signatories found for
every party), and "not-in-text" when the record is silent or partial.

One module per fact, each reading its claim and judging it: ``fact_places``
(where), ``fact_signers`` (by whom), ``fact_parties`` (between which states),
over the two records in ``fact_record``. This module says whether a sentence
states such a fact, where in it the facts are written, and which event each of
its dates dates.
"""

from __future__ import annotations

import re

from pactlens.extract.dates import DateMention, find_dates
from pactlens.extract.signing_clauses import EVENT_WORDS, EventKind
from pactlens.resources.lexicon import alternation
from pactlens.structure.doc import Span
from pactlens.verify.fact_parties import claimed_parties
from pactlens.verify.fact_places import claimed_places
from pactlens.verify.fact_record import BriefContext
from pactlens.verify.fact_signers import claimed_signatories
from pactlens.regexes import lazy_re


def states_a_fact(sentence: str) -> bool:
    """Whether the sentence says where, by whom or between whom the agreement was signed
    ("Putin and Pezeshkian signed the treaty in Moscow"), making it a claim to check."""
    context = BriefContext()
    return bool(claimed_places(sentence) or claimed_signatories(sentence, context) or claimed_parties(sentence, context))


def fact_phrases(claim: str, brief: BriefContext) -> list[Span]:
    """Where in the claim the facts the rules read are written (the place, each signatory's
    surname, the states named as parties): the brief's side of the evidence."""
    if brief.names_other_agreement(claim):
        return []
    spans = [Span(a, b) for _, a, b in claimed_places(claim)]
    for surname in claimed_signatories(claim, brief):
        m = re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", claim)
        if m:
            spans.append(Span(m.start(), m.end()))
    spans += [Span(a, b) for _, a, b in claimed_parties(claim, brief)]
    return sorted(set(spans), key=lambda s: (s.start, s.end))


# --- events: signing, ratification, entry into force, accession kept apart -------------------------
#: What a date in a claim dates: the words of the event nearest before it (or just after it), as
#: extract reads a treaty's final clauses; a signing is told with the lexicon's signing verbs.
EVENTS: tuple[tuple[EventKind, re.Pattern[str]], ...] = (
    ("signature", lazy_re(rf"\b(?:{alternation('signing_verbs')}|signature|done)\b", re.IGNORECASE)),
    *EVENT_WORDS,
)


def dated_events(claim: str) -> list[tuple[str, DateMention]]:
    """Each date of the claim with the event it dates ("signature", "ratification",
    "entry-into-force", "accession", or "other"): "ratified in 1929" does not date the signing, and
    "took effect on 1 January 1948" dates its entry into force."""
    out: list[tuple[str, DateMention]] = []
    for d in find_dates(claim, years=True):
        best, where = "other", -1
        for event, rx in EVENTS:
            for m in rx.finditer(claim, 0, d.start):
                if m.end() > where and not _GAP_STOP_EVENT.search(claim[m.end() : d.start]):
                    best, where = event, m.end()
        if best == "other" and _fronted(claim, d.start, d.end):  # "On 17 January 2025, the presidents signed …"
            after = [(m.start(), event) for event, rx in EVENTS
                     for m in rx.finditer(claim, d.end, min(len(claim), d.end + 160))
                     if not _GAP_STOP_EVENT.search(claim[d.end : m.start()])]
            best = min(after)[1] if after else best
        out.append((best, d))
    return out


def _fronted(claim: str, start: int, end: int) -> bool:
    """The date opens the sentence ("On January 17, 2025, …"): it dates the event of the main clause."""
    return not claim[:start].strip(" ,") or bool(re.fullmatch(r"\W*(?:on|in|by|at)\s+(?:the\s+)?", claim[:start],
                                                                   re.IGNORECASE)) and "," in claim[end : end + 3]


# A date belongs to the event before it unless another clause stands between them.
_GAP_STOP_EVENT = lazy_re(r"[;]|,\s+(?:and|but|while|which)\b|\.\s")
