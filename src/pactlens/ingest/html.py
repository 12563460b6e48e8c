"""HTML: the main text only (trafilatura), with footnote markup turned into ``[n]`` first.

trafilatura drops ``<sup>`` and link targets, so a reference like CRS's
``<sup><a href="#fn3" name="ifn3">3</a></sup>`` would become a bare ``3``
glued to the word before it. We rewrite references and their definitions
in the tree before extraction: references become ``[3]``, and the element a
reference points at (a CRS "Footnotes" table row, a Wikipedia ``<li>``)
becomes a paragraph ``[3] text``. Ordinals (``119<sup>th</sup>``) are left
alone.
"""

from __future__ import annotations

import re

from pactlens.errors import InputError
from pactlens.ingest.sniff import HTML
from pactlens.ingest.types import Extracted
from pactlens.ingest.util import bracket_markers, exponent_context
from pactlens.regexes import lazy_re

_LABEL = lazy_re(r"^\[?\s*(\d{1,3}(?:\s*,\s*\d{1,3})*|[*†‡§]|[a-z])\s*\]?$")
_DEF_START = lazy_re(r"\n\[([^\]\n]{1,4})\] ")
_META_CHARSET = lazy_re(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_NOT_XML = lazy_re("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_BLOCKS = ("head", "p", "item", "row", "quote", "code", "cell")


def read_html(data: bytes, name: str) -> Extracted:
    from lxml import etree
    from lxml import html as lhtml

    from pactlens.ingest.text import decode

    declared = _META_CHARSET.search(data[:4096])
    source = decode(data, name, declared.group(1).decode("ascii") if declared else None)
    # lxml refuses to set text holding characters XML forbids, which a damaged page may carry
    source = _NOT_XML.sub(" ", source)
    try:
        tree = lhtml.document_fromstring(_strip_xml_declaration(source))
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{name}: cannot parse HTML ({exc})") from None
    notes = mark_footnotes(tree)
    title, date = page_title(tree), page_date(tree)
    headings_as_paragraphs(tree)
    unwrap_targets(tree)
    text = _restore_notes(_extract(tree), notes)
    if not text.strip():
        raise InputError(f"{name}: no main text found in this HTML page")
    return Extracted(text=text, media_type=HTML, title=title, date=date)


def _strip_xml_declaration(source: str) -> str:
    # lxml refuses str input that declares an encoding
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", source, count=1)


def mark_footnotes(tree) -> dict[str, str]:
    """Rewrite footnote references as ``[n]`` and their targets as ``[n] text``.

    Returns each definition's text by label, so notes that the extractor
    drops as page furniture (a references list outside the article) can be
    put back after the main text.
    """
    targets: dict[str, str] = {}
    for sup in list(tree.iter("sup")):
        label, fragment = _reference(sup)
        if label is None:
            continue
        if fragment:  # a link in "1, 2" points at the first note
            targets.setdefault(fragment, label.split(",")[0].strip())
        _replace_with_text(_outer_link(sup), bracket_markers(label))
    notes = {}
    anchors = _anchors(tree) if targets else {}
    for fragment, label in targets.items():
        body = _mark_definition(anchors.get(fragment), label)
        if body:
            notes[label] = body
    return notes


def page_title(tree) -> str | None:
    """The page's own title: ``og:title``, then ``<title>``, then the first ``<h1>``."""
    for xpath in ("//meta[@property='og:title']/@content", "//title//text()", "//h1"):
        for found in tree.xpath(xpath):
            text = " ".join((found if isinstance(found, str) else found.text_content()).split())
            if text:
                return text
    return None


def page_date(tree) -> str | None:
    """The publication date the page's markup declares (meta tags, ``<time>``), via htmldate.

    No guessing from the running text: a date in a sentence is a fact for the
    extractors, not the page's own date.
    """
    from htmldate import find_date

    try:
        return find_date(tree, extensive_search=False, original_date=True)
    except Exception:  # noqa: BLE001 - htmldate on odd markup: the date is simply unknown
        return None


def headings_as_paragraphs(tree) -> None:
    """Headings become paragraphs: trafilatura drops headings of pages laid out like CRS
    reports, and with them the markers they carry ("Lebanon[29]")."""
    for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        h.tag = "p"


def unwrap_targets(tree) -> None:
    """Drop bare ``<a name=…>`` bookmarks (keeping their text): trafilatura reads a
    heading that starts with a few of them as a link list and discards it."""
    for a in tree.xpath("//a[not(@href)]"):
        a.drop_tag()


def _reference(sup) -> tuple[str | None, str | None]:
    """``(label, target id)`` when ``sup`` is a footnote reference, else ``(None, None)``."""
    m = _LABEL.match(sup.text_content().strip())
    if not m:
        return None, None
    link = next((a for a in sup.iter("a") if (a.get("href") or "").startswith("#")), None)
    outer = _outer_link(sup)
    if link is None and outer is not sup:
        link = outer
    if link is None and (not m.group(1)[0].isdigit() or exponent_context(_text_before(sup))):
        return None, None  # a lone letter, or km<sup>2</sup>, without a link is not a marker
    return m.group(1), (link.get("href")[1:] if link is not None else None)


def _text_before(el) -> str:
    prev = el.getprevious()
    parent = el.getparent()
    return (prev.tail if prev is not None else parent.text if parent is not None else "") or ""


def _outer_link(sup):
    """The ``<a href="#…">`` wrapped around ``sup`` and nothing else (Word's HTML), or ``sup``."""
    parent = sup.getparent()
    if (parent is not None and parent.tag == "a" and (parent.get("href") or "").startswith("#")
            and parent.text_content().strip() == sup.text_content().strip()):
        return parent
    return sup


def _replace_with_text(el, text: str) -> None:
    """Replace ``el`` by ``text``, keeping whatever followed it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    joined = text + (el.tail or "")
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + joined
    else:
        parent.text = (parent.text or "") + joined
    parent.remove(el)


def _anchors(tree) -> dict[str, object]:
    """Elements by ``id`` and ``name`` (the first of each), the targets of ``#fragment`` links."""
    found: dict[str, object] = {}
    for el in tree.iter():
        for key in (el.get("id"), el.get("name")) if isinstance(el.tag, str) else ():
            if key:
                found.setdefault(key, el)
    return found


def _mark_definition(anchor, label: str) -> str | None:
    """Mark ``anchor`` (a link's target) as note ``label``; return the note's text."""
    if anchor is None:
        return None
    row = next((a for a in anchor.iterancestors("tr")), None)
    if row is not None:
        return _row_to_paragraph(row, anchor, label)
    if anchor.tag == "a" and _LABEL.match(anchor.text_content().strip() or "x"):
        _replace_with_text(anchor, "")
        block = next(anchor.iterancestors("li", "p", "div", "dd"), None) if anchor.getparent() is not None else None
    else:
        block = anchor if anchor.tag in ("li", "p", "div", "dd") else next(anchor.iterancestors("li", "p", "div", "dd"), None)
    if block is None:
        return None
    block.text = (block.text or "").lstrip()
    body = " ".join(block.text_content().split())
    block.text = f"[{label}] " + block.text
    return body


def _row_to_paragraph(row, anchor, label: str) -> str:
    """A footnotes-table row ``| 3. | text |`` becomes the single cell ``[3] text``."""
    from lxml import html as lhtml

    cells = [c for c in row if c.tag in ("td", "th") and anchor not in c.iter()]
    body = " ".join(" ".join(c.text_content().split()) for c in cells).strip()
    for child in list(row):
        row.remove(child)
    cell = lhtml.Element("td")
    cell.text = f"[{label}] {body}"
    row.append(cell)
    return body


def _restore_notes(text: str, notes: dict[str, str]) -> str:
    """Append the notes the extractor left out, as ``[n] text`` paragraphs, in label order."""
    if not text.strip():
        return text
    present = set(_DEF_START.findall("\n" + text))
    missing = [(label, body) for label, body in notes.items() if label not in present]
    return "\n\n".join([text] + [f"[{label}] {body}" for label, body in missing])


def _extract(tree) -> str:
    """Main text as blank-line separated blocks, via trafilatura (which may alter ``tree``)."""
    from lxml import etree
    from trafilatura import extract

    xml = extract(tree, output_format="xml", include_tables=True, include_comments=False,
                  favor_recall=True, include_formatting=True)
    if not xml:
        return ""
    main = etree.fromstring(xml.encode()).find("main")
    blocks = [_block_text(el) for el in (main.iter(*_BLOCKS) if main is not None else [])
              if not _inside_block(el)]
    return "\n\n".join(b for b in blocks if b)


def _inside_block(el) -> bool:
    return any(a.tag in _BLOCKS for a in el.iterancestors())


def _block_text(el) -> str:
    """A block's text with ``<lb/>`` as line breaks and table cells separated by ``|``."""
    if el.tag == "row":
        return " | ".join(_block_text(c) for c in el if c.tag == "cell").strip(" |")
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(_block_text(child) if child.tag in _BLOCKS else "".join(child.itertext()))
        parts.append(child.tail or "")
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n")).strip()
