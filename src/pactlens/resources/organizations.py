"""International organizations and their aliases (data in ``organizations.json``).

Matching is case-sensitive on purpose: acronyms such as ``WHO`` or ``AU``
are words in lower case, names only when capitalised.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pactlens.regexes import compile as compile_cached, lazy_re


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name: str
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class OrgMention:
    start: int
    end: int
    org: Organization
    form: str  # as written


@lru_cache(maxsize=1)
def organizations() -> tuple[Organization, ...]:
    data = json.loads(files("pactlens.resources").joinpath("organizations.json").read_text("utf-8"))
    return tuple(
        Organization(o["id"], o["name"], tuple(o["aliases"]), o["source"]) for o in data["organizations"]
    )


@lru_cache(maxsize=1)
def _index() -> tuple[re.Pattern[str], dict[str, Organization]]:
    by_form: dict[str, Organization] = {}
    for org in organizations():
        for form in (org.name, *org.aliases):
            by_form.setdefault(form, org)
    # Longest first so "UN Security Council" wins over "UN".
    alternatives = "|".join(re.escape(f) for f in sorted(by_form, key=len, reverse=True))
    initials = re.escape("".join(sorted({f[0] for f in by_form})))
    # The first-letter lookahead lets the regex engine skip most positions at once.
    # (a prefix's hyphen is no part of another word: "a Major Non-NATO Ally", "anti-NATO" name NATO)
    return compile_cached(rf"(?=[{initials}])(?:(?<![\w-])|(?<=\b[Nn]on-)|(?<=\b[Aa]nti-)|(?<=\b[Pp]ro-))(?:{alternatives})(?![\w-])"), by_form


def find_organizations(text: str, start: int = 0, end: int | None = None) -> list[OrgMention]:
    """Organizations named in ``text[start:end]``, with spans into ``text``.

    An acronym glued to a currency sign or a figure is no organization ("AU$50
    billion"), and a short form that drops the name's distinguishing words
    ("Security Council" for the UN's) names another body when a capitalised
    word or a possessive qualifies it ("Bahrain's National Security Council").
    """
    rx, by_form = _index()
    out = []
    for m in rx.finditer(text, start, len(text) if end is None else end):
        form, org = m.group(0), by_form[m.group(0)]
        if text[m.end() : m.end() + 1] in {"$", "£", "€"} or (form.isupper() and text[m.end() : m.end() + 1].isdigit()):
            continue
        if _generic(form, org) and _QUALIFIED.search(text, max(0, m.start() - 40), m.start()):
            continue
        out.append(OrgMention(m.start(), m.end(), org, form))
    return out


#: A capitalised qualifier or a possessive just before a short form.
_QUALIFIED = lazy_re(r"(?:\b(?!The\b|the\b|A\b|An\b)[A-Z][\w.'’-]*|['’]s?)\s+$")


def _generic(form: str, org: Organization) -> bool:
    """Whether ``form`` is the name minus its distinguishing words ("Security Council")."""
    words = form.split()
    return len(words) > 1 and form != org.name and set(words) < set(org.name.split())


def lookup(name: str) -> Organization | None:
    """The organization written ``name`` (its name or an alias), if known."""
    return _index()[1].get(name.strip())
