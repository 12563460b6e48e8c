"""Every occurrence of any of many names, in one left-to-right pass over the text.

Entity readers first find names (a place introduced by "in", a surname
introduced by a title) and then look for every other mention of them. A
regular-expression alternation of n names is tried alternative by
alternative at each position of the text (Python's ``re`` builds no trie),
and a search per name rescans the text n times: both cost names × text, which
a document with thousands of names turns into minutes (issue 14). Here the
names are grouped by their first word, so each word of the text costs one
dictionary lookup and only the few names sharing that word are tried there.

The result is the same as ``re.finditer`` over the alternation
``(?<![\\w-])(?:alt1|alt2|...)(?![\\w-])`` with the alternatives in the given
order: the same positions, the same (leftmost, first-listed) alternative at
each, no overlaps.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from pactlens.regexes import lazy_re

#: One word character: the character before a word start is neither this nor a hyphen.
_WORD_CHAR = lazy_re(r"\w")
#: The leading word of a name (its letters before the first space, dot, dash or apostrophe).
FIRST_WORD = lazy_re(r"\w+")


class NameIndex:
    """Regex alternatives (escaped names, possibly with loose separators) bucketed by first word.

    Each alternative begins with the literal word characters of its name's
    first word, as an escaped name does (one that begins otherwise is left
    out); the alternation's order is longest pattern first, or as given with
    ``longest_first=False``.
    """

    def __init__(self, patterns: Iterable[str], *, longest_first: bool = True) -> None:
        alts = list(patterns)
        if longest_first:
            alts.sort(key=len, reverse=True)
        buckets: dict[str, list[str]] = {}
        for alt in alts:
            first = FIRST_WORD.match(alt)
            if first is None:  # no word to start from: such a "name" ("(Smith") is debris, never a mention
                continue
            buckets.setdefault(first.group(0), []).append(alt)
        self._by_first = {w: re.compile(rf"(?:{'|'.join(group)})(?![\w-])") for w, group in buckets.items()}
        # The first words themselves, each a whole word run: the regex engine skips in C the
        # text between them (it starts only at a character some first word begins with), where
        # a loop over every word of the text spent a dictionary lookup in Python on each.
        self._firsts = re.compile(rf"(?:{'|'.join(sorted(buckets, key=len, reverse=True))})(?!\w)")

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
        """(start, end) of each mention in ``text[start:end]``, left to right, none overlapping."""
        end = len(text) if end is None else end
        pos = start
        if not self._by_first:
            return
        for word in self._firsts.finditer(text, start, end):
            at = word.start()
            if at < pos or (at > 0 and (text[at - 1] == "-" or _WORD_CHAR.match(text, at - 1))):
                continue  # inside a word (no word starts within a run of word characters), or taken
            hit = self._by_first[word.group(0)].match(text, at, end)
            if hit is not None:
                pos = hit.end()
                yield hit.span()


class SpanSet:
    """Membership of an offset in a fixed set of spans (not overlapping), by bisection: the
    mentions already found, the headings, without a scan of all of them per lookup."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [a for a, _ in self.spans]

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self.spans[i][1]

    def holds_all(self, spans: list[tuple[int, int]]) -> bool:
        """True when every one of ``spans`` starts in the set (and there is at least one)."""
        return bool(spans) and all(a in self for a, _ in spans)
