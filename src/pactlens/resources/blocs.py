"""Blocs that sign as one party, and their member states on a given date (data in ``blocs.tsv``).

A free trade agreement "between the EFTA States and Israel" or "between the
European Economic Community and Malta" has, for a reader counting parties,
the bloc and every state that belonged to it when the agreement was signed.
The membership tables are data with their sources; this module only reads
them and answers two questions: which bloc a name is, and who its members
were on a date.

Names are matched case-sensitively when written in capitals (acronyms:
``EU`` is never the word "eu"), case-insensitively otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pactlens.regexes import compile as compile_cached


@dataclass(frozen=True, slots=True)
class Membership:
    iso3: str
    joined: str  # ISO date or year
    left: str | None
    note: str

    def on(self, date: str) -> bool:
        """Whether this membership held on ``date`` (ISO, any precision): joined <= date < left.
        Comparing ISO strings of mixed precision reads a bare year as its first day."""
        return self.joined <= date and (self.left is None or date < self.left)


@dataclass(frozen=True, slots=True)
class Bloc:
    id: str
    name: str
    names: tuple[str, ...]
    source: str
    memberships: tuple[Membership, ...]

    def members(self, date: str) -> list[str]:
        """ISO3 codes of the member states on ``date``, in the table's order, each once."""
        out: list[str] = []
        for m in self.memberships:
            if m.on(date) and m.iso3 not in out:
                out.append(m.iso3)
        return out


@dataclass(frozen=True, slots=True)
class BlocMention:
    start: int
    end: int
    bloc: Bloc
    form: str  # as written


@lru_cache(maxsize=1)
def blocs() -> dict[str, Bloc]:
    """Every bloc of ``blocs.tsv`` by id."""
    heads: dict[str, tuple[str, tuple[str, ...], str]] = {}
    members: dict[str, list[Membership]] = {}
    text = files("pactlens.resources").joinpath("blocs.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "bloc":
            _, bid, name, names, source = cells[:5]
            heads[bid] = (name, tuple(n for n in names.split("|") if n), source)
        elif cells[0] == "member":
            cells += [""] * (6 - len(cells))
            _, bid, iso3, joined, left, note = cells[:6]
            members.setdefault(bid, []).append(Membership(iso3, joined, left or None, note))
        else:
            raise ValueError(f"blocs.tsv: unknown row kind {cells[0]!r}")
    return {bid: Bloc(bid, name, names, source, tuple(members.get(bid, ()))) for bid, (name, names, source) in heads.items()}


@lru_cache(maxsize=1)
def _index() -> tuple[re.Pattern[str], dict[str, Bloc]]:
    by_form: dict[str, Bloc] = {}
    for bloc in blocs().values():
        for form in bloc.names:
            by_form.setdefault(form if form.isupper() else form.lower(), bloc)
    alternatives = []
    for form in sorted(by_form, key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in form.split())
        alternatives.append(body if form.isupper() else f"(?i:{body})")
    return compile_cached(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])"), by_form


def bloc_named(form: str) -> Bloc | None:
    """The bloc a name or acronym denotes ("EFTA States", "European Economic Community"), or None."""
    _, by_form = _index()
    key = re.sub(r"\s+", " ", form.strip())
    return by_form.get(key) or by_form.get(key.lower())


def find_blocs(text: str, start: int = 0, end: int | None = None) -> list[BlocMention]:
    """Blocs named in ``text[start:end]``, with spans into ``text``."""
    rx, _ = _index()
    out = []
    for m in rx.finditer(text, start, len(text) if end is None else end):
        bloc = bloc_named(m.group(0))
        if bloc is not None:
            out.append(BlocMention(m.start(), m.end(), bloc, m.group(0)))
    return out
