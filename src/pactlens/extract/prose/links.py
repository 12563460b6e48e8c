"""Inline links as citations, for web documents whose sources are links.

Think-tank pages and CRS web reports cite by linking a word of the sentence
("the 2024 ATA [said](https://www.dni.gov/…)") instead of numbering notes.
Such a document gets one :class:`~pactlens.model.Citation` per distinct
linked source, in order of first use, marked ``L1``, ``L2`` …: links that
differ only by their ``#fragment`` (pages of one PDF) are one source, every
use is in ``cited_at``. The outlet is the link's host, the title the link
text when it reads as one (several words, not just "stated") or else the last
words of the URL's path, the date one written in the path (``/2024/03/09/``).

Not sources: images, links on lines made only of links (site navigation, a
version history, a breadcrumb) and links outside the body sentences. Documents with footnotes keep their footnotes as citations.
"""

from __future__ import annotations

import bisect
import re
from urllib.parse import unquote, urlsplit

from pactlens.extract.prose.discourse import markdown_links
from pactlens.structure.sentences import body_sentences
from pactlens.extract.urls import host
from pactlens.model import Citation
from pactlens.structure.doc import Doc
from pactlens.regexes import lazy_re
from pactlens.structure.markdown import MD_LINK

# Labels of a site's own tools, not sources ("[Listen](…readspeaker…)", "[Share](…)").
_UTILITY = lazy_re(
    r"(?i:listen|share(?:/save)?|print|subscribe|download(?: pdf)?.*|citation|cite|home|menu|search|log ?in|sign (?:in|up)|"
    r"e-?mail|facebook|twitter|x|linkedin|whatsapp|back to top|skip to .*|read more|more)"
)
_PATH_DATE = lazy_re(r"/((?:19|20)\d\d)/([01]?\d)(?:/([0-3]?\d))?/")
_FILE_EXT = lazy_re(r"\.(?:pdf|html?|aspx?|php|jsp|docx?)$", re.I)
_SLUG_WORD = lazy_re(r"[A-Za-z][A-Za-z']+")


def _line(text: str, at: int) -> str:
    a = text.rfind("\n", 0, at) + 1
    b = text.find("\n", at)
    return text[a : len(text) if b < 0 else b]


def _navigation(line: str) -> bool:
    """A line that is only links (a list item, a menu, a breadcrumb ending in the page's own id)."""
    links = list(MD_LINK.finditer(line))
    if not links:
        return False
    rest = re.findall(r"[A-Za-z0-9]+", MD_LINK.sub(" ", line))
    if len(links) >= 2:
        return len(rest) <= 2
    # One link alone on its line: a list item ("- [May 21, 2024 (Version 1)](…)") or a
    # short menu entry; a caption that is a whole sentence ("_▲ [The … Agreement is signed.](…)_") cites.
    words = len(links[0].group("label").split())
    return not rest and (bool(re.match(r"\s*[-*•+]\s", line)) or words <= 3)


def _title(label: str, url: str) -> str | None:
    """The link text when it reads as a title, else words from the URL's last path segment."""
    words = label.split()
    if len(words) >= 3 or (len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 2) or label.startswith(("“", '"')):
        return label.strip(" “”\"")
    path = unquote(urlsplit(url).path).rstrip("/")
    seg = _FILE_EXT.sub("", path.rsplit("/", 1)[-1])
    slug = _SLUG_WORD.findall(seg.replace("_", " ").replace("-", " "))
    return " ".join(slug) if len(slug) >= 2 else None


def _date(url: str) -> str | None:
    m = _PATH_DATE.search(urlsplit(url).path + "/")
    if not m:
        return None
    year, month, day = m.group(1), int(m.group(2)), m.group(3)
    if not 1 <= month <= 12:
        return None
    return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day and 1 <= int(day) <= 31 else "")


def find_link_citations(doc: Doc) -> list[Citation]:
    """One citation per distinct source linked from the body, in order of first use."""
    text = doc.text
    if doc.footnotes or "](" not in text:
        return []
    sentences = body_sentences(doc)
    starts = [s.span.start for s in sentences]
    uses: dict[str, list[tuple[int, int, int, int, str]]] = {}
    for m in markdown_links(text):
        url = m.group("url")
        if m.group("image") or not re.match(r"https?://", url, re.I) \
                or _UTILITY.fullmatch(m.group("label").strip()):
            continue
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or m.start() >= sentences[i].span.end or _navigation(_line(text, m.start())):
            continue
        key = url.split("#", 1)[0]
        uses.setdefault(key, []).append((m.start(), m.end(), m.start("label"), m.end("label"), url))
    out = []
    for n, (key, spans) in enumerate(uses.items(), 1):
        start, end, la, lb, url = spans[0]
        out.append(Citation(
            marker=f"L{n}",
            outlet=host(url),
            title=_title(text[la:lb], key),
            date=_date(key),
            url=url,
            cited_at=[doc.evidence(a, b) for _, _, a, b, _ in spans],
            evidence=[doc.evidence(start, end)],
        ))
    return out

