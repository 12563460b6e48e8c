"""What makes a name the model calls ORG an organization: evidence for it, not only no evidence against.

On documents nobody tuned the rules on, most of the NER's false
organizations are names that nothing in the text marks as a body: a heading
("Select Sectors"), a weapon ("Blue Streak"), a town ("Barrow"), a person the
model mislabels, an agreement's acronym ("KORUS"), a term's acronym ("U.S.
IPR"). Real organizations usually carry their kind in their name (a head
noun of an institution: Ministry, Agency, Council, Command, Party, Bank,
Committee; a company's suffix or trade: Inc., Corporation, Steel, Aerospace)
or in their context ("aluminum giant Rusal", "Coupang, Inc., a U.S.-based
e-commerce company"), or the text defines an acronym for them, or the model
calls them ORG wherever it meets them. A name with none of these is left out:
precision first, as for speakers.

The functions here only weigh evidence; :mod:`pactlens.extract.prose.named`
applies them to the candidates it has already cleaned and filtered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pactlens.extract.prose.name_forms import (
    ACRONYM,
    GENERIC,
    ITEM_BEFORE,
    NOT_ORG_HEADS,
    ORG_HEADS,
    PAREN_ACRONYM,
    US,
    form_key,
)
from pactlens.regexes import lazy_re
from pactlens.resources.lexicon import words

#: Head nouns of institutions (with ``ORG_HEADS``): a name ending in one, or "<head> of/for …", is a body.
INSTITUTION_HEADS = ORG_HEADS | {
    "party", "parliament", "congress", "senate", "diet", "assembly", "cabinet", "court", "tribunal",
    "army", "navy", "corps", "fleet", "guard", "police", "militia", "brigade", "division", "regiment",
    "battalion", "squadron", "wing", "unit", "team", "mission", "secretariat", "directorate", "inspectorate",
    "college", "academy", "school", "league", "movement", "front", "coalition", "consortium", "club",
    "observatory", "laboratory", "laboratories", "establishment", "embassy", "consulate", "chiefs", "archives",
    "museum", "exchange", "commissariat", "staff", "chamber", "pentagon", "admiralty", "treasury",
}
#: A company's legal suffix.
COMPANY_SUFFIXES = {
    "inc", "corp", "co", "ltd", "llc", "plc", "ag", "gmbh", "sa", "nv", "bv", "spa", "lp", "llp", "pjsc",
    "jsc", "oao", "pao", "limited", "incorporated", "holdings",
}
#: A trade that ends a company's name ("Nippon Steel", "General Electric Aerospace").
INDUSTRY_HEADS = {
    "steel", "aerospace", "materials", "motors", "airlines", "airways", "petroleum", "oil", "chemicals",
    "pharmaceuticals", "shipbuilding", "shipbuilders", "shipyards", "dockyard", "dockyards", "telecom",
    "telecommunications", "mining", "metals", "technology", "technologies", "semiconductor", "electronics",
    "logistics", "capital", "partners", "ventures", "media", "broadcasting", "engineering", "dynamics",
    "energy", "electric", "enterprises", "airline", "bank", "insurance", "investments",
}
#: Heads that make a name an agreement, a deal or a relationship between states, not a body.
AGREEMENT_HEADS = {"partnership", "deal", "deals", "alliance", "fta", "arrangement", "arrangements", "understanding"}
#: A noun that classes the name after it as a body: "aluminum giant Rusal", "Japanese firm Nippon Steel".
_CLASSIFIER_BEFORE = lazy_re(
    r"\b(?:company|companies|firm|giant|group|maker|manufacturer|contractor|shipbuilder|shipyard|operator|broadcaster|"
    r"network|newspaper|outlet|lender|bank|insurer|miner|producer|exporter|supplier|airline|startup|"
    r"conglomerate|organi[sz]ation|NGO|militia|party|movement|think[ -]tank|agency|institute|university|consultancy|"
    r"provider|developer|subsidiary|affiliate|corporation|charity|watchdog|monitor)\s+(?:the\s+)?$"
)
#: A plural kind of body opening a list of names: "companies, ", "firms such as ", "banks including ", "chipmakers (".
_CLASSIFIER_OPENS_LIST = lazy_re(
    r"\b(?:companies|firms|groups|makers|chipmakers|automakers|manufacturers|contractors|shipbuilders|operators|"
    r"broadcasters|networks|newspapers|outlets|lenders|banks|insurers|miners|producers|exporters|suppliers|airlines|"
    r"carriers|startups|conglomerates|organi[sz]ations|NGOs|militias|parties|movements|think[ -]tanks|agencies|"
    r"institutes|universities|corporations|charities|giants)(?:,|:|\s+\(|\s+(?:such\s+as|like|including))\s+$"
)
#: An apposition that classes the name before it: "Coupang, Inc., a U.S.-based e-commerce company".
_CLASSIFIER_AFTER = lazy_re(
    r"^(?:,?\s+(?:Inc|Corp|Co|Ltd|LLC|PLC)\.?)?,\s+(?:a|an|the)\s+(?:[\w.’'-]+\s+){0,5}?"
    r"(?:company|firm|group|maker|manufacturer|contractor|shipbuilder|operator|broadcaster|network|newspaper|"
    r"outlet|lender|bank|insurer|miner|producer|organi[sz]ation|NGO|militia|party|movement|think[ -]tank|agency|"
    r"institute|university|consultancy|provider|developer|subsidiary|corporation|charity|watchdog|union)\b"
    r"|^[’']s?\s+(?:CEO|chief executive|executives?|employees|staff|shares|stock|subsidiary|founder|board|members)\b"
    r"|^-(?:owned|operated|run|backed|funded|built|made)\b"  # "an Amazon-owned data center"
    # a trade and its kind after the name: "the Anaconda copper company", "the Wagner mercenary group"
    r"|^\s+(?:[a-z-]+\s+){1,2}(?:company|firm|corporation|conglomerate|group|bank|airline|carrier|network)\b"
    # what a news outlet gives: "a Fox News interview", "a Reuters poll"
    r"|^\s+(?:interview|broadcast|poll|editorial|op-ed|documentary|podcast)s?\b"
    # people it employs: "Yale law professors", "Pentagon officials", "House Foreign Affairs Chairman Eliot Engel"
    r"|^\s+(?:(?!(?:and|or|nor|with|by|to|of)\s)[a-z]+\s+)?(?:officials?|professors?|researchers?|scholars?|analysts?|economists?|spokes(?:man|woman|person)|"
    r"executives?|employees|staff(?:ers)?|lawmakers|personnel|engineers|scientists|diplomats|negotiators|investigators|"
    r"inspectors|Chairman|Chairwoman|Chair)\b"
)
#: A thing introduced by its kind and a name: "a missile called Blue Streak", "a base called 'NSA Bahrain'",
#: "a nuclear weapons project, codenamed Tube Alloys".
_CALLED = lazy_re(
    r"\b(?:missile|rocket|bomber|aircraft|plane|jet|fighter|helicopter|drone|submarine|ship|vessel|tank|warhead|"
    r"system|satellite|weapon|programme|program|project|operation|exercise|base|facility|station|airfield|port|"
    r"plan|initiative|policy|doctrine|treaty|agreement|deal|pact|bill|report|vehicle|engine|device|site|camp)s?"
    r"(?:\s+\([A-Z]{2,}\))?,?\s+(?:called|named|codenamed|code-named|dubbed|known\s+as)\s+(?:the\s+)?[\"“']?$",
    re.I,
)
#: "the Blue Streak missile": a codename before a weapon's noun (a maker's name takes no article: "Boeing aircraft").
_THE_BEFORE = lazy_re(r"\b[Tt]he\s+$")
_WEAPON_AFTER = lazy_re(
    r"\s+(?:stand-?off\s+|ballistic\s+|cruise\s+|nuclear\s+)?(?:missiles?|rockets?|bombers?|submarines?|warheads?)\b"
)
#: A financial instrument named by its issuer: "U.S. Treasury securities", "Gazprom bonds".
PRODUCT_AFTER = lazy_re(r"\s+(?:securities|bonds|bills|notes|yields|debt|shares|stock)\b")
#: "intellectual property rights (IPR)", "foreign direct investment (FDI)": an acronym a lower-case phrase defines.
_TERM_DEFINED = lazy_re(r"\b[a-z][a-z-]+\s+\(([A-Z][A-Z&-]{0,8}[A-Z]s?)[)—–,;:]")
#: "(KORUS FTA)", "(USMCA)" after a name: the acronym words the parenthesis defines.
_PAREN = lazy_re(r"\(([A-Z][A-Za-z&-]{1,10}(?:\s[A-Z][A-Za-z&-]{1,10}){0,2})[)—–,;:]")


#: A body's number, not a figure: "Task Force 59", "the 40 Committee" (a year is a date: "2024 Summit").
_NUMBER = lazy_re(r"(?!(?:1[89]|20)\d\d$)\d{1,4}")


def numbered_body(name: str) -> bool:
    """The name's only figures are whole numbers that number a body: "Task Force 59", "40 Committee"."""
    words = name.split()
    rest = [w for w in words if not _NUMBER.fullmatch(w)]
    return len(rest) < len(words) and not any(c.isdigit() for w in rest for c in w) and institution_head(" ".join(rest))


def institution_head(name: str) -> bool:
    """The name carries an institution's head noun, a company's suffix or a company's trade
    (a number after it is the body's: "Task Force 59")."""
    words = [w.strip(".,’'") for w in name.split()]
    while len(words) > 1 and _NUMBER.fullmatch(words[-1]):
        words.pop()
    low = [w.lower() for w in words if w]
    if not low:
        return False
    if low[-1] in INSTITUTION_HEADS or low[-1] in COMPANY_SUFFIXES or chamber(name):
        return True
    if low[-1] in {"programme", "program"} and _UN.match(name):
        return True  # the UN's and the World's programmes are agencies
    if low[-1] in INDUSTRY_HEADS and len(low) >= 2 and not set(low[:-1]) <= GENERIC:
        return True  # "Nippon Steel"; "Nuclear Energy" is a topic
    for i in range(1, len(low)):
        if low[i] in {"of", "for"} and low[i - 1] in INSTITUTION_HEADS | {"house"}:
            return True  # "Bank of Japan", "Office of the U.S. Trade Representative", "House of Commons"
    return False


_UN = lazy_re(r"(?:United Nations|UN|U\.N\.|World)\b")
_CHAMBER = lazy_re(r"^(?:Upper|Lower)\s+House$|^House\s+of\s+[A-Z]")


def chamber(name: str) -> bool:
    """A chamber of a parliament: "Upper House", "House of Commons" (a "House" alone is a building)."""
    return bool(_CHAMBER.match(name))


def agreement_like(name: str) -> bool:
    """A name headed by a word of agreements or relationships ("Regional Comprehensive Economic
    Partnership", "U.S.-Korea Strategic Trade and Investment Deal", "the U.S.-Japan Military Alliance")."""
    words = name.split()
    return bool(words) and words[-1].lower().strip(".,") in AGREEMENT_HEADS


def classified(text: str, start: int, end: int) -> bool:
    """The text says what kind of body the name is, just before or just after it, or before the list
    the name ends ("copper companies, Anaconda and Kennicott", "chipmakers such as Nvidia, AMD and Micron")."""
    if _CLASSIFIER_BEFORE.search(text, max(0, start - 40), start) or _CLASSIFIER_AFTER.match(text[end : end + 120]):
        return True
    pos = start
    for _ in range(6):  # back over the list's earlier items to the words that open it
        if _CLASSIFIER_OPENS_LIST.search(text, max(0, pos - 60), pos):
            return True
        m = ITEM_BEFORE.search(text, max(0, pos - 80), pos)
        if m is None:
            return False
        pos = m.start(1)
    return False


def named_things(text: str, spans: list[tuple[int, int, str]]) -> set[str]:
    """Forms the text names as things anywhere: introduced as "a <thing> called X", or "the X missile"."""
    out: set[str] = set()
    for a, b, name in spans:
        if _CALLED.search(text, max(0, a - 60), a) or (
            _THE_BEFORE.search(text, max(0, a - 5), a) and _WEAPON_AFTER.match(text, b)
        ):
            out.add(name)
    return out


def not_org_acronyms(text: str) -> set[str]:
    """Acronyms the text defines for something that is no body: a lower-case term ("intellectual
    property rights (IPR)") or a name headed by an agreement's, a law's or a plan's word
    ("Free Trade Agreement (KORUS FTA)": both KORUS and KORUS FTA)."""
    out = {m.group(1) for m in _TERM_DEFINED.finditer(text)}
    for m in _PAREN.finditer(text):
        before = text[max(0, m.start() - 80) : m.start()].split()
        head = before[-1].lower().strip(",.") if before else ""
        if head in NOT_ORG_HEADS or head in AGREEMENT_HEADS or head in {"agreement", "treaty", "act"}:
            inside = m.group(1)
            out.add(inside)
            out.update(w for w in inside.split() if ACRONYM.match(w))
    return out


def a_term(name: str, terms: set[str]) -> bool:
    """"U.S. IPR", "KORUS FTA", "KORUS": every word after a "U.S." is an acronym of a term or an agreement."""
    bare = US.sub("", name).split()
    return bool(bare) and all(w in terms for w in bare)


def listed_with_places(sdoc: Any, start: int, end: int) -> bool:
    """The name stands in a list of places ("France, Germany, British India, the Irish Free State")."""
    span = sdoc.char_span(start, end, alignment_mode="expand") if sdoc is not None else None
    if span is None:
        return False
    root = span.root
    mates = [t for t in root.children if t.dep_ == "conj"]
    if root.dep_ == "conj":
        mates.append(root.head)
        mates += [t for t in root.head.children if t.dep_ == "conj" and t is not root]
    return sum(t.ent_type_ in {"GPE", "LOC"} for t in mates) >= 3  # a list, not a pair ("Israel and Hamas")


def supported(forms: list[str], spans: list[tuple[int, int]], text: str, votes, acronym: str | None) -> bool:
    """Some evidence that the merged name is an organization (see the module's docstring)."""
    if acronym or any(ACRONYM.match(f) for f in forms):
        return True  # an acronym defined for it, or the model's acronym (kept only when trusted, see org_merge)
    if any(institution_head(f) for f in forms):
        return True
    if len(spans) >= 2 and all(_always_org(votes, f) for f in forms):
        return True
    return any(classified(text, a, b) for a, b in spans)


def _always_org(votes, form: str) -> bool:
    c = votes.get(form_key(form))
    return c is None or c["ORG"] == sum(c.values())


#: "U.S. Forces Japan (USFJ)": capitalised words (small words between) and the acronym they define.
_DEFINES = lazy_re(
    r"(?P<name>(?:[A-Z][\w.’'-]*\s+(?:(?:of|for|and|on|the)\s+){0,2}){1,7}[A-Z][\w’'-]*)\s+\((?P<acr>[A-Z][A-Z&]{1,7}[A-Z])\)"
)


def _letters(word: str) -> str:
    """The initials a word gives an acronym: "US" for "U.S.", "F" for "Forces"."""
    return word.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.)+", word) else word[0]


def defined_bodies(text: str, inside) -> list[tuple[int, int, str]]:
    """Bodies the text names and abbreviates, "Full Name (ACR)", where the NER saw none: the
    initials must spell the acronym and a word of the name must be an institution's
    ("U.S. Forces Japan (USFJ)", "Joint Boundary Commission (JBC)")."""
    out: list[tuple[int, int, str]] = []
    for m in _DEFINES.finditer(text):
        if not inside(m.start()):
            continue
        words = list(re.finditer(r"\S+", m.group("name")))
        for i, w in enumerate(words):  # the shortest tail of the capitalised run that spells the acronym
            tail = [x.group(0) for x in words[i:] if x.group(0)[0].isupper()]
            if tail and "".join(_letters(x) for x in tail) == m.group("acr"):
                name = m.group("name")[w.start() :]
                if {x.lower() for x in tail} & INSTITUTION_HEADS:
                    out.append((m.start("name") + w.start(), m.end("name"), name))
                break
    return out



def spelled_as_bodies(text: str, inside: Callable[[int], bool]) -> set[str]:
    """Acronyms the text spells out as a body outside its body ("Center for Strategic and International
    Studies (CSIS)" in an author's note): used alone in the body, they name that body, not something else.
    (Spelled out in the body, the full name is a candidate itself, and the acronym joins it or falls with it.)"""
    out: set[str] = set()
    for _, b, _ in defined_bodies(text, lambda at: not inside(at)):
        m = PAREN_ACRONYM.match(text, text.find("(", b))
        if m:
            out.add(m.group(1))
    return out


#: Verbs of saying and publishing: a name the model calls ORG that reports, announces or states
#: something is a body at work ("Reuters reported", "CSIS previously reported", "Gazprom announced").
_REPORTING = frozenset(words("speech_verbs")) | {"reported", "reports", "published", "publishes"}


def reports(sdoc: Any, spans: list[tuple[int, int]]) -> bool:
    """The name is, somewhere, the subject of a verb of saying or publishing."""
    for a, b in spans:
        span = sdoc.char_span(a, b, alignment_mode="expand")
        if span is not None and span.root.dep_ == "nsubj" and span.root.head.lower_ in _REPORTING:
            return True
    return False
