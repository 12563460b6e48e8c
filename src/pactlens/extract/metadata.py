"""The document's own title, author and date, from what the document says of itself.

In order of trust: the file format's metadata (HTML ``og:title``/``<title>``,
``article:published_time``, ``citation_*`` meta tags, PDF and DOCX
properties: read by ingest), a YAML front-matter block (``title:``,
``date:``/``published_time:``, ``author:``), cover lines at the head of a
report ("Updated September 23, 2026", "Publication Date: 04/22/2026",
"Author(s): …") and bylines ("By Jane Roe"), a news dateline ("TOKYO, April 6,
2014 – …") for the date, then the text's own heading,
and, for an encyclopedia article whose title is not a heading, the name its
lead sentence sets in capitals ("The TREATY ON OPEN SKIES entered into
force …"). A value none of these gives stays unknown: a date in a sentence
is an event for the events extractor, not the document's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pactlens.extract.dates import find_dates
from pactlens.resources.lexicon import alternation
from pactlens.structure.doc import Doc
from pactlens.structure.front import front_matter_fields
from pactlens.regexes import lazy_re

_DATE_KEYS = ("date", "published_time", "publication_date", "published", "pubdate", "article:published_time",
              "created", "modified_time", "updated")
_COVER_DATE_KEYS = ("publication date", "date published", "published", "published on", "date", "posted",
                    "posted on", "updated", "last updated")
_AUTHOR_KEYS = ("author", "authors", "byline", "creator")
_COVER_AUTHOR_KEYS = ("author(s)", "authors", "author", "by", "written by")
#: 2020-09-15, 2020-09-15T10:00, 2020-09-15-20-37-25 (a static site's timestamp)
_ISO = lazy_re(r"^(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:$|[T\s-]\d)")
#: 04/22/2026 or 22/04/2026: read only where the order is certain (one number above 12).
_SLASHED = lazy_re(r"^(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4})\b")
#: The lead sentence's name in capitals: two or more capitalised words (small words between).
_CAPS_NAME = lazy_re(
    r"\b(?P<n>[A-Z][A-Z'’.-]+(?:[–—-][A-Z][A-Z'’.-]+)*(?:\s+(?:(?:OF|ON|THE|AND|FOR|TO|IN|DE|AU)\s+)*[A-Z][A-Z'’.-]+(?:[–—-][A-Z][A-Z'’.-]+)*)+)\b"
)
_BOLD_NAME = lazy_re(r"(?:\*\*|__)(?P<n>[^*_\n]{3,100}?)(?:\*\*|__)")
_SMALL = {"of", "on", "the", "and", "for", "to", "in", "de", "au", "a", "an"}


#: A news dateline opening the first paragraph: "TOKYO, April 6, 2014 – ", "WASHINGTON, Calif., June 13, 2014 —",
#: "WASHINGTON, August 30. The ..." (no year: a dateline, but no date).
DATELINE = lazy_re(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'’ -]{1,30}[A-Z.](?:,[ \t]*[A-Z][\w.’' ]{1,20}?)?),[ \t]+"
    rf"(?P<date>(?:{alternation('months')}|(?:{alternation('month_abbreviations')})\.?)[ \t]+\d{{1,2}}(?P<year>,[ \t]*\d{{4}})?)[ \t]*"
    r"(?:\([\w .]{2,20}\)[ \t]*)?(?:[-–—]|\.(?=[ \t]+[A-Z]))\s",
    re.M,
)
#: How far into the text a dateline is looked for (after a headline and a byline).
_DATELINE_HEAD = 1500


def dateline(text: str) -> re.Match[str] | None:
    """A news item's dateline near the head of ``text``."""
    return DATELINE.search(text, 0, _DATELINE_HEAD)


def dateline_date(text: str) -> str | None:
    """The day a news item's dateline gives ("TOKYO, April 6, 2014 – ..."): the item's date; none
    when it gives no year (the reader's year is not the text's)."""
    m = dateline(text)
    return iso_date(m["date"]) if m and m["year"] else None


@dataclass(frozen=True)
class Metadata:
    title: str | None
    author: str | None
    date: str | None


def iso_date(value: str) -> str | None:
    """An ISO date from a metadata value: ISO forms, unambiguous slashed forms, written dates."""
    value = value.strip().strip("'\"")
    m = _ISO.match(value)
    if m:
        return f"{m['y']}-{m['m']}-{m['d']}"
    m = _SLASHED.match(value)
    if m:
        a, b = int(m["a"]), int(m["b"])
        if a > 12 >= b:
            a, b = b, a  # day first
        elif not (b > 12 >= a or a == b):
            return None  # 03/04/2026: March 4 or 3 April, the text does not say
        if 1 <= a <= 12 and 1 <= b <= 31:
            return f"{m['y']}-{a:02d}-{b:02d}"
        return None
    found = find_dates(value)
    return found[0].iso if found else None


def _smart_case(name: str) -> str:
    words = name.split()
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if i and low in _SMALL:
            out.append(low)
        else:
            out.append(re.sub(r"(^|[–—-])(\w)(\w*)", lambda m: m[1] + m[2].upper() + m[3].lower(), w))
    return " ".join(out)


def lead_name(doc: Doc) -> str | None:
    """The name an encyclopedia lead opens with, set in capitals or bold
    ("The POLARIS SALES AGREEMENT was ...", "The **Treaty of X** is ...")."""
    if not doc.sentences:
        return None
    first = doc.sentences[0]
    head = doc.text[first.start : min(first.end, first.start + 300)]
    m = _BOLD_NAME.search(head) or _CAPS_NAME.search(head)
    if m is None or m.start() > 40 or not 2 <= len(m["n"].split()) <= 10:
        return None
    rest = head[m.end() :]
    if not re.search(r"\b[a-z]{3,}\b", rest):  # a capitalised heading or a treaty's title run, not a lead
        return None
    return _smart_case(m["n"]) if m["n"].isupper() else m["n"]


def document_metadata(doc: Doc, *, title: str | None = None, date: str | None = None) -> Metadata:
    """Title, author and date. ``title``/``date`` are the file format's own (ingest's):
    its date is trusted first; its title after front matter and the text's heading
    (a page's ``<title>`` often carries the site's name)."""
    fields = front_matter_fields(doc.text, doc.front_matter) if doc.front_matter else {}
    cover = {key: doc.slice(value) for key, _, value in doc.cover}

    if date is None:
        values = [fields[k][0] for k in _DATE_KEYS if k in fields] + [cover[k] for k in _COVER_DATE_KEYS if k in cover]
        date = next((d for d in map(iso_date, values) if d), None) or dateline_date(doc.text)
    author = next((fields[k][0] for k in _AUTHOR_KEYS if k in fields), None) or next(
        (cover[k] for k in _COVER_AUTHOR_KEYS if k in cover), None
    )
    heading = doc.slice(doc.title).strip() if doc.title else None
    named = fields["title"][0] if "title" in fields else None
    return Metadata(title=named or heading or title or lead_name(doc), author=author, date=date)
