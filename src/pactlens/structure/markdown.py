"""Markdown inline links, read as their label: one pattern for every reader.

A Markdown text (and HTML turned to text) writes a link as ``[label](address)``,
an image as ``![alt](address)``. The words of the label belong to the sentence
("the 2024 ATA [said](https://…) that"); the brackets and the address do not.
The parser's input blanks the syntax (:mod:`pactlens.structure.nlp`), the
quote and event readers read a text with it blanked
(:func:`pactlens.extract.prose.discourse.reading_text`), citations are made
from the links themselves (:mod:`pactlens.extract.prose.links`), and a quoted
phrase is measured by its labels (:mod:`pactlens.extract.prose.quote_spans`).
They used to write the pattern four ways, which differed at the edges (images,
a bracket inside a label, brackets inside an address); this is the one they share.

A label may hold one level of brackets ("[see [1]](…)") but no line break; an
address may hold balanced parentheses (Wikipedia's ``…/Treaty_(1945)``) but no
white space.
"""

from __future__ import annotations

from pactlens.regexes import lazy_re

#: ``[label](url)`` or ``![alt](url)``; groups ``image`` ("!" or None), ``label``, ``url``.
MD_LINK = lazy_re(
    r"(?P<image>!)?\[(?P<label>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)"
)
