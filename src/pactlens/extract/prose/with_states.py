"""Agreements a text names by whom they were made with: "the United States successfully concluded
a treaty with Morocco in 1786", "concluded treaties with the states of Algiers, Tunis, and
Tripoli", "The U.S. treaty with Tripoli concluded in 1805", "the treaty with Algiers".

Histories name most old instruments this way, never by a title. Such a phrase is a concrete
agreement when it is told as made (a past signing verb right before it: "concluded a treaty with
X") or pointed at with "the" and an instrument word that is seldom used loosely (treaty, pact,
truce, armistice; "the agreement with Iran" mostly refers back to one named before). A wish or a
plan ("wished to reach an agreement with the United States", "to conclude a treaty") is none.

Also the states a text lists beside a name ("The Five-Power Treaty, signed by the United States,
the United Kingdom, ...", "In the Four-Power Treaty, the United States, France, ... agreed"), and
the agreement found already that a described "the 1902 agreement" of the same states is.

Its parties are the states after "with" and the state on the other side: the possessor ("the U.S.
treaty with Tripoli") or the one state that is the verb's subject ("the United States ...
concluded a treaty with Morocco"). With only one side known the parties are left unknown rather
than half given.
"""

from __future__ import annotations

import re

from pactlens.extract.parties import merge_parties, state_party, states_in
from pactlens.extract.records import agreement_slug
from pactlens.model import Agreement, Signed
from pactlens.regexes import lazy_re
from pactlens.resources.states import StateMention
from pactlens.structure.doc import Doc
from pactlens.structure.sentences import sentence_around

#: The instrument word and "with": "treaty with", "treaties with the states of", "a truce with".
_WITH = lazy_re(
    r"\b(?P<head>treat(?:y|ies)|pacts?|truce|armistice|cease-?fire|accords?|agreements?|deals?)\s+with\s+"
    r"(?:the\s+(?:states?|governments?|kingdoms?|republics?|regency|regencies)\s+of\s+)?"
)
#: A past verb of making one right before the phrase: "concluded a treaty", "signed treaties".
_MADE = lazy_re(
    r"\b(?:concluded|signed|negotiated|reached|struck|inked|obtained|secured)\s+(?:(?:a|an|the|two|three|several)\s+)?(?P<mods>(?:[a-z][\w-]*\s+){0,3})$"
)
#: "the U.S. treaty", "Japan's treaty": a state that owns the phrase, and the determiner before it.
_POSSESSED = lazy_re(r"(?:\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?P<who>\S+(?:\s+\S+)?)|(?<![\w.])(?P<own>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)['\u2019]s)\s+$")
_DEFINITE = lazy_re(r"\b[Tt]he\s+$")
#: Words that point at an instrument specifically even after "the".
_DEFINITE_HEADS = frozenset({"treaty", "treaties", "pact", "pacts", "truce", "armistice"})
#: Where the list of states after "with" ends.
_LIST_END = lazy_re(r"[.;:()\n]|,\s+(?![A-Z]|and\s|the\s)|\s(?:in|on|at|which|that|who|was|were|is|to|for|by|after|before|under|freed|included)\b")
_GAP = lazy_re(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")


def state_list(doc: Doc, start: int) -> list[StateMention]:
    """The states listed from ``start`` ("with Morocco", "signed by the United States, the United Kingdom,
    Japan, France and Italy"): the first at ``start``, the rest joined by commas and "and"."""
    stop = _LIST_END.search(doc.text, start, min(len(doc.text), start + 160))
    end = stop.start() if stop else min(len(doc.text), start + 160)
    found = states_in(doc, start, end, capitals=True)
    if not found or found[0].start != start:
        return []
    out = [found[0]]
    for x, y in zip(found, found[1:]):
        if not _GAP.fullmatch(doc.text, x.end, y.start):
            break
        out.append(y)
    return out


def _other_side(doc: Doc, sentence_start: int, at: int, listed: set[str], possessor: list[StateMention]) -> list[StateMention]:
    """The state on the other side: the possessor, else the one state named before the verb."""
    if possessor:
        return possessor
    before = [m for m in states_in(doc, sentence_start, at, capitals=True) if m.iso3 not in listed and m.form != "adjective"]
    return before if len({m.iso3 for m in before}) == 1 else []


def with_agreements(doc: Doc, taken: list[tuple[int, int]]) -> list[Agreement]:
    """Agreements named by whom they were made with (see the module docstring); none overlapping ``taken``."""
    from pactlens.extract.prose.described import signed_in

    text = doc.text
    out: list[Agreement] = []
    for m in _WITH.finditer(text):
        head = m.group("head").lower()
        if doc.in_footnotes(m.start()) or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        listed = state_list(doc, m.end())
        if not listed:
            continue
        sent = sentence_around(doc, m.start(), m.end())
        lead = text[max(sent.start, m.start() - 80) : m.start()]
        made = _MADE.search(lead)
        owned = _POSSESSED.search(lead)
        possessor = []
        if owned is not None and head in _DEFINITE_HEADS:  # ("Russia's agreement with Afghanistan" mostly refers back)
            at = m.start() - len(lead) + owned.start("who" if owned.group("who") else "own")
            possessor = [s for s in states_in(doc, at, m.start(), capitals=True, adjectives=True)]
        if made is None and not (possessor or (_DEFINITE.search(lead) and head in _DEFINITE_HEADS)):
            continue
        isos = {s.iso3 for s in listed}
        verb_at = m.start() - len(lead) + made.start() if made else m.start()
        other = _other_side(doc, sent.start, verb_at, isos, possessor) if made or possessor else []
        parties = merge_parties(state_party(doc, s) for s in other + listed) if other else []
        end = listed[-1].end
        start = m.start() - len(made.group("mods")) if made else m.start()  # "a security cooperation agreement with Israel"
        title = re.sub(r"\s+", " ", text[start:end])
        signed = signed_in(doc, sent.start, sent.end) if made or re.search(r"\b(?:concluded|signed)\b", text[end : sent.end]) else Signed()
        kind = "treaty" if head.startswith(("treat", "pact")) else "agreement"
        out.append(Agreement(
            id=agreement_slug(parties, signed.date, kind, title), title=title, kind=kind, parties=parties,
            signed=signed, term_years=None, role="related", evidence=[doc.evidence(start, end)],
        ))
    return out


def names_its_other_side(doc: Doc, start: int, end: int) -> bool:
    """Whether the instrument word at ``[start, end)`` goes on "with <state>" (read here, not as a bare phrase)."""
    w = _WITH.match(doc.text, start)
    return w is not None and w.end("head") == end and bool(state_list(doc, w.end()))


#: "The Five-Power Treaty, signed by the United States, the United Kingdom, Japan, France and Italy":
#: the states a name is signed by, listed right after it.
_SIGNED_BY_AFTER = lazy_re(r",?\s+(?:(?:which|that)\s+(?:was|were)\s+)?(?:signed|concluded)\s+(?:in\s+\d{4}\s+)?by\s+(?:the\s+)?")
#: "In the Four-Power Treaty, the United States, France, the United Kingdom, and Japan agreed to
#: consult": the states that agree to something in it, listed after the name that opens the sentence.
_IN_NAME = lazy_re(r"(?:^|[.!?]\s+|\n)(?:In|Under|Through|By|With)\s+(?:the\s+)?$")
_IN_OPENS = lazy_re(r"(?:In|Under|Through|By|With)\s+(?:the\s+)?")
_LIST_AFTER_IN = lazy_re(r",\s+(?:the\s+)?")
_AGREED = lazy_re(r"\s+(?:(?:all|each|jointly|also)\s+)?(?:agreed|pledged|promised|undertook|committed|recognized|affirmed|guaranteed)\b")


def listed_makers(doc: Doc, start: int, end: int) -> list[StateMention]:
    """The states a text lists as making an agreement right beside its name (see the patterns above)."""
    text = doc.text
    by = _SIGNED_BY_AFTER.match(text, end)
    if by is not None:
        found = state_list(doc, by.end())
        return found if len(found) >= 2 else []
    lead = _IN_NAME.search(text, max(0, start - 12), start) or _IN_OPENS.match(text, start)
    after = _LIST_AFTER_IN.match(text, end) if lead else None
    if after is None:
        return []
    found = state_list(doc, after.end())
    return found if len(found) >= 2 and _AGREED.match(text, found[-1].end) else []


_YEAR_AND_HEAD = lazy_re(r"(?P<y>1[5-9]\d\d|20\d\d) \w+")
_OF_YEAR = lazy_re(r"\s+(?:of|in)\s+(?P<y>1[5-9]\d\d|20\d\d)\b")


def known_home(doc: Doc, d: Agreement, found: list[Agreement]) -> Agreement | None:
    """The agreement found already that a described "YEAR <instrument>" of the same states is: one
    signed that year, or named with it ("the Anglo-Japanese Treaty of 1902")."""
    m = _YEAR_AND_HEAD.fullmatch(d.title or "")
    isos = {p.iso3 for p in d.parties if p.iso3}
    if " with " in (d.title or "") and len(isos) >= 2:
        # "Russia's agreement with Afghanistan" after the treaty of the two: that treaty
        return next((a for a in found if a.role == "subject" and {p.iso3 for p in a.parties if p.iso3} == isos), None)
    if m is None or not isos:
        return None
    year = m.group("y")
    for a in found:
        if {p.iso3 for p in a.parties if p.iso3} != isos:
            continue
        years = {(a.signed.date or "")[:4]} | {y for e in a.evidence for y in re.findall(r"\b\d{4}\b", e.text)}
        years |= {o.group("y") for e in a.evidence if (o := _OF_YEAR.match(doc.text, e.end))}
        if year in years:
            return a
    return None
