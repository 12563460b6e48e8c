"""Where a document's title and section headings stand, for the entity readers.

A heading names a topic ("Digital Trade and Nontariff Barriers", "U.S. Tariff
Actions and Negotiations", "The U.S.-Japan Military Alliance") or is a
headline ("Hagel Discusses Defense Cooperation With ..."), set in title case:
the statistical NER reads its capitalised words as names of bodies and
people. A name the document writes *only* in headings is therefore weak
evidence of an organization or a person: a real one is named again in the
running text the heading introduces.

The headings are the document's Markdown heading lines and the blocks
:func:`pactlens.structure.blocks.is_heading_block` calls headings (the same the
document outline lists). The title structure found is not taken as such: a
text's first line may be a caption or a lead sentence.
"""

from __future__ import annotations

import re

from pactlens.extract.prose.namescan import SpanSet
from pactlens.structure.blocks import is_heading_block
from pactlens.structure.doc import Doc
from pactlens.regexes import lazy_re

_MARKDOWN = lazy_re(r"^[ \t]*#{1,6}[ \t]+\S[^\n]*$", re.M)


def headings(doc: Doc) -> SpanSet:
    """The document's headings, found once and kept on it."""
    return doc.once("headings", lambda: SpanSet(_heading_spans(doc)))


def _heading_spans(doc: Doc) -> list[tuple[int, int]]:
    text = doc.text
    out = [(b.start, b.end) for b in doc.blocks if is_heading_block(text[b.start : b.end])]
    return out + [m.span() for m in _MARKDOWN.finditer(text)]
