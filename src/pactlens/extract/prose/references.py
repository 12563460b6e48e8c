"""Parse one footnote or endnote into the source it cites.

No reference parser on PyPI reads news-style notes offline (refextract and
its kin target scholarly bibliographies), so this is a small set of careful
rules over the shapes real notes take:

- Chicago/news: ``"Title," Outlet, Month D, YYYY, URL`` (outlet may be in
  ``*italics*``), including a damaged form with the opening quote lost:
  ``Russia, Iran Sign … in Moscow." AP News, …``;
- author first: ``Author, "Title," Outlet, date`` and publisher first:
  ``Reuters, "Title," date`` (no outlet after the title);
- APA-like: ``Author (YYYY). Title. Outlet. URL``;
- CRS cross-references: ``CRS Report R45281, Title, by …``;
- ``Ibid.`` (the previous note's source) and bare URLs.

A note that cites several sources (``…; …``) is read for its first one.
Everything is found as a span of the note, so callers can point at it; what
cannot be told is left as None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pactlens.extract.dates import DateMention, find_dates
from pactlens.extract.urls import UrlMention, find_urls
from pactlens.resources.lexicon import words
from pactlens.structure.spans import lstrip, rstrip

_OPEN_Q = "\"“"
_CLOSE_Q = "\"”"
_IBID = re.compile(r"\s*(?:ibid|ibidem|id)\b\.?", re.IGNORECASE)
_CRS = re.compile(r"\bCRS\s+(?:Report|Insight|In\s+Focus|In\s+Brief|Legal\s+Sidebar)\s+[A-Z]{0,3}[\d-]+,?\s*", re.IGNORECASE)
_APA_YEAR = re.compile(r"\((?P<y>(?:1[6-9]|20)\d\d)(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?[a-z]?\)\.?")
_ITALIC = re.compile(r"(?<![\w*_])([*_])(?P<t>[^*_\n]{2,120}?)\1(?![\w*_])")
#: "Jan", "January", "Sept." followed by a day: each month by its first three letters.
_MONTH3 = "|".join(m[:3] for m in words("months"))
_MONTH_START = re.compile(rf"(?:{_MONTH3})[a-z]*\.?\s+\d", re.IGNORECASE)
_HANDLE = re.compile(r"\(@\w+\)")
# What a note calls its medium rather than its outlet ("…," video, May 2).
_MEDIUM = re.compile(
    r"^(?:video|audio|podcast|post|tweet|press release|transcript|statement|speech|remarks|"
    r"fact sheet|report|letter|interview|op-ed|blog|news release|web page|website)$",
    re.IGNORECASE,
)
_LEAD_IN_ANYWHERE = re.compile(r"\b(?:see|cited in|quoted in)\b,?", re.IGNORECASE)
_BIB_ABBREV = re.compile(r"^(?:vol|no|nos|pp?|eds?|ch|sec|art|para)\.?(?:\s|$)", re.IGNORECASE)
_MEDIUM_SUFFIX = re.compile(r"\s+(?:post|tweet|video|blog|website)$")  # lower case: "Truth Social post", not "Washington Post"
_LEAD_IN = re.compile(r"^(?:see(?:,? (?:for example|e\.g\.))?,?|for (?:more|details)(?:,? see)?|cited in|quoted in|as reported (?:by|in))\s+",
                      re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Piece:
    """A span of the note with its cleaned value."""

    start: int
    end: int
    value: str


@dataclass
class Reference:
    """What one note says about its source; spans are offsets into the full text."""

    start: int
    end: int
    title: Piece | None = None
    outlet: Piece | None = None
    author: Piece | None = None
    date: DateMention | None = None
    url: UrlMention | None = None
    urls: list[UrlMention] = field(default_factory=list)
    ibid: bool = False
    quotes_balanced: bool = True
    style: str = "unknown"  # chicago | apa | crs | url | ibid | empty | note

    @property
    def empty(self) -> bool:
        return self.style == "empty"


def parse_reference(text: str, start: int, end: int) -> Reference:
    """Read the note ``text[start:end]`` (its body, without the marker)."""
    start = lstrip(text, start, end)
    end = rstrip(text, start, end)
    ref = Reference(start, end)
    if start == end:
        ref.style = "empty"
        return ref
    ref.urls = find_urls(text, start, end)
    ref.url = ref.urls[0] if ref.urls else None
    ref.quotes_balanced = _balanced(text[start:end])
    if _IBID.match(text, start, end):
        ref.ibid, ref.style = True, "ibid"
        return ref
    first_end = _first_source_end(text, start, end)
    masked = _mask(text, ref.urls)
    ref.date = _first_date(masked, start, first_end)
    if ref.url and _covers(text, start, end, ref.urls):
        ref.style = "url"
        return ref
    for reader in (_read_crs, _read_quoted, _read_apa, _read_unquoted):
        if reader(text, masked, start, first_end, ref):
            break
    if ref.date is None and ref.title is not None:
        ref.date = _year_segment(masked, start, first_end, ref)
    return ref


# --- helpers -------------------------------------------------------------------
def _balanced(s: str) -> bool:
    straight = s.count('"')
    curly_ok = s.count("“") == s.count("”")
    return straight % 2 == 0 and curly_ok


def _covers(text: str, start: int, end: int, urls: list[UrlMention]) -> bool:
    """True when the note is nothing but URLs (and punctuation)."""
    rest = text[start:end]
    for u in reversed(urls):
        rest = rest[: u.start - start] + rest[u.end - start :]
    return not re.sub(r"[\s.,;:()\[\]<>-]", "", rest)


def _mask(text: str, urls: list[UrlMention]) -> str:
    """The text with URLs blanked out (same length), so no year in a URL is read as a date."""
    if not urls:
        return text
    # Slices joined (a copy in C) rather than a list of every character: called once per
    # note, a per-character copy of the whole text made long reference lists quadratic.
    parts, at = [], 0
    for u in sorted(urls, key=lambda u: u.start):
        if u.end <= at:
            continue
        a = max(u.start, at)
        parts += [text[at:a], " " * (u.end - a)]
        at = u.end
    parts.append(text[at:])
    return "".join(parts)


def _first_source_end(text: str, start: int, end: int) -> int:
    """Where the first of several sources ends: at a ``;`` outside quotes."""
    inside = False
    for i in range(start, end):
        c = text[i]
        if c in "“”":
            inside = c == "“"
        elif c == '"':
            inside = not inside
        elif c == ";" and not inside:
            return i
    return end


_DAY_RANGE = re.compile(
    rf"\b(?P<m>(?:{_MONTH3})[a-z]*\.?)\s+(?P<d>\d{{1,2}})\s*(?:and|-|–|to)\s*\d{{1,2}},?\s+"
    r"(?P<y>(?:1[6-9]|20)\d\d)\b"
)


def _first_date(masked: str, start: int, end: int) -> DateMention | None:
    """The first written date; a day range ("December 16 and 17, 2025") gives its first day."""
    dates = find_dates(masked, start, end)
    r = _DAY_RANGE.search(masked, start, end)
    if r and (not dates or r.start() < dates[0].start):
        phrase = f"{r.group('m')} {r.group('d')}, {r.group('y')}"
        first = find_dates(phrase)
        if first:
            return DateMention(r.start(), r.end(), first[0].iso, first[0].precision)
    return dates[0] if dates else None


_YEAR_SEGMENT = re.compile(r",[\"”]?\s*(?P<y>(?:1[6-9]|20)\d\d)\s*(?=[.;)]|$)")


def _year_segment(masked: str, start: int, end: int, ref: Reference) -> DateMention | None:
    """A year standing as a note's last element (`"Title," 2025.`): its date."""
    after = ref.title.end if ref.title else start
    m = _YEAR_SEGMENT.search(masked, after, end)
    if m is None or any(d.start <= m.start("y") < d.end for d in find_dates(masked, after, end)):
        return None  # no year alone, or only the year of a full date
    return DateMention(m.start("y"), m.end("y"), m.group("y"), "year")


def _piece(text: str, a: int, b: int, strip: str = " \t\n,.;:") -> Piece | None:
    while a < b and (text[a] in strip or text[a] in "*_"):
        a += 1
    while b > a and (text[b - 1] in strip or text[b - 1] in "*_"):
        b -= 1
    if b - a < 2:
        return None
    return Piece(a, b, re.sub(r"\s+", " ", text[a:b]))


def _segment_after(text: str, masked: str, a: int, end: int, ref: Reference) -> Piece | None:
    """The first comma/period-delimited segment at ``a`` (an outlet candidate):
    stops at a date, a URL or the end of the first source."""
    stop = end
    if ref.date and ref.date.start >= a:
        stop = min(stop, ref.date.start)
    for u in ref.urls:
        if u.start >= a:
            stop = min(stop, u.start)
    a = _skip(text, a, stop)
    m = _ITALIC.match(text, a, stop)
    if m:
        return _piece(text, m.start("t"), m.end("t"))
    seg_end = a
    while seg_end < stop:
        c = text[seg_end]
        if c == "," or (c == "." and _sentence_period(text, seg_end)) or c in "(\n":
            break
        seg_end += 1
    p = _piece(text, a, seg_end)
    if p is None:
        return None
    if re.search(r"#\s*\d", p.value) and seg_end < stop:
        # A series and number ("PolicyWatch #4266"): the publisher follows it.
        return _segment_after(text, masked, seg_end + 1, end, ref)
    value = _MEDIUM_SUFFIX.sub("", p.value)
    if _BIB_ABBREV.match(value) or _MEDIUM.match(value) or _LEAD_IN.match(value + " ") or not value[:1].isupper() or value.isdigit() or _MONTH_START.match(value):
        return None
    if len(value.split()) > 8:
        return None
    return Piece(p.start, p.start + len(value), value) if value != p.value else p


def _skip(text: str, a: int, stop: int) -> int:
    while a < stop and text[a] in " \t,.;:":
        a += 1
    return a


def _sentence_period(text: str, i: int) -> bool:
    """A period that ends a segment rather than an abbreviation (U.S., Inc., J.)."""
    before = text[max(0, i - 4) : i]
    if re.search(r"(?:\b[A-Z]|\b[A-Z]\.[A-Z]|\bInc|\bLtd|\bCo|\bNo|\bSt|\bJr|\bSr|\bvs|\bet al)$", before):
        return False
    return i + 1 >= len(text) or text[i + 1] in " \n\t*_\"”"


# --- readers (each returns True when it recognized the note) ---------------------
def _read_crs(text: str, masked: str, start: int, end: int, ref: Reference) -> bool:
    m = _CRS.search(text, start, end)
    if not m or m.start() - start > 30:
        return False
    ref.style = "crs"
    ref.outlet = Piece(m.start(), m.start() + 3, "CRS")
    title_end = end
    by = re.search(r",\s*(?:by|coordinated by)\s", text[m.end() : end])
    if by:
        title_end = m.end() + by.start()
    ref.title = _piece(text, m.end(), title_end)
    return True


def _quoted_title(text: str, start: int, end: int, stop: int) -> tuple[int, int, int] | None:
    """(title start, title end, index after the closing quote) of the first
    quoted title, or of a title whose opening or closing quote was lost
    (then the title runs to ``stop``, the date or URL that follows it)."""
    i = start
    while i < end:
        c = text[i]
        opens = (i == start or text[i - 1].isspace() or text[i - 1] in "([*_") and i + 1 < end and not text[i + 1].isspace()
        if c in _OPEN_Q and (c == "“" or opens):
            close = _closing_quote(text, i + 1, end)
            if close is None:
                return (i + 1, stop, stop) if stop > i + 1 else None
            return i + 1, close, close + 1
        i += 1
    # Opening quote lost: a closing quote glued to a word, e.g. `Moscow." AP News`.
    m = re.search(r"[\w.,!?)](?P<q>[\"”])(?=[\s,.;]|$)", text[start:end])
    if m:
        q = start + m.start("q")
        return start, q, q + 1
    return None


def _closing_quote(text: str, i: int, end: int) -> int | None:
    """The quote closing a title: followed by space, punctuation or the end;
    a straight quote inside ('…Say 'Yes'…') is skipped only if it is glued to a word."""
    while i < end:
        c = text[i]
        if c in _CLOSE_Q:
            nxt = text[i + 1] if i + 1 < end else " "
            if not nxt.isalnum():
                return i
        i += 1
    return None


def _read_quoted(text: str, masked: str, start: int, end: int, ref: Reference) -> bool:
    stop = min([u.start for u in ref.urls] + [ref.date.start if ref.date else end, end])
    q = _quoted_title(text, start, end, stop)
    if q is None:
        return False
    t_start, t_end, after = q
    lead = _LEAD_IN_ANYWHERE.split(text[start : max(start, t_start - 1)])[-1]
    if len(lead.split()) > 12:
        return False  # a quotation inside commentary, not a cited title
    ref.style = "chicago"
    ref.title = _piece(text, t_start, t_end, strip=" \t\n,.;:")
    if ref.date is not None and ref.date.start < t_start:
        later = _first_date(masked, after, end)  # a date in commentary before the title is not the source's
        ref.date = later if later is not None or not _closing_date(masked, start, ref.date) else ref.date
    before = _piece(text, start, t_start - 1 if t_start > start else start)
    before = _strip_lead_in(text, before)
    if before is not None and _LEAD_IN_ANYWHERE.search(before.value):
        m = list(_LEAD_IN_ANYWHERE.finditer(text, before.start, before.end))[-1]
        before = _piece(text, m.end(), before.end)
    outlet = _segment_after(text, masked, after, end, ref)
    if outlet is not None and ref.date is not None and outlet.start > ref.date.start:
        outlet = None
    if outlet is None and before is not None:
        # Publisher first: `Reuters, "Title," June 19, 2026.` / `U.S. CENTCOM, "Title," …`
        ref.outlet = _publisher(before)
    else:
        ref.outlet = outlet
        ref.author = before
    return True


def _strip_lead_in(text: str, p: Piece | None) -> Piece | None:
    if p is None:
        return None
    m = _LEAD_IN.match(p.value)
    if not m:
        return p
    return _piece(text, p.start + m.end(), p.end)


def _publisher(p: Piece) -> Piece | None:
    """An organization before the title; a person's name (author) is not an outlet.
    ``Department of Commerce, International Trade Administration`` is one
    publisher written as a hierarchy."""
    if _HANDLE.search(p.value) or re.search(r"\bet al\b", p.value) or _OFFICE_HOLDER.search(p.value):
        return None
    # "UK Foreign, Commonwealth, and Development Office" is one body; "Katie Bo Lillis and
    # Zachary Cohen" are authors: every part around commas and "and" must look like an org.
    parts = [x.strip() for x in re.split(r",|\band\b", p.value) if x.strip()]
    if len(p.value.split()) > 12 or not all(_looks_like_org(x) for x in parts):
        return None
    return p


# "House Ways and Means Committee Chairman Jason Smith": a person (the author), not a publisher.
_OFFICE_HOLDER = re.compile(
    r"\b(?:Chair(?:man|woman)?|Member|Senator|Sen\.|Representative|Rep\.|Secretary|Ambassador|Minister|"
    r"President|Director|Administrator|Governor|Spokes(?:man|woman|person))\s+[A-Z][\w'’.-]+\s+[A-Z]"
)


def _looks_like_org(s: str) -> bool:
    """Organizations and outlets, unlike personal names, have an acronym, a
    generic word, or one word only ("Reuters")."""
    words = s.split()
    if len(words) == 1:
        return s[:1].isupper()
    if any(w.isupper() and len(w.strip(".")) >= 2 for w in words):
        return True
    if re.search(r"[A-Z]\.[A-Z]\.", s):
        return True
    generic = r"\b(house|department|ministry|office|agency|news|times|post|press|institute|center|centre|council|" \
              r"commission|organi[sz]ation|bank|fund|committee|government|service|network|journal|foundation|" \
              r"university|union|nations|forum|command|transcripts?|unit|intelligence|economist|defen[cs]e|" \
              r"security|review|affairs|monitor|library|archives?|embassy|congress|senate|treasury|weekly|" \
              r"daily|international|global|policy|studies|research|gazette|herald|tribune|telegraph|guardian|" \
              r"observer|bureau|authority|administration|energy|group|council|program(?:me)?|initiative)\b"
    return bool(re.search(generic, s, re.IGNORECASE))


def _read_apa(text: str, masked: str, start: int, end: int, ref: Reference) -> bool:
    m = _APA_YEAR.search(masked, start, end)
    if not m or m.start() - start > 120:
        return False
    ref.style = "apa"
    ref.author = _piece(text, start, m.start())
    if ref.date is None:
        ref.date = DateMention(m.start("y"), m.end("y"), m.group("y"), "year")
    sentences = _period_segments(text, m.end(), end, ref)
    if sentences:
        ref.title = sentences[0]
    if len(sentences) > 1:
        outlet = _segment_after(text, masked, sentences[1].start, end, ref)
        ref.outlet = outlet
    return True


def _period_segments(text: str, a: int, end: int, ref: Reference) -> list[Piece]:
    stop = min([u.start for u in ref.urls if u.start >= a] + [end])
    out, seg = [], a
    for i in range(a, stop):
        if text[i] == "." and _sentence_period(text, i):
            p = _piece(text, seg, i)
            if p:
                out.append(p)
            seg = i + 1
    p = _piece(text, seg, stop)
    if p:
        out.append(p)
    return out


def _read_unquoted(text: str, masked: str, start: int, end: int, ref: Reference) -> bool:
    """No quoted title. A social-media handle is followed by its platform; an
    italic name is the title of a standalone work (report, book, hearing),
    and the org-like segment after it, if any, its publisher. That is as far
    as the rules can read safely."""
    ref.style = "note"
    h = _HANDLE.search(text, start, end)
    m = _ITALIC.search(text, start, end)
    if h is None and m is not None:
        # The date of a standalone work is the first one after its title ("published … on March 23, 2012").
        ref.date = _first_date(masked, m.end(), end)
    elif ref.date is not None and not _closing_date(masked, start, ref.date):
        ref.date = None  # a date inside commentary ("In April 1992, …") is not the source's
    if h:
        ref.author = _piece(text, start, h.end())
        ref.outlet = _segment_after(text, masked, h.end(), end, ref)
        return True
    if m and (ref.date is None or m.start() < ref.date.start):
        ref.title = _piece(text, m.start("t"), m.end("t"))
        ref.outlet = _segment_after(text, masked, m.end(), end, ref)
        if ref.outlet and not _looks_like_org(ref.outlet.value):
            ref.outlet = None
        return True
    if _org_and_title(text, start, ref):
        return True
    if ref.url and ref.outlet is None and ref.date is not None:
        # `Outlet, date, URL` with nothing else: the segment before the date.
        seg = _piece(text, start, ref.date.start)
        if seg and len(seg.value.split()) <= 5 and "," not in seg.value and _looks_like_org(seg.value):
            ref.outlet = seg
    return True


def _org_and_title(text: str, start: int, ref: Reference) -> bool:
    """`Publisher, Title, Date.` with the title not quoted, as government reports are
    cited ("U.S. Department of State, 2024 Country Reports on Human Rights Practices:
    Bahrain, August 12, 2025."). Taken only when the note is that list and nothing
    else: two parts before the date (or the end), an organization, then a title in
    title case; commentary has more parts or lower-case words."""
    stop = ref.date.start if ref.date is not None else ref.end
    if ref.url is not None or "." in text[start:stop].replace(". ", "").rstrip(" ,.")[-1:]:
        return False
    body = text[start:stop]
    if re.search(r"\.\s+[A-Z]", re.sub(r"\b(?:[A-Z]\.)+", "", body)):
        return False  # more than one sentence
    parts = [x for x in re.split(r",\s+", body.strip(" ,.;")) if x]
    if ref.date is not None:
        parts = [x for x in parts if not re.fullmatch(r"(?:updated|published|released)", x, re.I)]
        parts[-1:] = [re.sub(r",?\s*(?:updated|published|released)$", "", parts[-1], flags=re.I)] if parts else []
    if len(parts) != 2 or _LEAD_IN.match(parts[0] + " ") or not _looks_like_org(parts[0]) or len(parts[0].split()) > 8 or not _title_case(parts[1]):
        return False
    outlet_end = start + body.index(parts[0]) + len(parts[0])
    title_at = text.index(parts[1], outlet_end, stop)
    ref.outlet = _piece(text, start, outlet_end)
    ref.title = _piece(text, title_at, title_at + len(parts[1]))
    return ref.outlet is not None and ref.title is not None


def _title_case(s: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", s) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) / len(words) >= 0.75


def _closing_date(masked: str, start: int, d: DateMention) -> bool:
    """A source's date is a list element: after a comma or parenthesis (or "updated"),
    before a period, comma, semicolon, parenthesis or the end."""
    before = re.sub(r"\s+(?:updated|published|released)$", ",", masked[start : d.start].rstrip(), flags=re.I)
    after = masked[d.end : d.end + 2].lstrip()
    return (not before or before[-1] in ",(") and (not after or after[0] in ".,;)")
