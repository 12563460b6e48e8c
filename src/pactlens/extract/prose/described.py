"""Agreements a text describes in lower case instead of naming them, with their parties.

News and reports often never give an agreement's title: "a new force posture agreement between
the United States and Australia", "The United States and the Philippines to-day signed a new
defence pact". Such a phrase is a concrete agreement when it says *whose* it is, either by
"between X and Y" after it or by the states that sign it as the subject of the sentence, and
*what kind* it is by a word of its own ("force posture", "defence", "free trade"). A bare
"the agreement" is a back-reference to one already named, and "an agreement" with no word of
its own names nothing: neither is read here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pactlens.extract.dates import find_dates
from pactlens.extract.parties import merge_parties, state_party, states_in
from pactlens.extract.prose.datelines import today_in
from pactlens.extract.prose.mentions import NamedMention
from pactlens.extract.prose.with_states import with_agreements
from pactlens.extract.records import agreement_kind, agreement_slug
from pactlens.model import Agreement, Evidence, Signed
from pactlens.resources.lexicon import alternation, phrases
from pactlens.resources.states import StateMention
from pactlens.structure.doc import Doc, Span
from pactlens.structure.sentences import sentence_around
from pactlens.regexes import lazy_re

#: The instrument word: the lexicon's agreement nouns, and "deal", the word news uses for one.
_HEAD = phrases("agreement_nouns") + "|deal"
#: A lower-case instrument phrase: a determiner, up to four lower-case (or hyphenated, or
#: number-year) words, the instrument word. "a new force posture agreement", "a 25-year pact".
_PHRASE = lazy_re(
    rf"\b(?P<det>[Aa]n?|[Tt]he|[Tt]heir|[Ii]ts)\s+(?P<mods>(?:[a-z0-9][\w\u2019'-]*\s+){{1,4}}?)(?P<head>{_HEAD})\b"
)
#: Words that say nothing of what an agreement is about.
_EMPTY = frozenset(
    "new first second formal historic landmark bilateral major final initial proposed draft signed separate "
    "similar such same other further latest earlier previous recent this that".split()
)
_TERM = lazy_re(r"\b(\d{1,3})[-\s]year\b")
_DETERMINERS = frozenset("a an the their its".split())
_BETWEEN = lazy_re(r"[^\S\n]+between[^\S\n]+")
#: Where a "between X and Y" list ends.
_LIST_END = lazy_re(r"[,.;:()]|\b(?:which|that|who|a|an|as|in|on|to|for|was|is|were|will|would)\b")
#: A verb right before the phrase whose subject is the states before it: "X and Y (to-day) signed",
#: "Beijing and Tehran have a 25-year agreement", "... reached a ceasefire agreement".
_SIGNED_BEFORE = lazy_re(
    r"\b(?:signed|concluded|initial(?:l)?ed|inked|reached|struck|have|has|had|agreed\s+(?:on|to)|entered\s+into)\s+$")
_NEGATED = lazy_re(r"(?i:\b(?:not|never|no\s+longer)\s+(?:yet\s+)?$|n[\u2019']t\s+$)")
#: Whether the sentence tells of a signing (only then is its date the signing's).
_SIGNING = lazy_re(rf"\b(?:{alternation('signing_verbs')}|reached|struck|initial(?:l)?ed)\b")
#: A subject that stands for two states named just before: "they", "the two countries", "both sides".
_PRONOUN_SUBJECT = lazy_re(
    r"(?i:\b(?:they|the\s+two(?:\s+(?:countries|states|nations|sides|governments))?|both(?:\s+(?:countries|states|nations|sides|governments))?))"
    r"\s+(?:(?:have|had|also|then|later|jointly|subsequently|recently|formally|finally)\s+)*$")
#: What joins two states into one subject: "North Korea and Iran", "Russia, and China".
_AND = lazy_re(r"\s*,?\s+and\s+(?:the\s+)?")


def _title(mods: str, head: str) -> str | None:
    """The phrase without its empty words ("new force posture agreement" -> "force posture agreement")."""
    words = [w for w in mods.split() if w.lower() not in _EMPTY]
    return " ".join(words + [head]) if words else None


def phrase_title(np: str) -> str | None:
    """The title a described agreement goes by: "a new fisheries convention" -> "fisheries
    convention"; None when no word of its own is left ("their first major agreement")."""
    words = np.split()
    if len(words) < 2:
        return None
    return _title(" ".join(words[1:-1]), words[-1])


def _parties_between(doc: Doc, at: int) -> tuple[list, int] | None:
    """States in a "between X and Y" right after ``at``, and where the list ends."""
    m = _BETWEEN.match(doc.text, at)
    if m is None:
        return None
    stop = _LIST_END.search(doc.text, m.end(), min(len(doc.text), m.end() + 120))
    end = stop.start() if stop else min(len(doc.text), m.end() + 120)
    found = states_in(doc, m.end(), end)
    return (found, end) if len(found) >= 2 else None


def subject_states(doc: Doc, sentence_start: int, verb: int) -> list[StateMention]:
    """The states that are the subject of a verb at ``verb``: "The United States and the
    Philippines to-day signed", "Moscow and Pyongyang signed" (two to four states joined by "and",
    capitals standing for their states, nothing else named); or, for "they" or "the two
    countries", the two states joined by "and" in the sentences just before it."""
    head = doc.text[sentence_start:verb]
    if _PRONOUN_SUBJECT.search(head):
        return _antecedent_pair(doc, sentence_start)
    if not re.search(r"\band\b", head):
        return []
    found = states_in(doc, sentence_start, verb, capitals=True)
    return found if 2 <= len(found) <= 4 else []


def _antecedent_pair(doc: Doc, sentence_start: int) -> list[StateMention]:
    """The last two states joined by "and" in the two sentences before ``sentence_start`` (in its
    paragraph): "Although North Korea and Iran do not share a comprehensive partnership, they have
    collaborated sporadically. In 2012, they signed ..."."""
    block = doc.block_at(sentence_start)
    if block is None:
        return []
    for t in reversed([t for t in doc.sentences_in(Span(block.start, sentence_start)) if t.end <= sentence_start][-2:]):
        found = states_in(doc, t.start, t.end, capitals=True)
        pairs = [(x, y) for x, y in zip(found, found[1:]) if _AND.fullmatch(doc.text, x.end, y.start) and x.iso3 != y.iso3]
        if pairs:
            return list(pairs[-1])
    return []


def signed_in(doc: Doc, start: int, end: int) -> Signed:
    """The date and place of a signing told in ``[start, end)``: the dateline's for "to-day"/"today"
    (wire copy is datelined where and when it happened), else a date in the sentence."""
    today = today_in(doc, start, end)
    if today is not None:
        a, b, line = today
        ev = [doc.evidence(line.place_start, line.place_end), doc.evidence(a, b)]
        if line.iso is None:
            return Signed(place=line.place, evidence=ev)
        return Signed(date=line.iso, precision="day", place=line.place, evidence=[doc.evidence(line.start, line.end)] + ev)
    dates = find_dates(doc.text, start, end, years=True)
    if dates:
        d = max(dates, key=lambda d: {"day": 3, "month": 2, "year": 1}[d.precision])
        return Signed(date=d.iso, precision=d.precision, evidence=[doc.evidence(d.start, d.end)])  # type: ignore[arg-type]
    return Signed()


#: An agreement described in lower case and given an acronym: "a 20-year comprehensive strategic
#: partnership (CSP)", "a free trade agreement (FTA)".
_DEFINED = lazy_re(rf"\b(?P<np>(?:[a-z0-9][\w-]*\s+){{0,5}}(?:{_HEAD}|partnership))\s+\((?P<acr>[A-Z][A-Za-z]{{1,5}})\)")
#: "Moscow and Pyongyang signed a CSP": another instrument of that kind, signed by its subject.
_SIGNED_ACRONYM = lazy_re(r"\b(?:signed|concluded|inked|reached)\s+(?:a|an|another|their\s+own)\s+(?P<acr>[A-Z][A-Za-z]{1,5})\b")


def _signed_acronyms(doc: Doc) -> list[Agreement]:
    """Agreements signed under an acronym the text gave a described kind of agreement: "Russia and
    Iran signed a 20-year comprehensive strategic partnership (CSP) … Moscow and Pyongyang signed a
    CSP" is a second partnership, between Russia and North Korea."""
    text = doc.text
    kinds = {m.group("acr"): " ".join(w for w in m.group("np").split() if w.lower() not in _EMPTY | _DETERMINERS and not _TERM.fullmatch(w))
             for m in _DEFINED.finditer(text)}
    out: list[Agreement] = []
    for m in _SIGNED_ACRONYM.finditer(text):
        title = kinds.get(m.group("acr"))
        if title is None or doc.in_footnotes(m.start()):
            continue
        sent = sentence_around(doc, m.start(), m.end())
        parties = merge_parties(state_party(doc, x) for x in subject_states(doc, sent.start, m.start()))
        if len(parties) < 2:
            continue
        signed = signed_in(doc, sent.start, sent.end)
        kind = agreement_kind(title)
        out.append(Agreement(
            id=agreement_slug(parties, signed.date, kind, title), title=title, kind=kind, parties=parties,
            signed=signed, term_years=None, role="related", evidence=[doc.evidence(m.start("acr"), m.end("acr"))],
        ))
    return out


def described_agreements(doc: Doc, named: Iterable[NamedMention] = ()) -> list[Agreement]:
    """Agreements described in lower case with the states they bind (see the module docstring)."""
    text = doc.text
    named_spans = [(n.start, n.end) for n in named]
    out: list[Agreement] = []
    for m in _PHRASE.finditer(text):
        a, b = m.start("det"), m.end("head")
        if doc.in_footnotes(a) or any(s < b and a < e for s, e in named_spans):
            continue
        title = _title(m.group("mods"), m.group("head"))
        if title is None:
            continue
        sent = sentence_around(doc, a, b)
        parties, signed = [], Signed()
        between = _parties_between(doc, b)
        if between is not None:
            parties = between[0]
        elif m.group("det").lower() in ("a", "an") and _SIGNED_BEFORE.search(text, sent.start, a):
            verb = _SIGNED_BEFORE.search(text, sent.start, a)
            assert verb is not None
            if _NEGATED.search(text, max(sent.start, verb.start() - 25), verb.start()):
                continue  # "The United States and Japan do not have a comprehensive free trade agreement"
            parties = subject_states(doc, sent.start, verb.start())
            if parties and _SIGNING.search(text, sent.start, sent.end):
                signed = signed_in(doc, sent.start, sent.end)
        merged = merge_parties(state_party(doc, s) for s in parties)
        if len(merged) < 2:
            continue
        kind = agreement_kind(m.group("head"))
        evidence: list[Evidence] = [doc.evidence(m.start("mods"), b)]
        term = _TERM.search(m.group("mods"))  # "a 25-year agreement"
        out.append(Agreement(
            id=agreement_slug(merged, signed.date, kind, title),
            title=title,
            kind=kind,
            parties=merged,
            signed=signed,
            term_years=int(term.group(1)) if term else None,
            role="related",
            evidence=evidence,
        ))
    return out + _signed_acronyms(doc) + with_agreements(doc, named_spans + [(e.start, e.end) for a in out for e in a.evidence])
