"""People named in running text, with the role and state the text gives them.

Found by rule, not by model: an office or occupation followed by a
capitalised name ("Iran's Foreign Minister Abbas Araghchi", "historian
Vladislav Sotirović", "President Putin") is the common way briefs and reports
introduce officials, and the role word is what makes the name a person.
Later surname-only mentions ("Putin") are tied to the person introduced
earlier, so one person is one record however they are written.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from pactlens.extract.prose.person_evidence import EDITORIAL_SURNAME, common_words_only, lowercase_words
from pactlens.extract.prose.person_mentions import add_short_mentions, join_given_name
from pactlens.resources.lexicon import words
from pactlens.structure.doc import Doc
from pactlens.regexes import lazy_re
from pactlens.structure.scan import opened_matches, word_openings

# Offices written capitalised before a name. Longest first (regex alternation order).
_TITLES = sorted(words("office_titles") + words("forms_of_address"), key=len, reverse=True)
# Occupations written in lower case before a name ("historian Jozo Tomasevich").
_OCCUPATIONS = [
    "historian", "analyst", "scholar", "professor", "economist", "journalist", "researcher",
    "diplomat", "advisor", "adviser", "spokesman", "spokeswoman", "spokesperson", "minister",
    "secretary", "ambassador", "envoy", "official", "commentator", "writer", "author", "expert",
    "foreign minister", "prime minister", "president", "diplomatic advisor", "senator", "leader",
    # heads of government and their peers written in lower case ("current premier Sanae Takaichi",
    # "his Chinese counterpart Wang Yi", "lawmaker Jane Roe")
    "premier", "chancellor", "counterpart", "lawmaker", "legislator", "governor", "mayor", "commander",
    # hyphenated offices in lower case ("UN secretary-general Ban Ki-moon")
    "secretary-general", "director-general", "under-secretary",
]
_MALE = {"Mr.", "King", "Prince", "Emperor", "Tsar", "Sir", "Lord", "Sultan", "Emir", "Amir", "Sheikh",
         "Shaikh", "Congressman", "Chairman", "Spokesman", "Crown Prince", "Prince Regent"}
_FEMALE = {"Mrs.", "Ms.", "Queen", "Princess", "Empress", "Dame", "Congresswoman", "Chairwoman",
           "Spokeswoman"}

_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOW = "a-zß-öø-ÿā-ž'’"
# A name word: "Putin", "Cincar-Marković", "McNamara", "O'Brien", an initial "S.".
# Initials run together ("JD Vance") count only before a further name word.
_TOKEN = (
    rf"(?:(?:Mc|Mac|O[’']|De|Le|La|Di|al-|el-|ad-|ar-|as-|ash-|az-)?[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?|[{_UP}]\.(?:\s?[{_UP}]\.)?"
    rf"|[{_UP}]{{2}}(?=\s+[{_UP}][{_LOW}]))"
)
_PARTICLE = r"(?:bin|ibn|al-|el-|de|da|di|du|van|von|der|la|le|Al)"
_NAME = rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_TOKEN}){{0,3}}"
# A word that cannot be part of a person's name though capitalised.
NOT_NAME = {
    "The", "This", "That", "These", "In", "On", "At", "And", "But", "For", "Of", "To", "As", "By",
    "With", "From", "He", "She", "It", "They", "We", "I", "His", "Her", "Their", "During", "After",
    "Before", "While", "When", "Treaty", "Agreement", "Administration", "Government", "Ministry",
    "Council", "Congress", "Parliament", "Department", "Office", "House", "Senate", "Committee",
    "State", "States", "Republic", "Kingdom", "Federation", "Union", "Organization", "Organisation",
    "Affairs", "Foreign", "Defense", "Defence", "Navy", "Army", "Air", "Force", "Forces", "Command",
    "Central", "General", "Assembly", "Court", "Bank", "Minister", "President", "Secretary",
    "Embassy", "Operation", "Strategic", "Partnership", "Comprehensive", "Cooperation", "Security",
    "National", "International", "Islamic", "Arab", "Supreme", "Joint", "Chiefs", "Staff", "Emirates",
    # Words of company and programme names that follow "General" ("General Dynamics", "General License").
    "Dynamics", "Systems", "Electric", "Aerospace", "Atomic", "Atomics", "Weapons", "License", "Licence", "Motors",
    "Corporation", "Company", "Group", "Inc", "Ltd", "Agency", "Authority", "Service", "Services",
    "Vice", "Deputy", "Acting", "Chief", "Prime", "Lord",
    # Names of instruments and proceedings ("the General Act for the Pacific Settlement ...").
    "Act", "Accord", "Accords", "Pact", "Protocol", "Convention", "Charter", "Debate",
} | set(words("months")) | set(words("weekdays"))
_TITLE_SET = set(_TITLES)
_SINGLE_TITLES = {t for t in _TITLES if " " not in t}
# Occupations in lower case, or capitalised at a sentence start; no (?i:) so the
# regex engine can use literal prefixes (case folding makes every scan slow).
#: Longest first, equal lengths in word order: the same pattern in every process (see numwords._VOCABULARY).
_OCC_FORMS = sorted({o for occ in _OCCUPATIONS for o in (occ, occ[0].upper() + occ[1:])}, key=lambda w: (-len(w), w))
_TITLE_RE = "|".join(re.escape(t) for t in _TITLES)
_OCC_RE = "|".join(re.escape(t) for t in _OCC_FORMS)
# The first-letter lookahead lets the regex engine skip most word starts at once.
_ROLE_INITIALS = re.escape("".join(sorted({t[0] for t in (*_TITLES, *_OCC_FORMS)})))
_ROLE_WORD = lazy_re(rf"\b(?=[{_ROLE_INITIALS}])(?:{_TITLE_RE}|{_OCC_RE})(?![\w-])")
#: Where a _ROLE_WORD can begin (a trie of the titles and occupations): a text is scanned with it.
_ROLE_OPENING = word_openings((*_TITLES, *_OCC_FORMS))
_OCC_ONLY = lazy_re(rf"(?:{_OCC_RE})$")
# "President Putin", and the apposition "the Secretary of Defense, Robert S. McNamara".
_ROLE_NAME = lazy_re(rf"(?P<role>{_TITLE_RE}|{_OCC_RE}),?\s+(?P<name>{_NAME})")
# The words before an office that say whose it is, matched backwards from the office.
_PRE = lazy_re(rf"(?:(?:[{_UP}][\w.’'-]*|late|former|then-|acting|Acting|the)\s+){{1,3}}$")
# "Jozo Tomasevich, a historian": a name, a comma, qualifiers, then the occupation found.
_APPOSITION = lazy_re(
    rf"(?P<name>{_NAME}),\s+(?:the\s+|a\s+|an\s+)?(?P<pre>(?:[{_UP}][\w.’'-]*\s+){{0,2}})$"
)


@dataclass
class Person:
    """One person, merged over all the ways the text names them."""

    name: str  # the fullest form written: "Vladimir Putin"
    role: str | None = None
    party: str | None = None  # ISO3, only when the text says it
    gender: str | None = None  # "m" | "f" when a title says so
    spans: list[tuple[int, int]] = field(default_factory=list)  # every mention of the name
    namesake: bool = False  # shares a surname with someone introduced earlier, who keeps the bare surname

    @property
    def surname(self) -> str:
        return _short(self.name.split())


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    person: Person


_PATRONYMIC = {"bin", "ibn", "bint", "ben"}


_REGNAL = lazy_re(r"^(?:[IVX]+|Jr\.?|Sr\.?)$")


def _short(tokens: list[str]) -> str:
    """The name a person is later called by: the surname, or the given name in
    patronymic names ("Hamad bin Isa Al Khalifa" is "King Hamad") and in a
    regnal name ("Peter II" is "King Peter")."""
    if any(t.lower() in _PATRONYMIC for t in tokens):
        return tokens[0]
    if len(tokens) > 1 and _REGNAL.match(tokens[-1]):
        return tokens[-2] if len(tokens) > 2 and not _REGNAL.match(tokens[-2]) and tokens[-1][0] in "JS" else tokens[0]
    return tokens[-1]


def _key(tokens: list[str]) -> str:
    """What tells two people apart: the surname, or given name and father's
    name, since "Mohammed bin Salman" and "Mohammed bin Zayed" are two people.
    Written with or without its diacritics ("Davutoğlu", "Davutoglu") a name is one."""
    for i, t in enumerate(tokens[1:-1], 1):
        if t.lower() in _PATRONYMIC:  # "bin" and "Bin": one person however the particle is cased
            return fold(" ".join(w.lower() if w.lower() in _PATRONYMIC else w for w in tokens[: i + 2]))
    return fold(_short(tokens))


def fold(name: str) -> str:
    """``name`` without diacritics: "Davutoğlu" → "Davutoglu", "Erdoğan" → "Erdogan"."""
    plain = unicodedata.normalize("NFKD", name.replace("ı", "i").replace("İ", "I"))
    return "".join(c for c in plain if not unicodedata.combining(c))


def _states(text: str, start: int, end: int) -> list:
    """The states gazetteer if it is installed (built alongside); none otherwise."""
    try:
        from pactlens.resources.states import find_states
    except ImportError:
        return []
    return find_states(text, start, end)


#: Words that make a capitalised run a post, not a name: "Chief Polaris Executive".
_POST_WORDS = {"Executive", "Officer", "Officers", "Executives"}


def _trim_name(name: str) -> str:
    """Cut a matched name at the first word that cannot belong to a name; none if it names a post."""
    words = name.split()
    if _POST_WORDS.intersection(words):
        return ""
    keep: list[str] = []
    for w in words:
        bare = re.sub(r"[’']s$", "", w)
        if w in NOT_NAME or bare in NOT_NAME:
            break
        keep.append(bare)
        if bare != w:  # a possessive ends the name: "Hamad's"
            break
    return " ".join(keep)


def _split_titles(role: str, name: str) -> tuple[str, str]:
    """Move titles caught at the head of a name into the role ("Admiral Daryl Caudle")."""
    words = name.split()
    while len(words) > 1 and words[0] in _SINGLE_TITLES:
        role = words.pop(0)
    return role, " ".join(words)


def _prefix(text: str, at: int) -> tuple[int, int]:
    """Span of the words before an office that may say whose office it is."""
    p = _PRE.search(text, max(0, at - 60), at)
    return (p.start(), at) if p else (at, at)


def _is_state(name: str) -> bool:
    """"King of Saudi Arabia" must not make Saudi Arabia a person."""
    try:
        from pactlens.resources.states import lookup
    except ImportError:
        return False
    return lookup(name) is not None


def _party(text: str, start: int, end: int) -> str | None:
    found = {s.iso3 for s in _states(text, start, end) if getattr(s, "iso3", None)}
    return found.pop() if len(found) == 1 else None


def _gender(role: str) -> str | None:
    return "m" if role in _MALE else "f" if role in _FEMALE else None


#: The word after a name that makes the name part of something else's.
_NAMES_A_THING = lazy_re(
    r"\s+(?:Committee|Council|Commission|Command|Agency|Office|Department|Ministry|Forces?|Army|Navy|Corps|Group|"
    r"Company|Corporation|Bank|Fund|Institute|University|Causeway|Bridge|Airport|Street|Road|Avenue|Square|Hall|"
    r"Center|Centre|Prize|Award|Doctrine|Plan|Act|Treaty|Agreement|Accords?|Base|Station|Class)\b"
    # a structure named after someone, in lower case too: "the King Fahd causeway"
    r"|\s+(?:causeway|bridge|airport|street|road|avenue|square|hall|mosque|stadium|canal|dam|port|highway)\b"
)


#: Plural offices and occupations, for a list of names after one ("Presidents Putin and Pezeshkian").
_PLURALS = sorted({t + "s" for t in _TITLES if t[-1].isalpha() and " of " not in t}
                  | {o + "s" for o in _OCC_FORMS if " " not in o}, key=lambda w: (-len(w), w))
_PLURAL_INITIALS = re.escape("".join(sorted({p[0] for p in _PLURALS})))
#: "three Yugoslav ministers, Branko Čubrilović, Mihailo Konstantinović and Srđan Budisavljević".
_LIST_AFTER_ROLE = lazy_re(
    rf"\b(?=[{_PLURAL_INITIALS}])(?P<role>{'|'.join(re.escape(p) for p in _PLURALS)}),?\s+"
    rf"(?P<names>{_NAME}(?:,\s+{_NAME})*,?\s+and\s+{_NAME})"
)
_LIST_OPENING = word_openings(_PLURALS)
_ONE_NAME = lazy_re(_NAME)


def _listed(text: str, start: int, end: int) -> list[tuple[int, int, str, str | None, str | None, str | None]]:
    """Each name of a list a plural office or occupation introduces, with the office in the singular."""
    out: list[tuple[int, int, str, str | None, str | None, str | None]] = []
    for m in opened_matches(_LIST_AFTER_ROLE, _LIST_OPENING, text, start, end):
        plural = m.group("role")
        role = plural[:-1] if plural[:-1] in _TITLE_SET else plural[:-1].lower()
        pre = _prefix(text, m.start())
        items = list(_ONE_NAME.finditer(text, m.start("names"), m.end("names")))
        if any(n.group(0).split()[0] in _TITLE_SET for n in items):
            continue  # items with their own offices list no names of this one: "the Leaders [Summit], President Biden and …"
        for n in items:
            name = _trim_name(n.group(0))
            if not name or name.split()[0] in NOT_NAME or name in _TITLE_SET or _is_state(name):
                continue
            if _NAMES_A_THING.match(text, n.start() + len(name)):
                continue
            out.append((n.start(), n.start() + len(name), name, role, _party(text, *pre), _gender(role)))
    return out


def _candidates(text: str, start: int, end: int) -> list[tuple[int, int, str, str | None, str | None, str | None]]:
    """(start, end, name, role, party, gender) for every office+name or name+occupation, and
    every name of a list after a plural office ("Presidents A and B")."""
    out = _listed(text, start, end)
    for w in opened_matches(_ROLE_WORD, _ROLE_OPENING, text, start, end):
        m = _ROLE_NAME.match(text, w.start(), end)
        if m is not None:
            role, raw, name_at = m.group("role"), m.group("name"), m.start("name")
            pre = _prefix(text, w.start())
        elif _OCC_ONLY.match(w.group(0)):
            m = _APPOSITION.search(text, max(start, w.start() - 80), w.start())
            if m is None:
                continue
            role, raw, name_at, pre = w.group(0), m.group("name"), m.start("name"), m.span("pre")
        else:
            continue
        role, name = _split_titles(role, raw)
        shift = len(raw) - len(name)
        name = _trim_name(name)
        if not name or name.split()[0] in NOT_NAME or name in _TITLE_SET or _is_state(name):
            continue
        a = name_at + shift
        if _NAMES_A_THING.match(text, a + len(name)):
            continue  # "General Border Committee", "King Fahd Causeway": a body or a place named after a word
        role = role if role in _TITLE_SET else role.lower()
        out.append((a, a + len(name), name, role.rstrip("."), _party(text, *pre), _gender(role)))
    return sorted(out, key=lambda c: c[0])  # in text order: who is introduced first keeps the bare surname


def _register(people: dict[str, Person], name: str, role: str | None, party: str | None, gender: str | None) -> Person:
    """Merge a newly introduced name into the person it names."""
    tokens = name.split()
    key = _key(tokens)
    if key not in people:
        key = _known_as(people, tokens) or key
    person = people.get(key)
    if person is not None and _namesake(person.name.split(), tokens):
        key = " ".join(tokens)  # "Ivanka Trump" is not "Donald Trump"
        person = people.get(key)
        if person is None:
            person = people[key] = Person(name=name, namesake=True)
    if person is None:
        person = people[key] = Person(name=name)
    if len(tokens) > len(person.name.split()):
        person.name = name
    honorific = role in {"Mr", "Mrs", "Ms", "Dr", "Sir", "Lord", "Dame"}
    if role and not honorific and (person.role is None or len(role) > len(person.role)):
        person.role = role
    person.party = person.party or party
    person.gender = person.gender or gender
    return person


def _namesake(known: list[str], new: list[str]) -> bool:
    """Two full names with one surname and different given names name two people
    (a family: "Donald Trump", "Melania Trump"); an initial agrees with its name."""
    if len(known) < 2 or len(new) < 2 or any(t.lower() in _PATRONYMIC for t in known + new):
        return False
    a, b = known[0].rstrip("."), new[0].rstrip(".")
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return False
    return True


def _known_as(people: dict[str, Person], tokens: list[str]) -> str | None:
    """The key of the one person already registered whom ``tokens`` also name:
    "King Hamad" after "Hamad bin Isa Al Khalifa", or the reverse order. Two
    candidates ("Mohammed" for two Mohammeds) leave it unknown."""
    short = _short(tokens)
    if len(tokens) == 1:
        found = [k for k, p in people.items() if fold(p.surname) == fold(short)]
        if not found:  # family name first ("Kishida" for "Kishida Fumio", "Lee" for "Lee Jae Myung"), when only one name so starts
            found = [k for k, p in people.items() if 2 <= len(p.name.split()) <= 3 and p.name.split()[0] == short]
        return found[0] if len(found) == 1 else None
    known = people.get(fold(short))
    if known is None:
        # Introduced by title and one name ("Foreign Minister Abdullatif", "Prime Minister Kishida"),
        # now named in full: the one person known by a word of this name.
        alone = [k for k, p in people.items() if " " not in p.name and p.name in tokens]
        return alone[0] if len(alone) == 1 else None
    # Registered under the given name when first met as "King Hamad": the same
    # person if still known by that alone, or by the same given and father's name.
    words = known.name.split()
    return fold(short) if len(words) == 1 or _key(words) == _key(tokens) else None


def find_people(doc: Doc, ranges: list[tuple[int, int]], extra_names: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Every mention of a person in ``ranges``; without ``extra_names``, computed once per
    document and set of ranges and kept on it: quotes, events and entities all ask for the same."""
    if extra_names is not None:
        return _find_people(doc, ranges, extra_names)
    return doc.once(("people", tuple(ranges)), lambda: _find_people(doc, ranges))


def _find_people(doc: Doc, ranges: list[tuple[int, int]], extra_names: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Every mention of a person in ``ranges`` (body text), in text order.

    ``extra_names`` are name spans found by a model (spaCy PERSON) that no
    role introduced; they join the same merging by surname.
    """
    text = doc.text
    people: dict[str, Person] = {}
    spans: dict[tuple[int, int], Person] = {}
    starts = [a for a, _ in ranges]
    common = lowercase_words(text) if ranges else frozenset()
    for s, e, name, role, party, gender in _candidates(text, ranges[0][0], ranges[-1][1]) if ranges else []:
        if common_words_only(name, common):
            continue  # a role word before words of the sentence introduces no one: "Official [Development Assistance]"
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and e <= ranges[i][1]:  # in one body sentence, not in a footnote
            spans[(s, e)] = _register(people, name, role, party, gender)
    bracketed = []
    for s, e in extra_names or []:
        name = _trim_name(text[s:e])
        if name and not any(s < z and e > y for y, z in spans):
            m = EDITORIAL_SURNAME.match(text, s + len(name))
            if m:
                bracketed.append((s, m.end(), name, m.group(1)))
            else:
                spans[(s, s + len(name))] = _register(people, name, None, None, None)
    for s, e, name, surname in bracketed:  # "Jack [Hickerson]": the editor's bracket says who
        known = _known_as(people, [surname])
        spans[(s, e)] = people[known] if known else _register(people, f"{name} {surname}", None, None, None)
        alone = people.get(fold(name)) if known else None
        if alone is not None and alone is not people[known] and alone.name == name:
            join_given_name(people, spans, fold(name), people[known])  # "Jack" said alone is he too
    add_short_mentions(text, ranges, people, spans)
    mentions = sorted((Mention(s, e, p) for (s, e), p in spans.items()), key=lambda m: (m.start, -m.end))
    out: list[Mention] = []
    for m in mentions:  # drop mentions nested in a longer one
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    for m in out:
        m.person.spans.append((m.start, m.end))
    return out
