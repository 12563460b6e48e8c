"""A bloc that is a party brings its member states on the signing date, each marked as coming from it.

"Agreement between the European Economic Community and the Republic of
Malta" (1970) has, for anyone counting states, the six EEC members and Malta;
the same words in 1995 mean fifteen. The members come from the membership
tables (``resources/blocs.tsv``), never from guessing: without a signing date
the bloc stays alone, and where the text names the members itself ("The
Republic of Iceland, ..., the Swiss Confederation (hereinafter called the
EFTA States)") the text's own list is the answer and nothing is added.
"""

from __future__ import annotations

from pactlens.model import Party
from pactlens.resources.blocs import Bloc, bloc_named
from pactlens.resources.states import get


def bloc_of(party: Party) -> Bloc | None:
    """The bloc a party is, when it is one (a party without a state code named as a bloc)."""
    return bloc_named(party.name) if party.iso3 is None else None


def with_members(parties: list[Party], date: str | None) -> list[Party]:
    """``parties`` followed by the member states of each bloc among them on ``date``, each with
    ``via`` naming the bloc and the bloc's own evidence (where the text names the bloc).
    Unchanged when ``date`` is unknown or the text already names two or more of a bloc's members."""
    if not date:
        return parties
    named = {p.iso3 for p in parties if p.iso3}
    out = list(parties)
    for party in parties:
        bloc = bloc_of(party)
        if bloc is None:
            continue
        members = bloc.members(date)
        if len(named & set(members)) >= 2:
            continue  # the text lists the members itself
        for iso3 in members:
            state = get(iso3)
            if iso3 in {p.iso3 for p in out} or state is None:
                continue
            out.append(Party(name=state.name, iso3=iso3, cow=state.cow, via=party.name,
                             evidence=[e.model_copy() for e in party.evidence[:1]]))
    return out
