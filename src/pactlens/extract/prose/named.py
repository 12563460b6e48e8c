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
mean, and an acronym its full name. Person names go to
:func:`pactlens.extract.prose.people.find_people`, which merges them with the
role-introduced people by surname.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from pactlens.extract.prose.people import _SINGLE_TITLES, _TITLE_SET

#: Head words of names that are documents, laws, plans, events or products, not bodies.
_NOT_ORG_HEADS = {
    "treaty", "agreement", "agreements", "accord", "accords", "act", "convention", "protocol", "charter",
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
}
#: Words that make any name holding them a place where a body works, not the body.
_FACILITY_WORDS = {"station", "airfield", "facility", "airport", "barracks", "base"}
#: Words that make any name holding them a title of a work or a topic, not a body.
_WORK_WORDS = {"report", "review", "overview", "background", "practices", "hearing", "testimony"}
#: Policy words: a name made of nothing else is a topic ("National Security", "Defense & Intelligence").
_GENERIC = {"national", "defense", "defence", "security", "foreign", "affairs", "military", "economic", "strategic",
            "international", "public", "policy", "trade", "nuclear", "intelligence", "and", "&", "of", "the"}
#: Head words that let a name hold "and" ("Ways and Means Committee"); two places joined by "and" are two.
_ORG_HEADS = {
    "committee", "council", "commission", "organization", "organisation", "society", "institute", "agency",
    "bank", "fund", "service", "services", "department", "ministry", "office", "corporation", "company",
    "group", "forces", "force", "university", "center", "centre", "association", "federation", "union",
    "foundation", "board", "bureau", "authority", "administration", "data", "studies", "industries", "command",
}
#: First words that make a name a plan, an operation or an event.
_NOT_ORG_FIRST = {"operation", "project", "exercise", "battle", "treaty", "agreement", "act", "pact"}
#: Governments and their stand-ins ("the Kremlin"): GOLD.md says they are not organizations.
_GOVERNMENT = re.compile(
    r"^(?:[\w.-]+\s+)?Administration$|"  # "the Trump Administration"; the Federal Aviation Administration is an agency
    r"\b(?:Government|Govt|Kremlin|White House|Oval Office|Downing Street|Élysée|Elysee|"
    r"Zhongnanhai|Blue House|Cabinet Office|Shogunate|Regime|Junta)\b|^(?:State|States|Defense|Defence|Treasury Department of)$"
)
#: Words that are an organization only as part of a longer name.
_BARE = {
    "state", "states", "defense", "defence", "treaty", "pact", "agreement", "allied", "allies", "cross",
    "controller", "administration", "government", "doc", "alliance", "union", "council", "committee",
    "command", "ministry", "department", "office", "agency", "commission", "court", "army", "forces",
    "force", "navy", "party", "parliament", "assembly",
}
_FAITHS = {"islam", "judaism", "christianity", "hinduism", "buddhism", "shia", "shias", "sunni", "sunnis",
           "shiite", "shiites", "catholic", "catholics", "muslims", "jews", "christians"}
_DEBRIS = re.compile(r"\]\(|https?:|www\.|[/\[\]|#_=<>{}@]|\.(?:pdf|html?|jpe?g|png)\b", re.I)
_DIGIT = re.compile(r"\d")
_ACRONYM = re.compile(r"^[A-Z][A-Z&-]{0,8}[A-Z]s?$")
#: "… (ACR)": where the text defines an acronym, whatever it stands for.
_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Z&-]{0,8}[A-Z]s?)[)—–,;:]")
#: A name the text goes on with: "Bipartisan Congressional Trade Priorities [and Accountability Act]".
_CONTINUES = re.compile(r"\s+(?:and|of|for|on)\s+(?:[A-Z][\w’'-]*\s+){0,5}(?:Act|Treaty|Agreement|Accords?|Convention|Protocol|Strategy|Report)\b")
#: Person-shaped: given name, particle, surname ("Wernher von Braun"), whatever the model says.
_PERSON_SHAPE = re.compile(r"^[A-Z][a-zà-ž]+\s+(?:von|van|de|da|di|del|bin|ibn|al)\s+[A-Z][\w-]+$")
#: An office before a name makes it part of a post: "Secretary of [Defense for ...]", "Director of [Central Intelligence]".
_POST_BEFORE = re.compile(
    r"\b(?:Secretary|Minister|Director|Commissioner|Chief|Head|Administrator|Deputy|Assistant|Under"
    r"|Treaty|Convention|Agreement|Pact|Act|Protocol|Declaration)\s+(?:General\s+)?(?:of|for|on)\s+(?:the\s+)?(?:[A-Z]\w+\s+and\s+)?$"
)  # also "Treaty of Peace and [Amity]": part of an agreement's name
#: A maker's name before a model number is a product: "Saab 340", "Antonov An-30", "Airbus A319".
_MODEL_AFTER = re.compile(
    r"\s+(?:(?:[A-Z][A-Za-z]{0,2}-?)?\d|(?:stand-off\s+|ballistic\s+|cruise\s+)?(?:missiles?|rockets?|bombers?|aircraft|"
    r"submarines?|warheads?|tanks?|jets?|fighters?|helicopters?|drones?)\b)"
)  # also "the Blue Streak missile": a weapon's name
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"['’]s?$")
_STOP = {"of", "the", "and", "for", "on", "in", "to", "&", "de", "du", "des", "la", "le"}
_US = re.compile(r"^(?:U\.S\.|US|U\.S|United States|American|USA)\s+")
_SPELLING = {"defence": "defense", "organisation": "organization", "programme": "program", "centre": "center",
             "&": "and", "forces": "force", "co-operation": "cooperation"}


@dataclass
class OrgName:
    """One organization the NER found, merged over its forms."""

    name: str  # the fullest form written
    spans: list[tuple[int, int]] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    acronym: str | None = None


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a span to its last line or table cell, and of a leading article and a possessive."""
    piece = text[start:end]
    cut = max(piece.rfind("\n"), piece.rfind("|"), piece.rfind("\u00a0"))
    if cut >= 0:
        start += cut + 1
    while start < end and text[start] in " \t\"'“”‘’(*-–—•":
        start += 1
    while end > start and text[end - 1] in " \t\"'“”‘’),.;:*":
        end -= 1
    m = _LEADING.match(text[start:end])
    if m:
        start += m.end()
    m = _POSSESSIVE.search(text[start:end])
    if m and end - start > 3:
        end -= len(m.group(0))
    return start, end


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


def name_key(name: str) -> str:
    """A name's spelling-blind key: case, dashes, British/American spelling, "&"/"and", plural "Forces"."""
    return _key(_LEADING.sub("", name))


def _key(name: str) -> str:
    words = re.sub(r"[\s–—-]+", " ", name.lower()).replace("’", "'").split()
    words = [_SPELLING.get(w, w) for w in words]
    return " ".join(words)


def _state_key(key: str) -> str:
    """"bahraini defense force" and "bahrain defense force": a leading state adjective or name as its code."""
    from pactlens.resources.states import lookup

    first, _, rest = key.partition(" ")
    state = lookup(first) if rest else None
    return f"{state.iso3} {rest}" if state is not None else key


def _inverted(key: str) -> str:
    """"department of state" → "state department": one key for both word orders."""
    m = re.fullmatch(r"((?:\S+ )?)(department|ministry|office|bureau|agency|council) of (?:the )?(.+)", key)
    return f"{m.group(1)}{m.group(3)} {m.group(2)}" if m else key


def _initials(name: str, small: bool = False) -> str:
    """"CSIS" for "Center for Strategic & International Studies"; with ``small``, "COR" for
    "Council of Representatives"."""
    words = [w for w in re.split(r"[\s–—-]+", name) if w and (small or (w.lower() not in _STOP and w[0].isupper()))]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def _labels(sdoc: Any) -> dict[str, Counter]:
    """How the model labels each surface form across the document."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for e in sdoc.ents:
        votes[_key(_POSSESSIVE.sub("", _LEADING.sub("", e.text.strip())))][e.label_] += 1
    return votes


def _trusted(votes: dict[str, Counter], form: str, label: str) -> bool:
    c = votes.get(_key(form))
    if not c:
        return True
    return c[label] * 2 >= sum(c.values())


def person_spans(doc: Any, sdoc: Any, inside, exclude_names: set[str]) -> list[tuple[int, int]]:
    """PERSON spans worth handing to the people merger, cleaned of titles, lines and possessives."""
    from pactlens.resources.states import lookup

    text = doc.text
    votes = _labels(sdoc)
    out = []
    for e in sdoc.ents:
        if e.label_ not in {"PERSON", "ORG"} or not inside(e.start_char):
            continue
        a, b = _clean(text, e.start_char, e.end_char)
        if e.label_ == "ORG" and not _PERSON_SHAPE.match(text[a:b]):
            continue  # an ORG span shaped like a person's name is a person's ("Wernher von Braun")
        a, b, _ = _strip_title(text, a, b)
        name = text[a:b]
        if not name or _DIGIT.search(name) or _DEBRIS.search(name) or not name[0].isupper():
            continue
        words = name.split()
        if any(w.isupper() and len(w) > 2 for w in words) or any(w.lower() in _FUNCTION for w in words):
            continue  # "AWRE"; "Without Borders": not a person's name
        while len(words) > 1 and words[-1] in _TRAILING_PARTICLES:  # "Khalid Bin Ahmed Bin"
            b = a + len(text[a:b][: -len(words.pop())].rstrip())
            name = text[a:b]
        if words[-1].lower() in _NOT_ORG_HEADS or words[0].lower() in _NOT_ORG_FIRST:
            continue  # "Abraham Accords", "Project mBridge"
        if len(words) == 2 and words[0].rstrip("-") in {"Al", "al", "El", "el"}:
            continue  # "Al Khalifa" is a family
        if re.search(r"[A-Za-z]-[a-z]+$", words[-1]) or name in _TITLE_SET:
            continue  # "Arleigh Burke-class" is a ship class; "Admiral" alone is no one
        if len(words) == 1 and not _single_ok(votes, name, sdoc, a):
            continue
        if lookup(name) is not None or name.lower() in _FAITHS or not _trusted(votes, name, "PERSON"):
            continue
        if any(n and (name in n or n.endswith(words[-1])) for n in exclude_names):
            continue  # the author in a byline or a credit line
        out.append((a, b))
    return out


_RANKS = {"Rear", "Vice", "Deputy", "Assistant", "Under", "Lieutenant", "Major", "Brigadier", "Acting", "Former", "First", "Chief"}
#: Words that join the words of an organization's name but never a person's.
_FUNCTION = {"without", "of", "for", "the", "and", "on", "in", "at", "to", "from", "with", "&"}


_TRAILING_PARTICLES = {"bin", "Bin", "ibn", "Ibn", "al", "Al", "von", "van", "de", "da", "du", "der", "la", "le"}


def _single_ok(votes: dict[str, Counter], name: str, sdoc: Any, start: int) -> bool:
    """A lone word is a person when the model says so every time it sees the word
    and either more than once ("Hitler") or where the parse makes it act ("Xi and
    Putin signed", "Putin's visit"); one PERSON tag on "Polaris" or "Map" is
    noise. A surname of someone named in full is merged by the people rules
    whatever this says."""
    c = votes.get(_key(name), Counter())
    if c["PERSON"] != sum(c.values()):
        return False
    if c["PERSON"] >= 2:
        return True
    span = sdoc.char_span(start, start + len(name))
    return span is not None and span[0].dep_ in {"nsubj", "nsubjpass", "poss", "conj", "agent"}


def organizations(doc: Any, sdoc: Any, inside, person_words: set[str], known: list[tuple[int, int]]) -> list[OrgName]:
    """Organizations from ORG spans; ``known`` are gazetteer spans (left to the gazetteer)."""
    from pactlens.resources.states import lookup

    text = doc.text
    votes = _labels(sdoc)
    raw: list[tuple[int, int, str]] = []
    for e in sdoc.ents:
        if e.label_ != "ORG" or not inside(e.start_char):
            continue
        a, b = _clean(text, e.start_char, e.end_char)
        m = re.match(r"(?:Acting|Former)\s+", text[a:b])
        if m:
            a += m.end()
        name = text[a:b]
        if not name or any(y <= a and b <= z for y, z in known):
            continue  # the gazetteer's (a longer name holding one, "United Nations Development Programme", is not)
        if _POST_BEFORE.search(text, max(0, a - 40), a) or _MODEL_AFTER.match(text, b) or _CONTINUES.match(text, b):
            continue
        if _PERSON_SHAPE.match(name) or (_ACRONYM.match(name) and re.match(r"[–—-]?\s?[A-Z]{2,}\b", text[b : b + 4])):
            continue  # "Wernher von Braun"; "KELLOGG–BRIAND PACT" is a capitalised run, not an acronym
        if _rejected(name, bool(m), person_words, votes, lookup):
            continue
        raw.append((a, b, name))
    defined = {a for m in _PAREN_ACRONYM.finditer(text) for a in (m.group(1), m.group(1).rstrip("s"))}
    return [g for g in _merge(text, raw, inside, defined, votes) if not _only_a_place(g, sdoc)]


_LOCATIVE = {"in", "at", "near", "outside", "around", "off"}


def _only_a_place(g: OrgName, sdoc: Any) -> bool:
    """A one-word name only ever the object of "in", "at", "near" is a place ("at Aldermaston")."""
    if any(" " in f or _ACRONYM.match(f) for f in (g.name, *g.forms)):
        return False
    for a, b in g.spans:
        span = sdoc.char_span(a, b)
        if span is None or not (span.root.dep_ == "pobj" and span.root.head.lower_ in _LOCATIVE):
            return False
    return True


def _rejected(name: str, titled: bool, person_words: set[str], votes, lookup) -> bool:
    words = name.split()
    low = [w.lower() for w in words]
    if not name[:1].isupper() or _DIGIT.search(name) or _DEBRIS.search(name) or "$" in name or ":" in name:
        return True
    if low[-1] in _NOT_ORG_HEADS and not (low[-1] in {"programme", "program"} and re.match(r"(?:United Nations|UN|World)\b", name)):
        return True  # (the UN's and the World's programmes are agencies)
    if low[0] in _NOT_ORG_FIRST or _GOVERNMENT.search(name):
        return True
    if set(low) & _FACILITY_WORDS:
        return True  # a base or a building named with its place: "Marine Corps Air Station Futenma"
    if not words[-1][:1].isupper() or set(low) & _WORK_WORDS or set(low) <= _GENERIC:
        return True  # "Foreign Military Sales to"; "... Country Report on ..."; "National Security"
    if len(words) == 3 and low[1] == "and" and low[-1] not in _ORG_HEADS:
        return True  # "Shimoda and Hakodate": two names
    if low[-1].endswith("ed") and low[-1] not in {"united", "limited", "incorporated", "allied"}:
        return True  # a table heading: "Bahrain Notified"
    if re.fullmatch(r"[\w.’']+[-–][\w.’']+", name) and not re.match(r"(?:Al|El)-", name):
        return True  # a compound modifier: "U.S.-Bahraini", "Qom–Yiwu", "Indo-Pacific"
    bare = _US.sub("", name)
    if len(words) == 1 and (low[0] in _BARE or low[0] in _FAITHS):
        return True
    if len(bare.split()) == 1 and (bare.lower() in _GENERIC or bare in {"Naval", "Royal", "Central", "Joint", "Federal"}):
        return True  # "U.S. Naval": a name cut short
    if name in _TITLE_SET or titled and len(words) == 1 or (words[-1] in _SINGLE_TITLES and set(words[:-1]) <= _RANKS):
        return True  # a post: "Rear Admiral", "Secretary of State" (the U.S. Trade Representative's office is not)
    if lookup(name) is not None or lookup(bare) is not None or (len(words) == 1 and lookup(name.rstrip("s")) is not None):
        return True  # a state ("UAE") or its people ("Bahrainis")
    if words[-1] in person_words or (len(words) == 1 and name in person_words):
        return True  # "USTR Greer", "Kushner": a person's name
    if not _ACRONYM.match(name) and not _trusted(votes, name, "ORG"):
        return True
    return False


def _merge(text: str, raw: list[tuple[int, int, str]], inside, defined: set[str], votes) -> list[OrgName]:
    """Group forms of one organization; tie acronyms to full names; drop unexplained acronyms."""
    groups: dict[str, OrgName] = {}
    acronyms: list[tuple[int, int, str]] = []
    for a, b, name in raw:
        if _ACRONYM.match(name):
            acronyms.append((a, b, name))
            continue
        key = _inverted(_state_key(_key(_US.sub("U.S. ", name))))  # "U.S. Navy", "US Navy", "United States Navy": one
        g = groups.setdefault(key, OrgName(name))
        if len(name) > len(g.name):
            if g.name not in g.forms:
                g.forms.append(g.name)
            g.name = name
        elif name != g.name and name not in g.forms:
            g.forms.append(name)
        g.spans.append((a, b))
        m = re.match(r"\s*\(([A-Z][A-Z&-]{0,8}[A-Z]s?)\)", text[b : b + 14])
        if m:
            g.acronym = g.acronym or m.group(1)
    _join_bare_heads(groups)
    by_acronym: dict[str, OrgName] = {}
    for g in groups.values():
        for form in (g.name, *g.forms):
            for ini in (_initials(form), _initials(form, small=True)):
                if len(ini) >= 2:
                    by_acronym.setdefault(ini, g)
        if g.acronym:
            by_acronym[g.acronym] = g
    taken = {(a, b) for a, b, _ in acronyms}
    for g in groups.values():  # a defined acronym names the organization wherever it stands
        if g.acronym:
            for m in re.finditer(rf"(?<![\w-]){re.escape(g.acronym)}(?![\w-])", text):
                if inside(m.start()) and m.span() not in taken and not any(a <= m.start() < b for a, b in g.spans):
                    acronyms.append((m.start(), m.end(), g.acronym))
    for a, b, name in acronyms:
        g = by_acronym.get(name) or by_acronym.get(name.rstrip("s"))
        if g is None:
            # Spelled out as something else ("NDAA", "FMS"): no organization. Never spelled out:
            # the model's word, if it says ORG each time ("NBC", "CRS").
            if name in defined or not _trusted(votes, name, "ORG") or name in _ACRONYM_NOT_ORG:
                continue
            key = name
            g = groups.setdefault(key, OrgName(name))
        g.spans.append((a, b))
        if name != g.name and name not in g.forms:
            g.forms.append(name)
    _join_of_forms(groups)
    return [g for g in groups.values() if g.spans]


#: Acronyms of things the model often calls organizations.
_ACRONYM_NOT_ORG = {"GDP", "FDI", "ICBM", "ICBMs", "SLBM", "SLBMs", "FTA", "MOU", "WMD", "CEO", "PDF", "TV", "UK", "US", "USA"}


def _join_of_forms(groups: dict[str, OrgName]) -> None:
    """"Ministry of Defence of Great Britain" joins "Ministry of Defence": the name and its holder's state."""
    names = {k: _key(g.name) for k, g in groups.items()}
    for key in sorted(groups, key=lambda k: len(names[k]), reverse=True):
        base = next((k for k in groups if k != key and names[key].startswith(names[k] + " of ")), None)
        if base is not None:
            g = groups.pop(key)
            groups[base].spans += g.spans
            groups[base].forms += [f for f in [g.name, *g.forms] if f not in groups[base].forms]


def _join_bare_heads(groups: dict[str, OrgName]) -> None:
    """"Navy" joins "U.S. Navy", "State Department" "U.S. State Department", when that is the only
    organization so named with a qualifier; a one-word name that could be several is dropped."""
    for key in sorted(groups, key=len):
        owners = [k for k in groups if k != key and k.endswith(" " + key)]
        if len(owners) == 1:
            g, owner = groups.pop(key), groups[owners[0]]
            owner.spans += g.spans
            owner.forms += [f for f in [g.name, *g.forms] if f not in owner.forms and f != owner.name]
        elif owners and " " not in key:
            groups.pop(key)
