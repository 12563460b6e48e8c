"""The frame around the articles: title, preamble, final clause.

The title is the first heading-like line, or, in run-on texts without line
breaks, the leading capitalized run of words up to where the preamble's
first sentence begins ("THE GOVERNMENT OF ...", "We, the Heads of State",
"The Parties to this Treaty"). The preamble runs from there to the first
article (ending after "have agreed as follows:" when the text says so). The
final clause is the closing formula ("IN WITNESS WHEREOF ... Done at ...").
"""

from __future__ import annotations

import bisect
import re

from pactlens.resources.lexicon import alternation
from pactlens.structure.doc import Span
from pactlens.structure.spans import lstrip, rstrip, trimmed
from pactlens.regexes import lazy_re

_MAX_TITLE = 400
_DATELINE_RE = lazy_re(
    rf"^[\s\w.,'’-]{{0,40}}?\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{alternation('months')})\b[\s\d,.]*$", re.I
)
_STRUCTURAL_RE = lazy_re(r"\s*(?:(?:ARTICLE|Article|ART\.|Art\.)\s*\w|\(?\d{1,3}[.)]\s)")
_PREAMBLE_OPENERS_RE = lazy_re(r"^(?:PREAMBLE|Preamble)\b[\s:.]*")
# A run-on title names the instrument; a capitalized run without one is prose ("On January 17, ...").
_INSTRUMENT_RE = lazy_re(
    r"\b(?i:agreement|treaty|convention|protocol|memorandum|declaration|charter|accord|arrangement|"
    r"exchange of (?:letters|notes)|pact|covenant|statute|act|constitution)\b"
)
_WORD_RE = lazy_re(r"\S+")
#: A capitalized run followed by one of these is a sentence's subject, not a heading.
_FINITE_VERBS = {"was", "were", "is", "are", "has", "have", "had", "will", "would", "can", "could", "may",
                 "might", "must", "does", "did"}
_SMALL_WORDS = {"of", "and", "the", "on", "in", "for", "to", "with", "between", "concerning", "a", "an",
                "by", "at", "from", "among", "against", "regarding", "relating", "&", "-", "–", "—"}
#: "have agreed as follows:" ends the preamble only this close to the first article
#: ("represented as follows:" may open the list of plenipotentiaries far above it).
_NEAR_FIRST_ARTICLE = 300
_LINKING_WORDS = {"between", "on", "of", "concerning", "for", "relating", "regarding", "to", "with", "among", "establishing"}
_AS_FOLLOWS_RE = lazy_re(r"(?:as follows|the following(?: provisions)?|AS FOLLOWS)\s*[:.;]", re.I)
_WITNESS_RE = lazy_re(r"\b(?i:in (?:witness|faith) whereof)")
# Lowercase "done at" is read too (some texts are all lowercase); it must open a sentence.
_DONE_RE = lazy_re(r"(?<![\w])(?i:done|signed|made|dated|executed)\s+(?i:at|in|on|this|the)\b")
_YEAR_RE = lazy_re(r"\b(?:1[6-9]\d\d|20\d\d)\b|\b(?:nineteen|thousand)\b", re.I)


def find_title(text: str, skip: list[Span]) -> Span | None:
    """The document's title, or None when it has no heading (a brief that starts with prose)."""
    pos = _first_content(text, skip)
    if pos is None:
        return None
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    line = text[pos:line_end]
    if _DATELINE_RE.match(line.strip()) and line_end < len(text):
        # "CANBERRA, 21 January 1944" above the title
        return find_title(text, skip + [Span(pos, line_end)])
    if _STRUCTURAL_RE.match(line):
        return None  # the text opens with its first article or paragraph: no title
    if len(line.strip()) <= 200 and not _ends_like_prose(line):
        return trimmed(text, pos + len(line) - len(line.lstrip("#").lstrip()), line_end)  # without "# "
    return _title_in_contents(text, pos, line_end) or _leading_caps_run(text, pos, line_end)


def _first_content(text: str, skip: list[Span]) -> int | None:
    pos = 0
    while pos < len(text):
        pos = lstrip(text, pos, len(text))
        hit = next((s for s in skip if s.start <= pos < s.end), None)
        if hit is None:
            return pos if pos < len(text) else None
        pos = hit.end
    return None


def _ends_like_prose(line: str) -> bool:
    s = line.rstrip()
    return s.endswith((".", ",", ";")) and not s.isupper()


def _leading_caps_run(text: str, start: int, end: int) -> Span | None:
    """The capitalized words that open a run-on text, cut where the preamble begins.

    An all-caps title may go on in lowercase after a linking word
    ("FISHERIES PARTNERSHIP AGREEMENT between the Republic of Madagascar and
    ..."); the preamble then starts at the next all-caps word.
    """
    words = list(_WORD_RE.finditer(text, start, min(end, start + _MAX_TITLE * 2)))
    upper = sum(w.group(0).isupper() for w in words[:6]) >= 3
    switched = False
    cut, prev = start, ""
    taken: list[re.Match[str]] = []
    for i, w in enumerate(words):
        tok = w.group(0)
        if _opens_article(words, i):
            break  # "... in Environmental Matters ARTICLE 6, paragraph 11 For the existing text": the body
        if upper and not _title_word(tok, True) and tok.lower() in _LINKING_WORDS and not switched:
            upper, switched = False, True
        elif switched and _is_caps_word(tok):
            break  # "... and the European Community THE REPUBLIC OF MADAGASCAR, hereinafter"
        if not _title_word(tok, upper) or _opens_preamble(tok, prev, upper) or _PREAMBLE_OPENERS_RE.match(tok):
            if tok.lower() in _FINITE_VERBS:
                return None  # "The North Atlantic Treaty was signed ...": the subject of a sentence
            break
        cut, prev = w.end(), tok
        taken.append(w)
        if tok.endswith(".") and len(tok) > 3:
            break
    cut = _before_repeat(taken, cut)
    if cut - start > _MAX_TITLE or len(text[start:cut].split()) < 2 or not _INSTRUMENT_RE.search(text, start, cut):
        return None
    return trimmed(text, start, cut)


_CONTENTS_RE = lazy_re(r"\b(?:TABLE OF CONTENTS|Table of Contents|CONTENTS)\b")
_CAPS_WORDS_RE = lazy_re(r"(?<![\w'’&-])[A-Z][A-Z'’&-]*(?:[ \t]+[A-Z][A-Z'’&-]*)+(?![\w'’&-])")
#: How far into a run-on text a table of contents is read for the title among its entries.
_CONTENTS_SPAN = 4000


def _title_in_contents(text: str, start: int, end: int) -> Span | None:
    """In a run-on text that opens with its table of contents ("Preamble Part One: General Part
    Chapter One: ... TABLE OF CONTENTS ... NORTH AMERICAN FREE TRADE AGREEMENT ____ Part Three:
    ..."), the first run of words in capitals that names an instrument, before the preamble;
    None when the opening holds no table of contents."""
    end = min(end, start + _CONTENTS_SPAN)
    preamble = re.compile(r"\bPREAMBLE\b").search(text, start, end)
    end = preamble.start() if preamble else end
    if not _CONTENTS_RE.search(text, start, end):
        return None
    for m in _CAPS_WORDS_RE.finditer(text, start, end):
        if _INSTRUMENT_RE.search(m.group(0)) and not _CONTENTS_RE.search(m.group(0)) and len(m.group(0)) <= _MAX_TITLE:
            return trimmed(text, m.start(), m.end())
    return None


_ARTICLE_WORD_RE = lazy_re(r"(?:ARTICLE|Article|ART\.|Art\.)")
_ARTICLE_NUMBER_RE = lazy_re(r"(?:\d{1,3}|[IVXLC]{1,6})[A-Za-z]?[.,:]?")
#: Words that carry an article's number on as part of a title ("Protocol Amending Article 6 of the Convention").
_REFERENCE_GOES_ON = {"of", "to", "and", "bis", "ter", "in", "on", "under"}


def _opens_article(words: list[re.Match[str]], i: int) -> bool:
    """Word ``i`` is an article's label run on after the title ("... Environmental Matters
    ARTICLE 6, paragraph 11 For ...", "... Treaty Article 1 The Parties ..."): its number
    follows and text follows that, and the title neither leads to it ("Protocol Amending
    Article 6", "Amendment to Article 6") nor says whose article it is ("Article 6 of the
    Convention", "Article 6 and Annex I")."""
    if not 0 < i < len(words) - 2 or not _ARTICLE_WORD_RE.fullmatch(words[i].group(0)):
        return False
    number = words[i + 1].group(0)
    if not _ARTICLE_NUMBER_RE.fullmatch(number):
        return False
    before = words[i - 1].group(0).lower().strip(",.;:")
    if before in _SMALL_WORDS or before in _LINKING_WORDS or before.endswith("ing"):
        return False
    return number[-1] in ",.:" or words[i + 2].group(0).lower().strip(",.;:") not in _REFERENCE_GOES_ON


#: Punctuation around a word that does not make it another word (OCR's stray quote: "'UNION").
_WORD_EDGES = ",.;:'\"‘’“”()"


def _before_repeat(words: list[re.Match[str]], cut: int) -> int:
    """Cut where the heading begins again: a text whose first words (four or more) recur in
    its opening run prints its heading twice ("AGREEMENT BETWEEN THE GOVERNMENTS OF A AND B
    AGREEMENT BETWEEN THE GOVERNMENTS OF THE 'A AND B DIRECTED TO ..."); or where the preamble
    names the parties again: "... AND THE GOVERNMENT OF CANADA THE GOVERNMENT OF THE
    COMMONWEALTH OF AUSTRALIA (hereinafter ...)"."""
    bare = [w.group(0).lower().strip(_WORD_EDGES) for w in words]
    again = next((j for j in range(4, len(bare) - 3) if bare[j : j + 4] == bare[:4]), None)
    if again is not None:
        return words[again - 1].end()
    low = [w.group(0).lower().strip(",") for w in words]
    for i in range(3, len(low) - 4):
        if low[i] != "the" or low[i - 1] in _SMALL_WORDS:
            continue  # "... and the Government of ..." is the title naming its next party
        probe = low[i : i + 5]
        if any(low[j : j + 5] == probe for j in range(i - 4)):
            return words[i - 1].end()
    return cut


def _is_caps_word(tok: str) -> bool:
    core = tok.strip("()\"“”',.:;-–")
    return len(core) >= 2 and core.isalpha() and core.isupper()


def _title_word(tok: str, upper: bool) -> bool:
    core = tok.strip("()\"“”',.:;-–")
    if not core:
        return True
    if upper:
        return core.isupper() or core.isdigit() or core.lower() in _SMALL_WORDS and core.isupper()
    return core[0].isupper() or core[0].isdigit() or core.lower() in _SMALL_WORDS


def _opens_preamble(tok: str, prev: str, upper: bool) -> bool:
    """In a Title-Case run, a capital "The" after a content word opens the preamble
    ("... Democratic Republic The Government of ..."); after "between" or "and" it is the title's."""
    if upper or not prev:
        return False
    return tok in ("The", "We,", "We") and prev.lower().strip(",") not in _SMALL_WORDS


def find_preamble(text: str, title: Span | None, first_article: int | None, skip: list[Span]) -> Span | None:
    """From after the title to the first article; None when there are no articles."""
    if first_article is None:
        return None
    start = title.end if title else 0
    start = _skip_labels(text, start, skip)
    m = _PREAMBLE_OPENERS_RE.match(text, lstrip(text, start, first_article))
    if m and m.end() < first_article:
        start = m.end()
    end = trailing_heading_start(text, start, rstrip(text, start, first_article))
    follows = None
    for follows in _AS_FOLLOWS_RE.finditer(text, max(start, end - _NEAR_FIRST_ARTICLE), end):
        pass
    if follows is not None:
        end = follows.end()  # what stands between "as follows:" and Article 1 is a heading
    return trimmed(text, start, end)


def _skip_labels(text: str, pos: int, skip: list[Span]) -> int:
    for s in skip:
        if s.start <= lstrip(text, pos, len(text)) < s.end:
            pos = s.end
    return pos


def find_final_clause(text: str, after: int, before: int, sentences: list[Span]) -> Span | None:
    """The closing formula of the main instrument, between its last article and its annexes.

    Ends with the sentence that holds "Done at/Signed at ..."; such a sentence
    without a year, and without "IN WITNESS WHEREOF" before it, is taken for prose.
    """
    for m in _WITNESS_RE.finditer(text, after, before):
        done = _first_opening(text, m.end(), min(before, m.end() + 800))
        end = _sentence_end(done if done is not None else m.end(), sentences, before)
        return Span(m.start(), end)
    for m in _DONE_RE.finditer(text, after, before):
        if not _at_sentence_start(text, m.start()):
            continue
        end = _sentence_end(m.start(), sentences, before)
        if _YEAR_RE.search(text, m.start(), end):
            return Span(m.start(), end)
    return None


def _first_opening(text: str, start: int, end: int) -> int | None:
    """The first "Done at"/"Signed at" in ``[start, end)`` that opens a sentence."""
    return next((m.start() for m in _DONE_RE.finditer(text, start, end) if _at_sentence_start(text, m.start())), None)


def _at_sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` follows a line break, a sentence end or nothing (spaces aside)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in ".:;)\n"


def _sentence_end(pos: int, sentences: list[Span], limit: int) -> int:
    i = bisect.bisect_right([s.start for s in sentences], pos) - 1
    if 0 <= i < len(sentences) and sentences[i].contains(pos):
        return min(sentences[i].end, limit)
    return limit


_TAIL_RE = lazy_re(r"[.;:)][\"”’]?\s+(?P<tail>[^.;:]{3,160})$")


def trailing_heading_start(text: str, start: int, end: int) -> int:
    """Where the heading of what follows ("CHAPTER II OBJECTIVES", "PERMANENT SECRETARIAT")
    begins at the end of ``[start, end)``; ``end`` if there is none.

    Only capitals count: a Title-Case tail cannot be told from the end of a sentence.
    """
    m = _TAIL_RE.search(text, max(start, end - 200), end)
    if not m:
        return end
    tail = m["tail"]
    letters = [ch for ch in tail if ch.isalpha()]
    if len(letters) >= 4 and all(ch.isupper() for ch in letters):
        return rstrip(text, start, m.start("tail"))
    return end
