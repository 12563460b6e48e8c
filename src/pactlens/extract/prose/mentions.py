"""Agreements named in writing about them: "Comprehensive Strategic Partnership Treaty",
"the Iran-Russia Treaty", "USMCA", each mention stripped of noise and states, and the mentions
of one agreement gathered.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from pactlens.extract.records import KIND_RE, agreement_kind
from pactlens.model import AgreementKind
from pactlens.resources.lexicon import alternation, phrases
from pactlens.extract.state_forms import state_mentions
from pactlens.resources.states import StateMention, find_states
from pactlens.structure.doc import Doc
from pactlens.regexes import lazy_re

HEAD_WORDS = phrases("agreement_nouns", case="title") + "|Programme|Program"
#: Instrument words that name an agreement only in a title: "the Helsinki Final Act", "the
#: Founding Act on Mutual Relations ...", "the Korean Armistice", "the Christmas Truce"; and the
#: plurals that name several instruments as one ("the Torrijos-Carter Treaties", "the Uruguay
#: Round Agreements"). Tried before the lexicon's singular words, whose prefix they share.
_TITLE_HEADS = r"Treaties|Agreements|Conventions|Protocols|Final\s+Act|Founding\s+Act|Armistice|Truce|Ceasefire|Cease-[Ff]ire"
#: The instrument word a plural or title-only head stands for (its head, for merging mentions).
_HEAD_FORMS = {"treaties": "treaties", "agreements": "agreements", "conventions": "conventions", "protocols": "protocols",
               "final act": "act", "founding act": "act", "armistice": "armistice", "truce": "truce",
               "ceasefire": "ceasefire", "cease-fire": "ceasefire"}
#: A capitalised word (accented letters too: "Hay-Herrán"), or initials ("U.S.", "U.K."), each
#: maybe joined to more by a dash ("U.S.-Mexico-Canada", "Anglo-Japanese"); or a year.
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_CAP = rf"(?:(?:[A-Z]\.){{2,}}|[{_UPPER}](?:[^\W\d_]|['\u2019])*)"
_WORD = rf"{_CAP}(?:[-\u2013]{_CAP})*"
_NAME_WORD = rf"(?:{_WORD}(?:[^\S\n]+\({_CAP}\))?|\d{{4}})"  # (a word's other spelling after it: "Shangtung (Shandong) Treaty")  # (a year only before the instrument word: "the 2025 ... Treaty", not "Treaty of 1858")
#: Words that end an instrument's name only in prose, and only where the name says what kind of
#: instrument it is (``_OTHER_OK``): "the Indo-Pacific Economic Framework for Prosperity", "the
#: Wassenaar Arrangement", "the Guidelines for Japan-U.S. Defense Cooperation", "the Camp David
#: Joint Statement", "the U.S.-Korea Strategic Trade and Investment Deal", "the Trans-Pacific
#: Partnership" -- not "the National Defense Framework", "a Press Statement", "the New Deal", "the
#: Comprehensive Strategic Partnership" (a relationship).
_OTHER_HEADS = r"Framework|Arrangement|Guidelines|Statement|Communiqu[eé]|Deal|Partnership"
_OTHER_HEAD = lazy_re(rf"\b(?:{_OTHER_HEADS})\b")  # (a name goes on past one to a capitalised word: "... Partnership Treaty")
_OTHER_OK = {
    "framework": lazy_re(r"(?i)\b(?:co-?operation|economic|trade|security|partnership|agreed|joint|trilateral|bilateral)\b"),
    "arrangement": lazy_re(r"."),
    "guidelines": lazy_re(r"(?i)\b(?:defen[cs]e|co-?operation|security)\b"),
    "statement": lazy_re(r"\bJoint\b"),
    "communiqué": lazy_re(r"\bJoint\b|^[A-Z]"),
    "communique": lazy_re(r"\bJoint\b|^[A-Z]"),
    "deal": lazy_re(r"(?i)\b(?:trade|investment|nuclear|peace|arms|phase)\b"),
    "partnership": lazy_re(r"(?i)\b(?:economic|trade|trans-pacific|investment)\b"),
}
_CONNECT = r"(?:of|on|the|and|for|to|in|between|de|\u2013|-)"
#: "Comprehensive Strategic Partnership Treaty", "Treaty on Open Skies", "TREATY ON OPEN SKIES".
_SP = r"(?:[^\S\n]+|[^\S\n]*\n(?![^\S\n]*\n)[^\S\n]*)"  # a name never runs over a blank line (a heading stands apart); a wrapped line goes on
#: Words (each with the connectors after it) a name may carry before its instrument word. The
#: connectors are taken possessively (a capitalised connector, "THE", is also a word: trying both
#: readings was exponential) and the words are bounded (a long run of capitalised words without an
#: instrument word was rescanned from every start: quadratic). No name in the corpus comes near it.
MAX_NAME_WORDS = 24
_NAMED = lazy_re(
    rf"(?<![\w-])(?P<name>(?:{_NAME_WORD}{_SP}(?:{_CONNECT}{_SP})*+){{0,{MAX_NAME_WORDS}}}?(?:(?:{_TITLE_HEADS})(?!{_SP}{_CAP})|{HEAD_WORDS}|(?:{_OTHER_HEADS})(?!{_SP}{_CAP}))"
    rf"(?:{_SP}(?:on|of|for|between|[Cc]oncerning|[Rr]egarding){_SP}(?:the{_SP})?{_WORD}(?:{_SP}(?:and{_SP})?{_WORD})*){{0,3}})(?![\w-])"
)
_NAMED_CAPS = lazy_re(
    r"(?<![\w-])(?P<name>(?:[A-Z][A-Z'\u2019-]+[^\S\n]+(?:(?:OF|ON|THE|AND|FOR|TO)[^\S\n]+)*+)"
    rf"{{0,{MAX_NAME_WORDS}}}?"
    rf"(?:{phrases('agreement_nouns', case='upper')}|PROGRAMME|PROGRAM)"
    r"(?:[^\S\n]+(?:ON|OF|FOR)[^\S\n]+(?:THE[^\S\n]+)?[A-Z][A-Z'\u2019-]+(?:[^\S\n]+[A-Z][A-Z'\u2019-]+)*)?)(?![\w-])"
)
#: "the Bahrain-Israel agreement", "the Israel-UAE deal", "the U.S.-Japan mutual defense treaty":
#: states joined by a dash before a lower-case instrument word (and up to three lower-case words of
#: its own) name an agreement too (checked to be states in ``named_mentions``).
_COMPOUND_LOWER = lazy_re(
    r"(?<![\w-])(?P<name>[A-Z][\w.]*(?:[-\u2013][A-Z][\w.]*)+[^\S\n]+(?:[a-z][a-z-]*[^\S\n]+){0,3}(?:agreement|deal|treaty|pact|accords?|accord|truce|ceasefire|cease-fire|armistice))(?![\w-])"
)
#: A programme is an agreement only when its name says it is one ("Cooperation Program"), not
#: an organization or a policy ("United Nations Development Programme", "Nuclear Program").
_PROGRAMME_OK = lazy_re(r"(?i)\b(?:co-?operation|partnership|action|joint|strategic|comprehensive|bilateral|exchange)\b")
#: An alliance named by its treaty but meant as the group of its members: "NATO and Warsaw Pact
#: countries", "the then-members of NATO and the Warsaw Pact".
_AS_GROUP = lazy_re(r"\s+(?:countries|members|member\s+states|states|nations|forces|allies|governments|bloc)\b")
_MEMBERS_OF = lazy_re(r"\bmembers\s+of\s+(?:[A-Z]{2,}\s+and\s+)?(?:the\s+)?$")
#: (``match`` at the name's end: no ``^``, which matches only at a line start whatever the position.)
_ORG_TAIL = lazy_re(r"\s*(?:Organi[sz]ation|Commission|Council|Committee|Secretariat|Conference|Alliance|Area|Zone|Act)\b")
_LEAD_NOISE = lazy_re(
    rf"(?i)^(?:(?:{alternation('months')}|The|THE|A|An|This|That|These|Its|Their|New|Formal|Historic|Landmark|First|Initial|Bilateral|Proposed"
    r"|Signed|Newly|Current|Existing|Said|Under|In|On|By|With|From|And|Of|For|To|While|Although|Though|When|After"
    r"|Before|Since|If|As|But|However|Moreover|Indeed|Additionally|Furthermore|Notably|Also|Both|Each|Through"
    r"|During|Via|Whereas|Because|Once|Until|Unlike|Like|Including|Following|Despite|Thus|Hence|Yet|So|Then"
    r"|Meanwhile|Nevertheless|Accordingly|Similarly|Likewise|Today|Here|There|It|He|She|They|We|\d{4}"
    r"|(?-i:[IVXLC]{2,}))\b(?:['\u2019]s\b)?[\s,]*)+"  # "Today’s Memorandum of Understanding"  # a section's numeral: "§ XII Treaty to be ratified"
)

#: "between X and Y" right after a name: its parties, up to where the list ends.
_BETWEEN_AFTER = lazy_re(r"[^\S\n]+between[^\S\n]+(?P<list>[^,.;:()\n]{0,80}?)(?=[,.;:()\n]|\s(?:which|that|who|was|is|were|in|on|to|for)\b|$)")


@dataclass
class NamedMention:
    start: int
    end: int
    name: str  # stripped of leading noise and states
    words: tuple[str, ...]
    head: str  # the instrument word
    states: list[StateMention] = field(default_factory=list)  # states in its name ("Russia-Iran ... Treaty")
    compound: bool = False  # the name is only states and the head ("Iran-Russia Treaty")
    lower: bool = False  # states and lower-case words, no proper name ("the U.S.-Japan trade deal")


@dataclass
class WrittenAgreement:
    """An agreement a brief names, gathering its mentions."""

    name: str
    words: tuple[str, ...]
    head: str
    mentions: list[NamedMention] = field(default_factory=list)
    first: int = 0

    @property
    def key(self) -> frozenset[str]:
        return key_of(self.words)


def key_of(words: tuple[str, ...]) -> frozenset[str]:
    """A name's words without its connectors: the same words in another order are the same name."""
    return frozenset(w for w in words if w not in {"of", "on", "the", "and", "for", "to", "in", "between"})


_TITLE_HEAD_RE = lazy_re(rf"\b(?:{_TITLE_HEADS})\b")
#: The ends of fighting written in lower case after the states that agree them ("a brief Portuguese-Algerian truce").
_TRUCE = lazy_re(r"(?i)\b(?:truce|cease-?fire|armistice)\b")
_ANY_HEAD = lazy_re(rf"\b(?:{_TITLE_HEADS}|{HEAD_WORDS}|{_OTHER_HEADS})\b")
#: The kind a plural or title-only head makes (``agreement_kind`` knows the lexicon's words only).
_TITLE_KINDS = {"treaties": "treaty", "conventions": "treaty"}


def _head_of(name: str) -> str:
    m = KIND_RE.search(name)
    t = _TITLE_HEAD_RE.search(name)
    if t and (m is None or t.start() < m.start()):
        return _HEAD_FORMS[re.sub(r"\s+", " ", t.group(0)).lower()]
    return m.group(0).lower() if m else "agreement"


def kind_of(name: str) -> AgreementKind:
    """The kind of agreement a name says it is, plural and title-only heads included ("the
    Torrijos-Carter Treaties" are treaties, "the Helsinki Final Act" an agreement)."""
    t = _TITLE_HEAD_RE.search(name)
    m = KIND_RE.search(name)
    if t and (m is None or t.start() < m.start()):
        return _TITLE_KINDS.get(t.group(0).lower(), "agreement")  # type: ignore[return-value]
    return agreement_kind(name)


def named_mentions(doc: Doc) -> list[NamedMention]:
    text = doc.text
    out: list[NamedMention] = []
    # Spans taken so far, none overlapping another, kept sorted: an overlap is a binary search.
    starts: list[int] = []
    ends: list[int] = []
    for rx in (_NAMED_CAPS, _NAMED, _COMPOUND_LOWER):
        for m in rx.finditer(text):
            a, b = m.span("name")
            if _ORG_TAIL.match(text, b) or _AS_GROUP.match(text, b) or _MEMBERS_OF.search(text, max(0, a - 40), a):
                continue  # "North Atlantic Treaty Organisation", "Warsaw Pact countries", "members of the Warsaw Pact"
            b = _quoted_end(text, a, b)
            i = bisect.bisect_left(starts, b)  # the spans starting before b: only the last can reach past a
            if doc.in_footnotes(a) or (i > 0 and ends[i - 1] > a):
                continue
            if rx is _COMPOUND_LOWER and len(state_mentions(text, a, b, capitals=False)) < 2:
                continue
            mention = _make_mention(doc, a, b)
            if mention is not None:
                mention.lower = rx is _COMPOUND_LOWER
                starts.insert(i, a)
                ends.insert(i, b)
                out.append(mention)
    out.sort(key=lambda x: x.start)
    return out


def _dash_joined(states: list[StateMention]) -> list[StateMention]:
    """States a dash joins to another in a name, wherever in it: they are whose it is."""
    out: list[StateMention] = []
    for x, y in zip(states, states[1:]):
        if 0 <= y.start - x.end <= 1:
            out += [m for m in (x, y) if m not in out]
    return out


#: A title in quotation marks goes on to its closing mark over commas and lower-case words the
#: name pattern stops at: "the “Founding Act on Mutual Relations, Cooperation, and Security between
#: NATO and the Russian Federation,”", "the “London Declaration on a Transformed North Atlantic
#: Alliance.”" -- only over words of a title (capitalised, or the small words titles keep).
_QUOTED_REST = lazy_re(r"(?P<rest>(?:,?[^\S\n]+(?:[A-Z][\w'\u2019-]*|a|an|and|the|of|on|for|to|in|between|with|concerning|regarding))*)[,.]?[\u201d\"]")
_QUOTE_OPEN = lazy_re(r"[\u201c\"][^\S\n]*(?:[Tt]he[^\S\n]+)?$")
#: Two names joined before the instrument word: "NATO and the Warsaw Pact", "The Panama Canal and
#: the Torrijos-Carter Treaties": the last is the agreement's.
_TWO_NAMES = lazy_re(
    r"(?:(?:[A-Z]{2,}|(?:the\s+)?[A-Z]\w+(?:\s+[A-Z]\w+)*\s+(?:Organi[sz]ation|Union|Community))\s+and\s+(?:the\s+)?|.*\s+and\s+the\s+)")


def _quoted_end(text: str, a: int, b: int) -> int:
    """Where a name that opens a quotation ends: at its closing mark, if only a title's words lie between."""
    if not _QUOTE_OPEN.search(text, max(0, a - 6), a):
        return b
    rest = _QUOTED_REST.match(text, b)
    return rest.end("rest") if rest and rest.end() - b < 160 else b


def _make_mention(doc: Doc, a: int, b: int) -> NamedMention | None:
    raw = doc.text[a:b]
    at_head = _ANY_HEAD.search(raw)
    two = _TWO_NAMES.match(raw, 0, at_head.start()) if at_head else None
    if two and not KIND_RE.search(raw, 0, two.end()):
        a, raw = a + two.end(), raw[two.end() :]
    states = state_mentions(doc.text, a, b, capitals=False)  # "Anglo-Japanese": a capital in a name is a place
    # Strip leading noise, years and state names/adjectives ("The 2025 Russia-Iran ..."); the states
    # stripped are parties only when they modify the name directly ("Russia-Iran Treaty", not
    # "Bulgaria to the Tripartite Pact").
    name = raw
    compound = False
    modifiers: list[StateMention] = []
    while True:
        before = name
        stripped = _LEAD_NOISE.match(name)
        if stripped and stripped.group(0).strip():
            if re.search(r"(?i)\b(?:to|of|for|with|from|by|in|on)\b", stripped.group(0)):
                modifiers = []
            name = name[stripped.end() :]
        for s in states:
            form = doc.text[s.start : s.end]
            if name.upper().startswith(form.upper()):
                name = name[len(form) :].lstrip(" -\u2013\u2014,'\u2019s")
                modifiers.append(s)
        name = re.sub(r"^(?:and|\u2013|-)\s+", "", name)
        if name == before:
            break
    name = re.sub(r"\s+", " ", re.sub(r"\s+\([^()\s]+\)", "", name)).strip()
    between = re.search(r"\s+between\s", name)
    if between:
        modifiers += [s for s in states if s.start >= a + raw.find(" between ")]
        name = name[: between.start()]  # the parties are not part of the name
    trailing = []  # "... Commerce between France and Japan": parties, not part of the name
    trailing += [x for x in _dash_joined(states) if x not in modifiers]  # "Guidelines for Japan-U.S. Defense Cooperation"
    if not between and (after := _BETWEEN_AFTER.match(doc.text, b)) is not None:
        trailing = find_states(doc.text, after.start("list"), after.end("list"))
    head = KIND_RE.search(name) or _TRUCE.search(name)
    if head and head.start() > 0 and not _own_tail(name[head.end() :]):
        name = name[: head.end()]  # "Open Skies Treaty on the Organization ...": a modifier-first name ends at its head
        of_the = name.rfind(" of the ")
        if of_the > 0 and not KIND_RE.search(name[:of_the]):
            name = name[of_the + len(" of the ") :]  # "Relevance of the Open Skies Treaty"
            head = KIND_RE.search(name)
    if head and modifiers and not name[: head.start()].strip():
        # Only states before the head: the states make the name ("United States-Mexico-Canada Agreement").
        first = min(s.start for s in modifiers)
        tail = name[head.end() :] if _own_tail(name[head.end() :]) else ""
        name = re.sub(r"\s+", " ", doc.text[first : a + raw.find(head.group(0), first - a) + len(head.group(0))] + tail)
        compound = not tail  # only states and the head: "the Iran-Russia Treaty"
    if not name or (head and head.group(0).lower().startswith("program") and not _PROGRAMME_OK.search(name)):
        return None
    if not _plural_is_named(_LEAD_NOISE.sub("", raw)):
        return None
    other = _OTHER_HEAD.search(name)
    if other and (head is None or head.start() == other.start()):  # the name ends in that word
        said = name[: other.start()] if other.group(0) in ("Partnership", "Deal") else name[: other.start()] + name[other.end() :]
        if not _OTHER_OK[other.group(0).lower()].search(said):
            return None  # ("Partnership for Global Infrastructure and Investment": an initiative)
    if name.isupper():
        name = " ".join(w.lower() if w in {"OF", "ON", "THE", "AND", "FOR", "TO"} else w.title() for w in name.split())
        name = name[0].upper() + name[1:]
    words = tuple(w.lower() for w in re.findall(r"[\w'\u2019]+", name))
    return NamedMention(a, b, name, words, _head_of(name), modifiers + trailing, compound)


_PLURAL = lazy_re(r"\b(?:Treaties|Agreements|Conventions|Protocols)\b")
#: Words that open a class of instruments, not a name: "Free Trade Agreements", "Bilateral Investment
#: Treaties", "Regional Trade Agreements".
_CLASS_WORDS = frozenset("free trade bilateral multilateral regional investment international other several many "
                         "new existing such these those preferential economic security defense defence arms peace".split())


def _plural_is_named(name: str) -> bool:
    """A plural names instruments only after a name of its own: "the Torrijos-Carter Treaties", "the
    Uruguay Round Agreements"; not a class ("Free Trade Agreements", "Unequal Treaties") nor a
    catalogue's heading ("Treaties of the United Kingdom")."""
    plural = _PLURAL.search(name)
    if plural is None or KIND_RE.search(name, 0, plural.start()):
        return True
    words = name[: plural.start()].split()
    if any(re.search(r"\w[-\u2013]\w", w) for w in words):
        return True
    return len(words) >= 2 and words[0].lower() not in _CLASS_WORDS


#: A body named after an instrument word is not part of its name ("the Open Skies Treaty on the
#: Organization for Security and Co-operation in Europe website").
_BODY_WORD = lazy_re(r"\b(?:Organi[sz]ation|Union|Council|Committee|Commission|Community|Nations|Secretariat|Website)\b", re.IGNORECASE)


def _own_tail(tail: str) -> bool:
    """Whether the "of/for/on …" words after a modifier-first name's instrument word are still its
    name: "Comprehensive and Progressive Agreement for Trans-Pacific Partnership", "United
    States-Japan Treaty of Amity and Commerce"; not when they name a body or a state."""
    tail = tail.strip()
    return bool(tail) and tail.split()[0].lower() in {"of", "for", "on", "concerning", "regarding"} and _BODY_WORD.search(tail) is None and not find_states(tail)


_ACRONYM_AFTER = lazy_re(r"\s*\((?P<acr>[A-Z][A-Za-z\-]*[A-Z])\)")


def add_acronym_mentions(doc: Doc, w: WrittenAgreement) -> None:
    """"the United States-Mexico-Canada Agreement (USMCA)": count "USMCA" as a mention too."""
    for m in list(w.mentions):
        a = _ACRONYM_AFTER.match(doc.text, m.end)
        if a is None:
            continue
        acr = a.group("acr")
        for hit in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", doc.text):
            if hit.start() != a.start("acr") and not doc.in_footnotes(hit.start()):
                w.mentions.append(NamedMention(hit.start(), hit.end(), w.name, w.words, w.head))
        w.mentions.sort(key=lambda x: x.start)
        return
