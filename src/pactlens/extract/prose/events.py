"""A timeline of dated happenings: signings, meetings, visits, ratifications,
agreements reached, statements.

A date alone is not an event. A written day or month date is taken when its
clause says what happened; a bare year only where the wording makes it a
time ("in 2001", "since 2019"), never where it names something ("the 2025
Treaty", "a 1970 UN survey"), sits in a URL, or lies in a footnote
definition. Entry into force and accession count as ``ratification`` (the
steps that complete an agreement); a clause with no recognisable happening
is kept as ``other`` only when its date is precise to the month or day.
"""

from __future__ import annotations

import bisect
import re

from pactlens.extract.dates import DateMention, find_dates
from pactlens.extract.prose.discourse import url_ranges, without_urls
from pactlens.extract.prose.people import Mention, find_people
from pactlens.model import Agreement, Event
from pactlens.resources.lexicon import words
from pactlens.structure.doc import Doc
from pactlens.structure.sentences import BodySentence, body_sentences

# (kind, trigger) in priority order: the first kind whose trigger is in the clause wins.
_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("ratification", re.compile(r"\b(?:ratif\w+|acce(?:ded|ssion)|entered into force|entry into force|came into (?:force|effect)|took effect)\b", re.I)),
    # "signs of regime weakness" is a noun, "signing of the treaty" is not.
    ("signing", re.compile(r"\b(?:sign(?:ed|ing)|signs?(?!\s+of\b)|done at|done in|initial(?:l)?ed)\b", re.I)),
    ("visit", re.compile(r"\b(?:visit(?:ed|s|ing)?|trip to|travel(?:l)?ed to|state visit)\b", re.I)),
    ("meeting", re.compile(r"\b(?:met|meets?|meeting|summit|talks|conference|convened|held discussions)\b", re.I)),
    # "concluded that …" is a finding, "concluded an agreement" a happening.
    ("agreement", re.compile(r"\b(?:entered into|concluded(?!\s+that\b)|agreed|reached an? (?:agreement|deal)|established"
    # "adopted a resolution", not "adopted a tougher position".
    r"|adopted(?!\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+)?(?:position|stance|approach|posture|tone|line)\b)"
    # "renewed the agreement", "was renewed in 2017"; not "renewed fighting".
    r"|renewed(?=\s+(?:the|its|their|his|her|an?|this|that|these|for|in|on|until|through)\b|\s*[.,;)]|\s*$)"
    # "launched a partnership", not "launched strikes" or "was launched" (a ship).
    r"|launched\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:initiative|partnership|dialogue|programm?e?|framework|talks|process|negotiations))\b", re.I)),
    ("statement", re.compile(r"\b(?:said|stated|announced|declared|told|wrote|warned|affirmed|emphasi[sz]ed|reiterated)\b", re.I)),
]
# A bare year is a date in these frames only.
_YEAR_BEFORE = re.compile(r"(?:\b(?:in|since|by|during|until|till|from|of|early|late|mid|throughout|before|after|around|circa|c\.)\s*-?\s*|\b(?:in|of)\s+(?:early|late|mid)-?\s*)$", re.I)
_YEAR_AFTER_NAME = re.compile(r"^\s*[-–]?\s*(?:[A-Z]\w+|[a-z]+\s+(?:census|report|survey|law|act|exposé|edition|treaty|agreement))")
# Dates of the document itself or of a reference, not of a happening.
# "Updated" may be glued to a title run together with it ("Russia's Nuclear WeaponsUpdated April 22, 2026").
_NOT_HAPPENING = re.compile(r"(?:\b|(?<=[a-z]))(?:Updated|Accessed|Retrieved|Archived|Published|Category:)", re.I)
# A line that is apparatus, not narrative: a figure or table caption, a source line,
# or a list item that is only a link (a version history, a navigation menu).
_APPARATUS_LINE = re.compile(
    r"^[\s>*_▲#-]*(?:(?:Figure|Fig\.|Table|Chart|Map|Graph|Source|Sources|Note|Photo)\s*[\d.:]"
    r"|\[[^\]\n]*\]\([^)\n]*\)\s*$)",
    re.I,
)
_AGREEMENT_WORD = re.compile(r"\b(?:treaty|agreement|pact|accord|convention|protocol|memorandum|programme|program|charter|partnership)\b", re.I)


# "the Trade Act of 1974", "the Treaty of 1920": a year that ends a name.
_YEAR_IN_NAME = re.compile(r"\b(?!(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter|[Ee]nd|[Ss]tart|[Bb]eginning)\b)[A-Z][a-z]+\s+of\s+$")


def _year_is_date(text: str, d: DateMention, sent_start: int) -> bool:
    before = text[max(sent_start, d.start - 20) : d.start]
    after = text[d.end : d.end + 30]
    if _YEAR_AFTER_NAME.match(after) or re.match(r"^\s*(?:%|-year|\s*per\s*cent)", after):
        return False
    if _YEAR_IN_NAME.search(before):
        return False
    return bool(_YEAR_BEFORE.search(before))


def _is_happening(text: str, clause: str, d: DateMention, a: int, b: int) -> bool:
    """Not a heading ("4 March 1941"), a dateline or a reference entry ("Title," Outlet, June 15, 2005)."""
    words_left = len(re.findall(r"[A-Za-z]{2,}", text[a : d.start] + " " + text[d.end : b]))
    if words_left < 2 or _NOT_HAPPENING.search(clause):
        return False
    after = without_urls(text[d.end : b])
    reference = re.search(r"[\"”]", text[a : d.start]) and not re.search(r"[A-Za-z]{3,}", after)
    return not reference


def _clause(text: str, sentences: tuple[BodySentence, ...], i: int, at: int) -> tuple[int, int]:
    """The part of the sentence between semicolons that holds ``at``; a sentence cut
    short (no closing punctuation) runs on into the next one of its paragraph."""
    s = sentences[i]
    a, b = s.span.start, s.span.end
    nxt = sentences[i + 1] if i + 1 < len(sentences) else None
    if nxt and nxt.block == s.block and not re.search(r"[.!?:;\"”’)\]]\s*$", text[a:b]):
        b = nxt.span.end
    cuts = _outside_brackets(text, a, b, ";")
    left = max((c for c in cuts if c < at), default=a - 1)
    right = min((c for c in cuts if c >= at), default=b)
    return left + 1, right


def _outside_brackets(text: str, a: int, b: int, char: str) -> list[int]:
    """Offsets of ``char`` in text[a:b] not inside brackets: "(DOD; now using …)" does not end a clause."""
    out, depth = [], 0
    for i in range(a, b):
        c = text[i]
        depth += c in "([" and 1 or (-1 if c in ")]" and depth else 0)
        if c == char and depth == 0:
            out.append(i)
    return out


# Where a clause joins another with its own verb: "…, but the MoU collapsed …",
# "…, as Iran launched missiles …", "…, and commenced its first patrol in June 1968".
# ", and" joins clauses only before a lower-case word that is not an article: ", and
# commenced its first patrol", not the list "the United Kingdom, and Bahrain".
_JOIN = re.compile(
    r",\s+(?:but|while|whereas|as|even as|although|though|after which)\s+|\s+and,\s+"
    r"|,\s+and\s+(?!(?:the|a|an|its|their|his|her|other|several|some|many)\b)(?=[a-z])"
)
# "the sixth anniversary of the agreement's entry into force (July 1, 2026)": the date is not that happening.
_ANNIVERSARY = re.compile(r"\banniversary\s+of\s+(?:\S+\s+){0,3}$", re.I)


def _part(clause: str, at: int) -> tuple[int, int]:
    """The stretch of the clause between the joins around offset ``at``."""
    lo, hi = 0, len(clause)
    for m in _JOIN.finditer(clause):
        if m.end() <= at:
            lo = m.end()
        elif m.start() >= at:
            hi = min(hi, m.start())
    return lo, hi


def _kind(clause: str, at: int) -> str:
    """The happening whose trigger word is nearest the date (``at``, offset in the
    clause), looked for only in the part of the clause that holds the date."""
    lo, hi = _part(clause, at)
    best: tuple[int, int, str] | None = None
    for rank, (kind, rx) in enumerate(_KINDS):
        for m in rx.finditer(clause, lo, hi):
            if clause[max(0, m.start() - 1) : m.start()] == "-":  # "newly-signed" describes, not happens
                continue
            if _ANNIVERSARY.search(clause, lo, m.start()):
                continue
            # The main verb usually comes before the date ("met … in 2023"); weigh words after it less.
            gap = at - m.end() if m.end() <= at else 3 * (m.start() - at)
            key = (gap, rank, kind)
            best = key if best is None or key < best else best
    return best[2] if best else "other"


def _actors(text: str, a: int, b: int, people: list[Mention]) -> list[str]:
    from pactlens.resources.states import find_states

    out: list[str] = []
    for m in sorted(
        [(p.start, p.person.name) for p in people if a <= p.start < b]
        + [(s.start, s.iso3) for s in find_states(text, a, b)]
    ):
        if m[1] not in out:
            out.append(m[1])
    return out


def _agreement(agreements: list[Agreement], clause: str, a: int, b: int, date: str, kind: str) -> str | None:
    """The agreement a clause is about: one whose evidence lies in it, or, for a
    clause about a treaty/agreement, the one signed at that date."""
    for ag in agreements:
        if any(e.start < b and e.end > a for e in ag.evidence):
            return ag.id
    if not _AGREEMENT_WORD.search(clause):
        return None
    for ag in agreements:
        signed = ag.signed.date
        if signed and (signed.startswith(date) or date.startswith(signed)) and kind in {"signing", "ratification", "agreement"}:
            return ag.id
    return None


def _summary(text: str, a: int, b: int) -> tuple[int, int]:
    """The clause ``[a, b)`` without leading spaces and commas, and without its trailing
    punctuation and footnote markers."""
    seg = text[a:b]
    lead = len(seg) - len(seg.lstrip(" ,"))
    return a + lead, a + trailing_markers(seg)


_SUPERSCRIPT_DIGITS = frozenset("¹²³⁴⁵⁶⁷⁸⁹⁰")


def trailing_markers(seg: str) -> int:
    """Where the tail of ``seg`` made of punctuation (``.;,``), spaces and then footnote
    markers (``[3]``, ``[^3]``, ``³``) and spaces begins.

    Scanned backwards, once: a pattern anchored at the end would be retried at
    every start position, quadratic on a long run of markers.
    """
    i = len(seg)
    while i > 0:  # markers and spaces, from the end
        c = seg[i - 1]
        if c.isspace() or c in _SUPERSCRIPT_DIGITS:
            i -= 1
        elif c == "]":
            j = i - 2
            while j >= 0 and seg[j].isdecimal():
                j -= 1
            if j < i - 2 and j >= 0 and seg[j] == "^":
                j -= 1
            if j == i - 2 or j < 0 or seg[j] != "[":
                break
            i = j
        else:
            break
    while i > 0 and (seg[i - 1].isspace() or seg[i - 1] in ".;,"):  # then the punctuation before them
        i -= 1
    return i


# Every written date holds a year, in figures or in words.
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)|\b(?:hundred|thousand)\b", re.I)


def _dates(text: str, sentences: tuple[BodySentence, ...]) -> list[DateMention]:
    """The date finder run only over runs of consecutive sentences that hold a year:
    most sentences of a long agreement hold none, and the date patterns are costly."""
    out: list[DateMention] = []
    run: list[int] | None = None
    for s in sentences:
        if _HAS_YEAR.search(text, s.span.start, s.span.end):
            if run and run[1] >= s.span.start - 2:
                run[1] = s.span.end
            else:
                if run:
                    out.extend(find_dates(text, run[0], run[1], years=True))
                run = [s.span.start, s.span.end]
    if run:
        out.extend(find_dates(text, run[0], run[1], years=True))
    return out


_AS_OF = re.compile(r"\b[Aa]s of\s+(?:(?:early|mid|late)-?\s*)?$")
# A happening named by a noun: "the German annexation of Austria in 1938", "a popular uprising in 2011".
_HAPPENING_NOUN = re.compile(
    r"\b(?:annexation|occupation|invasion|war|coup|revolution|uprising|elections?|ceasefire|independence|"
    r"withdrawal|capitulation|collapse|attacks?|strikes?|founding|partition|dissolution)\b",
    re.I,
)


_HAPPENING_BEFORE_YEAR = re.compile(rf"{_HAPPENING_NOUN.pattern}(?:\s+\S+){{0,4}}?\s+(?:in|of)\s+$", re.I)


def _names_happening(clause: str, at: int) -> bool:
    """Whether a happening noun stands just before the year, in the same part of the clause."""
    lo, _ = _part(clause, at)
    return bool(_HAPPENING_BEFORE_YEAR.search(clause, max(lo, at - 60), at))


# A verb in the past that narrates what happened ("work began", "was amended", "retired … in 2003").
_PAST_IRREGULAR = (
    "began|begun|took|taken|made|sent|led|won|held|became|fell|rose|came|went|gave|given|set|saw|seen|met|left|"
    "brought|sought|built|broke|broken|chose|chosen|drew|drawn|flew|grew|knew|lost|paid|ran|sold|stood|struck|"
    "swore|threw|withdrew|withdrawn|wrote|written|overthrew|underwent|upheld|bore|spoke|spent|arose|hit|cut|"
    "forgave|forgiven|froze|sank|shot|split|fought|caught|taught|told|said|found|founded"
)
_PAST = re.compile(
    rf"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!-)\b(?:[a-z]{{3,}}(?:ed|ied)|{_PAST_IRREGULAR})\b(?!-)"
)
# Participles that describe rather than narrate, and "-ed" words that are no verbs.
_NOT_PAST = {
    "based", "related", "limited", "united", "advanced", "armed", "detailed", "skilled", "concerned", "called",
    "so-called", "need", "speed", "indeed", "proceed", "exceed", "succeed", "bed", "red", "seed", "feed", "hundred",
    "interested", "involved", "estimated", "expected", "projected", "planned", "scheduled", "intended", "supposed",
    "required", "allowed", "designed", "aimed", "targeted", "forecasted", "anticipated", "proposed",
    "slated", "designated", "upgraded", "improved", "extended", "preceded", "followed",
}
# A figure in the clause: the year dates a quantity ("trade grew 16.6 percent in 2024"), not a happening.
_FIGURE = re.compile(
    r"\d[\d,.]*\s*(?:%|percent\b|per\s+cent\b|billion\b|million\b|trillion\b|bpd\b|barrels\b|tons\b|tonnes\b)"
    r"|[$€£¥]\s?\d"
)
# Verbs of saying and assessing narrate a statement, not a happening, when the date names the topic.
_FUTURE = re.compile(r"\b(?:will|would|shall|plans?\s+to|aims?\s+to|expects?\s+to|is\s+to|are\s+to|by|until)\s+$", re.I)


def _narrates(clause: str, at: int) -> bool:
    """Whether the part of the clause holding a year (at ``at``) narrates a past
    happening: a verb in the past near the year, and the year not a target or
    a deadline ("by 2030", "is to … in 2027")."""
    lo, hi = _part(clause, at)
    if _FUTURE.search(clause, max(lo, at - 12), at) or _FIGURE.search(clause, lo, hi):
        return False
    for m in _PAST.finditer(clause, max(lo, at - 90), min(hi, at + 90)):
        if m.group(0) not in _NOT_PAST:
            return True
    return False


_MONTH_NUMBER = {m.lower(): i for i, m in enumerate(words("months"), 1)}
_MONTH_WORD = "|".join(m.capitalize() for m in _MONTH_NUMBER)
# "on April 7", "June 7-8", "on 4 March": a day with no year written after it.
_YEARLESS = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_WORD})\s+(?P<d1>[0-3]?\d)(?:\s*[-–]\s*[0-3]?\d)?|(?P<d2>[0-3]?\d)\s+(?P<m2>{_MONTH_WORD}))"
    # The first end of a range whose other end, in another month, carries the year
    # ("November 22–December 19, 2022", "from December 3 to December 5, 2025"): that year.
    rf"(?:\s*(?:[-–]|and|to|&)\s*(?:{_MONTH_WORD})\s+[0-3]?\d,?\s*(?P<ry>(?:1[5-9]|20)\d\d)\b)?"
    r"(?!(?:\s*(?:[-–]|and|to|&)\s*[0-3]?\d)?,?\s*(?:1[5-9]|20)\d\d)(?![\d\w])"
)


def _yearless(text: str, sentences: tuple[BodySentence, ...], dates: list[DateMention]) -> list[DateMention]:
    """Days written without a year ("On April 7, the United States and Iran agreed …"),
    as reports on the current year write them. The year is that of the latest date
    before them ("in 2026", "June 2025"); with none before, the day is left out."""
    import datetime

    known = sorted((d for d in dates if d.precision in {"day", "month"} or _year_is_date(text, d, d.start - 20)),
                   key=lambda d: d.start)
    starts = [d.start for d in known]
    taken = sorted((d.start, d.end) for d in dates)  # the dates do not overlap: ends are sorted too
    taken_ends = [e for _, e in taken]
    out: list[DateMention] = []
    for s in sentences:
        for m in _YEARLESS.finditer(text, s.span.start, s.span.end):
            first_end = m.end("d1") if m.group("d1") else m.end("m2")
            j = bisect.bisect_right(taken_ends, m.start())  # the first date ending after the match starts
            if j < len(taken) and taken[j][0] < first_end:
                continue
            i = bisect.bisect_left(starts, m.start()) - 1
            if i < 0 and not m.group("ry"):
                continue
            year = int(m.group("ry") or known[i].iso[:4])
            month = _MONTH_NUMBER[(m.group("m1") or m.group("m2")).lower()]
            day = int(m.group("d1") or m.group("d2"))
            try:
                iso = datetime.date(year, month, day).isoformat()
            except ValueError:
                continue
            out.append(DateMention(m.start(), first_end, iso, "day"))
    return out


def _in_apparatus(text: str, at: int) -> bool:
    """Whether the line holding ``at`` is a caption, a source line or a bare link list item."""
    a = text.rfind("\n", 0, at) + 1
    b = text.find("\n", at)
    return _APPARATUS_LINE.match(text[a : len(text) if b < 0 else b]) is not None


def find_events(doc: Doc, agreements: list[Agreement]) -> list[Event]:
    """Dated happenings in running text, in text order, duplicates of a more precise one dropped."""
    text = doc.text
    sentences = body_sentences(doc)
    people = find_people(doc, [(s.span.start, s.span.end) for s in sentences])
    events: list[Event] = []
    if not sentences:
        return []
    dates = _dates(text, sentences)
    dates = sorted(dates + _yearless(text, sentences, dates), key=lambda d: d.start)
    starts = [s.span.start for s in sentences]
    by_sentence: dict[int, list[DateMention]] = {}
    for d in dates:
        i = bisect.bisect_right(starts, d.start) - 1
        if i >= 0 and d.end <= sentences[i].span.end:
            by_sentence.setdefault(i, []).append(d)
    for i, found in sorted(by_sentence.items()):
        s = sentences[i]
        urls = url_ranges(text, s.span.start, s.span.end)
        for d in found:
            if any(u <= d.start < v for u, v in urls) or _in_apparatus(text, d.start):
                continue
            if d.precision == "year" and not _year_is_date(text, d, s.span.start):
                continue
            a, b = _summary(text, *_clause(text, sentences, i, d.start))
            clause = text[a:b]
            if not _is_happening(text, clause, d, a, b):
                continue
            kind = _kind(clause, d.start - a)
            if kind == "other" and d.precision == "year" and not (
                _names_happening(clause, d.start - a) or _narrates(clause, d.start - a)
            ):
                continue
            if kind == "other" and _AS_OF.search(text, max(a, d.start - 12), d.start):
                continue  # "18 killed … as of September 15, 2026": when a figure held, not a happening
            events.append(
                Event(
                    date=d.iso,
                    precision=d.precision,
                    kind=kind,
                    summary=clause,
                    actors=_actors(text, a, b, people),
                    agreement=_agreement(agreements, clause, a, b, d.iso, kind),
                    evidence=[doc.evidence(d.start, d.end), doc.evidence(a, b)],
                )
            )
    return _dedupe(events)


def _dedupe(events: list[Event]) -> list[Event]:
    """Drop a year-only (or month-only) event that repeats a more precise one of the same
    kind and agreement (and, with no agreement, a shared actor).

    The more precise events are indexed by kind, agreement and each shorter date
    they start with, with the union of their actors: one look-up per event.
    """
    precise: dict[tuple[str, str | None, str], set[str]] = {}
    for o in events:
        for cut in (4, 7):
            if len(o.date) > cut:
                precise.setdefault((o.kind, o.agreement, o.date[:cut]), set()).update(o.actors)
    out = []
    for e in events:
        actors = precise.get((e.kind, e.agreement, e.date)) if e.precision != "day" else None
        if actors is not None and (e.agreement or not e.actors or actors & set(e.actors)):
            continue
        out.append(e)
    return out
