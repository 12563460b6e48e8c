"""A brief's sentences cut into the clauses that make one claim each.

A sentence is cut at semicolons, at a colon before a list, and at a conjunction that opens a new
predicate ("…, and approving any changes to the Charter", "…, though all five permanent members
must vote …"), since one sentence of an encyclopedia often makes two claims; the rows of a data
table run into a sentence are cut off, and a heading is no claim. Split from
:mod:`pactlens.verify.claims`, which decides what each clause is about.
"""

from __future__ import annotations

import re

from pactlens.regexes import lazy_re
from pactlens.structure.doc import Span


_CLAUSE_CUT = lazy_re(
    r";\s+(?:and\s+)?"
    r"|,\s+(?=(?:though|although|while|whereas|but|so|hence)\s)"
    r"|,\s+and\s+(?=(?:\w+ing|is|are|was|were|has|have|had|can|may|must|shall|will|did|does|by|it|its|they|their|"
    r"calls?|renounced|requires?|provides?|took|takes|came|comes|remains)\b)",
    re.IGNORECASE,
)
_LIST_COLON = lazy_re(r":\s+(?=[A-Z][^:]{0,200}?,[^:]{0,200}?\band\b)")


def clauses(text: str, span: Span) -> list[Span]:
    """The clauses of one sentence, as spans of the document; a piece of fewer than four words stays
    with the piece before it."""
    body = text[span.start : span.end]
    cuts = [0]
    depth_ok = _outside_quotes(body)
    for rx in (_CLAUSE_CUT, _LIST_COLON):
        for m in rx.finditer(body):
            if depth_ok(m.start()):
                cuts.append(m.end())
    cuts = sorted(set(cuts))
    pieces: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:] + [len(body)], strict=True):
        piece = body[a:b]
        if pieces and len(re.findall(r"\w+", piece)) < 4:
            pieces[-1] = (pieces[-1][0], b)
        elif pieces and len(re.findall(r"\w+", body[pieces[-1][0] : pieces[-1][1]])) < 4:
            pieces[-1] = (pieces[-1][0], b)
        else:
            pieces.append((a, b))
    out = []
    for a, b in pieces:
        piece = body[a:b]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip(" \t\n;,:")) 
        if trail > lead:
            out.append(Span(span.start + a + lead, span.start + a + trail))
    return out


def _outside_quotes(body: str):
    """A test of whether an offset of the sentence lies outside double quotes and parentheses."""
    inside = [False] * (len(body) + 1)
    quote = paren = 0
    for i, ch in enumerate(body):
        inside[i] = bool(quote % 2 or paren > 0)
        if ch in '"“”':
            quote += 1
        elif ch == "(":
            paren += 1
        elif ch == ")" and paren:
            paren -= 1
    return lambda i: not inside[min(i, len(body))]


_CELL_ROW = lazy_re(r"^[^\n|]{0,60}(?:\|[^\n|]{0,60})+\|?[ \t]*$", re.MULTILINE)


def without_table_rows(text: str, span: Span) -> list[Span]:
    """A sentence run together with the rows of a data table before it (short cells between bars) is
    cut there: the rows' years and names are not the sentence's. Long cells (a table of prose) stay."""
    body = text[span.start : span.end]
    if "|" not in body:
        return [span]
    out, pos = [], 0
    for m in _CELL_ROW.finditer(body):
        if body[pos : m.start()].strip():
            out.append(Span(span.start + pos, span.start + m.start()))
        pos = m.end()
    if body[pos:].strip():
        out.append(Span(span.start + pos + (len(body[pos:]) - len(body[pos:].lstrip())), span.end))
    return out or [span]


def is_heading(sentence: str) -> bool:
    """A heading ("Article 24", "Non-permanent members") is no claim: short, with no sentence end."""
    body = sentence.strip()
    return len(body.split()) < 8 and not re.search(r"[.!?:;\"”)]\W*$", body)
