"""The readers of each citation style a note may take: CRS cross-references, a quoted title
(Chicago and news), APA-like author-year, and an unquoted title or organisation.

Each reader fills the :class:`~pactlens.extract.prose.note_parts.Reference` and returns True when it
recognised the note; :func:`pactlens.extract.prose.references.parse_reference` tries them in order.
"""

from __future__ import annotations

import re

from pactlens.extract.dates import DateMention
from pactlens.extract.prose.note_parts import (
    ITALIC,
    LEAD_IN,
    Piece,
    Reference,
    first_date,
    piece,
    segment_after,
    sentence_period,
)
from pactlens.regexes import lazy_re

_OPEN_Q = "\"“"
_CLOSE_Q = "\"”"
_CRS = lazy_re(r"\bCRS\s+(?:Report|Insight|In\s+Focus|In\s+Brief|Legal\s+Sidebar)\s+[A-Z]{0,3}[\d-]+,?\s*", re.IGNORECASE)
_APA_YEAR = lazy_re(r"\((?P<y>(?:1[6-9]|20)\d\d)(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?[a-z]?\)\.?")
_HANDLE = lazy_re(r"\(@\w+\)")
_LEAD_IN_ANYWHERE = lazy_re(r"\b(?:see|cited in|quoted in)\b,?", re.IGNORECASE)


# --- readers (each returns True when it recognized the note) ---------------------
def read_crs(text: str, masked: str, start: int, end: int, ref: Reference) -> bool:
    m = _CRS.search(text, start, end)
    if not m or m.start() - start > 30:
        return False
    ref.style = "crs"
    ref.outlet = Piece(m.start(), m.start() + 3, "CRS")
    title_end = end
    by = re.search(r",\s*(?:by|coordinated by)\s", text[m.end() : end])
    if by:
        title_end = m.end() + by.start()
    ref.title = piece(text, m.end(), title_end)
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


def read_quoted(text: str, masked: str, start: int, end: int, ref: Reference) -> bool:
    stop = min([u.start for u in ref.urls] + [ref.date.start if ref.date else end, end])
    q = _quoted_title(text, start, end, stop)
    if q is None:
        return False
    t_start, t_end, after = q
    lead = _LEAD_IN_ANYWHERE.split(text[start : max(start, t_start - 1)])[-1]
    if len(lead.split()) > 12:
        return False  # a quotation inside commentary, not a cited title
    ref.style = "chicago"
    ref.title = piece(text, t_start, t_end, strip=" \t\n,.;:")
    if ref.date is not None and ref.date.start < t_start:
        later = first_date(masked, after, end)  # a date in commentary before the title is not the source's
        ref.date = later if later is not None or not _closing_date(masked, start, ref.date) else ref.date
    before = piece(text, start, t_start - 1 if t_start > start else start)
    before = _strip_lead_in(text, before)
    if before is not None and _LEAD_IN_ANYWHERE.search(before.value):
        m = list(_LEAD_IN_ANYWHERE.finditer(text, before.start, before.end))[-1]
        before = piece(text, m.end(), before.end)
    outlet = segment_after(text, masked, after, end, ref)
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
    m = LEAD_IN.match(p.value)
    if not m:
        return p
    return piece(text, p.start + m.end(), p.end)


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
_OFFICE_HOLDER = lazy_re(
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


def read_apa(text: str, masked: str, start: int, end: int, ref: Reference) -> bool:
    m = _APA_YEAR.search(masked, start, end)
    if not m or m.start() - start > 120:
        return False
    ref.style = "apa"
    ref.author = piece(text, start, m.start())
    if ref.date is None:
        ref.date = DateMention(m.start("y"), m.end("y"), m.group("y"), "year")
    sentences = _period_segments(text, m.end(), end, ref)
    if sentences:
        ref.title = sentences[0]
    if len(sentences) > 1:
        outlet = segment_after(text, masked, sentences[1].start, end, ref)
        ref.outlet = outlet
    return True


def _period_segments(text: str, a: int, end: int, ref: Reference) -> list[Piece]:
    stop = min([u.start for u in ref.urls if u.start >= a] + [end])
    out, seg = [], a
    for i in range(a, stop):
        if text[i] == "." and sentence_period(text, i):
            p = piece(text, seg, i)
            if p:
                out.append(p)
            seg = i + 1
    p = piece(text, seg, stop)
    if p:
        out.append(p)
    return out


def read_unquoted(text: str, masked: str, start: int, end: int, ref: Reference) -> bool:
    """No quoted title. A social-media handle is followed by its platform; an
    italic name is the title of a standalone work (report, book, hearing),
    and the org-like segment after it, if any, its publisher. That is as far
    as the rules can read safely."""
    ref.style = "note"
    h = _HANDLE.search(text, start, end)
    m = ITALIC.search(text, start, end)
    if h is None and m is not None:
        # The date of a standalone work is the first one after its title ("published … on March 23, 2012").
        ref.date = first_date(masked, m.end(), end)
    elif ref.date is not None and not _closing_date(masked, start, ref.date):
        ref.date = None  # a date inside commentary ("In April 1992, …") is not the source's
    if h:
        ref.author = piece(text, start, h.end())
        ref.outlet = segment_after(text, masked, h.end(), end, ref)
        return True
    if m and (ref.date is None or m.start() < ref.date.start):
        ref.title = piece(text, m.start("t"), m.end("t"))
        ref.outlet = segment_after(text, masked, m.end(), end, ref)
        if ref.outlet and not _looks_like_org(ref.outlet.value):
            ref.outlet = None
        return True
    if _org_and_title(text, start, ref):
        return True
    if ref.url and ref.outlet is None and ref.date is not None:
        # `Outlet, date, URL` with nothing else: the segment before the date.
        seg = piece(text, start, ref.date.start)
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
    if len(parts) != 2 or LEAD_IN.match(parts[0] + " ") or not _looks_like_org(parts[0]) or len(parts[0].split()) > 8 or not _title_case(parts[1]):
        return False
    outlet_end = start + body.index(parts[0]) + len(parts[0])
    title_at = text.index(parts[1], outlet_end, stop)
    ref.outlet = piece(text, start, outlet_end)
    ref.title = piece(text, title_at, title_at + len(parts[1]))
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
