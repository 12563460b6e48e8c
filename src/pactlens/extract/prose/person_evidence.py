"""What makes a name the model calls PERSON no person: one test per class of false name.

On documents nobody tuned the rules on, most of the NER's false people are
names that the text itself shows to be something else, by the way it writes
them rather than by what they mean:

- a body named in its own language ("Majlis al Shura", "Banque Misr",
  "Verkhovna Rada"): it holds an institution noun of another language;
- a people, not a person ("the Houthis", "Serbs, Croats, and Slovenes"): a
  single plural word after "the" or listed beside a nationality;
- a term, not a name: written in italics ("_Realpolitik_"), or made of words
  the text also writes in lower case ("the number one Goal", "Emirates Global
  Aluminum", "Fixed Site- Low, Slow, Small"), or ending in a plural the text
  writes in lower case ("Indian Startups"): a real name is never a common word
  of the same text;
- a piece of a designation ("H.Con.Res. 86", "S.J.Res. 138"): glued to the
  characters before it or followed by a number;
- a place ("the Strait of Hormuz", "the island of Diego Garcia", "Khalifa Port
  in Abu Dhabi"): after a geographic word and "of", or ending in a word for a
  port or a square.

Each test looks at the span and its few neighbouring characters only; they
are applied by :func:`pactlens.extract.prose.named.person_spans`.
"""

from __future__ import annotations

import re
from typing import Any

from pactlens.extract.prose.name_forms import ITEM_AFTER as _ITEM_AFTER
from pactlens.extract.prose.name_forms import ITEM_BEFORE as _ITEM_BEFORE
from pactlens.extract.state_forms import capital
from pactlens.resources.lexicon import lowered
from pactlens.regexes import lazy_re

#: Institution nouns of other languages ("majlis", "rada", "banque"): see the lexicon file.
LOANWORDS = lowered("institution_loanwords")

#: A geographic word and "of" before a name makes it a place: "the Strait of [Hormuz]".
_PLACE_OF = lazy_re(
    r"\b(?:[Ss]traits?|[Gg]ulf|[Ss]ea|[Bb]ay|[Pp]ort|[Ii]sland|[Ii]slands|[Ii]sle|[Cc]ity|[Tt]own|[Vv]illage|"
    r"[Pp]rovince|[Gg]overnorate|[Rr]egion|[Ee]mirate|[Cc]ape|[Ll]ake|[Mm]ount|[Pp]eninsula|[Dd]istrict|"
    r"[Pp]refecture|[Cc]anton|[Oo]blast|[Aa]tolls?|[Aa]rchipelago|[Vv]alley)\s+of\s+$"
)
#: Last words that make a name a place: "Khalifa Port", "Tiananmen Square".
_PLACE_HEADS = {"port", "harbor", "harbour", "square", "plaza", "park", "island", "islands", "peninsula",
                "valley", "mountains", "desert", "oasis", "airbase", "shoal", "reef", "atoll"}
_DESIGNATION_AFTER = lazy_re(r"\.?\s?(?:No\.\s?)?\d")
_ARTICLE_BEFORE = lazy_re(r"(?:^|[^\w])(?:the|The|a|an)\s+$")
#: An editor's bracket after a name completes it: "anyone except Jack [Hickerson]".
EDITORIAL_SURNAME = lazy_re(r"[ \t]?\[([A-Z][\w'’-]+)\]")
#: A transcript's note of what the room did: "(Laughs.)", "(Applause.)", "(Inaudible.)".
_STAGE = lazy_re(r"\([A-Z][a-z]+(?:\s[a-z]+)?\.?\)")
#: A contraction is no name: "I’m", "We’re" at a sentence's start.
CONTRACTION = lazy_re(r"['’](?:m|re|ve|ll|d)$")
PARTICLES = {"al", "el", "bin", "ibn", "bint", "von", "van", "de", "da", "di", "du", "der", "la", "le", "del"}


def lowercase_words(text: str) -> frozenset[str]:
    """Every word the text writes in lower case: the common words a name is not made of."""
    return frozenset(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]*[a-z]\b", text))


def not_a_person(text: str, start: int, end: int, common: frozenset[str], peoples: frozenset[str],
                 modified: bool = False, places: frozenset[str] = frozenset()) -> str | None:
    """The class of thing ``text[start:end]`` is instead of a person's name, or None.

    ``common`` is :func:`lowercase_words` of the text; ``peoples`` the words the model
    calls a nationality or a group (NORP) in it; ``modified`` says the parse gives the
    name an adjective ("the Iran-backed Houthis"), which a plural word then makes a people.
    """
    name = text[start:end]
    words = name.split()
    low = [w.lower().strip(".,'’") for w in words]
    if set(low) & LOANWORDS:
        return "a body named in its own language"
    if _STAGE.match(text, max(0, start - 1)) and text[start - 1 : start] == "(" or CONTRACTION.search(name):
        return "a transcript's stage direction or a contraction"  # "(Laughs.)", "I’m"
    if len(words) == 1 and capital(name):
        return "a capital city"  # "Kyiv would fall": its government, not a person
    if _italic(text, start, end):
        return "a term in italics"
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".-/") or _DESIGNATION_AFTER.match(text, end):
        return "part of a designation"
    if _PLACE_OF.search(text, max(0, start - 20), start) or low[-1] in _PLACE_HEADS or _among_places(text, start, end, places) \
            or _paired_with_place(text, start, end, places):
        return "a place"
    if len(words) == 1 and (_plural_people(text, start, end, peoples) or modified and _plural(name)):
        return "a people"
    named = [w for w in low if w not in PARTICLES]
    if named and (all(w in common for w in named) or len(words) > 1 and _plural(words[-1]) and low[-1] in common):
        return "common words"  # (a plural common noun ends no one's name: "Indian Startups")
    return None


def common_words_only(name: str, common: frozenset[str]) -> bool:
    """Every word of the name (particles aside) is one the text also writes in lower case, or the
    name is a contraction: words of the sentence, not a name ("Official [Development Assistance]",
    "Leaders [Summit]", "Madam Vice President, [I’m]")."""
    if CONTRACTION.search(name):
        return True
    words = [w.lower().strip(".,'’") for w in name.split()]
    named = [w for w in words if w not in PARTICLES]
    return bool(named) and all(w in common for w in named)


def _among_places(text: str, start: int, end: int, places: frozenset[str]) -> bool:
    """Two places among the list items next to the name (two on one side, or one on each):
    "Sharjah, [Fujayrah], Ajman"; a pair ("Israel and Netanyahu") is no list of places."""
    found, a, b = 0, start, end
    for _ in range(2):
        m = _ITEM_BEFORE.search(text, max(0, a - 60), a)
        if m is None or m.group(1) not in places:
            break
        found, a = found + 1, m.start(1)
    for _ in range(2):
        m = _ITEM_AFTER.match(text, b)
        if m is None or m.group(1) not in places:
            break
        found, b = found + 1, m.end(1)
    return found >= 2


#: A preposition of place before a pair of names: "attacks from [Jinmen and Mazu]".
_LOCATIVE_BEFORE = lazy_re(r"\b(?:at|near|from|off|around)\s+(?:the\s+)?$")


def _paired_with_place(text: str, start: int, end: int, places: frozenset[str]) -> bool:
    """The name and a place are the two objects of a preposition of place: "from Jinmen and [Mazu]",
    "at [Jebel Ali] and Khalifa Port". Not after "in": "met Erdogan in Sochi and Xi" lists a place and a person."""
    before = _ITEM_BEFORE.search(text, max(0, start - 60), start)
    if before is not None and before.group(1) in places:
        return bool(_LOCATIVE_BEFORE.search(text, max(0, before.start(1) - 12), before.start(1)))
    after = _ITEM_AFTER.match(text, end)
    return after is not None and after.group(1) in places and bool(_LOCATIVE_BEFORE.search(text, max(0, start - 12), start))


#: An article or a quantifier just before a name: "in the [Sahel]", "each [Patriot]".
_DETERMINER_BEFORE = lazy_re(r"(?:^|[^\w])(?:the|The|a|an|An|each|Each|every|Every)\s+$")
#: Dependencies of a name that modifies the noun after it, which the article is then the noun's.
_MODIFIER_DEPS = {"compound", "nmod", "poss", "amod"}


def with_article(text: str, sdoc: Any, start: int, end: int) -> bool:
    """The name heads a noun phrase with an article or a quantifier: "in the [Sahel]", "each [Patriot]",
    "Gavi, the [Vaccine Alliance]". A person's name takes none; a name modifying the noun after it
    leaves the article to that noun ("the [Trump] Administration", "the [Zuckerman] mission")."""
    if not _DETERMINER_BEFORE.search(text, max(0, start - 16), start):
        return False
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or span.root.dep_ in _MODIFIER_DEPS:
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is None or not after.tag_.startswith("NN")


#: A company's or an institution's word after a name: "Lockheed Martin Corporation", "Cho Ray Hospital".
_BODY_WORD = r"(?:[ \t]+|[ \t]*\n[ \t]*)(?:Corporation|Corp\.|Company|Co\.|Inc\.?|Ltd\.?|LLC|PLC|Group|Holdings|Foundation|[Hh]ospitals?|[Uu]niversity)\b"


def named_as_body(text: str, name: str) -> bool:
    """Somewhere the text writes the name with a company's or an institution's word after it: the name is
    that body's, not a person's, wherever the model tags it PERSON ("Lockheed Martin" beside "Lockheed
    Martin Corporation")."""
    return re.search(re.escape(name) + _BODY_WORD, text) is not None


def _italic(text: str, start: int, end: int) -> bool:
    """``_word_`` or ``*word*`` (one mark, not the bold ``**``)."""
    if start == 0 or end >= len(text):
        return False
    mark = text[start - 1]
    return mark in "_*" and text[end] == mark and text[start - 2 : start - 1] != mark


def _plural_people(text: str, start: int, end: int, peoples: frozenset[str], hops: int = 2) -> bool:
    """One plural word after "the", or in a list beside a nationality: "the Houthis", "Serbs, Croats,
    and Slovenes" (a neighbour that is itself such a plural word counts, two words away at most)."""
    if not _plural(text[start:end]):
        return False
    if _ARTICLE_BEFORE.search(text, max(0, start - 5), start):
        return True
    before = _ITEM_BEFORE.search(text, max(0, start - 60), start)
    after = _ITEM_AFTER.match(text, end)
    for m in (before, after):
        if m is not None and (m.group(1) in peoples or hops > 1 and m.group(1) != text[start:end]
                              and _plural_people(text, m.start(1), m.end(1), peoples, hops - 1)):
            return True
    return False


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us")) and word[:1].isupper()


def modified(sdoc: Any, start: int, end: int) -> bool:
    """The parse attaches an adjective or a participle to the name ("Iran-backed", "rival")."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(c.dep_ == "amod" and c.i < span.start for c in span.root.children)


def norp_words(sdoc: Any) -> frozenset[str]:
    """The single words the model calls a nationality, religion or group (NORP) anywhere in the text."""
    return frozenset(e.text for e in sdoc.ents if e.label_ == "NORP" and " " not in e.text)


def place_names(sdoc: Any) -> frozenset[str]:
    """The names the model calls places (GPE, LOC) anywhere in the text, without a leading "the"."""
    return frozenset(re.sub(r"^[Tt]he\s+", "", e.text) for e in sdoc.ents if e.label_ in {"GPE", "LOC"})
