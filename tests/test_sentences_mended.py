"""One sentence repair for every reader: structure/sentences.py mends the splitter's false
boundaries once per document, and records, provisions, the citation audit and `check` all take
"the sentence around" an offset from there.

The false boundary is real: the Russia–Kazakhstan free trade agreement of 1992 as the corpus
holds it (shared/corpus/treaties/fta-kaz-rus-1992.txt) has its lower-case title run into the
preamble, and the splitter cuts it after "Agreement between the". The paraphrase is another
such title the repair was not written on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pactlens.extract.treaty.provisions import split_sentences
from pactlens.structure.doc import Span
from pactlens.structure.sentences import body_sentences, mended_sentences, sentence_around
from pactlens.verify.audit import sentence_span
from pactlens.verify.check_brief import brief_sentences
from pactlens.verify.check_treaty import treaty_units
from tests.doc_support import make_doc

_KAZ = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "treaties" / "fta-kaz-rus-1992.txt"
_PARAPHRASE = (
    "MainText:\nAgreement between the government of the republic of armenia and the government of ukraine on "
    "free trade The Government of the Republic of Armenia and the Government of Ukraine, hereinafter referred to "
    "as the Parties, desiring to develop trade between them, have agreed as follows.\n"
)


def _texts():
    out = [_PARAPHRASE]
    if _KAZ.exists():
        out.insert(0, _KAZ.read_text(encoding="utf-8")[:700])
    return out


@pytest.mark.parametrize("text", _texts(), ids=["real", "paraphrase"][-len(_texts()):])
def test_every_reader_takes_the_same_mended_sentence(text):
    doc = make_doc(text)
    assert doc.slice(doc.sentences[0]) == "Agreement between the"  # the splitter's false boundary
    first = mended_sentences(doc)[0]
    assert doc.slice(first).startswith("Agreement between the government of the ")
    inside = doc.text.index("government of the")
    assert sentence_around(doc, inside) == first
    assert sentence_span(doc, inside) == first
    assert brief_sentences(doc)[0] == first
    assert split_sentences(doc, Span(first.start, len(doc.text)))[0] == first
    assert body_sentences(doc)[0].span.start == first.start
    # check's clauses of a treaty: a block too long to compare whole is cut into the same sentences
    long = make_doc(text.rstrip("\n") + " " + "The Parties shall consult each other on trade. " * 40 + "\n")
    assert treaty_units(long)[0] == mended_sentences(long)[0]
    assert long.slice(treaty_units(long)[0]).startswith("Agreement between the government of the ")


def test_a_text_in_lower_case_keeps_its_boundaries():
    """An OCR'd or database copy written all in lower case (the EU fisheries protocols of the GGO
    corpus): a lower-case start is no sign of a false boundary, so nothing is joined."""
    text = ("the joint committee may review the fishing opportunities and adjust them by mutual agreement\n"
            "in this case the financial contribution shall be adjusted proportionately. the first subparagraph "
            "above shall apply subject to the provisions of articles 4 and 5 of this protocol. the parties "
            "shall consult each other.\n")
    doc = make_doc(text)
    assert mended_sentences(doc) == tuple(doc.sentences)


@pytest.mark.parametrize("text", [
    # Cartagena Agreement (1969) as amended, Art. on financial policy (shared/corpus/agreements-ggo/ANDNGC_1969A.txt)
    "g. Cooperation and the coordination of positions to handle the Member Countries’ external financing "
    "problems; and h. Coordination with the Andean Development Corporation and the Latin American Reserve Fund "
    "for the purposes described in the preceding items.\n",
    # a paraphrase
    "c. Exchange of information on customs procedures and on the valuation of goods; and d. Joint training of "
    "the customs officials of both Parties.\n",
])
def test_a_lettered_list_item_is_no_false_boundary(text):
    doc = make_doc(text)
    assert len(doc.sentences) == 2  # the splitter cut before the item's letter
    assert mended_sentences(doc) == tuple(doc.sentences)
