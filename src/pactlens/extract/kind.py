"""Tell an agreement's own text from writing about agreements.

An agreement speaks in the first person of its parties and in the future
tense of obligation ("The Contracting Parties shall..."), is cut into
articles, and ends with a signing formula ("IN WITNESS WHEREOF", "Done at").
Writing *about* agreements reports in the third person and the past tense
("signed", "said", "the Treaty comprises"), quotes people and cites sources.
News differs from a brief only by form: a dateline or byline, shortness, no
footnotes.

A government's own release (a joint statement or declaration, a fact sheet, a
readout, published on its press pages) is neither: the government speaks, no
reporter reports, and without articles it is no agreement's text even when the
leaders "declare" and sign it. It is ``other``, read as prose (people,
organizations, quotes), whatever the treaty and brief scores say. The framing
is what tells it: the page's address or tags (front matter ``source_url``,
``tags``) or its head ("FOR IMMEDIATE RELEASE", "Office of the Spokesperson").

No single keyword decides: each signal is counted, scaled by the length of
the text where it is a rate, capped so that one very repetitive signal cannot
outvote the rest, and summed with weights into a score per kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from pactlens.structure.scan import literal_trie, matches_at, starts_in
from pactlens.resources.lexicon import alternation, phrases, words
from pactlens.structure.doc import Doc
from pactlens.regexes import compile as compile_cached, lazy_re

_I = re.IGNORECASE | re.MULTILINE

#: Formulas that only an agreement's own text uses of itself.
_INSTRUMENT = lazy_re(
    r"\b(?:high\s+contracting\s+parties|contracting\s+(?:parties|party|states|governments)"
    r"|have\s+agreed\s+(?:as\s+follows|upon|on\s+the\s+following)|agree\s+as\s+follows"
    r"|in\s+(?:witness|faith)\s+whereof|done\s+(?:in\s+\w+\s+)?at\b|done\s+in\s+(?:duplicate|triplicate)"
    r"|here(?:in)?after\s+(?:referred\s+to|called)|plenipotentiar(?:y|ies)"
    r"|(?:this|the\s+present)\s+(?:agreement|treaty|convention|protocol|memorandum|charter|declaration)"
    r"|shall\s+(?:enter|come)\s+into\s+force|duly\s+authori[sz]ed)",
    _I,
)
#: "Article 5" at a line start or after a sentence, or "article 2." anywhere (GGO texts lost their lines).
_ARTICLE_HEAD = lazy_re(
    r"(?:^\s*(?:article|art\.)\s*(?:\d+|[IVXLC]+)\b|\b(?:article|art\.)\s*(?:\d+|[IVXLC]+)\s*[.:\u2013-](?!\d))", _I
)
#: Where an ``_ARTICLE_HEAD`` can begin, besides the text's start: "art" of "Article", "ART.".
_ART_OPENING = lazy_re("art")
_NUMBER = lazy_re(r"(?:\d+|[IVXLC]+)\b", re.IGNORECASE)
#: The text opens with its own title: "AGREEMENT BETWEEN...", "Trade Agreement between...".
_OPENING_TITLE = lazy_re(
    r"\A\W*(?:MainText:\s*)?(?:[\w'\u2019-]+\s+){0,6}?(?:agreement|treaty|convention|protocol|memorandum|declaration"
    r"|charter|exchange\s+of\s+(?:letters|notes)|regulations|constitution|statute|pact|accord)\b"
    r"(?!(?:\W+\w+){0,12}?\W+(?:is|was|are|were|has|had|entered|became|began|outlines)\b)",
    re.IGNORECASE,
)
_SIGNATURE = lazy_re(r"\bFor\s+(?:the\s+)?(?:Government|Republic|Kingdom|President|State|Union)\s+of\b", re.IGNORECASE)
_SHALL = lazy_re(r"\bshall\b", re.IGNORECASE)
_SHALL_OPENING = lazy_re("shall")
_FOR = lazy_re("for")  # where a _SIGNATURE begins
_WORD = lazy_re(r"\w+")
#: A government press page: its address or tags, or the release's own head lines.
_RELEASE = lazy_re(
    r"briefing-room|briefings?-statements|statements?-releases|press-releases?|/statements?/|/readouts?/|fact-sheets?/"
    r"|media-notes?|for\s+immediate\s+release|office\s+of\s+the\s+(?:spokesperson|press\s+secretary)",
    re.IGNORECASE,
)

#: Third-person reporting about an agreement or what people said of it.
_REPORTING = lazy_re(
    rf"\b(?:{phrases('reporting_verbs')}|was\s+signed|were\s+signed|signed\s+(?:a|an|the)\b"
    r"|(?:treaty|agreement|pact|accord)\s+(?:comprises|contains|includes|provides\s+for|aims|seeks|was|has\s+been))",
    re.IGNORECASE,
)
#: Where a _REPORTING match begins, lowercased.
_REPORTING_OPENING = lazy_re(literal_trie(
    [w.split()[0].lower() for w in words("reporting_verbs")]
    + ["was", "were", "signed", "treaty", "agreement", "pact", "accord"]))
#: A quotation: opening mark before a word, closing mark after one (so the gap
#: between two quoted defined terms, '"quota" means ... "', is not one).
_QUOTE = lazy_re(r"(?<!\w)[\"\u201c](?=\w)[^\"\u201c\u201d\n]{12,400}(?<=[\w.,!?])[\"\u201d]")
_QUOTE_OPENING = lazy_re("[\"\u201c]")
_MARKER = lazy_re(r"\[\d{1,3}\]|\[\^\d{1,3}\]|<sup>|[\u00b9\u00b2\u00b3\u2070-\u2079]")
_URL = lazy_re(r"https?://")
#: "MOSCOW, Jan 17 (Reuters) -", "WASHINGTON (AP) —", "By Jane Doe".
_NEWS_AGENCY = lazy_re(r"\((?:Reuters|AP|AFP|TASS|IRNA|Xinhua|dpa)\)")
_DATELINE = lazy_re(
    r"^\s*(?:[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][\w .]{1,20})?\s*(?:\([A-Za-z .]{2,20}\)\s*)?[-\u2013\u2014]\s"
    r"|by\s+[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+\b)",
    re.MULTILINE,
)

#: News dates what happened by the day of the week ("said on Tuesday", "Monday night"):
#: it is written for readers of the same week. Reports and articles give dates.
_DAYS = alternation("weekdays")
_DAY_NAMES = words("weekdays")  # every _WEEKDAY match holds one, as written
_WEEKDAY = lazy_re(
    rf"\b(?:(?:on|last|this|next|late|early)\s+(?:{_DAYS})"
    rf"|(?:{_DAYS})\s+(?:morning|afternoon|evening|night))\b"
)


@dataclass(frozen=True)
class KindScores:
    """The evidence for each kind; kept so that reports and tests can show why."""

    treaty: float  # the text is an agreement
    brief: float  # the text writes about agreements
    news: float  # ...in the form of news (dateline, shortness, days of the week), not of a report
    words: int
    reference: bool = False  # an encyclopedia article: its lead names its subject in bold or capitals
    release: bool = False  # a government's own press release with no articles: a statement, a fact sheet

    @property
    def kind(self) -> str:
        if self.release or max(self.treaty, self.brief) < 1.0:
            return "other"
        if self.treaty >= self.brief:
            return "treaty"
        if self.reference:
            return "other"
        return "news" if self.news >= 2.0 else "brief"


@lru_cache(maxsize=None)
def _folded_pattern(rx: re.Pattern[str]) -> re.Pattern[str]:
    return compile_cached(rx.pattern, rx.flags & ~re.IGNORECASE)


def _count(rx: re.Pattern[str], folded: str, opening: re.Pattern[str] | None = None) -> int:
    """Matches of a lowercase-literal, case-insensitive pattern in text already lowercased; with
    ``opening`` (the words its matches begin with) tried only there (see structure/scan.py)."""
    if opening is None:
        return len(_folded_pattern(rx).findall(folded))  # the matches counted in C, not a generator step each
    return _hits(_folded_pattern(rx), folded, opening)


def _hits(rx: re.Pattern[str], text: str, opening: re.Pattern[str]) -> int:
    return sum(1 for _ in matches_at(rx, text, (m.start() for m in opening.finditer(text))))


def _rate(count: int, words: int, per: int = 1000) -> float:
    return count * per / max(words, 200)


def _distinct_articles(text: str) -> int:
    """How many different article numbers head a passage (a brief citing Article 34 often counts once)."""
    return len({_NUMBER.search(m.group(0)[m.group(0).lower().rfind("art") + 3 :]).group(0).upper()
                for m in matches_at(_ARTICLE_HEAD, text, chain([0], starts_in(_ART_OPENING, text)))})


def score(doc: Doc) -> KindScores:
    """Score a document's text as an agreement, a brief and a news item."""
    text = doc.text
    words = len(_WORD.findall(text))
    head = text[:400]

    folded = text.lower()  # counted case-sensitively on folded text: same counts, half the time of re.I
    instrument = _count(_INSTRUMENT, folded)
    articles = max(len(doc.articles), _distinct_articles(text))
    shall = _count(_SHALL, folded, _SHALL_OPENING)
    reporting = _count(_REPORTING, folded, _REPORTING_OPENING)
    quotes = _hits(_QUOTE, text, _QUOTE_OPENING)
    markers = max(len(doc.markers) + len(doc.footnotes), len(_MARKER.findall(text)))
    urls = len(_URL.findall(text))
    final = bool(doc.final_clause) or bool(re.search(r"in\s+(?:witness|faith)\s+whereof|\bdone\s+(?:\w+\s+){0,3}at\b", text[-4000:], _I))

    treaty = (
        min(_rate(instrument, words, 1000), 6.0) * 0.5
        + min(articles, 10) * 0.3
        + min(_rate(shall, words, 1000), 20.0) * 0.15
        + (1.5 if final else 0.0)
        + (1.0 if doc.preamble is not None else 0.0)
        + (1.0 if _OPENING_TITLE.search(head) else 0.0)
        + (1.0 if next(matches_at(_SIGNATURE, text, starts_in(_FOR, text, low=folded)), None) else 0.0)
    )
    about = (
        min(_rate(reporting, words, 1000), 10.0) * 0.5
        + min(_rate(quotes, words, 1000), 5.0) * 0.5
        + min(markers, 10) * 0.25
        + min(urls, 10) * 0.15
    )
    from pactlens.extract.metadata import dateline, lead_name

    # "TOKYO, April 6, 2014 – ": a dated dateline after the headline and byline
    dateline = bool(_DATELINE.search(head)) or bool(_NEWS_AGENCY.search(head)) or dateline(text) is not None
    weekdays = len(_WEEKDAY.findall(text)) if any(d in text for d in _DAY_NAMES) else 0
    news_form = (
        (2.5 if dateline else 0.0) + (1.0 if words < 1200 else 0.0) + min(weekdays, 3) * 0.75
        - min(markers, 10) * 0.3 - min(urls, 10) * 0.1
    )
    return KindScores(treaty=round(treaty, 2), brief=round(about, 2), news=round(news_form, 2), words=words,
                      reference=lead_name(doc) is not None and doc.title is None,
                      release=_released(doc) and len([a for a in doc.articles if a.label[:1].isalpha()]) < 2)


def _released(doc: Doc) -> bool:
    """The document is a page of a government's press office: its address, its tags or its head say so."""
    if doc.front_matter is not None:
        from pactlens.structure.front import front_matter_fields

        fields = front_matter_fields(doc.text, doc.front_matter)
        if any(_RELEASE.search(fields[k][0]) for k in ("source_url", "url", "tags", "categories", "section") if k in fields):
            return True
    head_start = doc.front_matter.end if doc.front_matter is not None else 0
    return bool(_RELEASE.search(doc.text, head_start, head_start + 300))


def classify(doc: Doc) -> str:
    """Return "treaty", "brief", "news" or "other"; kept on the Doc, where the language-analysis
    stage reads it (only a treaty's operative text is left unparsed)."""
    from pactlens.structure.nlp import KIND

    return doc.once(KIND, lambda: score(doc).kind)
