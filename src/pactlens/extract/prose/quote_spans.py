"""Where a document quotes someone: quotations framed as speech, and reported speech (a speech
verb with its content and no quotation marks).

A quotation mark alone does not make a quote (titles and scare terms are quoted too); this module
decides which quoted spans and which sentences are speech, and leaves who spoke to
:mod:`pactlens.extract.prose.attribution`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from pactlens.extract.prose.speech import ACCORDING, PRONOUN_BEFORE, SPEECH_VERB, SPEECH_VERB_OPENING, VERB_FORMS
from pactlens.structure.doc import Doc
from pactlens.structure.scan import opened_matches
from pactlens.structure.sentences import BodySentence
from pactlens.structure.spans import covering
from pactlens.regexes import lazy_re
from pactlens.structure.markdown import MD_LINK

#: A double quotation may run over the line breaks of a hard-wrapped paragraph (speeches and
#: statements are often published wrapped at ~72 characters), never over a blank line.
_WRAPPED = r"(?:\n(?![ \t]*\n){run}{{1,1500}}){{0,12}}"
_QUOTES = lazy_re(
    r"“(?P<c>[^“”\n]{1,1500}" + _WRAPPED.format(run=r"[^“”\n]") + r")”"
    r"|\"(?P<s>[^\"\n]{1,1500}" + _WRAPPED.format(run=r"[^\"\n]") + r")\""
    r"|‘(?P<q>[^‘’\n]{4,600})’(?!\w)"
)
# A caption or a reference ("Source: "Title," Outlet"), not speech.
_SOURCE_LINE = lazy_re(r"\b(?:Sources?|See(?: also)?|Photo|Credit|Image)\s*[:,]?\s*$")
WORD = lazy_re(r"[\w’'-]+")


@dataclass
class Found:
    start: int  # the quoted words (or the reported content)
    end: int
    sentence: BodySentence
    direct: bool
    verb_at: int | None  # where the framing verb starts, if any (the last one before the quote)
    speaker_end: int | None = None  # where to look back from for the speaker
    head: int | None = None  # start of the sentence the quote opens in, when it runs on past it

    @property
    def opens(self) -> int:
        return self.sentence.span.start if self.head is None else self.head


def sentence_index(sentences: tuple[BodySentence, ...], offset: int) -> int | None:
    i = bisect.bisect_right(sentences, offset, key=lambda s: s.span.start) - 1
    return i if i >= 0 and offset < sentences[i].span.end else None


def _well_formed(text: str, start: int, end: int) -> bool:
    """A quotation opens after a space or bracket, closes before a non-letter, and
    does not begin with punctuation (which means two quotes were paired wrongly)."""
    before = text[start - 1 : start] if start else " "
    after = text[end : end + 1]
    inner = text[start + 1 : start + 2]
    return (
        not before.isalnum()
        and not after.isalnum()
        and bool(inner)
        and not inner.isspace()
        and inner not in ".,;:)]"
    )


#: A quoted phrase this long is someone's words, even unframed ("committed to "build a constructive
#: relationship of strategic stability""); a shorter one is a term or a scare quote.
_PHRASE_CHARS = 25
#: Words before a quoted phrase that make it a name given to something, not words said.
_NAMING = lazy_re(r"\b(?:titled|entitled|dubbed|known\s+as|referred\s+to\s+as|so-called|the\s+term)\s+(?:the\s+|an?\s+)?$", re.I)


def _phrase_quoted(text: str, a: int, b: int, pre: str) -> bool:
    """Whether a short quotation inside a sentence (some words before it) is quoted words: long
    enough (:data:`_PHRASE_CHARS`), mostly lower case (not a title) and not a name being given."""
    inner = MD_LINK.sub(lambda m: (m.group("image") or "") + m.group("label"), text[a:b])  # a link's label only
    return (
        len(" ".join(inner.split())) >= _PHRASE_CHARS
        and re.search(r"[A-Za-z]", pre) is not None
        and _NAMING.search(pre) is None
    )


def _is_title(words: list[str]) -> bool:
    long = [w for w in words if len(w) > 3]
    return bool(long) and sum(w[0].isupper() for w in long) / len(long) >= 0.6


# Words after a quotation that say who spoke: "…,' the president said", "…," Putin added".
_POST_FRAME = lazy_re(
    r"[\s,.!?’'\"”]*(?:(?:he|she|[Tt]he|an?|[A-Z][\w’'.-]*|[a-z][\w-]*)\s+){0,5}?(?:" + VERB_FORMS + r")\b"
)


def _frame(text: str, pre: str, post: str) -> tuple[bool, int | None]:
    """Whether the quote is framed as speech, and where its verb is in ``pre``."""
    verbs = list(SPEECH_VERB.finditer(pre))
    if verbs:
        return True, verbs[-1].start()
    if re.search(r":\s*$", pre) or ACCORDING.search(pre):
        return True, None
    if _POST_FRAME.match(post):
        return True, None
    return False, None


def _quoted(text: str) -> list[tuple[int, int, int, int, str]]:
    """Every quotation: (outer start, outer end, inner start, inner end, form)
    where form is "double", "single" (curly ‘…’) or "ascii" ('…')."""
    out = []
    for m in _QUOTES.finditer(text):
        g = next(g for g in ("c", "s", "q") if m.group(g) is not None)
        a, b = m.span(g)
        out.append((m.start(), m.end(), a, b, "single" if g == "q" else "double"))
    if "'" in text:
        # A single-quoted phrase inside a double-quoted one is part of it.
        inside = covering((x, y) for x, y, *_ in out)
        out += [(x, y + 1, x + 1, y, "ascii") for x, y in _ascii_single(text) if not inside(x)]
        out.sort()
    return out


# ASCII single quotation marks, as British-style news writes them. An opening
# mark follows a space, a bracket or a line start and precedes a letter, digit
# or bracket; a closing one follows a non-space and precedes no letter. An
# apostrophe inside a word ("don't", "Pelosi's") is neither.
# Found by the quotation mark itself, which the engine skips to, with the character before it
# checked apart (a pattern opening with a look-behind would be tried at every offset).
_OPEN_MARK = lazy_re(r"'(?=[\w\[(])")
_CLOSE_MARK = lazy_re(r"'(?!\w)")
_BEFORE_OPEN = frozenset("([—–-")


def _ascii_marks(text: str) -> tuple[list[int], list[int]]:
    """Offsets of the opening marks (after a space, a bracket, a dash or at a line start) and of the
    closing marks (after a non-space) in ``text``."""
    opens = [m.start() for m in _OPEN_MARK.finditer(text)
             if not (x := m.start()) or text[x - 1].isspace() or text[x - 1] in _BEFORE_OPEN]
    closes = [m.start() for m in _CLOSE_MARK.finditer(text) if (x := m.start()) and not text[x - 1].isspace()]
    return opens, closes


def _ascii_single(text: str) -> list[tuple[int, int]]:
    """Pairs of (opening, closing) ASCII single quotation marks on one line.

    A closing candidate after a plural "s" and before a lower-case word ("the
    Emiratis' plans") is a possessive when a later closing candidate on the
    same line is left to close the quotation."""
    opens, closes = _ascii_marks(text)
    pairs: list[tuple[int, int]] = []
    after = -1
    for x in opens:
        if x <= after:
            continue
        line_end = text.find("\n", x)
        line_end = len(text) if line_end < 0 else line_end
        i = bisect.bisect_right(closes, x)
        cands = [c for c in closes[i:i + 12] if c < line_end]
        pick = next(
            (c for k, c in enumerate(cands)
             if not (text[c - 1] == "s" and re.match(r"\s+[a-z]", text[c + 1 : c + 4]) and k + 1 < len(cands))),
            None,
        )
        if pick is not None and pick - x > 2:
            pairs.append((x, pick))
            after = pick
    return pairs


def find_direct(doc: Doc, text: str, sentences: tuple[BodySentence, ...], notes: list[tuple[int, int]]) -> list[Found]:
    found: list[Found] = []
    in_notes = covering(notes)
    for qa, qb, a, b, form in _quoted(text):
        if not _well_formed(text, qa, qb) or in_notes(a):
            continue
        i = sentence_index(sentences, qa)
        if i is None:
            continue
        sent = sentences[i]
        words = WORD.findall(text[a:b])
        pre = text[sent.span.start : qa]
        end_sent = sentences[sentence_index(sentences, b) or i]
        post = text[qb : max(end_sent.span.end, qb)]
        framed, verb_at = _frame(text, pre, post)
        if not framed and PRONOUN_BEFORE.search(pre):
            # 'where he "reaffirmed …"': the quote holds its own verb; the pronoun is the speaker.
            framed, verb_at = True, len(pre)
        single = form == "single"
        if len(words) < 3 or (single and not framed) or _SOURCE_LINE.search(pre):
            continue
        if _is_title(words) and len(words) < 6 and not re.search(r":\s*$", pre):
            continue
        if not framed and (_is_title(words) or (len(words) < 8 and not _phrase_quoted(text, a, b, pre))):
            continue
        if framed and verb_at is None and _is_title(words) and not re.search(r":\s*$", pre):
            continue
        found.append(Found(a, b, end_sent if end_sent.span.end > sent.span.end else sent, True,
                            None if verb_at is None else sent.span.start + verb_at, head=sent.span.start))
    return found


def _first_in(hits: list[re.Match[str]], starts: list[int], a: int, b: int) -> re.Match[str] | None:
    i = bisect.bisect_left(starts, a)
    return hits[i] if i < len(hits) and starts[i] < b else None


def find_reported(text: str, sentences: tuple[BodySentence, ...], taken: set[int]) -> list[Found]:
    """Sentences whose speech verb has a content after it and no quotation."""
    lo, hi = sentences[0].span.start, sentences[-1].span.end
    # One scan of the body for each pattern; most sentences of an agreement have neither.
    verbs = list(opened_matches(SPEECH_VERB, SPEECH_VERB_OPENING, text, lo, hi))
    accs = list(ACCORDING.finditer(text, lo, hi))
    verb_at, acc_at = [v.start() for v in verbs], [a.start() for a in accs]
    out: list[Found] = []
    for i, s in enumerate(sentences):
        a, b = s.span.start, s.span.end
        m = _first_in(verbs, verb_at, a, b)
        acc = _first_in(accs, acc_at, a, b)
        if i in taken or (m is None and acc is None):
            continue
        if acc and (m is None or acc.start() < m.start()):
            comma = text.find(",", acc.end(), b)
            if comma > 0:
                out.append(Found(comma + 1, b, s, False, None, comma))
            continue
        if m is None or m.start() == a:
            continue
        k = bisect.bisect_left(verb_at, m.start())
        while True:
            that = _COMPLEMENT.match(text, m.end(), b)
            if that is not None or _NP_CONTENT.fullmatch(m.group(0)):
                out.append(Found(that.end() if that else m.end(), b, s, False, m.start()))
                break
            # "announced the imposition of a blockade", "reported to the committee": the object is
            # a thing done, not words said; a later verb of the sentence may still give its words
            # ("… and asserted that …").
            k += 1
            if k == len(verbs) or verbs[k].start() >= b:
                break
            m = verbs[k]
    return out


# What opens reported words after the speech verb: "that", "(to) the listener that"
# ("told Paul that", "warned him that"), a colon or a comma.
_COMPLEMENT = lazy_re(
    r"\s+(?:to\s+)?(?:(?:(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}|him|her|them|us|me|reporters|journalists)\s+)?"
    r"that\s+|\s*:\s*|,\s+"
)
# Verbs whose plain object is itself what was said: "emphasized the significant
# role of Iran", "described the treaty as a roadmap".
_NP_CONTENT = lazy_re(
    r"emphasi[sz]\w*|stress\w*|underscor\w*|highlight\w*|reaffirm\w*|reiterat\w*|describ\w*|characteri[sz]\w*"
)


def trim_reported(text: str, a: int, b: int) -> tuple[int, int]:
    """Trim a reported content of trailing markers, quotes and the final stop."""
    seg = text[a:b]
    cut = re.search(r"[\s.;,\"”’]*(?:\[\^?\d+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\s)*$", seg)
    b = a + (cut.start() if cut else len(seg))
    while a < b and text[a] in " ,:":
        a += 1
    return a, b
