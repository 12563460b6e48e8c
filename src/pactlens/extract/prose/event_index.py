"""What the events reader asks of a sentence and its clauses, computed once and answered per date.

A sentence may hold thousands of dates (a chronology run into one line, a table flattened into
prose). Asking each date's question of the whole sentence again — where its clause ends, which
clause joins and trigger words lie around it, who is named in it, whether it is a caption line —
is quadratic. Here each sentence's semicolons, each clause's joins, trigger words, letter runs,
quotation marks, people and states, and each line's kind are found once, and a date's answer is
a binary search. The answers are those the per-date reading gave (the same 627 events on the
briefs corpus, the dev and the extra documents), the vocabulary is
:mod:`pactlens.extract.prose.event_clauses`'.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from pactlens.extract.dates import DateMention
from pactlens.extract.prose import event_clauses as ec
from pactlens.extract.prose import event_dates as ed
from pactlens.extract.prose.discourse import url_ranges
from pactlens.extract.prose.people import Mention
from pactlens.model import Agreement
from pactlens.structure.sentences import BodySentence
from pactlens.regexes import lazy_re

_RUN2 = lazy_re(r"[A-Za-z]{2,}")
_RUN3 = lazy_re(r"[A-Za-z]{3,}")
_QUOTE = lazy_re(r"[\"”]")
_MARK = lazy_re(r"[\"“”]")
#: How far before a trigger "anniversary of" and its three words may start (words of normal length).
_ANNIVERSARY_REACH = 200


@dataclass
class _Part:
    """Trigger words of one part of a clause (between its joins), sorted by start and by end."""

    by_start: list[tuple[int, int, int, str]]  # (start, end, rank, kind)
    starts: list[int]
    ends: list[int]  # of the same matches sorted by end
    end_rank: list[tuple[int, int, str]]  # (end, rank, kind) sorted
    longest: int
    figure: bool


@dataclass
class _Clause:
    text: str
    joins_start: list[int]
    joins_end: list[int]
    runs2_starts: list[int]  # letter runs of two or more, absolute offsets
    runs2_ends: list[int]
    runs3: list[tuple[int, int]]  # outside URLs, absolute
    quotes: list[int]
    marks: list[int]  # every double quotation mark, opening or closing
    start: int
    not_happening: bool
    agreement_word: bool
    straight: list[int] = field(default_factory=list)  # straight marks up to and including each mark
    parts: dict[tuple[int, int], _Part] = field(default_factory=dict)
    actors: list[str] | None = None


_BLANK_RUN = lazy_re(r"\s{2,}")


def _reach(text: str, at: int, bound: int, chars: int) -> int:
    """The offset ``chars`` characters of reading from ``at`` (backwards when negative), not past
    ``bound``, a run of blanks counting as one: a link's target blanked in the reading text is no
    distance between a verb and its date."""
    step = -1 if chars < 0 else 1
    want, pos = abs(chars), at
    while want > 0 and pos != bound:
        nxt = pos + step
        if text[min(pos, nxt)].isspace():
            while nxt != bound and text[min(nxt, nxt + step)].isspace():
                nxt += step
        pos, want = nxt, want - 1
    return pos


class EventIndex:
    """Per-sentence and per-clause facts for :func:`pactlens.extract.prose.events.find_events`."""

    def __init__(self, text: str, sentences: tuple[BodySentence, ...], people: list[Mention],
                 agreements: list[Agreement], lines: str | None = None) -> None:
        self.text = text
        self._lines = text if lines is None else lines  # the text whose lines are captions or link lists
        self.sentences = sentences
        self._cuts: dict[int, tuple[int, int, list[int]]] = {}
        self._spans: dict[tuple[int, int], tuple[int, int]] = {}
        self._clauses: dict[tuple[int, int], _Clause] = {}
        self._people = sorted((p.start, p.person.name) for p in people)
        self._people_starts = [s for s, _ in self._people]
        self._newlines = [m.start() for m in re.finditer("\n", text)]
        self._apparatus: dict[int, bool] = {}
        self._agreements = agreements
        self._by_evidence = sorted((e.start, e.end, k) for k, ag in enumerate(agreements) for e in ag.evidence)
        self._longest_evidence = max((e - s for s, e, _ in self._by_evidence), default=0)
        self._signed_full: dict[str, int] = {}
        self._signed_prefix: dict[str, int] = {}
        for k, ag in enumerate(agreements):
            s = ag.signed.date
            if s:
                self._signed_full.setdefault(s, k)
                for n in range(1, len(s) + 1):
                    self._signed_prefix.setdefault(s[:n], k)

    # -- the clause around a date -----------------------------------------------------------
    def clause_around(self, i: int, at: int) -> tuple[int, int]:
        """As :func:`event_clauses.clause_around`, the sentence's semicolons found once."""
        if i not in self._cuts:
            s = self.sentences[i]
            a, b = s.span.start, s.span.end
            nxt = self.sentences[i + 1] if i + 1 < len(self.sentences) else None
            if nxt and nxt.block == s.block and not re.search(r"[.!?:;\"”’)\]]\s*$", self.text[a:b]):
                b = nxt.span.end
            self._cuts[i] = (a, b, ec.outside_brackets(self.text, a, b, ";"))
        a, b, cuts = self._cuts[i]
        k = bisect.bisect_left(cuts, at)
        left = cuts[k - 1] if k > 0 else a - 1
        right = cuts[k] if k < len(cuts) else b
        return left + 1, right

    def summary(self, a: int, b: int) -> tuple[int, int]:
        if (a, b) not in self._spans:
            self._spans[(a, b)] = ec.summary_span(self.text, a, b)
        return self._spans[(a, b)]

    def clause(self, a: int, b: int) -> _Clause:
        c = self._clauses.get((a, b))
        if c is None:
            text = self.text[a:b]
            joins = [m.span() for m in ec.JOIN.finditer(text)]
            blanked = list(text)
            for u, v in url_ranges(self.text, a, b):
                blanked[u - a : v - a] = " " * (v - u)
            runs3 = [(a + m.start(), a + m.end()) for m in _RUN3.finditer("".join(blanked))]
            runs2 = [m.span() for m in _RUN2.finditer(self.text, a, b)]
            c = _Clause(
                text, [s for s, _ in joins], [e for _, e in joins],
                [s for s, _ in runs2], [e for _, e in runs2], runs3,
                [m.start() for m in _QUOTE.finditer(self.text, a, b)],
                [m.start() for m in _MARK.finditer(self.text, a, b)], a,
                ed.NOT_HAPPENING.search(text) is not None, ec.AGREEMENT_WORD.search(text) is not None,
            )
            n = 0
            for m in c.marks:
                n += text[m - a] == '"'
                c.straight.append(n)
            self._clauses[(a, b)] = c
        return c

    def part(self, c: _Clause, at: int) -> tuple[int, int]:
        """As :func:`event_clauses.clause_part` (``at`` relative to the clause)."""
        k = bisect.bisect_right(c.joins_end, at) - 1
        lo = c.joins_end[k] if k >= 0 else 0
        j = bisect.bisect_left(c.joins_start, at)
        hi = c.joins_start[j] if j < len(c.joins_start) else len(c.text)
        return lo, hi

    # -- what happened ----------------------------------------------------------------------
    def is_happening(self, c: _Clause, d: DateMention, a: int, b: int) -> bool:
        """Not a heading ("4 March 1941"), a dateline, a document date ("Updated …") or a reference
        entry ("Title," Outlet, June 15, 2005): a date with words around it, and no quoted title
        before it without words after it, unless the date is inside the quoted words."""
        if c.not_happening or self._words_left(c, d) < 2:
            return False
        k = bisect.bisect_left(c.quotes, a)
        if not (k < len(c.quotes) and c.quotes[k] < d.start) or self._inside_quotation(c, d.start):
            return True  # no quoted title before it; or the date is inside the quoted words ("… in November 2011.”)
        j = bisect.bisect_left(c.runs3, (d.end,))
        tail = j < len(c.runs3) or (j > 0 and c.runs3[j - 1][1] - d.end >= 3)
        return tail

    @staticmethod
    def _inside_quotation(c: _Clause, at: int) -> bool:
        """Whether ``at`` lies inside a quotation: the last mark before it opens one (“), or an odd
        number of straight double marks precede it in the clause."""
        k = bisect.bisect_left(c.marks, at)
        if k and c.text[c.marks[k - 1] - c.start] == "“":
            return True
        return k > 0 and c.straight[k - 1] % 2 == 1

    @staticmethod
    def _words_left(c: _Clause, d: DateMention) -> int:
        """Letter runs of two or more left in the clause without the date (runs cut by it count
        for the part of two letters or more on either side)."""
        starts, ends = c.runs2_starts, c.runs2_ends
        left = bisect.bisect_right(ends, d.start)
        if left < len(starts) and starts[left] < d.start - 1:
            left += 1  # a run the date's start cuts, two letters or more before it
        j = bisect.bisect_left(starts, d.end)
        right = len(starts) - j
        if j > 0 and ends[j - 1] - d.end >= 2:
            right += 1  # a run the date's end cuts
        return left + right

    def kind(self, c: _Clause, at: int) -> str:
        """As :func:`event_clauses.event_kind`: the trigger nearest the date in its part, the
        nearest ending before it found by bisection, those after it from the first one on."""
        lo, hi = self.part(c, at)
        p = self._part(c, lo, hi)
        best: tuple[int, int, str] | None = None
        k = bisect.bisect_right(p.ends, at)
        if k:
            end = p.ends[k - 1]
            _, rank, kind = p.end_rank[bisect.bisect_left(p.end_rank, (end,))]
            best = (at - end, rank, kind)
        first_after: int | None = None
        for s, e, rank, kind in p.by_start[bisect.bisect_left(p.starts, at - p.longest):]:
            if first_after is not None and s > first_after:
                break
            if e <= at:
                continue
            key = (3 * (s - at), rank, kind)
            if best is None or key < best:
                best = key
            if s >= at:
                first_after = s
        return best[2] if best else "other"

    def _part(self, c: _Clause, lo: int, hi: int) -> _Part:
        p = c.parts.get((lo, hi))
        if p is None:
            found = []
            for rank, (kind, rx) in enumerate(ec.KINDS):
                for m in rx.finditer(c.text, lo, hi):
                    if c.text[max(0, m.start() - 1) : m.start()] == "-":
                        continue
                    # "anniversary of" and at most three words: within a window of normal words.
                    if ec.ANNIVERSARY.search(c.text, max(lo, m.start() - _ANNIVERSARY_REACH), m.start()):
                        continue
                    found.append((m.start(), m.end(), rank, kind))
            found.sort()
            end_rank = sorted((e, r, k) for _, e, r, k in found)
            p = _Part(found, [f[0] for f in found], [e for e, _, _ in end_rank], end_rank,
                      max((e - s for s, e, *_ in found), default=0), ec.FIGURE.search(c.text, lo, hi) is not None)
            c.parts[(lo, hi)] = p
        return p

    def names_happening(self, c: _Clause, at: int, end: int) -> bool:
        """Whether a happening noun stands before the year ("the invasion of Iraq in 2003") or the year
        modifies one ("Russia's 2022 invasion", "a 2025 DIA statement indicated"; ``end`` absolute)."""
        lo, _ = self.part(c, at)
        return ec.HAPPENING_BEFORE_YEAR.search(c.text, max(lo, at - 60), at) is not None or ed.modifies_happening(self.text, end)

    def narrates(self, c: _Clause, at: int) -> bool:
        """As :func:`event_clauses.narrates`, the part's figure found once."""
        lo, hi = self.part(c, at)
        if ec.FUTURE.search(c.text, max(lo, at - 12), at) or self._part(c, lo, hi).figure:
            return False
        a, b = _reach(c.text, at, lo, -90), _reach(c.text, at, hi, 90)
        return any(ec.narrating(m, c.text) for m in ec.PAST.finditer(c.text, a, b))

    # -- who and which agreement ------------------------------------------------------------
    def actors(self, c: _Clause, a: int, b: int) -> list[str]:
        """As :func:`event_clauses.actors`, the people found by bisection."""
        if c.actors is None:
            from pactlens.resources.states import find_states

            lo = bisect.bisect_left(self._people_starts, a)
            hi = bisect.bisect_left(self._people_starts, b)
            out: list[str] = []
            for _, name in sorted(self._people[lo:hi] + [(s.start, s.iso3) for s in find_states(self.text, a, b)]):
                if name not in out:
                    out.append(name)
            c.actors = out
        return c.actors

    def agreement_of(self, c: _Clause, a: int, b: int, date: str, kind: str) -> str | None:
        """As :func:`event_clauses.agreement_of`, the agreements indexed by evidence and signing date."""
        lo = bisect.bisect_left(self._by_evidence, (a - self._longest_evidence,))
        hi = bisect.bisect_left(self._by_evidence, (b,))
        hits = [k for s, e, k in self._by_evidence[lo:hi] if e > a]
        if hits:
            return self._agreements[min(hits)].id
        if not c.agreement_word or kind not in {"signing", "ratification", "agreement"}:
            return None
        found = [self._signed_prefix.get(date)] + [self._signed_full.get(date[:n]) for n in range(1, len(date) + 1)]
        ks = [k for k in found if k is not None]
        return self._agreements[min(ks)].id if ks else None

    # -- lines and links --------------------------------------------------------------------
    def in_apparatus(self, at: int) -> bool:
        """As :func:`event_dates.in_apparatus`, once per line."""
        k = bisect.bisect_left(self._newlines, at)
        start = self._newlines[k - 1] + 1 if k > 0 else 0
        if start not in self._apparatus:
            self._apparatus[start] = ed.in_apparatus(self._lines, at)
        return self._apparatus[start]
