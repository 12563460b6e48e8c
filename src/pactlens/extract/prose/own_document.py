"""Whether an agreement a text names is the text itself: a declaration named only in the
document's own title or front matter, or an instrument published as itself (its title opens with
the agreement's name and its body says "this Memorandum of Understanding"). Like a treaty text's
own agreement, it is not one the document writes about.
"""

from __future__ import annotations

from pactlens.extract.prose.mentions import WrittenAgreement
from pactlens.regexes import lazy_re
from pactlens.structure.doc import Doc

_SELF_HEADS = frozenset({"declaration", "statement", "communiqué", "communique"})


def is_the_document(doc: Doc, w: WrittenAgreement) -> bool:
    """A declaration or statement named only in the document's own title (or its front matter) is the
    document itself (a government's "Joint Declaration by the Prime Minister of ..." headed with its
    own name): like a treaty text's own agreement, it is not one the document writes about. Nor is
    any agreement named only in the front matter, which is metadata, not the text."""
    own = [s for s in (doc.front_matter,) if s is not None]
    if w.head.split()[-1] in _SELF_HEADS and doc.title is not None:
        own.append(doc.title)
    if bool(own) and all(any(s.start <= m.start < s.end for s in own) for m in w.mentions):
        return True
    return _titled_and_this(doc, w)


#: The words by which an instrument's own text points at itself: "Pursuant to this Memorandum of
#: Understanding", "Today’s Memorandum of Understanding is the result of ...", "the present Agreement".
_SELF_POINTER = lazy_re(r"(?i:\b(?:this|today['\u2019]s|the\s+present)\s+$)")
_SELF_LEAD = lazy_re(r"(?i:(?:this|today['\u2019]s|the\s+present)\s)")
_TITLE_LINE = lazy_re(r"(?m)^title:\s*[\"']?")


def _titled_and_this(doc: Doc, w: WrittenAgreement) -> bool:
    """An instrument published as itself (a White House release of a memorandum's text): its title
    opens with the agreement's name and its body calls it "this" or "today's". A page *about* an
    agreement is titled with its name too, but speaks of "the treaty"."""
    titles = [doc.text[doc.title.start : doc.title.end]] if doc.title is not None else []
    if doc.front_matter is not None:
        line = _TITLE_LINE.search(doc.text, doc.front_matter.start, doc.front_matter.end)
        titles += [doc.text[line.end() : doc.front_matter.end]] if line else []
    if not any(t.lower().startswith(w.name.lower()) for t in titles):
        return False
    return any(_SELF_POINTER.search(doc.text, max(0, m.start - 20), m.start) or _SELF_LEAD.match(doc.text, m.start)
               for m in w.mentions)
