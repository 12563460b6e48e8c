"""People and organizations from the statistical NER, filtered and merged.

spaCy's small English NER finds nearly every person and organization a
report names, and as many things that are neither: amounts, treaties, acts
and reports, weapons, buildings, governments, posts, link debris. Each
filter below removes one *class* of such noise:

- spans across a line break or a table cell keep only their last line
  ("Ranking\\n\\nDemocracy | Freedom House" is "Freedom House");
- figures and currency amounts ("AU$50 billion", "W58", "C-130"), URLs and
  Markdown link debris are no names;
- a name whose head word is a document, a law, a plan or an event ("the
  National Defense Authorization Act", "Operation Epic Fury") is no
  organization; nor a building or a base ("Blair House", "Naval Support
  Facility"), nor a government or its stand-in ("the Trump Administration",
  "the Kremlin", "the White House"), nor a post one person holds
  ("Secretary of State"), nor a state, a people or a faith;
- a form the model labels otherwise more often than it labels it ORG
  (or PERSON) is not trusted for this document;
- an acronym is an organization only when the text ties it to one: the
  gazetteer knows it, "Full Name (ACR)" defines it, or a kept name has its
  initials;
- a name that is a person's (a surname, a full name) is not an organization.

Organizations are then merged by the same name written differently ("U.S.
State Department", "the Department of State"; "Forces"/"Force";
"Defence"/"Defense"), a bare head ("Navy") joins the one organization it can
mean, and an acronym its full name. The model's person names are read by
:mod:`pactlens.extract.prose.named_people` and go to
:func:`pactlens.extract.prose.people.find_people`, which merges them with the
role-introduced people by surname.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from pactlens.extract.prose.name_forms import (
    ACRONYM,
    BARE,
    CONTINUES,
    DEBRIS,
    DIGIT,
    FACILITY_WORDS,
    FAITHS,
    GENERIC,
    GOVERNMENT,
    LEADING,
    MODEL_AFTER,
    NOT_ORG_FIRST,
    NOT_ORG_HEADS,
    ORG_HEADS,
    PAREN_ACRONYM,
    PERSON_SHAPE,
    POSSESSIVE,
    POST_BEFORE,
    US,
    WORK_WORDS,
    OrgName,
    form_key,
    model_labels,
    name_key,
    trusted,
)
from pactlens.extract.prose.headings import headings
from pactlens.extract.prose.org_evidence import (
    PRODUCT_AFTER,
    a_term,
    agreement_like,
    chamber,
    classified,
    defined_bodies,
    institution_head,
    listed_with_places,
    named_things,
    not_org_acronyms,
    numbered_body,
    reports,
    spelled_as_bodies,
    supported,
)
from pactlens.extract.prose.org_merge import merge_organizations
from pactlens.extract.prose.table_bodies import tabled_bodies
from pactlens.extract.prose.people import _OCCUPATIONS, _SINGLE_TITLES, _TITLE_SET
from pactlens.regexes import lazy_re

__all__ = ["OrgName", "clean_span", "name_key", "organizations"]

#: A line this long that runs into the next is a hard-wrapped paragraph's, not a heading's.
_WRAP = 60


def clean_span(text: str, start: int, end: int, wrapped: bool = False) -> tuple[int, int]:
    """Trim a span to its last line or table cell, and of a leading article and a possessive.

    A line break inside the span cuts it; with ``wrapped``, only when it ends a paragraph or a
    short line the span began (a heading, a label): in a hard-wrapped paragraph it is a space
    ("Development Finance\n Corporation" is one name). (People keep the cut: their names are
    registered by their words, and a wrapped one is joined by its surname.)"""
    piece = text[start:end]
    cut = max(piece.rfind("|"), piece.rfind("\u00a0"), piece.rfind("\n\n"))
    first = piece.find("\n")
    if first >= 0 and (not wrapped or not text[text.rfind("\n", 0, start) + 1 : start].strip()
                       and start + first - text.rfind("\n", 0, start) < _WRAP):
        cut = max(cut, piece.rfind("\n"))  # the span began a line: that line is a heading or a cell
    if cut >= 0:
        start += cut + 1
    opened = text.rfind(" (", start, end)
    if opened > start and ")" not in text[opened:end]:
        end = opened  # "the Appellate Body (AB": the model ran into the acronym the name defines
    while start < end and text[start] in " \t\"'“”‘’(*-–—•":
        start += 1
    while end > start and text[end - 1] in " \t\"'“”‘’),.;:*":
        end -= 1
    m = LEADING.match(text[start:end])
    if m:
        start += m.end()
    m = POSSESSIVE.search(text[start:end])
    if m and end - start > 3:
        end -= len(m.group(0))
    return start, end


#: Office words in lower case: a name of policy words ending in one names a post.
_OFFICES = {t.lower() for t in _SINGLE_TITLES} | {o.lower() for o in _OCCUPATIONS}
_RANKS = {"Rear", "Vice", "Deputy", "Assistant", "Under", "Lieutenant", "Major", "Brigadier", "Acting", "Former", "First", "Chief"}


def organizations(doc: Any, sdoc: Any, inside, person_words: set[str], known: list[tuple[int, int]],
                  not_orgs: list[tuple[int, int]] = ()) -> list[OrgName]:
    """Organizations from ORG spans; ``known`` are gazetteer spans (left to the gazetteer),
    ``not_orgs`` spans of names already read as something else (agreements)."""
    from pactlens.resources.states import lookup

    text = doc.text
    votes = model_labels(sdoc)
    terms = not_org_acronyms(text)
    raw: list[tuple[int, int, str]] = []
    for e in sdoc.ents:
        if e.label_ not in _BODY_LABELS or not inside(e.start_char):
            continue
        a, b = clean_span(text, e.start_char, e.end_char, wrapped=True)
        if e.label_ in _PLACE_LABELS and not classified(text, a, b) or \
                e.label_ != "ORG" and not (institution_head(text[a:b]) or classified(text, a, b)):
            continue  # a "person", "product" or "place" the text makes a body is one: "Vickers Armstrong
            # Shipbuilders", "aluminum giant Rusal", "copper companies, Anaconda and Kennicott"
        m = re.match(r"(?:Acting|Former)\s+", text[a:b])
        if m:
            a += m.end()
        b = _completed(text, a, b)
        name = " ".join(text[a:b].split())  # a name wrapped over two lines is written with one space
        if " " not in name and _POST_AFTER.match(text, b) or _title_goes_on(text, name, b):
            continue  # "Treasury Secretary Scott Bessent": the word names a post, not a body at work; so does
            # the first word of a title the model cut ("the Crown[ Prince]")
        if not name or any(y <= a and b <= z for y, z in known):
            continue  # the gazetteer's (a longer name holding one, "United Nations Development Programme", is not)
        if POST_BEFORE.search(text, max(0, a - 40), a) and not (" " in name and institution_head(name)) \
                or MODEL_AFTER.match(text, b) or CONTINUES.match(text, b) or PRODUCT_AFTER.match(text, b):
            continue  # (the post's body itself is one: "Director of the [Central Intelligence Agency]")
        if PERSON_SHAPE.match(name) or (ACRONYM.match(name) and re.match(r"[–—-]?\s?[A-Z]{2,}\b", text[b : b + 4])):
            continue  # "Wernher von Braun"; "KELLOGG–BRIAND PACT" is a capitalised run, not an acronym
        if _rejected(name, bool(m), person_words, votes if e.label_ == "ORG" else {}, lookup):
            continue
        if a_term(name, terms) or agreement_like(name) or any(y < b and a < z for y, z in not_orgs):
            continue  # "KORUS FTA", "U.S. IPR"; "… Economic Partnership"; an agreement's name
        if listed_with_places(sdoc, a, b):
            continue
        raw.append((a, b, name))
    seen = [(a, b) for a, b, _ in raw] + list(known)
    tabled = [(a, b, n) for a, b, n in tabled_bodies(text, inside) if not any(y < b and a < z for y, z in seen)]
    raw += [(a, b, n) for a, b, n in defined_bodies(text, inside) + tabled if not any(y < b and a < z for y, z in seen)]
    vouched = {(a, b) for a, b, _ in tabled}  # a table's "Contractor" column says these are bodies
    things = {form_key(n) for n in named_things(text, raw)}
    raw = [(a, b, n) for a, b, n in raw if form_key(n) not in things]
    defined = {a for m in PAREN_ACRONYM.finditer(text) for a in (m.group(1), m.group(1).rstrip("s"))}
    defined -= spelled_as_bodies(text, inside)  # (spelled out as a body in an author's note, it is one: "CSIS")
    heads = headings(doc)
    merged = [g for g in merge_organizations(text, raw, inside, defined, votes)
              if not _only_a_place(g, sdoc) and not heads.holds_all(g.spans)]
    return [g for g in merged if supported([g.name, *g.forms], g.spans, text, votes, g.acronym)
            or vouched.intersection(g.spans) or reports(sdoc, g.spans)]


#: What completes a body's name the model cut at its head: "U.S. Agency[ for Global Media]", "House Select
#: Committee[ on the Strategic Competition Between the United States and the Chinese Communist Party]".
_NAME_TAIL = lazy_re(
    r"[ \t]+(?:for|of|on)[ \t]+(?:the[ \t]+)?[A-Z][\w.’'-]*(?:[ \t]+(?:(?:and|&|of|for|on|the)[ \t]+)*[A-Z][\w.’'-]*)*"
)
_COMPLETED_HEADS = {"agency", "committee", "commission", "council", "department", "ministry", "office", "bureau",
                    "administration", "institute", "board", "authority", "service", "center", "centre", "fund"}


def _completed(text: str, start: int, end: int) -> int:
    """The end of a body's name the model cut after its head word: the "for/of/on ..." capitalised
    tail is part of it (up to a possessive, which starts another name)."""
    words = text[start:end].split()
    if len(words) > 1 and words[-1] in {"for", "of", "on"}:  # cut after the preposition: "the U.S. Agency for"
        end = start + len(text[start:end].rstrip()) - len(words.pop())
        end = start + len(text[start:end].rstrip())
    head = words[-1].lower() if words else ""
    m = _NAME_TAIL.match(text, end) if head in _COMPLETED_HEADS else None
    if m is None:
        return end
    tail = re.split(r"['’]s\b", m.group(0))[0]
    return end + len(tail.rstrip(" .,"))


#: An office after a one-word body's name makes the two a post: "Treasury Secretary", "Pentagon spokesman".
_POST_AFTER = lazy_re(r"[ \t]+(?:Secretary|Minister|Spokes(?:man|woman|person)|spokes(?:man|woman|person))\b")

_NEXT_WORD = lazy_re(r"\s+([A-Z][\w.-]*)")


def _title_goes_on(text: str, name: str, end: int) -> bool:
    """The name's last word and the word after it make an office title: "Crown" before "Prince"."""
    m = _NEXT_WORD.match(text, end, end + 40)
    return m is not None and f"{name.split()[-1]} {m.group(1)}" in _TITLE_SET


_LOCATIVE = {"in", "at", "near", "outside", "around", "off"}
#: Labels of spans that may be organizations: ORG, and the others when the text says they name a body.
_BODY_LABELS = {"ORG", "PERSON", "PRODUCT", "GPE", "LOC"}
#: A "place" is a body only when the text classes it so ("the West Bank" ends in "Bank" and is none).
_PLACE_LABELS = {"GPE", "LOC"}


def _only_a_place(g: OrgName, sdoc: Any) -> bool:
    """A one-word name only ever the object of "in", "at", "near" is a place ("at Aldermaston")."""
    if any(" " in f or ACRONYM.match(f) for f in (g.name, *g.forms)):
        return False
    for a, b in g.spans:
        span = sdoc.char_span(a, b)
        if span is None or not (span.root.dep_ == "pobj" and span.root.head.lower_ in _LOCATIVE):
            return False
    return True


#: Heads that make "<head> for/of/on …" a body whatever word ends it: "European Bank for Reconstruction and
#: Development", "Organization for Economic Co-operation and Development", "Court of Justice".
_BODY_HEADS_BEFORE_OF = _COMPLETED_HEADS | {
    "bank", "fund", "organization", "organisation", "corporation", "union", "federation", "association",
    "foundation", "society", "court", "tribunal", "assembly", "parliament", "academy", "college", "university",
    "school", "league", "party", "secretariat", "directorate", "command",
}


def _head_before_of(low: list[str], heads: set[str] = _BODY_HEADS_BEFORE_OF) -> bool:
    """The name's head stands before its first "for", "of" or "on" and is one of ``heads``: "Agency for …
    Development" is an agency, "Economic Framework for Prosperity" a framework."""
    at = next((i for i, w in enumerate(low) if w in {"for", "of", "on"}), None)
    return at is not None and at > 0 and low[at - 1] in heads


def _rejected(name: str, titled: bool, person_words: set[str], votes, lookup) -> bool:
    if numbered_body(name):
        name = re.sub(r"(?:\s+\d+)+$", "", name)  # "Task Force 59" is judged as "Task Force"
    words = name.split()
    low = [w.lower() for w in words]
    if not name[:1].isupper() or DIGIT.search(name) and not numbered_body(name) or DEBRIS.search(name) or "$" in name \
            or ":" in name:
        return True
    if low[-1] in NOT_ORG_HEADS and not (low[-1] in {"programme", "program"} and re.match(r"(?:United Nations|UN|World)\b", name)) \
            and not chamber(name) and not _head_before_of(low):
        return True  # (the UN's and the World's programmes are agencies; the Upper House is a chamber; the
        # "Agency for International Development" is headed by "Agency")
    if _head_before_of(low, NOT_ORG_HEADS) and not chamber(name):
        return True  # (but the "House of Commons" is a chamber)
    if low[0] in NOT_ORG_FIRST or GOVERNMENT.search(name) or low[-1] in {"executive", "officer"}:
        return True  # ("Chief Polaris Executive" is a post)
    if set(low) & FACILITY_WORDS:
        return True  # a base or a building named with its place: "Marine Corps Air Station Futenma"
    if not words[-1][:1].isupper() or set(low) & WORK_WORDS or set(low) <= GENERIC:
        return True  # "Foreign Military Sales to"; "... Country Report on ..."; "National Security"
    if len(words) == 3 and low[1] == "and" and low[-1] not in ORG_HEADS:
        return True  # "Shimoda and Hakodate": two names
    if low[-1].endswith("ed") and low[-1] not in {"united", "limited", "incorporated", "allied"}:
        return True  # a table heading: "Bahrain Notified"
    if re.fullmatch(r"[\w.’']+[-–][\w.’']+", name) and not re.match(r"(?:Al|El)-", name):
        return True  # a compound modifier: "U.S.-Bahraini", "Qom–Yiwu", "Indo-Pacific"
    bare = US.sub("", name)
    if len(words) == 1 and (low[0] in BARE or low[0] in FAITHS):
        return True
    if len(bare.split()) == 1 and (bare.lower() in GENERIC or bare in {"Naval", "Royal", "Central", "Joint", "Federal"}):
        return True  # "U.S. Naval": a name cut short
    if name in _TITLE_SET or titled and len(words) == 1 or (words[-1] in _SINGLE_TITLES and set(words[:-1]) <= _RANKS):
        return True  # a post: "Rear Admiral", "Secretary of State" (the U.S. Trade Representative's office is not)
    if len(words) > 1 and low[-1] in _OFFICES and set(low[:-1]) <= GENERIC:
        return True  # a post named by its field: "National Security Advisor", "Foreign Minister"
    if lookup(name) is not None or lookup(bare) is not None or (len(words) == 1 and lookup(name.rstrip("s")) is not None):
        return True  # a state ("UAE") or its people ("Bahrainis")
    if words[-1] in person_words or (len(words) == 1 and name in person_words):
        return True  # "USTR Greer", "Kushner": a person's name
    if not ACRONYM.match(name) and not trusted(votes, name, "ORG"):
        return True
    return False
