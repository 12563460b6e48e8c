"""Mentions of people already introduced: by surname alone, or by a given name an editor's bracket
ties to them.

Split from :mod:`pactlens.extract.prose.people`, which introduces people (by role, list or the
model's names); this module only finds the later, shorter ways the text names them again.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from pactlens.extract.prose.namescan import NameIndex

if TYPE_CHECKING:  # pragma: no cover
    from pactlens.extract.prose.people import Person


def join_given_name(people: dict[str, Person], spans: dict, key: str, person: Person) -> None:
    """The person registered under a bare given name ("Jack") is ``person``, whom an editor's
    bracket named in full ("Jack [Hickerson]"): the text's other "Jack"s are that person."""
    alone = people.pop(key)
    for span, p in spans.items():
        if p is alone:
            spans[span] = person


def add_short_mentions(text: str, ranges: list[tuple[int, int]], people: dict[str, Person], spans: dict) -> None:
    """Surname-only and title+surname mentions of people already introduced."""
    if not people:
        return
    forms: dict[str, Person | None] = {}
    for p in people.values():
        if len(p.surname) > 2 and not p.namesake:  # a form two people share names neither
            forms[p.surname] = None if forms.get(p.surname, p) is not p else p
    for p in people.values():  # a namesake's bare surname is the first-introduced person's
        if p.namesake and len(p.surname) > 2:
            forms.setdefault(p.surname, p)
    forms = {f: p for f, p in forms.items() if p is not None}
    if not forms:
        return
    index = NameIndex((re.escape(f) for f in forms), longest_first=False)  # one pass, however many people
    taken = sorted(spans)
    starts = [s for s, _ in taken]
    for a, b in ranges:
        for x, y in index.finditer(text, a, b):
            i = bisect.bisect_right(starts, x) - 1
            if i < 0 or taken[i][1] <= x:
                spans[(x, y)] = forms[text[x:y]]
