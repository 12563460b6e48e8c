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
from pactlens.extract.records import agreement_kind, agreement_slug
from pactlens.model import Agreement, Evidence, Signed
from pactlens.resources.lexicon import phrases
from pactlens.structure.doc import Doc
from pactlens.structure.sentences import sentence_around

#: The instrument word: the lexicon's agreement nouns, and "deal", the word news uses for one.
_HEAD = phrases("agreement_nouns") + "|deal"
#: A lower-case instrument phrase: a determiner, up to four lower-case (or hyphenated, or
#: number-year) words, the instrument word. "a new force posture agreement", "a 25-year pact".
_PHRASE = re.compile(
    rf"\b(?P<det>[Aa]n?|[Tt]he|[Tt]heir|[Ii]ts)\s+(?P<mods>(?:[a-z0-9][\w\u2019'-]*\s+){{1,4}}?)(?P<head>{_HEAD})\b"
)
#: Words that say nothing of what an agreement is about.
_EMPTY = frozenset(
    "new first second formal historic landmark bilateral major final initial proposed draft signed separate "
    "similar such same other further latest earlier previous recent this that".split()
)
_BETWEEN = re.compile(r"[^\S\n]+between[^\S\n]+")
#: Where a "between X and Y" list ends.
_LIST_END = re.compile(r"[,.;:()]|\b(?:which|that|who|a|an|as|in|on|to|for|was|is|were|will|would)\b")
#: A signing verb right before the phrase, its subject the states before it: "X and Y (to-day) signed".
_SIGNED_BEFORE = re.compile(r"\b(?:signed|concluded|initialed|initialled)\s+$")


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


def _signing_states(doc: Doc, sentence_start: int, verb: int) -> list:
    """The states that are the subject of a signing verb at ``verb``: "The United States and the
    Philippines to-day signed": two to four states joined by "and", nothing else named."""
    head = doc.text[sentence_start:verb]
    if not re.search(r"\band\b", head):
        return []
    found = states_in(doc, sentence_start, verb)
    return found if 2 <= len(found) <= 4 else []


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
            parties = _signing_states(doc, sent.start, verb.start())
            if parties:
                signed = signed_in(doc, sent.start, sent.end)
        merged = merge_parties(state_party(doc, s) for s in parties)
        if len(merged) < 2:
            continue
        kind = agreement_kind(m.group("head"))
        evidence: list[Evidence] = [doc.evidence(m.start("mods"), b)]
        out.append(Agreement(
            id=agreement_slug(merged, signed.date, kind, title),
            title=title,
            kind=kind,
            parties=merged,
            signed=signed,
            term_years=None,
            role="related",
            evidence=evidence,
        ))
    return out
