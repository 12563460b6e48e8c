"""Annexes, protocols, appendices: the instruments that follow an agreement's main text.

A section starts at a heading such as ``ANNEX I``, ``Protocol on ...``,
``APPENDIX A`` or, in the GGO texts, a non-empty ``AppendixText:`` /
``AnnexText:`` part. In a run-on text without line breaks only a capitalized
keyword after a sentence end counts, since "Annex I to this Agreement shall"
mid-sentence is a reference, not a heading.
"""

from __future__ import annotations

import re

from pactlens.structure.blocks import PART_LABEL_RE
from pactlens.structure.doc import Section, Span
from pactlens.structure.spans import lstrip as _lstrip
from pactlens.structure.spans import rstrip as _rstrip
from pactlens.regexes import lazy_re

_KINDS = {"annex": "annex", "appendix": "annex", "schedule": "annex", "protocol": "protocol",
          "additional protocol": "protocol", "exchange of letters": "section", "exchange of notes": "section"}
_KEYWORD = r"(?:ADDITIONAL PROTOCOL|Additional Protocol|EXCHANGE OF (?:LETTERS|NOTES)|Exchange of (?:Letters|Notes)|ANNEX|Annex|APPENDIX|Appendix|PROTOCOL|Protocol|SCHEDULE|Schedule)"
_ID = r"(?:[ \t]+(?:No\.?[ \t]*)?(?:\d{1,3}|[IVXLC]{1,6}|[A-Z])(?![A-Za-z]))?"
_HEADING_RE = lazy_re(rf"(?<![\w])(?P<kw>{_KEYWORD}){_ID}")
_XREF_AFTER_RE = lazy_re(r"[ \t]*(?:,|(?:to this|of this|of the|hereto|thereto|shall|is|are|which|referred)\b)")
_UPPER_AFTER_RE = lazy_re(r"[ \t.:-]*(?:\n|$|[A-Z(\"“]|[a-z]+[ \t]+[A-Z])")


def find_sections(text: str, title: Span | None, parts: list[tuple[str, int, int]] = ()) -> list[Section]:
    """Annex, protocol and appendix headings in text order, each running to the next one.

    ``parts`` are the instruments ingest found declared in the file (GGO's
    ``AppendixText:``), as ``(name, start, end)``.
    """
    starts = _part_starts(text) + _heading_starts(text) + _declared_starts(text, parts)
    if title:
        starts = [s for s in starts if not title.start <= s[0] < title.end + 2]
    starts = _dedupe(sorted(starts))
    out = []
    for i, (start, kind, label, _) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        out.append(Section(kind=kind, label=label, span=Span(start, _rstrip(text, start, end))))
    return out


def _part_starts(text: str) -> list[tuple[int, str, str, int]]:
    """Non-empty GGO parts other than the main text."""
    out = []
    for m in PART_LABEL_RE.finditer(text):
        name = m["name"]
        if name == "MainText" or text[m.start() : m.end()].rstrip().endswith("NA"):
            continue
        kind = "annex" if name in ("AppendixText", "AnnexText") else "section"
        body = _lstrip(text, m.end(), len(text))
        out.append((body, kind, name[: -len("Text")], 0))
    return out


def _declared_starts(text: str, parts) -> list[tuple[int, str, str, int]]:
    out = []
    for name, start, end in parts:
        if name.lower() in ("main", "maintext") or start >= len(text):
            continue
        kind = "annex" if name.lower() in ("annex", "appendix") else "section"
        out.append((_lstrip(text, start, end), kind, name.capitalize(), 0))
    return out


def _heading_starts(text: str) -> list[tuple[int, str, str, int]]:
    """Headings, except one opening the text: that names the document ("PROTOCOL setting out ...")."""
    out = []
    opening = _lstrip(text, 0, len(text))
    for m in _HEADING_RE.finditer(text, opening + 1):
        if not _at_heading_position(text, m) or _XREF_AFTER_RE.match(text, m.end()):
            continue
        kw = m["kw"].lower()
        out.append((m.start(), _KINDS.get(kw, "section"), " ".join(m.group(0).split()), 1))
    return out


def _at_heading_position(text: str, m: re.Match[str]) -> bool:
    line_start = text.rfind("\n", max(0, m.start() - 300), m.start()) + 1
    line_end = text.find("\n", m.end(), m.end() + 300)
    line_end = min(len(text), m.end() + 300) if line_end < 0 else line_end
    if (line_start or m.start() <= 300) and not text[line_start : m.start()].strip():
        # a heading line is short, or a capitalized keyword opens a long one
        return line_end - line_start <= 200 or m["kw"].isupper()
    before = text[max(line_start, m.start() - 3) : m.start()].rstrip()
    after_sentence = before[-1:] in ".:;)" or before.endswith(")")
    return m["kw"].isupper() and after_sentence and _UPPER_AFTER_RE.match(text, m.end()) is not None


def _dedupe(starts: list[tuple[int, str, str, int]]) -> list[tuple[int, str, str, int]]:
    """A heading right at the start of a declared part names that part."""
    out: list[tuple[int, str, str, int]] = []
    for s in starts:
        if out and s[0] - out[-1][0] < 3:
            if s[3] > out[-1][3]:
                out[-1] = (out[-1][0], s[1], s[2], s[3])
            continue
        out.append(s)
    return out


