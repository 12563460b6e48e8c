"""Whether a state named in a treaty is named as a party: its role in the sentence, not its name.

A country name in a treaty text is a party only where the text names its
parties (the preamble's head, the title's "between", the signature blocks).
Even there, and everywhere else, a state's name often stands for something
else, and each such use is a class of phrase with a shape of its own:

- a negotiating round: "the Uruguay Round", "the Tokyo Round";
- a currency: "U.S. dollars", "Swiss francs", "Hong Kong dollar";
- a place of signature: "Done at Luxembourg", "signed in Jakarta, Indonesia";
- another instrument's name: "the Treaty of Asuncion", "the Lomé Convention
  of ...", "the Israel-EC Agreement";
- a third state a provision speaks of: "originating in Turkey", "of Swiss
  origin", "nationals of Canada".

:func:`not_party` names the class that rules a mention out, so that the
party readers can skip it and the reason can be shown.
"""

from __future__ import annotations


from pactlens.extract.signing_clauses import SIGNING_VERB
from pactlens.regexes import lazy_re

_ROUND = lazy_re(r"\s*(?i:round)\b")
_CURRENCY = lazy_re(
    r"\s*(?i:dollars?|francs?|pounds?(?:\s+sterling)?|pesos?|rupees?|yen|yuan|renminbi|kron(?:e|er|a|or)|(?:deutsche\s+)?marks?"
    r"|rand|shillings?|dinars?|dirhams?|riy?als?|reais|reals?|lir[ae]|escudos?|guilders?|florins?|cents?|currency|currencies)\b"
)
#: "Done at", "signed in duplicate at", "in the city of": a place clause.
_PLACE_BEFORE = lazy_re(
    rf"{SIGNING_VERB.pattern}(?:\s+(?i:in\s+(?:duplicate|triplicate|\w+\s+originals?|\w+\s+copies|a\s+single\s+\w+(?:\s+\w+)?)))?,?"
    r"\s+(?i:at|in)\s+(?:(?i:the\s+city\s+of)\s+)?(?:[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3},\s*)?$"
)
#: "the Treaty of Asuncion", "the Convention of Lomé", "Treaty establishing the European Economic
#: Community": a state, place or bloc naming an instrument or what an instrument sets up.
_INSTRUMENT_OF = lazy_re(
    r"(?i:\b(?:treaty|convention|agreement|protocol|declaration|charter|act|accord|pact|round|conference|statute"
    r"|constitution)\s+(?:of|on)\s+(?:the\s+)?|\b(?:establishing|creating|constituting|instituting)\s+(?:the\s+)?)$"
)
#: "the Israel-EC Agreement", "the EU-Chile Association Agreement": a state inside a compound name.
_COMPOUND_NAME_AFTER = lazy_re(
    r"\s*[-\u2013/]\s*[A-Z][\w.]*(?:\s*[-\u2013/]\s*[A-Z][\w.]*)*\s+(?:[A-Z]\w+\s+){0,3}"
    r"(?:Agreement|Treaty|Convention|Protocol|Accord|Partnership|Council|Committee)\b"
)
_THIRD_BEFORE = lazy_re(r"(?i:\b(?:originating\s+in|originate\s+in|exported\s+to|imported\s+from|nationals\s+of|products\s+of|goods\s+of)\s+(?:the\s+)?)$")
_ORIGIN_AFTER = lazy_re(r"\s+(?i:origin)\b")


def not_party(text: str, start: int, end: int) -> str | None:
    """Why the state (or bloc) named at ``text[start:end]`` is not named there as a party: "round",
    "currency", "place", "instrument" or "third-state"; None when its shape says nothing."""
    before = text[max(0, start - 120) : start]
    if _ROUND.match(text, end):
        return "round"
    if _CURRENCY.match(text, end):
        return "currency"
    if _PLACE_BEFORE.search(before):
        return "place"
    if _INSTRUMENT_OF.search(before) or _COMPOUND_NAME_AFTER.match(text, end):
        return "instrument"
    if _THIRD_BEFORE.search(before) or _ORIGIN_AFTER.match(text, end):
        return "third-state"
    return None
