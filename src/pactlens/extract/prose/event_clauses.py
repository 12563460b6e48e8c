"""The words that say what a dated clause tells: where a clause breaks (semicolons outside
brackets, clause joins), the trigger words of each kind of happening (the nearest to the date
wins), happening nouns, verbs that narrate the past, figures, targets; and the clause summary.
:class:`pactlens.extract.prose.event_index.EventIndex` asks them once per clause.
"""

from __future__ import annotations

import re

from pactlens.resources.lexicon import alternation, phrases
from pactlens.regexes import lazy_re

# (kind, trigger) in priority order: the first kind whose trigger is in the clause wins.
KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("ratification", lazy_re(r"\b(?:ratif\w+|acce(?:ded|ssion)|entered into force|entry into force|came into (?:force|effect)|took effect)\b", re.I)),
    # "signs of regime weakness" is a noun, "signing of the treaty" is not.
    ("signing", lazy_re(r"\b(?:sign(?:ed|ing)|signs?(?!\s+of\b)|done at|done in|initial(?:l)?ed)\b", re.I)),
    ("visit", lazy_re(r"\b(?:visit(?:ed|s|ing)?|trip to|travel(?:l)?ed to|state visit)\b", re.I)),
    ("meeting", lazy_re(r"\b(?:met|meets?|meeting|summit|talks|conference|convened|held discussions)\b", re.I)),
    # "concluded that …" is a finding, "concluded an agreement" a happening.
    ("agreement", lazy_re(r"\b(?:entered into|concluded(?!\s+that\b)|agreed|reached an? (?:agreement|deal)|established"
    # "adopted a resolution", not "adopted a tougher position".
    r"|adopted(?!\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+)?(?:position|stance|approach|posture|tone|line)\b)"
    # "renewed the agreement", "was renewed in 2017"; not "renewed fighting".
    r"|renewed(?=\s+(?:the|its|their|his|her|an?|this|that|these|for|in|on|until|through)\b|\s*[.,;)]|\s*$)"
    # "launched a partnership", not "launched strikes" or "was launched" (a ship).
    r"|launched\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:initiative|partnership|dialogue|programm?e?|framework|talks|process|negotiations))\b", re.I)),
    # The past forms of speech verbs that tell a statement was made (lexicon/statement_verbs.txt).
    ("statement", lazy_re(rf"\b(?:{alternation('statement_verbs')})\b", re.I)),
]
AGREEMENT_WORD = lazy_re(rf"\b(?:{phrases('agreement_nouns')}|programme|program|partnership)\b", re.I)


def outside_brackets(text: str, a: int, b: int, char: str) -> list[int]:
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
JOIN = lazy_re(
    r",\s+(?:but|while|whereas|as|even as|although|though|after which)\s+|\s+and,\s+"
    r"|,\s+and\s+(?!(?:the|a|an|its|their|his|her|other|several|some|many)\b)(?=[a-z])"
)
# "the sixth anniversary of the agreement's entry into force (July 1, 2026)": the date is not that happening.
ANNIVERSARY = lazy_re(r"\banniversary\s+of\s+(?:\S+\s+){0,3}$", re.I)


def clause_part(clause: str, at: int) -> tuple[int, int]:
    """The stretch of the clause between the joins around offset ``at``."""
    lo, hi = 0, len(clause)
    for m in JOIN.finditer(clause):
        if m.end() <= at:
            lo = m.end()
        elif m.start() >= at:
            hi = min(hi, m.start())
    return lo, hi


def event_kind(clause: str, at: int) -> str:
    """The happening whose trigger word is nearest the date (``at``, offset in the
    clause), looked for only in the part of the clause that holds the date."""
    lo, hi = clause_part(clause, at)
    best: tuple[int, int, str] | None = None
    for rank, (kind, rx) in enumerate(KINDS):
        for m in rx.finditer(clause, lo, hi):
            if clause[max(0, m.start() - 1) : m.start()] == "-":  # "newly-signed" describes, not happens
                continue
            if ANNIVERSARY.search(clause, lo, m.start()):
                continue
            # The main verb usually comes before the date ("met … in 2023"); weigh words after it less.
            gap = at - m.end() if m.end() <= at else 3 * (m.start() - at)
            key = (gap, rank, kind)
            best = key if best is None or key < best else best
    return best[2] if best else "other"


def summary_span(text: str, a: int, b: int) -> tuple[int, int]:
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


AS_OF = lazy_re(r"\b[Aa]s of\s+(?:(?:early|mid|late)-?\s*)?(?:(?:spring|summer|autumn|fall|winter)\s+)?$", re.I)
# A happening named by a noun: "the German annexation of Austria in 1938", "a popular uprising in 2011".
HAPPENING_NOUN = (
    r"(?:annexation|occupation|invasion|war|coup|revolution|uprising|elections?|ceasefire|independence|"
    r"withdrawal|capitulation|collapse|attacks?|strikes?|founding|partition|dissolution)"
)


HAPPENING_BEFORE_YEAR = lazy_re(rf"\b{HAPPENING_NOUN}\b(?:\s+\S+){{0,4}}?\s+(?:in|of)\s+$", re.I)


# A verb in the past that narrates what happened ("work began", "was amended", "retired … in 2003").
_PAST_IRREGULAR = (
    "began|begun|took|taken|made|sent|led|won|held|became|fell|rose|came|went|gave|given|set|saw|seen|met|left|"
    "brought|sought|built|broke|broken|chose|chosen|drew|drawn|flew|grew|knew|lost|paid|ran|sold|stood|struck|"
    "swore|threw|withdrew|withdrawn|wrote|written|overthrew|underwent|upheld|bore|spoke|spent|arose|hit|cut|"
    "forgave|forgiven|froze|sank|shot|split|fought|caught|taught|told|said|found|founded"
)
PAST = lazy_re(
    rf"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!-)\b(?:[a-z]{{3,}}(?:ed|ied)|{_PAST_IRREGULAR})\b(?!-)"
)
# Participles that describe rather than narrate, and "-ed" words that are no verbs.
NOT_PAST = {
    "based", "related", "limited", "united", "advanced", "armed", "detailed", "skilled", "concerned", "called",
    "so-called", "need", "speed", "indeed", "proceed", "exceed", "succeed", "bed", "red", "seed", "feed", "hundred",
    "interested", "involved", "estimated", "expected", "projected", "planned", "scheduled", "intended", "supposed",
    "required", "allowed", "designed", "aimed", "targeted", "forecasted", "anticipated", "proposed",
    "slated", "designated", "upgraded", "improved", "extended", "preceded", "followed",
}
# A quantity changing is no happening ("trade grew only slightly in 2024", "investment increased in
# 2020"); someone changing one is ("the Administration increased tariffs on China"): the verb counts
# only with an object after it.
QUANTITY_VERBS = {
    "grew", "rose", "fell", "increased", "decreased", "declined", "dropped", "surged", "doubled", "tripled",
    "jumped", "plunged", "shrank", "climbed", "soared", "slowed", "contracted",
}
_NO_OBJECT = lazy_re(
    r"\s+(?:\w+ly\b|by\b|to\b|in\b|from\b|on\b|over\b|during\b|since\b|after\b|before\b|until\b|again\b|further\b|\d|[.,;:)]|$)"
)


#: Words of :data:`NOT_PAST` that are verbs when an object follows: "President Truman proposed a
#: military assistance program", "called for talks" (but "the proposed treaty", "a planned visit").
_VERB_BEFORE_OBJECT = {"proposed", "called", "planned"}
_OBJECT = lazy_re(r"\s+(?:an?|the|that|its|their|his|her|for)\b")


def narrating(word: re.Match[str], text: str) -> bool:
    """Whether a past verb found by :data:`PAST` narrates a happening (see :data:`QUANTITY_VERBS`)."""
    w = word.group(0)
    if w in NOT_PAST:
        return w in _VERB_BEFORE_OBJECT and _OBJECT.match(text, word.end()) is not None
    return w not in QUANTITY_VERBS or _NO_OBJECT.match(text, word.end()) is None
# A figure in the clause: the year dates a quantity ("trade grew 16.6 percent in 2024"), not a happening.
FIGURE = lazy_re(
    r"\d[\d,.]*\s*(?:%|percent\b|per\s+cent\b|billion\b|million\b|trillion\b|bpd\b|barrels\b|tons\b|tonnes\b)"
    r"|[$€£¥]\s?\d"
)
# A target just before the year ("is to … in 2027"), or the end of a state of affairs ("until 2002,
# heads of state were referred to as …"). "by" is a deadline only in a clause that tells of the
# future (``events._BY``): "By 1968, as Britain reduced its military presence" narrates.
FUTURE = lazy_re(r"\b(?:will|would|shall|plans?\s+to|aims?\s+to|expects?\s+to|is\s+to|are\s+to|until)\s+$", re.I)


