"""Further instruments of a treaty file: a protocol or amending agreement with its own heading
and its own articles, closing, or parties that agree; an annex that is a schedule or a list is none.
"""

from __future__ import annotations

import re

from pactlens.structure.scan import literal_trie, matches_at, starts_in
from pactlens.extract.treaty.instrument import Instrument, skip_dateline
from pactlens.extract.treaty.parties import LONG_OPENING, head_parties
from pactlens.extract.treaty.title import TITLE_STOPS, clean_title, opening_title, strip_label
from pactlens.model import Agreement, Party
from pactlens.structure.doc import Doc, Span
from pactlens.structure.frame import find_final_clause
from pactlens.regexes import lazy_re

#: The heading of a further instrument, after any annex label ("ANNEX 1: PROTOCOL ON ...",
#: "ADDITIONAL PROTOCOL", "EXCHANGE OF LETTERS", "Protocol between the Government of ...").
_LABEL_BEFORE = r"(?:(?:ANNEX(?:URE)?|APPENDIX|Annex(?:ure)?|Appendix)[ \t]*(?:No\.?[ \t]*)?(?:\d{1,3}|[IVXLC]{1,6}|[A-Z])?[ \t]*[:.\-\u2013]?\s*)"
_FURTHER_HEAD = lazy_re(
    rf"{_LABEL_BEFORE}*(?P<title>(?:(?i:additional|special|supplementary|adaptation|amending|optional)\s+)?"
    r"(?P<head>(?i:protocol|agreement|convention|treaty|exchange\s+of\s+(?:letters|notes)|memorandum\s+of\s+understanding"
    r"|annex(?:ure)?\s+to\s+the\s+(?:treaty|agreement|convention))))\b"  # "ANNEX TO THE TREATY THE CARIBBEAN COMMON MARKET"
)
#: The words a ``_FURTHER_HEAD`` match can open with (a label, a qualifier or the head word), lowercased.
_FURTHER_OPENING = lazy_re(literal_trie([
    "annex", "appendix", "additional", "special", "supplementary", "adaptation", "amending", "optional",
    "protocol", "agreement", "convention", "treaty", "exchange", "memorandum"]))
#: A head word in running case names an instrument only when a title goes on from it.
_TITLE_GOES_ON = lazy_re(
    r"\s+(?:No\.?\s*\d|(?i:to|on|between|among|concerning|relating|amending|establishing|for|of|regarding|in\s+amendment)\b)"
)
#: What makes a head word a reference, not a heading: "Protocol 1 lays down ...", "Protocol to this Agreement".
_REFERENCE_AFTER = lazy_re(
    r"(?i)\s*(?:No\.?\s*)?[\w.]{0,6}\s*(?:shall|lays|is|are|was|were|will|may|has|have|hereto|thereto|annexed|referred"
    r"|to\s+(?:this|the\s+present|these)|of\s+(?:this|the\s+present)|,)\b"
)
#: Where a further instrument's heading stands: a line's start or a sentence's end.
_HEADING_BEFORE = lazy_re(r"(?:^|\n|[.;\"\u201d]\s+)[ \t]*$")
#: A heading in capitals run on after a lower-case word, in OCR text that lost its line breaks.
_RUN_ON_CAPS = lazy_re(r"[a-z]\s+$")
#: Where its title ends, besides the stops of a first title: its first article, a dateline in
#: brackets, a label, or the opening of what it says.
_FURTHER_STOPS = (r"(?<!\bN[oO])(?<!\b\d)\.\s",) + TITLE_STOPS[1:] + (
    r"\b(?:ARTICLE|Article)\s+(?:1|I|ONE|One)\b",
    r"\b(?:TITLE|Title|CHAPTER|Chapter|SECTION|Section|PART|Part)\s+(?:1|I|ONE|One|A)\b",
    r"\bThe\s+[A-Z]",  # a running-case title ends where a sentence begins: "PROTOCOL No. 4 The Minister of ..."
    r"(?i:\bthe\s+(?:high\s+)?(?:contracting\s+)?parties\b)",
    # the same, glued to the title where the text lost its line break ("...immunitiesthe contracting parties")
    r"(?<=[a-z])(?i:the\s+(?:high\s+)?contracting\s+parties\b)",
    r"\s\((?:[A-Z][\w .-]{1,30},\s*)?[^()]{0,40}\b\d{4}\)",
    r"\b(?:ANNEX|Annex)\s+(?:\d|[IVX]+\b)",
    r"\b(?:THE|The)\s+(?:CONTRACTING|Contracting|GOVERNMENT|Government|COMMUNITY|Community)\b",
    r"\b(?i:authori[sz]ed\s+representatives|having\s+(?:regard|seen|agreed)|whereas|considering|desiring|(?:being\s+)?desirous"
    r"|with\s+reference\s+to|in\s+accordance\s+with|recalling|taking\s+into|the\s+undersigned)\b",
    r"\b(?:In|At)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s+(?:on\s+)?(?:the\s+)?\w+",
)
#: The numbering of an instrument's own articles starts low (structure sometimes misses "Article 1").
_OWN_NUMBERING = lazy_re(r"(?i)[1-3]|i{1,3}|one|two|three|first")
_SAYS_PARTIES = lazy_re(r"(?i)\bthe\s+(?:high\s+)?(?:contracting\s+)?parties\b")
#: The formula that opens an instrument's operative part ("have agreed as follows", "DECIDE:").
_AGREED = lazy_re(
    r"(?i)\b(?:have|has|hereby)\s+(?:\w+\s+){0,2}?(?:agreed|concluded|decided|resolved)\b"
    r"|\b(?:agree|decide|resolve)(?:\s+as\s+follows)?\s*:"
)


def heading_starts(doc: Doc, after: int) -> list[int]:
    """Where a further instrument's heading begins, after ``after`` (the first instrument's body):
    at a section's start, or where a line or sentence starts."""
    text = doc.text
    sections = {s.span.start for s in doc.annexes if s.span.start > after}
    starts = sections | {m.start() for m in matches_at(_FURTHER_HEAD, text, starts_in(_FURTHER_OPENING, text, after))}
    out: list[int] = []
    last_title = -1
    for pos in sorted(starts):
        m = _FURTHER_HEAD.match(text, strip_label(doc, pos))
        if m is None or pos <= last_title or not _is_heading(text, m, pos in sections):
            continue  # no heading, or the title of one already found ("ANNEX 2 PROTOCOL ON ...")
        last_title = m.start("title")
        out.append(pos)
    return out


def _is_heading(text: str, m: re.Match[str], at_section: bool = False) -> bool:
    """A heading, not a reference: at a section's start or where a line or sentence starts, in
    capitals or with a title going on from it ("Protocol between ..."); not followed by a verb
    or "to this Agreement"."""
    head = m.group("head")
    if _REFERENCE_AFTER.match(text, m.end()):
        return False
    goes_on = _TITLE_GOES_ON.match(text, m.end()) is not None
    before = text[max(0, m.start() - 4) : m.start()]
    if _RUN_ON_CAPS.search(before) and not at_section:
        return head.isupper() and goes_on  # "... prior to its entry into force PROTOCOL on the implementation ..."
    if not (at_section or _HEADING_BEFORE.search(before)):
        return False
    # A sentence never opens in lower case: "... adhering thereto. agreement in amendment of the convention ..."
    # is a heading that lost its capitals.
    return head.isupper() or goes_on


def further_instrument(doc: Doc, start: int, end: int) -> Instrument | None:
    """The instrument whose heading is at ``start``: its title, its own articles (numbered from
    one) and closing; None when it has none of what makes an agreement (articles, a signing, a
    preamble naming parties that agree), like a schedule or a list."""
    text = doc.text
    m = _FURTHER_HEAD.match(text, strip_label(doc, start))
    assert m is not None
    raw = opening_title(doc, m.start("title"), end, _FURTHER_STOPS, skip=m.end("head") - m.start("title"))
    # Its stops already end the title where the preamble names the parties again.
    title = clean_title(doc, raw, trim=False) if raw else None
    if title is None:
        return None
    articles = [a for a in doc.articles if title.end <= a.span.start < end]
    if articles and not _OWN_NUMBERING.fullmatch(articles[0].number.split("(")[0].strip()):
        articles = []  # numbering that runs on from the first instrument's: not this one's own
    after = articles[-1].span.start if articles else title.end
    final = find_final_clause(text, after, end, doc.sentences)
    opening = skip_dateline(doc, title.end)
    inst = Instrument(Span(start, end), title, articles, final, opening)
    if len(articles) >= 2 or final is not None or _parties_agree(doc, inst):
        return inst
    return None


def _parties_agree(doc: Doc, inst: Instrument) -> bool:
    """Whether an instrument's head has parties agree to it: states it names, or "THE CONTRACTING
    PARTIES", followed by "HAVE AGREED" (or "DECIDE:")."""
    assert inst.title is not None
    text = doc.text
    agreed = _AGREED.search(text, inst.title.end, min(inst.span.end, inst.title.end + LONG_OPENING))
    if agreed is None:
        return False
    return bool(_SAYS_PARTIES.search(text, inst.title.end, agreed.start())) or len(head_parties(doc, inst)) >= 2


def same_title(a: str | None, b: str | None) -> bool:
    """Whether two titles name one instrument (GGO files sometimes hold a text twice)."""
    if not a or not b:
        return False
    words = [re.findall(r"[a-z]+", t.lower())[:10] for t in (a, b)]
    return words[0] == words[1]


def further_parties(doc: Doc, inst: Instrument, first: Agreement) -> list[Party]:
    """Its own head's parties; else, when it speaks of "the Parties" without naming them,
    those of the first instrument, with the first's evidence (they are the same parties)."""
    own = head_parties(doc, inst)
    if len(own) >= 2:
        return own  # one state alone at its head is where it was signed or a depositary
    if _SAYS_PARTIES.search(doc.text, inst.span.start, inst.span.end):
        return [p.model_copy(deep=True) for p in first.parties]
    return []
