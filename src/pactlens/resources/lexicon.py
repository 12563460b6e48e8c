"""The shared vocabulary, in one place.

Word lists live in ``resources/lexicon/*.txt`` (one entry a line; ``#`` starts
a comment; ``@name`` includes the list ``name`` there, so a narrower list is written once and
a wider one contains it), so readers cannot drift apart: a month is a month in dates, places,
names, events and the fact checks alike. This module reads each list once and
builds the forms readers need — sets, and regex alternations in the list's
order — the way eyecite's ``regexes.py`` builds its patterns, so no module
writes a list out again.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """The entries of ``lexicon/<name>.txt``, in file order."""
    text = files("pactlens.resources").joinpath("lexicon", f"{name}.txt").read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    out: list[str] = []
    for e in entries:
        if e.startswith("@"):
            out.extend(words(e[1:]))
        elif e:
            out.append(e)
    return tuple(out)


def lowered(*names: str) -> frozenset[str]:
    """Every entry of the named lists, lower-cased: for membership tests on folded words."""
    return frozenset(w.lower() for name in names for w in words(name))


def alternation(*names: str) -> str:
    """``"January|February|..."``: the named lists' entries as a regex alternation, in order."""
    return "|".join(w for name in names for w in words(name))


def phrases(*names: str, case: str = "as-is") -> str:
    """The named lists' entries as a regex alternation, in order, each escaped and with any white
    space allowed between its words ("memorandum\\s+of\\s+understanding"); ``case`` "title" or
    "upper" rewrites each entry first ("Memorandum of Understanding" keeps "of" lower)."""
    out = []
    for name in names:
        for entry in words(name):
            parts = entry.split()
            if case == "title":
                parts = [w if w in _MINOR else w[:1].upper() + w[1:] for w in parts]
            elif case == "upper":
                parts = [w.upper() for w in parts]
            out.append(r"\s+".join(re.escape(w) for w in parts))
    return "|".join(out)


#: Words a title-cased entry keeps in lower case.
_MINOR = frozenset({"of", "on", "for", "the", "and", "to", "in"})
