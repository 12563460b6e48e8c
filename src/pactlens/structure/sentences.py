"""Sentences: blingfire per block, then small rules for the mistakes it makes here.

blingfire is fast and good on ordinary prose; what it gets wrong in treaties
and briefs is fixed afterwards: a split after an abbreviation it does not
know ("Art.", "para.", "U.S." before a lowercase word), two sentences run
together without a space ("peoples.They"), a footnote marker left at the
start of the next sentence, and structural starts (an article label, a
numbered paragraph) that run-on texts place mid-line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pactlens.resources.lexicon import lowered
from pactlens.structure.doc import Article, Doc, FootnoteMarker, Span
from pactlens.structure.spans import trimmed
from pactlens.regexes import lazy_re

# Abbreviations after which a period does not end a sentence, whatever follows.
_ALWAYS = {
    "art", "arts", "no", "nos", "para", "paras", "mr", "mrs", "ms", "dr", "st", "prof", "gen",
    "lt", "col", "capt", "sen", "rep", "gov", "amb", "messrs", "mme", "mlle", "sr", "jr", "hon",
    "rt", "vol", "vols", "pp", "p", "cf", "vs", "v", "fig", "sec", "ch", "chap", "op", "cit",
    "approx", "dept", "ibid", "e.g", "i.e", "viz", "al", "ref", "subpara", "subparas", "n",
    # US legislative citations in CRS reports: "H.Con.Res. 93", "S.J.Res. 12", "H.Rept. 118-5"
    "h.con", "s.con", "h.j", "s.j", "con", "h.rept", "s.rept", "rept", "amdt",
} | lowered("month_abbreviations")
# Abbreviations that may also end a sentence: kept only before a lowercase word or a digit.
_BEFORE_LOWER = {"etc", "inc", "ltd", "co", "corp", "govt", "est", "approx"}
_COUNTRY_INITIALS = {"u.s", "u.n", "u.k", "e.u"}
# Words that open a sentence far more often than they follow "U.S." inside one.
_SENTENCE_OPENERS = {
    "The", "This", "That", "These", "Those", "It", "Its", "In", "On", "At", "As", "For", "But", "And", "However",
    "He", "She", "They", "We", "I", "A", "An", "There", "Such", "Some", "Many", "Most", "Since", "After", "Before",
    "While", "When", "If", "Although", "Yet", "Also", "According", "Under", "With", "From", "By", "Both", "Each",
    "Meanwhile", "Moreover", "Still", "Instead", "Then", "Thus", "Nevertheless", "Other", "Officials", "",
}
# "Figure 1." and "Table 2." name a caption; the number's period ends nothing.
_CAPTION_RE = lazy_re(r"\b(?:Figure|Table|Chart|Map|Box|Exhibit|Graph)\s+\d{1,3}\.$")
_LAST_TOKEN_RE = lazy_re(r"(?:^|[\s(\"“])([A-Za-z][A-Za-z.]*)\.$")
_LIST_MARKER_RE = lazy_re(r"^(?:\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]\s*)+$")
_TRAILING_MARKER_RE = lazy_re(
    r"(?:(?P<lead>[:;,](?:[ \t]+(?:and|or))?)|\b(?P<head>[A-Z]{3,}))[ \t\n]+(?P<m>\(?(?:\d{1,3}|[a-z])[.)])\s*$"
)
# Capitalized words that a number names ("PART 1."), unlike a heading it follows.
_SECTION_WORDS = {"PART", "CHAPTER", "TITLE", "SECTION", "ANNEX", "ARTICLE", "RULE", "APPENDIX", "SCHEDULE", "PROTOCOL", "NO"}
_INITIAL_RE = lazy_re(r"(?:^|[\s(])[A-Z]\.$")
# The stop is matched first and the letters before it looked back at: a pattern opening with a
# character class lets the regex engine skip in C to the next stop, where a leading look-behind
# was tried at every character. The sentence opens after the stop (``m.start() + 1``).
_RUN_TOGETHER_RE = lazy_re(r"[.!?](?<=[a-z]{2}[.!?])([\"”’]?)(?=[A-Z][a-z])")
# A capital letter that names a part ("Annex A.") rather than an initial.
_NAMED_LETTER_RE = lazy_re(
    r"(?i:annex|appendix|schedule|part|section|protocol|plan|category|class|group|type|list|table|vitamin)\s+[A-Z]\.$"
)


def split_sentences(
    text: str,
    blocks: Iterable[Span],
    markers: list[FootnoteMarker],
    cuts: Iterable[int] = (),
) -> list[Span]:
    """Sentence spans, none crossing a block, a footnote marker kept with the sentence it ends.

    ``cuts`` are offsets where a sentence must begin (article and paragraph starts).
    """
    cut_set = sorted(set(cuts))
    marker_ends = {m.span.start: m.span.end for m in markers}
    out: list[Span] = []
    for block in blocks:
        chunk = text[block.start : block.end]
        bounds = [block.start + a for a in _blingfire_starts(chunk)] or [block.start]
        bounds = _merge_abbreviations(text, bounds)
        bounds = _add_run_together(text, block, bounds)
        bounds = _add_after_references(text, block, bounds)
        bounds = _add_cuts(block, bounds, cut_set)
        bounds = _detach_list_markers(text, bounds, block.end)
        bounds = _merge_list_markers(text, bounds)
        bounds = _keep_markers_back(text, bounds, marker_ends)
        out += _spans(text, bounds, block.end)
    return out


def _merge_abbreviations(text: str, bounds: list[int]) -> list[int]:
    keep = [bounds[0]]
    for b in bounds[1:]:
        before = text[max(keep[-1], b - 40) : b].rstrip()
        if not _abbreviation_ends(before, text[b : b + 20]):
            keep.append(b)
    return keep


def _blingfire_starts(chunk: str) -> list[int]:
    """Sentence start offsets (in characters) from blingfire's C splitter.

    blingfire's own ``text_to_sentences_and_offsets`` maps byte offsets to
    characters with a Python loop over every byte, which costs more than the
    split itself; here only the starts are mapped, and only for non-ASCII text.
    """
    from ctypes import byref, c_char_p, c_int, c_int32, create_string_buffer

    from pactlens.resources.splitter import library

    data = chunk.encode("utf-8")
    size = len(data) * 2 + 16
    out = create_string_buffer(size)
    starts = (c_int32 * size)()
    ends = (c_int32 * size)()
    n = library().TextToSentencesWithOffsets(
        c_char_p(data), c_int(len(data)), byref(out), byref(starts), byref(ends), c_int(size)
    )
    if n < 0 or n > size:
        return [0]
    count = out.value.count(b"\n") + 1
    byte_starts = starts[:count]
    if len(data) == len(chunk):
        return byte_starts
    chars, prev, pos = [], 0, 0
    for b in byte_starts:  # byte offsets are increasing: decode the gaps only
        pos += len(data[prev:b].decode("utf-8", errors="ignore"))
        chars.append(pos)
        prev = b
    return chars


def _detach_list_markers(text: str, bounds: list[int], end: int) -> list[int]:
    """A list number left at the end of a sentence ("among others: a.") opens the next one."""
    extra = []
    for a, b in zip(bounds, bounds[1:] + [end]):
        m = _TRAILING_MARKER_RE.search(text, max(a, b - 80), b)
        if m and m.start("m") > a and (m["lead"] or m["head"] and m["head"] not in _SECTION_WORDS):
            extra.append(m.start("m"))
    return sorted(set(bounds) | set(extra))


def _merge_list_markers(text: str, bounds: list[int]) -> list[int]:
    """Join a paragraph number ("1.", "(a)") that a split left alone to its sentence."""
    keep = [bounds[0]]
    for b in bounds[1:]:
        if not _LIST_MARKER_RE.match(text[keep[-1] : b].strip()):
            keep.append(b)
    return keep


def _abbreviation_ends(before: str, after: str) -> bool:
    """Whether the period ending ``before`` belongs to an abbreviation, given what follows."""
    if _INITIAL_RE.search(before) and not _NAMED_LETTER_RE.search(before):
        return True
    if _CAPTION_RE.search(before):
        return True  # "J. F. Kennedy", "George H. W. Bush"
    m = _LAST_TOKEN_RE.search(before)
    if not m:
        return False
    token = m.group(1).lower()
    nxt = after.lstrip()[:1]
    if token in _ALWAYS:
        return True
    if token == "pub" and after.lstrip().startswith("L."):
        return True  # "Pub. L. 117-81": a public law, not a pub
    if token in _COUNTRY_INITIALS:
        return _next_word(after) not in _SENTENCE_OPENERS  # "the U.S. Fifth Fleet", but "in the U.S. The ..."
    return token in _BEFORE_LOWER and (nxt.islower() or nxt.isdigit())


def _next_word(after: str) -> str:
    words = after.split(maxsplit=1)
    return words[0].strip(",;:\"“") if words else ""


def _add_run_together(text: str, block: Span, bounds: list[int]) -> list[int]:
    """Split "peoples.They" (no space), but not inside a URL or an abbreviation like "U.S."."""
    extra = []
    # from the character before the block: a stop there opens a sentence at the block's start
    for m in _RUN_TOGETHER_RE.finditer(text, max(block.start - 1, 0), block.end):
        stop_end = m.start() + 1
        token_start = max(text.rfind(" ", block.start, stop_end), text.rfind("\n", block.start, stop_end)) + 1
        token = text[token_start:stop_end]
        if "/" in token or "www" in token or "@" in token:
            continue
        if "." in token[:-1]:
            continue  # a dotted abbreviation run on: "H.Con.Res. 93"
        extra.append(m.end())
    return sorted(set(bounds) | set(extra))


#: A stop followed by two or more bracketed reference marks ("border.[12][13] A press statement"),
#: then a capital: blingfire splits after one mark but reads a run of them as part of the sentence.
_AFTER_REFERENCES_RE = lazy_re(r"[.!?][\"”’]?(?:\[[^\[\]\n]{1,24}\]){2,}[ \t]+(?=[A-Z])")


def _add_after_references(text: str, block: Span, bounds: list[int]) -> list[int]:
    """Open a sentence after a stop and its run of reference marks (Wikipedia's "[12][13]")."""
    extra = [m.end() for m in _AFTER_REFERENCES_RE.finditer(text, block.start, block.end)]
    return sorted(set(bounds) | set(extra)) if extra else bounds


def _add_cuts(block: Span, bounds: list[int], cuts: list[int]) -> list[int]:
    lo = bisect.bisect_right(cuts, block.start)
    hi = bisect.bisect_left(cuts, block.end)
    return sorted(set(bounds) | set(cuts[lo:hi]))


def _keep_markers_back(text: str, bounds: list[int], marker_ends: dict[int, int]) -> list[int]:
    """Move a boundary past footnote markers that open the next sentence."""
    out = [bounds[0]]
    for b in bounds[1:]:
        pos = b
        while pos in marker_ends:
            pos = marker_ends[pos]
        if pos != b:
            while pos < len(text) and text[pos] in " \t":
                pos += 1
        out.append(pos)
    return out


def _spans(text: str, bounds: list[int], end: int) -> list[Span]:
    out = []
    edges = sorted(set(bounds)) + [end]
    for a, z in zip(edges, edges[1:]):
        if span := trimmed(text, a, z):
            out.append(span)
    return out


def plain_sentences(text: str, span: Span) -> list[Span]:
    """blingfire's sentences of ``text[span]`` as it gives them, none of the repairs above:
    the fallback for a Doc that structure left without sentences."""
    import blingfire

    _, offs = blingfire.text_to_sentences_and_offsets(text[span.start : span.end])
    return [Span(span.start + a, span.start + b) for a, b in offs]


def plain_line_sentences(text: str) -> list[Span]:
    """:func:`plain_sentences` of every non-blank line of ``text``."""
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.extend(plain_sentences(text, Span(pos, pos + len(line))))
        pos += len(line) + 1
    return spans


# --- body sentences: running text as readers of prose take it ----------------------------

#: A footnote definition as ingest writes it: a line starting with "[n] " (spaces or tabs before
#: it allowed). This is its marker; what comes before it on the line is checked apart.
_DEF_MARK = lazy_re(r"\[(?:\^)?[0-9]{1,3}\][: ]")
_MARKER = lazy_re(r"\[\^?([0-9]{1,3})\]|\^([0-9]{1,3})\b|([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


@dataclass(frozen=True, slots=True)
class BodySentence:
    """A sentence of running text, with the footnote markers it carries."""

    span: Span
    block: int  # index of the paragraph (block) it lies in, for discourse order
    markers: tuple[str, ...]  # footnote labels carried by this sentence


def footnote_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Spans of footnote definitions: structure's, or lines that start with a marker; found once
    per document (the quote finder and the body sentences both ask). Callers only read it."""
    return doc.once("footnote ranges", lambda: _footnote_ranges(doc))


def _footnote_ranges(doc: Doc) -> list[tuple[int, int]]:
    if doc.footnotes:
        return [(f.span.start, f.span.end) for f in doc.footnotes]
    # Scanning for the bracket is far cheaper than trying a line-start pattern at every offset.
    # Each stretch of text is looked at once: a long line full of markers stays linear.
    text = doc.text
    out = []
    line, last, marked = 0, 0, False  # the line of the last marker; whether one was seen on it
    for m in _DEF_MARK.finditer(text):
        at = m.start()
        nl = text.rfind("\n", last, at)
        last = at
        if nl >= 0:
            line, marked = nl + 1, False
        if marked:  # another marker stands before this one on its line
            continue
        marked = True
        if text[line:at].strip(" \t"):
            continue
        end = text.find("\n", line)
        out.append((line, len(text) if end < 0 else end))
    return out


def _blocks(doc: Doc) -> list[Span]:
    if doc.blocks:
        return doc.blocks
    return [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", doc.text)]


def _markers_after(doc: Doc, span: Span, markers: list | None = None) -> tuple[Span, tuple[str, ...]]:
    """A sentence's markers, including ones just after its end ("…."[4])."""
    end = span.end
    m = re.match(r"[\s\"”’')\]]*(?:(?:\[\^?[0-9]{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)[\s,]*)+", doc.text[end : end + 40])
    if m and re.search(r"\d|[¹²³⁴⁵⁶⁷⁸⁹⁰]", m.group(0)) and "\n\n" not in m.group(0):
        end += len(m.group(0).rstrip())
    return Span(span.start, end), _labels(doc, span.start, end, markers)


def _labels(doc: Doc, start: int, end: int, markers: list | None = None) -> tuple[str, ...]:
    if doc.markers:
        markers = markers if markers is not None else sorted(doc.markers, key=lambda m: m.span.start)
        lo = bisect.bisect_left(markers, start, key=lambda m: m.span.start)
        hi = bisect.bisect_left(markers, end, key=lambda m: m.span.start)
        return tuple(m.label for m in markers[lo:hi])
    return tuple(
        (g1 or g2 or g3.translate(_SUPERSCRIPT)) for g1, g2, g3 in _MARKER.findall(doc.text, start, end)
    )


def mended_sentences(doc: Doc) -> tuple[Span, ...]:
    """The document's sentences with the splitter's false boundaries mended, made once per
    document and kept on it: structure's sentences (blingfire's, line by line, when structure
    found none), and a sentence cut before a lower-case word in the same paragraph joined to the
    one before ("The North Atlantic Treaty | was signed …"). Every reader that needs "the sentence
    around" an offset takes it from here, so all agree on where a sentence ends."""
    return doc.once("mended sentences", lambda: _mend(doc))


def article_cuts(a: Article) -> list[int]:
    """Where sentences must begin inside an article: its label, body and paragraphs."""
    out = [a.span.start]
    if a.heading:
        out.append(a.heading.end)
    out += [p.span.start for p in a.paragraphs]
    return out


def _mend(doc: Doc) -> tuple[Span, ...]:
    spans = doc.sentences or plain_line_sentences(doc.text)
    if 2 * sum(doc.text[s.start : s.start + 1].islower() for s in spans) > len(spans):
        # A text written in lower case (some OCR'd and database copies): a lower-case start
        # is no sign of a false boundary there.
        return tuple(spans)
    blocks = _blocks(doc)
    # An article, a paragraph or an annex starts a sentence whatever its case ("ARTICLE 1 general principles").
    cuts = {c for a in doc.articles for c in article_cuts(a)} | {s.span.start for s in doc.annexes}
    out: list[Span] = []
    out_blocks: list[int] = []
    b = 0
    for s in spans:
        while b + 1 < len(blocks) and blocks[b].end <= s.start:
            b += 1
        if out and out_blocks[-1] == b and s.start not in cuts and _runs_on(doc.text, out[-1], s):
            out[-1] = Span(out[-1].start, s.end)
        else:
            out.append(s)
            out_blocks.append(b)
    return tuple(out)


def sentence_at(doc: Doc, offset: int) -> Span | None:
    """The mended sentence holding ``offset``, or None between sentences."""
    spans = mended_sentences(doc)
    i = bisect.bisect_right(spans, offset, key=lambda s: s.start) - 1
    return spans[i] if i >= 0 and spans[i].start <= offset < spans[i].end else None


def sentence_around(doc: Doc, start: int, end: int | None = None) -> Span:
    """The mended sentence around ``start`` (and ``end``, when given); where none holds them (an
    offset between sentences, a span running over a boundary), the text between the full stops
    or blank lines around them."""
    s = sentence_at(doc, start)
    if s is not None and (end is None or s.end >= end):
        return s
    text = doc.text
    a = max(text.rfind(". ", 0, start), text.rfind("\n\n", 0, start), text.rfind(".\n", 0, start))
    a = 0 if a < 0 else a + 1
    b = len(text)
    for stop in (". ", "\n\n", ".\n"):
        k = text.find(stop, end or start)
        if k >= 0:
            b = min(b, k + 1)
    return Span(a, b)


def sentences_in(doc: Doc, span: Span) -> list[Span]:
    """The mended sentences that start inside ``span``."""
    spans = mended_sentences(doc)
    lo = bisect.bisect_left(spans, span.start, key=lambda s: s.start)
    out = []
    for s in spans[lo:]:
        if s.start >= span.end:
            break
        out.append(s)
    return out


def body_sentences(doc: Doc) -> tuple[BodySentence, ...]:
    """Sentences of running text in order, footnote definitions left out, each with the markers
    it carries: what every reader of running text shares (quotes, events, entities, people),
    made once per document and kept on it."""
    return doc.once("body sentences", lambda: _body_sentences(doc))


def _body_sentences(doc: Doc) -> tuple[BodySentence, ...]:
    notes = sorted(footnote_ranges(doc))
    note_starts = [a for a, _ in notes]
    markers = sorted(doc.markers, key=lambda m: m.span.start)
    blocks = _blocks(doc)
    out: list[BodySentence] = []
    b = 0
    for s in mended_sentences(doc):
        i = bisect.bisect_right(note_starts, s.start) - 1
        if i >= 0 and s.start < notes[i][1]:
            continue
        while b + 1 < len(blocks) and blocks[b].end <= s.start:
            b += 1
        span, labels = _markers_after(doc, s, markers)
        out.append(BodySentence(span, b, labels))
    return tuple(out)


#: A lettered list item's label: "h. ", "b) ", "(c) ".
_LETTERED_ITEM = lazy_re(r"\(?[a-z]{1,2}[.)]\s")


def _runs_on(text: str, prev: Span, nxt: Span) -> bool:
    """Whether a sentence boundary cut a sentence: no closing punctuation before, lower case after,
    and not a lettered list item ("…; and h. Coordination with …") that begins a sentence of its own."""
    head = text[nxt.start : nxt.start + 1]
    if not head.islower() or _LETTERED_ITEM.match(text, nxt.start):
        return False
    return not re.search(r"[.!?:;…]['\"”’)\]]*(?:\[\^?\d+\])*\s*$", text[prev.start : prev.end])
