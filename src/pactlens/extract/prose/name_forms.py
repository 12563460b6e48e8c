"""How an organization's name is written: the vocabulary that tells a body's name from a law, a
place, a post or a topic, the keys that make two spellings of one name equal, and how the model
labels each form across a document.

Shared by the NER filters (:mod:`pactlens.extract.prose.named`) and the merger of an organization's
forms (:mod:`pactlens.extract.prose.org_merge`), so that both compare names by the same key.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any
from pactlens.regexes import lazy_re

#: Head words of names that are documents, laws, plans, events or products, not bodies.
NOT_ORG_HEADS = {
    "treaty", "treaties", "agreement", "agreements", "accord", "accords", "act", "convention", "conventions",
    "protocol", "protocols", "charter",
    "declaration", "strategy", "review", "report", "reports", "register", "doctrine", "program", "programme",
    "provision", "provisions", "sales", "initiative", "crisis", "restoration", "war", "equipment", "missile",
    "missiles", "systems", "system", "posture", "resolution", "statement", "communiqué", "memorandum", "plan",
    "budget", "law", "code", "assessment", "estimate", "index", "data", "trends", "online", "images",
    "newspaper", "magazine", "journal", "times", "press", "library", "libraries", "routes", "corridor",
    "pipeline", "railway", "sea", "seas", "ocean", "region", "isles", "strait", "gulf", "river", "facility",
    "base", "station", "house", "room", "table", "hall", "palace", "airport", "bridge", "canal", "lines",
    "payments", "transfer", "network", "expenditures", "products", "version", "history", "research", "area",
    "zone", "summit", "talks", "conference", "dialogue", "process", "framework", "mechanism", "round",
    "pact", "presence", "weapons", "weapon", "overview", "background", "practices", "bodies", "development",
    "ally",  # a status a state holds: "Major Non-NATO Ally"
}
#: Words that make any name holding them a place where a body works, not the body.
FACILITY_WORDS = {"station", "airfield", "facility", "airport", "barracks", "base"}
#: Words that make any name holding them a title of a work or a topic, not a body.
WORK_WORDS = {"report", "review", "overview", "background", "practices", "hearing", "testimony"}
#: Policy words: a name made of nothing else is a topic ("National Security", "Defense & Intelligence").
GENERIC = {"national", "defense", "defence", "security", "foreign", "affairs", "military", "economic", "strategic",
            "international", "public", "policy", "trade", "nuclear", "intelligence", "and", "&", "of", "the"}
#: Head words that let a name hold "and" ("Ways and Means Committee"); two places joined by "and" are two.
ORG_HEADS = {
    "committee", "council", "commission", "organization", "organisation", "society", "institute", "agency",
    "bank", "fund", "service", "services", "department", "ministry", "office", "corporation", "company",
    "group", "forces", "force", "university", "center", "centre", "association", "federation", "union",
    "foundation", "board", "bureau", "authority", "administration", "data", "studies", "industries", "command",
}
#: First words that make a name a plan, an operation, an event or a document ("Terms of Reference",
#: "Letters of Acceptance", "Code of Conduct", "Statement of Intent").
NOT_ORG_FIRST = {"operation", "project", "exercise", "battle", "treaty", "agreement", "act", "pact", "terms",
                 "letters", "letter", "statement", "articles", "code", "declaration", "memorandum", "minutes"}
#: Governments and their stand-ins ("the Kremlin"): GOLD.md says they are not organizations.
GOVERNMENT = lazy_re(
    r"^(?:[\w.-]+\s+)?Administration$|"  # "the Trump Administration"; the Federal Aviation Administration is an agency
    r"\b(?:Government|Govt|Kremlin|White House|Oval Office|Downing Street|Élysée|Elysee|"
    r"Zhongnanhai|Blue House|Cabinet Office|Shogunate|Regime|Junta)\b|^(?:State|States|Defense|Defence|Treasury Department of)$"
)
#: Words that are an organization only as part of a longer name.
BARE = {
    "state", "states", "defense", "defence", "treaty", "pact", "agreement", "allied", "allies", "cross",
    "controller", "administration", "government", "doc", "alliance", "union", "council", "committee",
    "command", "ministry", "department", "office", "agency", "commission", "court", "army", "forces",
    "force", "navy", "party", "parliament", "assembly",
}
FAITHS = {"islam", "judaism", "christianity", "hinduism", "buddhism", "shia", "shias", "sunni", "sunnis",
           "shiite", "shiites", "catholic", "catholics", "muslims", "jews", "christians"}
DEBRIS = lazy_re(r"\]\(|https?:|www\.|[/\[\]|#_=<>{}@]|\.(?:pdf|html?|jpe?g|png)\b", re.I)
DIGIT = lazy_re(r"\d")
ACRONYM = lazy_re(r"^[A-Z][A-Z&-]{0,8}[A-Z]s?$")
#: "… (ACR)": where the text defines an acronym, whatever it stands for.
PAREN_ACRONYM = lazy_re(r"\(([A-Z][A-Z&-]{0,8}[A-Z]s?)[)—–,;:]")
#: A name the text goes on with: "Bipartisan Congressional Trade Priorities [and Accountability Act]".
CONTINUES = lazy_re(r"\s+(?:and|of|for|on)\s+(?:[A-Z][\w’'-]*\s+){0,5}(?:Act|Treaty|Agreement|Accords?|Convention|Protocol|Strategy|Report)\b")
#: Person-shaped: given name, particle, surname ("Wernher von Braun"), whatever the model says.
PERSON_SHAPE = lazy_re(r"^[A-Z][a-zà-ž]+\s+(?:von|van|de|da|di|del|bin|ibn|al)\s+[A-Z][\w-]+$")
#: An office before a name makes it part of a post: "Secretary of [Defense for ...]", "Director of [Central Intelligence]".
POST_BEFORE = lazy_re(
    r"\b(?:Secretary|Minister|Director|Commissioner|Chief|Head|Administrator|Deputy|Assistant|Under"
    r"|Treaty|Convention|Agreement|Pact|Act|Protocol|Declaration)\s+(?:General\s+)?(?:of|for|on)\s+(?:the\s+)?(?:[A-Z]\w+\s+and\s+)?$"
)  # also "Treaty of Peace and [Amity]": part of an agreement's name
#: A maker's name before a model number is a product: "Saab 340", "Antonov An-30", "Airbus A319".
MODEL_AFTER = lazy_re(
    r"\s+(?:(?:[A-Z][A-Za-z]{0,2}-?)?\d|(?:stand-off\s+|ballistic\s+|cruise\s+)?(?:missiles?|rockets?|bombers?|aircraft|"
    r"submarines?|warheads?|tanks?|jets?|fighters?|helicopters?|drones?|batter(?:y|ies)|interceptors?|launchers?)\b)"
)  # also "the Blue Streak missile": a weapon's name
#: A list item of up to three capitalised words, before or after a name: "Abu Dhabi, Dubai, Sharjah, [Fujayrah]".
ITEM_BEFORE = lazy_re(r"((?:[A-Z][\w'’&-]+\s+){0,2}[A-Z][\w'’&-]+)\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+)$")
ITEM_AFTER = lazy_re(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+)((?:[A-Z][\w'’&-]+\s+){0,2}[A-Z][\w'’&-]+)")
LEADING = lazy_re(r"^(?:the|The|THE)\s+")
POSSESSIVE = lazy_re(r"['’]s?$")
STOP = {"of", "the", "and", "for", "on", "in", "to", "&", "de", "du", "des", "la", "le"}
US = lazy_re(r"^(?:U\.S\.|US|U\.S|United States|American|USA)\s+")
SPELLING = {"defence": "defense", "organisation": "organization", "programme": "program", "centre": "center",
             "&": "and", "forces": "force", "co-operation": "cooperation"}


@dataclass
class OrgName:
    """One organization the NER found, merged over its forms."""

    name: str  # the fullest form written
    spans: list[tuple[int, int]] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    acronym: str | None = None


def name_key(name: str) -> str:
    """A name's spelling-blind key: case, dashes, British/American spelling, "&"/"and", plural "Forces"."""
    return form_key(LEADING.sub("", name))


def form_key(name: str) -> str:
    words = re.sub(r"[\s–—-]+", " ", name.lower()).replace("’", "'").split()
    words = [SPELLING.get(w, w) for w in words]
    return " ".join(words)


def state_key(key: str) -> str:
    """"bahraini defense force" and "bahrain defense force": a leading state adjective or name as its code."""
    from pactlens.resources.states import lookup

    first, _, rest = key.partition(" ")
    state = lookup(first) if rest else None
    return f"{state.iso3} {rest}" if state is not None else key


def inverted(key: str) -> str:
    """"department of state" → "state department": one key for both word orders."""
    m = re.fullmatch(r"((?:\S+ )?)(department|ministry|office|bureau|agency|council) of (?:the )?(.+)", key)
    return f"{m.group(1)}{m.group(3)} {m.group(2)}" if m else key


def initials(name: str, small: bool = False) -> str:
    """"CSIS" for "Center for Strategic & International Studies"; with ``small``, "COR" for
    "Council of Representatives"."""
    words = [w for w in re.split(r"[\s–—-]+", name) if w and (small or (w.lower() not in STOP and w[0].isupper()))]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def model_labels(sdoc: Any) -> dict[str, Counter]:
    """How the model labels each surface form across the document."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for e in sdoc.ents:
        votes[form_key(POSSESSIVE.sub("", LEADING.sub("", e.text.strip())))][e.label_] += 1
    return votes


def trusted(votes: dict[str, Counter], form: str, label: str) -> bool:
    c = votes.get(form_key(form))
    if not c:
        return True
    return c[label] * 2 >= sum(c.values())
