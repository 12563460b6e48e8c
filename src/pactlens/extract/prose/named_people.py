"""People from the statistical NER: which PERSON spans name a person.

Split from :mod:`pactlens.extract.prose.named` (which keeps the organizations). Each test
removes one *class* of false name by what the text shows about it (see
:mod:`pactlens.extract.prose.person_evidence`), and what a name is shown to be at one
mention it is at every mention: one sense per document. A name the text shows to be a
place ("from Jinmen and [Mazu]"), a company ("Lockheed Martin Corporation") or a thing
taking an article ("in the [Sahel]") at one mention is no person where the model tags
the same words PERSON again with no such sign; on unseen text most false people are
names whose one tell-tale mention the per-mention tests alone let through elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from pactlens.extract.prose.headings import headings
from pactlens.extract.prose.name_forms import (
    DEBRIS,
    DIGIT,
    FAITHS,
    MODEL_AFTER,
    NOT_ORG_FIRST,
    NOT_ORG_HEADS,
    PERSON_SHAPE,
    form_key,
    model_labels,
    trusted,
)
from pactlens.extract.prose.named import clean_span
from pactlens.extract.prose.org_evidence import classified, institution_head, listed_with_places, named_things
from pactlens.extract.prose.people import _SINGLE_TITLES, _TITLE_SET
from pactlens.extract.prose.person_evidence import (
    lowercase_words,
    modified,
    named_as_body,
    norp_words,
    not_a_person,
    place_names,
    with_article,
)
from pactlens.regexes import lazy_re
from pactlens.resources.states import lookup

__all__ = ["person_spans"]

#: Words that join the words of an organization's name but never a person's.
_FUNCTION = {"without", "of", "for", "the", "and", "on", "in", "at", "to", "from", "with", "&"}
#: A place a facility is named after: "Naval Support Facility (NSF) [Diego Garcia]".
_PLACE_BEFORE = lazy_re(r"\b(?:Facility|Station|Base|Airfield|Camp|Activity|Barracks)\s+(?:\([A-Z]{2,}\)\s+)?$")
_TRAILING_PARTICLES = {"bin", "Bin", "ibn", "Ibn", "al", "Al", "von", "van", "de", "da", "du", "der", "la", "le"}


def _strip_title(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Drop office words heading a span ("Acting U.S. Navy", "Crown Prince Salman"); say if any went."""
    stripped = False
    while True:
        m = re.match(r"(\S+)\s+", text[start:end])
        if not m:
            return start, end, stripped
        word = m.group(1)
        two = " ".join(text[start:end].split()[:2])
        if two in _TITLE_SET:
            start += len(two) + len(text[start + len(two) : end]) - len(text[start + len(two) : end].lstrip())
        elif word in _SINGLE_TITLES or word in {"Acting", "Former", "Deputy", "Sheikh", "Shaikh"}:
            start += m.end()
        else:
            return start, end, stripped
        stripped = True


def person_spans(doc: Any, sdoc: Any, inside, exclude_names: set[str]) -> list[tuple[int, int]]:
    """PERSON spans worth handing to the people merger, cleaned of titles, lines and possessives,
    less every mention of a name the text shows elsewhere to be no person's."""
    text = doc.text
    votes = model_labels(sdoc)
    heads = headings(doc)
    cleaned = [(e, *clean_span(text, e.start_char, e.end_char)) for e in sdoc.ents if e.label_ in {"PERSON", "ORG"}]
    things = named_things(text, [(a, b, text[a:b]) for _, a, b in cleaned])  # "a project, codenamed Tube Alloys"
    facts = _Facts(text, sdoc, votes, things, lowercase_words(text), norp_words(sdoc), place_names(sdoc))
    out: list[tuple[int, int]] = []
    not_people: set[str] = set()
    for e, *_ in cleaned:
        if not inside(e.start_char) or e.start_char in heads:
            continue  # (a headline's capitalised words are no evidence of a person: "Hagel Discusses …")
        a, b = clean_span(text, e.start_char, e.end_char)
        if e.label_ == "ORG" and not PERSON_SHAPE.match(text[a:b]):
            continue  # an ORG span shaped like a person's name is a person's ("Wernher von Braun")
        a, b, _ = _strip_title(text, a, b)
        b = _trim(text, a, b)
        if b <= a:
            continue
        name = text[a:b]
        if any(n and (name in n or n.endswith(name.split()[-1])) for n in exclude_names):
            continue  # the author in a byline or a credit line
        verdict = facts.verdict(a, b)
        if verdict == _THING:
            not_people.add(form_key(name))
        elif verdict == _PERSON:
            out.append((a, b))
    return [(a, b) for a, b in out if form_key(text[a:b]) not in not_people]


def _trim(text: str, a: int, b: int) -> int:
    """The end of the name less trailing particles ("Khalid Bin Ahmed Bin"); ``a`` when it is none."""
    name = text[a:b]
    if not name or DIGIT.search(name) or DEBRIS.search(name) or not name[0].isupper():
        return a
    words = name.split()
    if any(w.isupper() and len(w) > 2 for w in words) or any(w.lower() in _FUNCTION for w in words):
        return a  # "AWRE"; "Without Borders": not a person's name
    while len(words) > 1 and words[-1] in _TRAILING_PARTICLES:
        b = a + len(text[a:b][: -len(words.pop())].rstrip())
    return b


#: What one mention shows: a person's name, nothing either way (a heading, a lone word the model
#: doubts), or a thing (a place, a body, a people, a state): the last holds for every mention.
_PERSON, _UNSURE, _THING = "person", "unsure", "thing"


class _Facts:
    """What the document says of its names, computed once, and the verdict on one mention."""

    def __init__(self, text: str, sdoc: Any, votes: dict[str, Counter], things: set[str], common: frozenset[str],
                 peoples: frozenset[str], places: frozenset[str]) -> None:
        self.text, self.sdoc, self.votes, self.things = text, sdoc, votes, things
        self.common, self.peoples, self.places = common, peoples, places
        self.org_starts = {e.start_char for e in sdoc.ents if e.label_ == "ORG"}

    def verdict(self, a: int, b: int) -> str:
        text, name = self.text, self.text[a:b]
        words = name.split()
        if words[-1].lower() in NOT_ORG_HEADS or words[0].lower() in NOT_ORG_FIRST:
            return _THING  # "Abraham Accords", "Project mBridge"
        if len(words) == 2 and words[0].rstrip("-") in {"Al", "al", "El", "el"}:
            return _UNSURE  # "Al Khalifa" is a family
        if re.search(r"[A-Za-z]-[a-z]+$", words[-1]) or name in _TITLE_SET:
            return _UNSURE  # "Arleigh Burke-class" is a ship class; "Admiral" alone is no one
        if len(words) == 1 and not _single_ok(self.votes, name, self.sdoc, a):
            return _UNSURE
        if lookup(name) is not None or name.lower() in FAITHS or not trusted(self.votes, name, "PERSON"):
            return _THING
        if institution_head(name) or classified(text, a, b) or name in self.things or _PLACE_BEFORE.search(text, max(0, a - 40), a):
            return _THING  # a company ("Vickers Armstrong Shipbuilders", "aluminum giant Rusal"), a thing, a base's place
        if len(words) > 1 and named_as_body(text, name):
            return _THING  # "Lockheed Martin" where the text also writes "Lockheed Martin Corporation"
        if _body_in_apposition(text, self.org_starts, b):
            return _THING  # "Gavi, the Vaccine Alliance": what the apposition names, the name names
        if with_article(text, self.sdoc, a, b):
            return _THING  # "in the [Sahel]", "each [Patriot]", "Gavi, the [Vaccine Alliance]"
        why = not_a_person(text, a, b, self.common, self.peoples, modified(self.sdoc, a, b), self.places)
        if why is not None:
            return _UNSURE if why in _MENTION_ONLY else _THING
        if listed_with_places(self.sdoc, a, b) or MODEL_AFTER.match(text, b):
            return _THING  # a place in a list of places; a weapon ("Iron Dome batteries")
        return _PERSON


#: Reasons of :func:`not_a_person` that speak of one mention, not of what the name names.
_MENTION_ONLY = {"a transcript's stage direction or a contraction", "a term in italics", "part of a designation"}


#: A comma and an article after a name: where an apposition that renames it begins.
_RENAMED = lazy_re(r",\s+(?=[Tt]he\s)")


def _body_in_apposition(text: str, org_starts: set[int], end: int) -> bool:
    """"Gavi, the Vaccine Alliance": the apposition after the comma is a name the model calls an
    organization, so the name it renames is a body's. (A person's apposition is a post: "Dean Rusk,
    the Secretary of State".)"""
    m = _RENAMED.match(text, end)
    if m is None:
        return False
    return m.end() in org_starts


def _single_ok(votes: dict[str, Counter], name: str, sdoc: Any, start: int) -> bool:
    """A lone word is a person when the model says so every time it sees the word
    and either more than once ("Hitler") or where the parse makes it act ("Xi and
    Putin signed", "Putin's visit"); one PERSON tag on "Polaris" or "Map" is
    noise. A surname of someone named in full is merged by the people rules
    whatever this says."""
    c = votes.get(form_key(name), Counter())
    if c["PERSON"] != sum(c.values()):
        return False
    if c["PERSON"] >= 2:
        return True
    span = sdoc.char_span(start, start + len(name))
    return span is not None and span[0].dep_ in {"nsubj", "nsubjpass", "poss", "conj", "agent"}
