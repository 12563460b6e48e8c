"""The language-analysis stage: spaCy's tagger, parser and NER over a document's prose.

Rules find what they were written for; a statistical parse finds the names,
subjects and clauses no rule anticipated. So the packaged English model runs
*once* over the prose of a document (briefs, reports, news, and the prose
parts of treaty files) and every extractor reads the same tokens, sentences,
dependency parse and entities from :func:`nlp_doc`.

What is not prose is blanked, not cut: the operative text of a treaty
(preamble, articles, annexes, final clause: the rules read those fast and
well), footnote definitions, front matter, and sentences too long to be
sentences (tables, lists run together) are replaced by spaces of the same
length, newlines kept. Markup that is no language is blanked the same way:
the syntax of a Markdown link (``[words](http://...)`` keeps its words, loses
its brackets and address), bare addresses, and the rows of a table (cells
run together read as one sentence of names: "F-16 | $445 million | Lockheed
Martin" made a person of a company). The parsed text therefore has exactly the length of
``doc.text`` and a token's ``idx`` is its offset in ``doc.text``: evidence
built from spaCy spans needs no offset map.

Cost is bounded: the model is loaded once per process and only when a
document needs it (``pactlens --help`` never imports spaCy); the lemmatizer
and attribute ruler are left out (Penn tags in ``token.tag_`` say what
``pos_`` would); sentences over :data:`MAX_SENTENCE_WORDS` words are skipped
and listed in ``sdoc.user_data["pactlens.skipped"]`` (and logged); prose
beyond :data:`MAX_PROSE_CHARS` is left unparsed the same way.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from pactlens.structure.doc import Doc, Span
from pactlens.regexes import lazy_re
from pactlens.structure.markdown import MD_LINK

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc as SpacyDoc

log = logging.getLogger(__name__)

#: A "sentence" longer than this (in words) is a table or a list run together:
#: parsing it costs most and yields least.
MAX_SENTENCE_WORDS = 150
#: Prose parsed per document at most (about 2 MB of text is 30+ minutes of reading).
MAX_PROSE_CHARS = 2_000_000
#: The text is parsed in pieces of about this size, cut at blank lines, so memory stays flat.
_CHUNK = 100_000
#: Fewer prose words than this is no prose (a treaty's title line, a signature block).
_MIN_WORDS = 12
#: The key under which the parse is kept in ``Doc.derived``.
KEY = "nlp"
#: The key under which ``extract/kind.py`` keeps the document's kind in ``Doc.derived``: only a
#: treaty's operative text is left to the rules; an article about a treaty with sections headed
#: "Article 5" is prose from end to end.
KIND = "kind"
#: ``user_data`` key of the spans left unparsed, as ``(start, end, reason)``.
SKIPPED = "pactlens.skipped"

_WORD = lazy_re(r"\S+")
_BLANKABLE = lazy_re(r"[^\n]")
_ARTICLE_WORD = lazy_re(r"\s*[A-Za-z]")
_BARE_URL = lazy_re(r"<?\bhttps?://[^\s<>]+>?")
#: A table cell separator; a line with two, or one beside another such line, is a table row.
_CELL = lazy_re(r"(?:^|\s)\|(?:\s|$)")


def nlp_doc(doc: Doc) -> SpacyDoc | None:
    """The parse of ``doc``'s prose, computed on first call and kept on the Doc.

    None when spaCy or an English model is not installed, or when the
    document has no prose outside a treaty's operative text.
    """
    if KEY not in doc.derived:
        doc.derived[KEY] = _parse(doc)
    return doc.derived[KEY]


def skipped(sdoc: SpacyDoc | None) -> list[tuple[int, int, str]]:
    """Spans of prose the stage left unparsed, and why."""
    return list(sdoc.user_data.get(SKIPPED, [])) if sdoc is not None else []


def non_prose(doc: Doc) -> list[Span]:
    """What the stage blanks before parsing: treaty operative text, notes, front matter, cover lines."""
    out = [f.span for f in doc.footnotes]
    if doc.front_matter:
        out.append(doc.front_matter)
    out += [line for _, line, _ in doc.cover]
    op = operative_text(doc) if doc.derived.get(KIND, "treaty") == "treaty" else None
    if op:
        out.append(op)
    return sorted(out, key=lambda s: s.start)


def operative_text(doc: Doc) -> Span | None:
    """From a treaty's preamble (or first article) to its final clause (or last annex).

    Only articles labelled with a word ("Article 5", "ART. V") make a treaty:
    a brief's numbered list ("1. The signing of ...") is read as structure
    too, but it is prose.
    """
    worded = [a for a in doc.articles if _ARTICLE_WORD.match(a.label)]
    if len(worded) < 2:
        return None
    start = min([worded[0].span.start] + ([doc.preamble.start] if doc.preamble else []))
    ends = [worded[-1].span.end] + [s.span.end for s in doc.annexes] + ([doc.final_clause.end] if doc.final_clause else [])
    return Span(start, max(ends))


def _parse(doc: Doc) -> SpacyDoc | None:
    from pactlens.resources import nlp as models

    text, skips = _prose_text(doc)
    if len(_WORD.findall(text)) < _MIN_WORDS:
        return None
    try:
        pipeline = models.pipeline()
    except models.NlpUnavailable as exc:
        log.info("no language analysis: %s", exc)
        return None
    sdoc = _run(pipeline, text)
    sdoc.user_data[SKIPPED] = skips
    for a, b, why in skips:
        log.info("language analysis skipped %d-%d: %s", a, b, why)
    return sdoc


def _prose_text(doc: Doc) -> tuple[str, list[tuple[int, int, str]]]:
    """``doc.text`` with everything but prose blanked, and the prose spans skipped for cost."""
    chars = list(doc.text)
    for s in non_prose(doc):
        _blank(chars, s.start, s.end)
    for a, b in markup(doc.text):
        _blank(chars, a, b)
    skips: list[tuple[int, int, str]] = []
    for s in doc.sentences:
        words = len(_WORD.findall(doc.text, s.start, s.end))
        if words > MAX_SENTENCE_WORDS and not "".join(chars[s.start : s.end]).isspace():
            _blank(chars, s.start, s.end)
            skips.append((s.start, s.end, f"sentence of {words} words (over {MAX_SENTENCE_WORDS})"))
    if len(chars) > MAX_PROSE_CHARS:
        _blank(chars, MAX_PROSE_CHARS, len(chars))
        skips.append((MAX_PROSE_CHARS, len(chars), f"beyond the first {MAX_PROSE_CHARS} characters"))
    return "".join(chars), skips


def markup(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are markup, not language: link syntax, bare addresses, table rows."""
    out: list[tuple[int, int]] = []
    for m in MD_LINK.finditer(text):  # a link or image: its words kept, ``![``, ``](address)`` blanked
        out += [(m.start(), m.start("label")), (m.end("label"), m.end())]
    out += [m.span() for m in _BARE_URL.finditer(text)]
    return out + _table_rows(text)


def _table_rows(text: str) -> list[tuple[int, int]]:
    """Lines of a table: two cell separators, or one on each of two neighbouring lines (blank lines between)."""
    lines = [(m.start(), m.end(), len(_CELL.findall(m.group(0)))) for m in re.finditer(r"[^\n]+", text)
             if "|" in m.group(0)]
    rows: list[tuple[int, int]] = []
    for i, (a, b, cells) in enumerate(lines):
        near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        beside = any(n[2] and _adjacent(text, (a, b, cells), n) for n in near)
        if cells >= 2 or (cells == 1 and beside):
            rows.append((a, b))
    return rows


def _adjacent(text: str, line: tuple[int, int, int], other: tuple[int, int, int]) -> bool:
    """Two lines with only blank lines between them."""
    lo, hi = (line[1], other[0]) if line[0] < other[0] else (other[1], line[0])
    return not text[lo:hi].strip()


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _run(pipeline: Any, text: str) -> SpacyDoc:
    """Parse ``text`` in pieces cut at blank lines and join them: one Doc, same offsets."""
    from spacy.tokens import Doc as SpacyDoc

    pieces = _pieces(text)
    pipeline.max_length = max(pipeline.max_length, _CHUNK * 2 + 1)
    docs = list(pipeline.pipe(pieces, batch_size=4))
    sdoc = docs[0] if len(docs) == 1 else SpacyDoc.from_docs(docs, ensure_whitespace=False)
    if sdoc.text != text:  # pragma: no cover - from_docs keeps text; guard the offset invariant
        raise AssertionError("spaCy changed the text: offsets would not map")
    return sdoc


def _pieces(text: str) -> list[str]:
    """``text`` cut at blank lines into pieces of about :data:`_CHUNK` characters, nothing lost."""
    out, pos = [], 0
    while len(text) - pos > _CHUNK * 2:
        cut = text.rfind("\n\n", pos + _CHUNK // 2, pos + _CHUNK * 2)
        if cut < 0:  # no paragraph break: a line break, else a space
            cut = max(text.rfind("\n", pos + _CHUNK // 2, pos + _CHUNK * 2), text.rfind(" ", pos + _CHUNK // 2, pos + _CHUNK * 2))
        cut = cut + 1 if cut >= 0 else pos + _CHUNK
        out.append(text[pos:cut])
        pos = cut
    out.append(text[pos:])
    return out
