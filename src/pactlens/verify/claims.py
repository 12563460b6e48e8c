"""Which sentences of a brief say what an agreement's text says, and which tell its history.

A brief about a treaty mixes two kinds of sentence: those that describe the
text (what it provides, requires, permits or forbids, who its parties are,
when and where it was signed, how long it runs) and those that tell what
happened to it (ratifications, accessions, negotiations, invocations,
reception). Only the first kind can be checked against the text; the second
is labelled ``not-about-text`` rather than called unsupported.

The unit is a clause (cut by :mod:`~pactlens.verify.claim_clauses`: one
sentence of an encyclopedia often makes two claims); where a clause refers to
the treaty or to another agreement is found by :mod:`~pactlens.verify.claim_names`.
This module weighs the two.

A clause is about the text when it refers to the treaty (its names and short
names, "the treaty", "the pact", a pronoun whose antecedent is the treaty,
"Article N", "Chapter VII", "its preamble") or has for subject a body or
term the treaty itself defines ("the Security Council", "the contracting
parties") with a present or modal predicate (what the body *is*, *may*,
*must*), and no verb of history governs it. A clause that tells of another
agreement by name is history too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pactlens.extract.signing_clauses import ENTERS_INTO_FORCE
from pactlens.regexes import lazy_re
from pactlens.structure.doc import Span
from pactlens.verify.articles import ArticleRef, find_article_refs
from pactlens.verify.claim_clauses import clauses, is_heading, without_table_rows
from pactlens.verify.claim_names import Reference, TreatyNames, references, subject_ref
from pactlens.verify.facts import states_a_fact

Kind = Literal["text", "history"]

# --- vocabulary: classes of predicate --------------------------------------------------------------
#: Verbs that say what a text provides (its content), in any tense.
PROVISION = lazy_re(
    r"\b(?:provid\w*|requir\w*|requirement|permit\w*|allow\w*|forbid\w*|prohibit\w*|ban\w*|cover\w*|establish\w*|"
    r"stipulat\w*|oblig\w*|commit\w*|guarantee\w*|renounc\w*|promis\w*|undert\w*|calls? for|called for|"
    r"consists?|consisting|compris\w*|contain\w*|includ\w*|defin\w*|grant\w*|authori[sz]\w*|empower\w*|"
    r"charged with|responsib\w*|entitle\w*|eligible|binding|bound|absolv\w*|exempt\w*|preclud\w*|outlin\w*|"
    r"recommend\w*|elect\w*|appoint\w*|decid\w*|vote\w*|veto\w*|member\w*|part(?:y|ies)|signator\w*|"
    r"signed|signing|purpose|aim\w*|preamble|provisions?|clauses?|articles?|terms?|denied|benefits|power\w*|"
    r"mechanism|enforce\w*|come into (?:force|effect)|came into (?:force|effect)|take effect|took effect|"
    r"in force|in effect|expire\w*|renew\w*|withdraw\w*|denounc\w*|terminat\w*|amend\w*|sovereignty|"
    r"renounces|relinquish\w*|cede[sd]?|rotat\w*|presiden\w*|procedur\w*|agree[sd]?|named|approv\w*|adopt\w*|"
    r"chang\w*)\b",
    re.IGNORECASE,
)
#: Verbs and nouns of what happened to a text after it was made, or of how it was received.
HISTORY = lazy_re(
    r"\b(?:ratif(?:y|ied|ies)\s+(?:it|the|this)|to ratify|(?:had|have|has)\s+ratified|accession|acceded?|joined|"
    r"negotiat\w*|rounds?\b|sessions?|invok\w*|was used|were used|been used|has used|used (?:it|this)|"
    r"legal basis for|served as|criticis\w*|criticiz\w*|ridicul\w*|praised|historians?|scholars?|"
    r"incorporated into|successor|superseded|replaced|was updated|ended official|remained in effect until|"
    r"led to|resulted in|paralys\w*|paralyz\w*|exercised|referral|referred to the Court|interpreted|"
    r"in practice|typically|traditionally|generally|as of|currently|today|now|occupied|declared war|"
    r"the first time|was (?:first )?discussed|outcome|achievement|effect(?:ively)? erased|"
    r"restored|re-established|visited|maintains an embassy|embass\w*|(?:was|were|been)\s+ratified|ratified\s+by|"
    r"withdrew|pulled out|announced|accused|violat\w+|suspended|lapsed|came to an end)\b",
    re.IGNORECASE,
)
#: What was done with an article ("Article 5 was invoked after the September 11 attacks").
_EVENT = lazy_re(r"\b(?:invok\w+|ratif\w+|violat\w+|used|applied|cited|triggered|suspended)\b", re.IGNORECASE)
#: "Diplomatic relations were restored by the signing of …": history, but a signing date is a fact of the text.
SIGNING_FACT = lazy_re(r"\bsign(?:ed|ing)\b.{0,80}?\b(?:1[5-9]\d\d|20\d\d)\b|\b(?:1[5-9]\d\d|20\d\d)\b.{0,40}?\bsign(?:ed|ing)\b",
                          re.IGNORECASE | re.DOTALL)
#: "came into effect on 24 July 1929", "entered into force in 1970": the text may fix that date (a fact of
#: the text), unless it is told of one state ("for Barbados", "in the United States"): history.
IN_FORCE_FACT = lazy_re(rf"\b{ENTERS_INTO_FORCE}\b.{{0,60}}?\b(?:1[5-9]\d\d|20\d\d)\b", re.IGNORECASE | re.DOTALL)
_YEAR = lazy_re(r"(?<![\d.,])(1[5-9]\d\d|20\d\d)(?![\d])")
_PAST_FIRST = lazy_re(r"^\W*(?:\w+\W+){0,12}?(?:was|were|had|did)\b", re.IGNORECASE)
_PRESENT_OR_MODAL = lazy_re(
    r"\b(?:is|are|can|cannot|can't|may|must|shall|should|will|does|do|has|have|need|needs|consists|comprises|"
    r"includes|requires|recommends|rotates|holds|remains|lacks?|carry|carries)\b|\b\w+s\s+(?:the|a|an|its|their|any|all)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ClaimUnit:
    """A clause of the brief, and why it is or is not about the treaty's text."""

    span: Span
    kind: Kind
    why: str
    articles: tuple[ArticleRef, ...] = ()
    names_ours: bool = False  # the clause names the treaty by one of its names



def classify(clause: str, refs: list[Reference], treaty_years: frozenset[int]) -> tuple[Kind | None, str]:
    """Whether a clause is about the text, tells history, or (None) is neither and is left out."""
    direct = [r for r in refs if r.kind in ("name", "generic", "pronoun", "article")]
    other = [r for r in refs if r.kind == "other"]
    terms = [r for r in refs if r.kind == "term"]
    articles = [r for r in refs if r.kind == "article"]
    history = HISTORY.search(clause)
    years = {int(y) for y in _YEAR.findall(clause)}
    if articles:
        rest = re.sub(r"\b(?:articles?|chapters?|parts?|paragraphs?|treaty|pact|charter|agreement|members?|part(?:y|ies)|"
                      r"states?)\b", " ", clause, flags=re.IGNORECASE)
        if history and not PROVISION.search(rest) and _EVENT.search(clause):
            return "history", f"tells what was done with {articles[0].text} ('{history.group(0)}')"
        return "text", f"refers to {articles[0].text}"
    if direct and (SIGNING_FACT.search(clause) or states_a_fact(clause)):
        return "text", "says when, where or by whom the treaty was signed"
    if direct and IN_FORCE_FACT.search(clause) and not re.search(r"\b(?:for|in)\s+(?:[A-Z]\w+|the\s+[A-Z]\w+)", clause):
        return "text", "says when the treaty entered into force"
    if other and (not direct or other[0].start < direct[0].start) and not _ours_is_subject(clause, direct, other):
        return ("history", f"about another agreement ({other[0].text})") if direct or terms else (None, "")
    if direct:
        if history and _in_lead_adverbial(clause, history.start(), direct[0].start):
            history = HISTORY.search(clause, direct[0].start)
        if history and not _provision_before(clause, history.start()):
            return "history", f"tells what happened to the treaty ('{history.group(0)}')"
        if not PROVISION.search(clause) and not _PRESENT_OR_MODAL.search(clause) and not years & treaty_years:
            return "history", _NOTHING
        return "text", f"refers to the treaty ('{direct[0].text}')"
    if terms and terms[0].start < 60:
        if history:
            return None, ""
        foreign_year = years - treaty_years
        if foreign_year:
            return None, ""
        if years and years <= treaty_years:
            return "text", f"says what {terms[0].text} was when the treaty was made"
        if _PAST_FIRST.match(clause):
            return None, ""
        if _PRESENT_OR_MODAL.search(clause) or PROVISION.search(clause):
            return "text", f"says what {terms[0].text} is or may do"
    return None, ""


def _in_lead_adverbial(clause: str, at: int, subject: int) -> bool:
    """"After negotiations, the pact was signed …": a word of history in a fronted phrase, before the
    comma that ends it and before the treaty's mention, does not make the clause history."""
    comma = clause.find(",")
    return 0 <= at < comma < subject


def _provision_before(clause: str, at: int) -> bool:
    """A verb of content comes before the verb of history: "…, which obliges …" vs "ratified …"."""
    m = PROVISION.search(clause)
    return m is not None and m.start() < at and not re.match(r"signed|signing|member|part", m.group(0), re.IGNORECASE)


def _ours_is_subject(clause: str, direct: list[Reference], other: list[Reference]) -> bool:
    """"Under Article 27 …" aside, the clause is about ours when ours comes first or is the grammatical subject."""
    return bool(direct) and direct[0].start < other[0].start


def detect(text: str, sentences: list[Span], names: TreatyNames, treaty_years: frozenset[int],
           quotes_treaty: Callable[[str], bool] | None = None) -> list[ClaimUnit]:
    """The brief's clauses that are about the treaty's text or its history, in text order.

    "It" and "the pact" refer to the treaty while the last sentence of the paragraph that opened
    with an agreement named ours; a generic rule ("A retiring member is not eligible …") is about the
    text in a section that has named the treaty or a body it sets up; a clause that quotes the treaty word for word is about its text
    whatever its subject (``quotes_treaty`` tells)."""
    out: list[ClaimUnit] = []
    antecedent = topic = False
    last_end = 0
    colon_lead = False  # the sentence before ended in a colon and was about the text
    for s in (piece for sentence in sentences for piece in without_table_rows(text, sentence)):
        gap = text[last_end : s.start]
        if "\n\n" in gap or "|" in gap:
            antecedent = False
        if "|" in gap:
            topic = False
        last_end = s.end
        lead_kind: Kind | None = "text" if colon_lead else None
        colon_lead = False
        sentence = text[s.start : s.end]
        if is_heading(sentence):
            topic = bool(references(sentence, names, False))  # a new section: its heading sets the topic
            continue
        for i, c in enumerate(clauses(text, s)):
            piece = text[c.start : c.end]
            refs = references(piece, names, antecedent)
            kind, why = classify(piece, refs, treaty_years)
            if refs:
                topic = True
            if kind is None and quotes_treaty is not None and quotes_treaty(piece):
                kind, why = "text", "quotes the treaty"
            if (kind is None or why == _NOTHING) and lead_kind == "text" and (i > 0 or not refs) and not _own_subject(piece):
                kind, why = "text", "continues a clause about the treaty"
            if kind is None and topic and _is_rule(piece, treaty_years):
                kind, why = "text", "states a rule of a body the treaty sets up"
            if i == 0:
                lead_kind = kind
            if kind:
                arts = tuple(ArticleRef(a.numbers, a.start + c.start, a.end + c.start, a.paragraph, a.kind)
                             for a in find_article_refs(piece))
                out.append(ClaimUnit(c, kind, why, arts, any(r.kind == "name" for r in refs)))
        colon_lead = text[s.start : s.end + 1].rstrip().endswith(":") and lead_kind == "text"
        subject = subject_ref(sentence, names, antecedent)
        if subject is not None:
            antecedent = subject.kind in ("name", "generic", "pronoun")
    return out


_NOTHING = "names the treaty but says nothing of its content"
#: A rule, as a brief states it: present or modal, generic ("A retiring member is not eligible …",
#: "members are elected …", "candidates must receive …", "the presidency rotates …").
_RULE = lazy_re(
    r"\b(?:must|may|can|cannot|can't|shall|is|are)\s+(?:not\s+)?(?:\w+ly\s+)?(?:be\s+)?(?:\w+ed|\w+en|eligible|binding|"
    r"required|entitled|responsible|represented|held|elected|limited)\b|\b(?:must|may|can|cannot|shall)\s+(?:not\s+)?\w+"
    r"|\b(?:rotates|consists|requires|recommends|includes|decides|appoints|elects)\b",
    re.IGNORECASE,
)


def _is_rule(piece: str, treaty_years: frozenset[int]) -> bool:
    """A generic rule in a passage about the treaty or a body it sets up, with no history in it."""
    if HISTORY.search(piece) or {int(y) for y in _YEAR.findall(piece)} - treaty_years:
        return False
    return bool(_RULE.search(piece)) and not _PAST_FIRST.match(piece)




def _own_subject(piece: str) -> bool:
    """A clause with a subject of its own ("The African Group is …") does not continue the one before."""
    return bool(re.match(r"\W*(?:(?:the|a|an|its|their|this)\s+)?(?:[A-Za-z][\w'’-]*\s+){0,3}?(?:is|are|was|were|has|have|had)\b",
                         piece, re.IGNORECASE)) and not re.match(r"\W*(?:it|its|they)\b", piece, re.IGNORECASE)
