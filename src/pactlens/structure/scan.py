"""Text lowercased for literal checks, and whole-text scans that try a costly pattern only
where one of its matches can begin.

Python's regex engine looks for a pattern at every position of the text unless the
pattern opens with literal characters it can skip to; a pattern that opens with a
look-behind, a word boundary or a case-insensitive word (most of the rules here)
gets no such skip. When every match of ``rx`` begins where some cheap pattern
matches (a lowercase trie of its opening words, scanned in the lowercased text),
trying ``rx`` only at those positions, in order, skipping those inside the match
just found, gives exactly the matches of ``rx.finditer`` at a fraction of its cost.

The opening hits are found without overlap: a word that begins inside another
("annexchange", "agreementreaty") is not a start of its own. Openings anchored at a
word start cannot overlap; for the others the trie's words must not run into
each other like that in a real text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from pactlens.regexes import lazy_re
from pactlens.structure.doc import Doc

#: ``Doc.derived`` key of the document's lowercased text.
_FOLDED = "scan.folded"


def folded_text(doc: Doc) -> str:
    """The document's text lowercased (see :func:`folded`), once per document."""
    return doc.once(_FOLDED, lambda: folded(doc.text))


def folded(text: str) -> str:
    """``text`` lowercased for literal prefilters of IGNORECASE patterns (same length, same offsets
    unless a letter's lowercase is longer: callers check).

    A prefilter may only skip a pattern that cannot match. Python's case-insensitive
    matching also lets "ſ" match "s" and "ı" match "i", which ``lower()`` keeps apart, so
    those are mapped to their ASCII look-alikes ("K", the Kelvin sign, and "İ" already
    lower to text containing "k" and "i").
    """
    low = text.lower()
    if "ſ" in low or "ı" in low:
        low = low.replace("ſ", "s").replace("ı", "i")
    return low


def starts_in(opening: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None,
              low: str | None = None) -> Iterator[int]:
    """Offsets in ``text[pos:endpos]`` where ``opening`` (a case-sensitive pattern of lowercase
    literals) matches ``text`` lowercased: where a case-insensitive match of it would begin.
    ``low`` is ``folded(text)`` when the caller has it (a document's, kept on its Doc)."""
    endpos = len(text) if endpos is None else endpos
    low = folded(text) if low is None else low
    if len(low) == len(text):
        return (m.start() for m in opening.finditer(low, pos, endpos))
    # A letter whose lowercase is longer ("İ"): offsets in ``low`` are not offsets in ``text``.
    return (m.start() for m in re.compile(opening.pattern, re.IGNORECASE).finditer(text, pos, endpos))


def matches_at(rx: re.Pattern[str], text: str, starts: Iterator[int],
               endpos: int | None = None) -> Iterator[re.Match[str]]:
    """``rx.finditer(text, <first start>, endpos)`` when every match of ``rx`` begins at one of
    ``starts`` (ascending) and none is empty."""
    endpos = len(text) if endpos is None else endpos
    end = 0
    for pos in starts:
        if pos < end:
            continue
        if m := rx.match(text, pos, endpos):
            end = m.end()
            yield m


def literal_trie(words: list[str]) -> str:
    """A regex alternation of ``words`` as a prefix trie (the longest word wins at a position).

    Python's engine tries the branches of an alternation one after another at every position
    it reaches, so a list of a hundred words costs a hundred tests per word of text; as a
    trie it costs one per letter matched."""
    groups: dict[str, list[str]] = {}
    ends = False
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(w[1:])
        else:
            ends = True
    alts = [re.escape(c) + literal_trie(rest) for c, rest in sorted(groups.items())]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
    return f"(?:{body})?" if ends else body


def word_openings(words: Iterable[str]) -> re.Pattern[str]:
    """Where one of ``words`` (literals, matched as written) begins at a word boundary.

    Zero-width, so every such offset is found, one inside another's word included: the
    openings of a pattern ``\\b(?:word|word|...)...`` whose alternation lists ``words``, for
    :func:`opened_matches`."""
    return lazy_re(rf"\b(?={literal_trie(sorted(set(words)))})")


def opened_matches(rx: re.Pattern[str], opening: re.Pattern[str], text: str, pos: int = 0,
                   endpos: int | None = None) -> Iterator[re.Match[str]]:
    """``rx.finditer(text, pos, endpos)`` when every match of ``rx`` begins where ``opening``
    matches (see :func:`word_openings`): ``rx`` is tried only there."""
    endpos = len(text) if endpos is None else endpos
    return matches_at(rx, text, (m.start() for m in opening.finditer(text, pos, endpos)), endpos)
