"""The brief as ``check`` reads it: its mended sentences, the ones that say what the agreement
contains (they name it, or "it", with a verb of content, or state where, by whom or between whom it
was signed), the items of a list such a sentence introduces, and the name it opens with.
"""

from __future__ import annotations

import re

from pactlens.structure.doc import Doc, Span
from pactlens.structure.sentences import mended_sentences
from pactlens.verify.fact_record import AGREEMENT
from pactlens.verify.facts import states_a_fact
from pactlens.regexes import lazy_re

_SUBJECT = lazy_re(rf"\b(?:the|this|that|said)\s+(?:[A-Z][\w'’–—-]*\s+){{0,6}}{AGREEMENT}\b|\bit\b", re.IGNORECASE)
_CONTENT_VERB = lazy_re(
    r"\b(?:commits?|establish(?:es)?|provides?|includes?|comprises?|contains?|consists?|obligates?|obliges?|"
    r"requires?|emphasi[sz]es|aims?|promotes?|seeks?|creates?|sets? up|stipulates?|guarantees?|prohibits?|"
    r"forbids?|allows?|permits?|fosters?|calls? for|envisages?|covers?|encompasses?|reaffirms?|binds?|"
    r"lays? down|grants?|stops? short of|does not|do not|doesn't|undertakes?|will|shall|must|agrees?|has|"
    r"was signed|were signed)\b",
    re.IGNORECASE,
)
_NAMED = lazy_re(rf"(?:\b[\w-]+\s+){{0,2}}\b{AGREEMENT}\b", re.IGNORECASE)
# "This initial agreement", "an earlier treaty": another agreement than the one checked.
_OTHER_AGREEMENT = lazy_re(rf"(?:[\w-]+\s+)?(?:initial|earlier|previous|first|prior|former|other|separate|\d{{4}})\s+"
                              rf"(?:[\w-]+\s+)?{AGREEMENT}", re.IGNORECASE)
_BULLET = lazy_re(r"\s*(?:[-*•–]|\d{1,2}[.)])\s+\S")
ARTICLES = lazy_re(r"\b(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+articles\b", re.IGNORECASE)
TERM = lazy_re(r"\b(?P<n>\d{1,3}|[a-z]+)[- ]year\b|\b(?:for|(?:period|term|duration)\s+of)\s+(?:a\s+(?:period|term)\s+of\s+)?(?P<m>\d{1,3}|[a-z]+)\s+years\b",
                   re.IGNORECASE)


def brief_sentences(doc: Doc) -> list[Span]:
    """The brief's mended sentences outside its footnotes."""
    return [s for s in mended_sentences(doc) if not doc.in_footnotes(s.start)]


def find_claims(doc: Doc) -> list[Span]:
    """Sentences of the brief that say what the agreement contains: those that
    name it (or "it") with a verb of content, and every sentence of a list
    introduced by such a sentence ("The Treaty comprises 47 articles …:")."""
    sentences = brief_sentences(doc)
    listed = listed_under_claim(doc)
    out = []
    for s in sentences:
        text = doc.text[s.start : s.end]
        if any(a <= s.start < b for a, b in listed) or _is_claim(text):
            out.append(s)
    return out


def _is_claim(text: str) -> bool:
    names = [m for m in _NAMED.finditer(text) if not _OTHER_AGREEMENT.match(m.group(0))]
    if not names and not re.search(r"\bit\b", text, re.IGNORECASE):
        return False
    if names and (ARTICLES.search(text) or TERM.search(text)):
        return True
    subjects = [m for m in _SUBJECT.finditer(text) if not _OTHER_AGREEMENT.search(m.group(0))]
    # A sentence naming the agreement that says where, by whom or between whom it was signed
    # is a claim whatever its subject ("Russia's treaty with Iran was signed in Moscow").
    return bool(subjects and _CONTENT_VERB.search(text)) or bool(names and states_a_fact(text))


def listed_under_claim(doc: Doc) -> list[tuple[int, int]]:
    """Spans of list items whose lead-in line (ending in a colon) is a claim;
    footnote blocks between the items do not end the list."""
    out, lead_is_claim, pos = [], False, 0
    for line in doc.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip() or doc.in_footnotes(start) or re.match(r"\s*\[\^?\w+\]", line):
            continue
        if _BULLET.match(line):
            if lead_is_claim:
                out.append((start, start + len(line)))
            continue
        lead_is_claim = line.rstrip().endswith(":") and _is_claim(line)
    return out


_LEAD = lazy_re(r"^\W*(?:The\s+)?(?P<name>[^.()\n]{3,120}?)\s*(?:\((?P<alias>[^)]{2,200})\)\s*)?(?:is|was|are)\b")


def lead_names(text: str) -> list[str]:
    """The name an encyclopedia-style brief opens with, when it names an agreement, and the aliases
    in its brackets ("(or PACT OF PARIS, officially GENERAL TREATY FOR …)", "(GATT)")."""
    first = text.lstrip()[:600]
    first = first.split("\n\n")[0] if "\n\n" in first[:300] and not _LEAD.match(first) else first
    m = _LEAD.match(re.sub(r"[*_]", "", first))
    if not m or not re.search(rf"\b{AGREEMENT}\b", m.group("name") + " " + (m.group("alias") or ""), re.IGNORECASE):
        return []
    out = [m.group("name")]
    if m.group("alias"):
        out += [re.sub(r"^\s*(?:or|also|officially|formally|known as|short)\s+", "", a).strip()
                for a in re.split(r",|;", re.sub(r"\[\d+\]", "", m.group("alias")))]
    return [x for x in out if x]
