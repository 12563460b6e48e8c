"""Speakers that are not named people: institutions, states, documents and
officials known only by their role.

Reports quote agencies and papers as often as people: "the State Department
stated that …", "A 2025 DIA statement posited that …", "According to the
Pentagon's 2026 National Defense Strategy, Russia …", "German radio later
announced that …", "…,' a senior administration official said". The rule is
precision first, so a phrase is a speaker only when it *names* something:

- a noun phrase whose head is an institution, a document or a medium and
  which carries a proper name or an acronym ("the State Department",
  "the 2024 ATA", "a 2022 National Intelligence Council assessment");
- a bare proper name standing alone as the subject ("Gazprom announced",
  "Washington insisted");
- an official by role ("a senior administration official", "a USTR
  official"), since news attributes to them on purpose.

"One assessment" or "an account" names no one and gives no speaker. A
definite back-reference as subject ("The document adds", "The report
stated") is resolved by :func:`resolve_back_reference` to the institution or
document that spoke last in the same or the previous paragraph, and to no one
when there is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pactlens.resources.lexicon import words
from pactlens.regexes import lazy_re

# Heads of a noun phrase that names an institution, a document or a medium.
_INSTITUTIONS = (
    r"ministry|department|agency|office|council|commission|committee|government|administration|"
    r"embassy|parliament|senate|congress|court|tribunal|command|pentagon|kremlin|secretariat|"
    r"bureau|service|cabinet|presidency|mission|delegation|organi[sz]ation|party|alliance|union|bank|"
    r"company|corporation|firm|group|fund|institute|center|centre|board|authority|navy|army|forces?"
)
_DOCUMENTS = (
    r"statement|report|assessment|document|strategy|review|declaration|communiqu[ée]|memo(?:randum)?|"
    r"letter|study|survey|analysis|testimony|policy|doctrine|treaty|agreement|charter|pact|convention|"
    r"accord|law|act|resolution|constitution|concept|white paper|readout|fact sheet|press release|"
    r"cable|decree|guidelines|notice"
)
_MEDIA = r"radio|television|newspaper|news agency|broadcaster|media|outlet"
_HEAD = rf"(?i:{_INSTITUTIONS}|{_DOCUMENTS}|{_MEDIA})"
_ROLE_HEAD = (
    r"(?:officials?|spokes(?:man|woman|person)|diplomats?|sources?|aides?|advis[eo]rs?|negotiators?|"
    r"journalists?|reporters?|correspondents?)"
)

# One word of a naming phrase: a capitalised word or acronym (possessive allowed),
# a year, "U.S.", or a bracketed acronym "(USTR)".
_PROPER = r"(?:[A-Z][\w.&’'-]*|\d{4}|\([A-Z][\w.-]{0,12}\))"
_PROPER_WORD = r"(?:[A-Z][\w.&’'-]*)"
_LOWER_MOD = (
    r"(?:annual|senior|former|official|joint|final|latest|recent|new|classified|unclassified|declassified|"
    r"foreign|federal|national|top|special|state-run|state|government|military|intelligence)"
)
_MOD = rf"(?:{_PROPER}|{_LOWER_MOD}|[a-z]+['’]s|of(?:\s+the)?|and|for|on|in)"
_DET = r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)"

# A naming noun phrase (institution, document, medium or bare name) ending at the verb's gap.
_NAMED_NP = lazy_re(
    rf"(?P<np>(?:{_DET}\s+)?(?:{_MOD}\s+){{0,8}}?(?:(?P<head>{_HEAD})(?:\s+of(?:\s+the)?(?:\s+{_PROPER_WORD}){{1,4}})?|(?P<proper>{_PROPER_WORD}))(?:\s+\([A-Z][\w.-]{{0,12}}\))?)$"
)
# An official by role: a determiner, up to three words, the role word.
_ROLE_NP = lazy_re(
    rf"(?P<np>(?:{_DET}|{_PROPER})\s+(?:(?:{_PROPER}|[a-z][\w-]+|of(?:\s+the)?)\s+){{0,7}}(?P<role>{_ROLE_HEAD}))$"
)
# Members of a legislature left unnamed on purpose: "One Member asserted", "Some Members have raised",
# "two Senators wrote". The capital says the office (a Member of Congress), so the phrase names who
# spoke as "a senior official" does; "some senators" or "critics" in lower case are anyone.
_MEMBER_NP = lazy_re(
    r"(?P<np>(?:[Oo]ne|[Ss]ome|[Ss]everal|[Mm]any|[Oo]ther|[Tt]wo|[Tt]hree|[Aa])\s+(?:[A-Z][\w.]*\s+)?"
    r"(?:Members?|Senators?|Representatives?)(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w.]*\s*){1,3})?)$"
)
# Determiners that make a phrase generic rather than a name ("one account", "some analysts").
_GENERIC = lazy_re(r"^(?:[Oo]ne|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Aa]nother)\b")
# A definite back-reference as the whole subject: "The document", "the ministry", "The report".
_BACK_REFERENCE = lazy_re(
    rf"(?:^|[,;:]\s*)(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:{_LOWER_MOD}\s+)?(?P<head>(?i:{_INSTITUTIONS}|{_DOCUMENTS}))$"
)
# Words that open a clause but name nothing.
_NOT_PROPER = {
    "The", "A", "An", "This", "That", "These", "Those", "It", "In", "On", "At", "By", "For", "As", "But",
    "And", "Or", "If", "When", "While", "After", "Before", "Since", "Earlier", "Later", "Today", "Yesterday",
    "However", "Meanwhile", "Also", "Still", "Yet", "Then", "Now", "Here", "There", "Such", "Its", "Their",
    "His", "Her", "He", "She", "They", "We", "I", "You", "One", "Some", "Many", "Other", "Both", "Each",
    "Article", "Section",
    "Parties", "Party", "Members", "Member", "Critics", "Officials", "Analysts", "Experts", "Observers",
} | set(words("weekdays"))
# Between a speaker phrase and its verb: adverbs, auxiliaries, a time ("in 2025", "at the time").
_GAP_TAIL = lazy_re(
    r"(?:\s+(?:[a-z]+ly|also|further|then|again|once|later|has|had|have|would|will|at\s+the\s+time|"
    r"(?:on|in|by|during)\s+(?:[A-Z][a-z]+\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?|\d{4})))*\s*$"
)


def strip_gap(text: str, start: int, end: int) -> int:
    """Where the subject ends before a verb at ``end``: the gap words dropped."""
    m = _GAP_TAIL.search(text, start, end)
    return m.start() if m else end


@dataclass(frozen=True, slots=True)
class NamedSpeaker:
    """A speaker phrase found in the text: ``start``/``end`` into the document."""

    name: str
    kind: str  # institution | document | role | name
    start: int
    end: int


def _clean(phrase: str) -> str:
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,")
    return re.sub(rf"^{_DET}\s+", "", phrase)


def _has_name(words: list[str]) -> bool:
    """Whether a phrase holds a proper name, an acronym or a year beyond a function word."""
    return any(
        (w[:1].isupper() or w[:1] == "(") and re.sub(r"['’]s$", "", w) not in _NOT_PROPER for w in words
    )


def names_something(words: list[str]) -> bool:
    """Whether capitalised ``words`` hold a name: not only words that open a clause or stand for
    a class ("The", "Parties", "Article")."""
    return _has_name(words)


_IN_OF_PHRASE = lazy_re(r"\bof\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){1,4}(?:,\s*(?:and\s+)?|and\s+)$")


def _opens_clause(text: str, start: int, at: int) -> bool:
    """Whether a phrase at ``at`` opens its clause (``start`` is the sentence start)."""
    before = text[max(start, at - 8) : at]
    if _IN_OF_PHRASE.search(text, max(start, at - 80), at):
        return False  # "the leaders of Japan and the United States": a name inside the subject's "of" phrase
    return at <= start or bool(re.search(r"(?:[,;:(\]]|\bthat|\band|\bwhile|\bbut|[”\"’'])\s*$", before))


def _known_proper(text: str, word: str) -> bool:
    """A lone capitalised word is a name only if the text also capitalises it mid-sentence."""
    return re.search(rf"[a-z,;]\s+{re.escape(word)}\b", text) is not None


#: More whitespace-separated runs than a match of ``_NAMED_NP`` (at most 26: a determiner, eight
#: modifiers of up to two words, a two-word head, "of the" and four names, an acronym) or of
#: ``_ROLE_NP`` (at most 16) can span.
_NP_RUNS = 32


def _tail_start(text: str, start: int, end: int, runs: int = _NP_RUNS) -> int:
    """Where the last ``runs`` whitespace-separated runs of ``text[start:end]`` begin.

    Why: both phrase patterns end in ``$`` and are searched from every position
    of the head; a treaty's "sentence" can be thousands of characters, and trying
    each position there cost ~1 ms a call. No match can begin before this point,
    so searching from here gives the same match."""
    pos = end
    for _ in range(runs):
        while pos > start and text[pos - 1].isspace():
            pos -= 1
        while pos > start and not text[pos - 1].isspace():
            pos -= 1
        if pos == start:
            break
    return pos


def named_subject(text: str, start: int, end: int) -> NamedSpeaker | None:
    """The naming phrase that is the subject of a verb at ``end`` in a sentence
    opening at ``start``, or None when the phrase there names no one."""
    end = strip_gap(text, start, end)
    if end <= start:
        return None
    start_np = _tail_start(text, start, end)  # the phrase patterns search only where a match can begin
    head_text = text[start_np:end]
    member = _MEMBER_NP.search(head_text)
    if member is not None and _opens_clause(text, start, start_np + member.start("np")):
        np_start = start_np + member.start("np")
        return NamedSpeaker(member.group("np").strip(), "role", np_start, np_start + len(member.group("np").strip()))
    role = _ROLE_NP.search(head_text)
    if role is not None:
        np_start = start_np + role.start("np")
        phrase = role.group("np")
        words = phrase.split()
        plural = role.group("role").endswith("s")
        if _opens_clause(text, start, np_start) and not _GENERIC.match(phrase) and (not plural or _has_name(words)):
            # "a senior administration official", "An Office of the U.S. Trade Representative (USTR) official".
            return NamedSpeaker(_clean(phrase), "role", np_start, np_start + len(phrase))
        return None
    m = _NAMED_NP.search(head_text)
    if m is None:
        return None
    np_start = start_np + m.start("np")
    phrase = m.group("np")
    words = _clean(phrase).split()
    if not _opens_clause(text, start, np_start) or _GENERIC.match(phrase) or not words or not _has_name(words):
        return None
    if m.group("head"):
        kind = "document" if re.fullmatch(rf"(?i:{_DOCUMENTS})", m.group("head")) else "institution"
        return NamedSpeaker(_clean(phrase), kind, np_start, np_start + len(phrase))
    # A bare proper name alone as the subject ("Gazprom", "Washington", "the DIA").
    words = [w for w in words if not w.startswith("(")]
    if len(words) > 3 or words[0] in _NOT_PROPER or any(not (w[:1].isupper() or w.isdigit()) for w in words):
        return None
    if all(w.isdigit() for w in words):
        return None
    if len(words) == 1 and not words[0].isupper() and not _known_proper(text, words[0]):
        return None
    return NamedSpeaker(_clean(phrase), "name", np_start, np_start + len(phrase))


def according_to(text: str, start: int, end: int) -> NamedSpeaker | None:
    """The source named after "according to", up to the comma that closes it:
    "According to the U.S. State Department's 2025 Trafficking in Persons Report, …"."""
    phrase = text[start:end].rstrip(" ,")
    # Measured as read: a link blanked out of the text leaves a run of spaces as long as its URL.
    if not phrase or len(" ".join(phrase.split())) > 140 or _GENERIC.match(phrase):
        return None
    words = phrase.split()
    if not _has_name(words) or len(words) > 14:
        return None
    m = re.search(rf"(?:^|\s)(?P<head>{_HEAD})$", phrase)
    if m is None and not re.fullmatch(rf"(?:{_DET}\s+)?(?:{_PROPER}\s*){{1,5}}", phrase):
        return None
    kind = "document" if m and re.fullmatch(rf"(?i:{_DOCUMENTS})", m.group("head")) else "institution"
    return NamedSpeaker(_clean(phrase), kind, start, start + len(phrase))


def is_back_reference(text: str, start: int, end: int) -> bool:
    """Whether the subject of a verb at ``end`` is a definite back-reference ("The document adds")."""
    return back_reference_head(text, start, end) is not None


def back_reference_head(text: str, start: int, end: int) -> str | None:
    """The head noun of a definite back-reference subject of a verb at ``end`` ("strategy" for "The
    strategy states"), or None."""
    end = strip_gap(text, start, end)
    m = _BACK_REFERENCE.search(text[start:end])
    return m.group("head") if m else None


#: How far back an official named by office may stand for "the official".
_ROLE_REACH = 1500


def named_role(text: str, role: str, before: int) -> NamedSpeaker | None:
    """The official last named by office before ``before`` ("A State Department official told CRS
    …") that a bare "the official added" refers to, within the paragraphs just before."""
    if not re.fullmatch(_ROLE_HEAD, role):
        return None
    rx = re.compile(rf"\b(?:[Aa]n?|[Tt]he)\s+(?P<np>(?:[A-Z][\w.&’'-]*\s+){{1,5}}{re.escape(role)})\b")
    found = _last_match(rx, text, before - _ROLE_REACH, before)
    if found is None:
        return None
    return NamedSpeaker(" ".join(found.group("np").split()), "role", found.start("np"), found.end("np"))


def _last_match(rx: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of ``rx`` in ``text[start:end]``: the mention nearest the back-reference."""
    found = None
    for found in rx.finditer(text, max(0, start), end):
        pass
    return found


#: How far back a document named in full may stand for "the strategy", "the statement".
_NAMED_REACH = 6000


def named_document(text: str, head: str, before: int) -> NamedSpeaker | None:
    """The last document named in full before ``before`` whose name ends in ``head`` ("the 2025
    National Security Strategy" for "The strategy states"; "the Spirit of Camp David Joint Statement"
    for "In the statement, the leaders …"): a definite back-reference no speaker before it resolves
    names the document the text has been discussing. Only a document noun counts, never an
    institution ("the ministry" may be any ministry)."""
    if not re.fullmatch(rf"(?i:{_DOCUMENTS})", head):
        return None
    word = head[:1].upper() + head[1:].lower()
    rx = re.compile(rf"(?<![\w.])(?:[A-Z][\w.’'&-]*\s+(?:(?:of|on|for|and|the)\s+)*){{1,6}}{re.escape(word)}\b")
    found = _last_match(rx, text, before - _NAMED_REACH, before)
    if found is None:
        return None
    # "The National Security Strategy", "In the …": words that open a clause are no part of the name.
    first = next((w for w in re.finditer(r"\S+", found.group(0)) if w.group(0) not in _NOT_PROPER), None)
    if first is None:
        return None
    at = found.start() + first.start()
    name = " ".join(text[at : found.end()].split())
    return NamedSpeaker(name, "document", at, found.end()) if " " in name else None
