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
    return re.compile(rf"(?<![\w-])(?=[{initials}])(?:{alternatives})(?![\w-])"), by_form


def find_organizations(text: str, start: int = 0, end: int | None = None) -> list[OrgMention]:
    """Organizations named in ``text[start:end]``, with spans into ``text``."""
    rx, by_form = _index()
    return [
        OrgMention(m.start(), m.end(), by_form[m.group(0)], m.group(0))
        for m in rx.finditer(text, start, len(text) if end is None else end)
    ]


def lookup(name: str) -> Organization | None:
    """The organization written ``name`` (its name or an alias), if known."""
    return _index()[1].get(name.strip())
