"""States as parties: state mentions made into :class:`Party` records, merged per state.

Shared by both readings: the same state named twice is one party whose evidence is pooled.
"""

from __future__ import annotations

from collections.abc import Iterable

from pactlens.extract.bloc_parties import bloc_of
from pactlens.extract.party_roles import not_party
from pactlens.extract.state_forms import state_mentions
from pactlens.model import Party
from pactlens.resources.states import StateMention, find_states, get
from pactlens.resources.styles import find_styles
from pactlens.structure.doc import Doc
from pactlens.regexes import lazy_re


def state_party(doc: Doc, m: StateMention) -> Party:
    state = get(m.iso3)
    assert state is not None
    return Party(name=state.name, iso3=state.iso3, cow=state.cow, evidence=[doc.evidence(m.start, m.end)])


def merge_parties(parties: Iterable[Party], limit: int = 3) -> list[Party]:
    """One party per state (per bloc, per name for other organizations), its evidence pooled."""
    out: dict[str, Party] = {}
    seen: dict[str, set[tuple[int, int]]] = {}
    merged: set[str] = set()
    for p in parties:
        bloc = bloc_of(p)
        key = p.iso3 or (bloc.id if bloc else p.name)  # "the Council of the European Communities" and "the EEC"
        if key in out:
            # pooled as they come and sorted once at the end (stable: the same order as sorting
            # after every merge, which was quadratic in a preamble naming a state many times)
            extra = [e for e in p.evidence if (e.start, e.end) not in seen[key]]
            out[key].evidence = out[key].evidence + extra
            seen[key].update((e.start, e.end) for e in extra)
            merged.add(key)
        else:
            out[key] = p.model_copy(deep=True)
            seen[key] = {(e.start, e.end) for e in out[key].evidence}
    for key, p in out.items():
        p.evidence = (sorted(p.evidence, key=lambda e: e.start) if key in merged else p.evidence)[:limit]
    # In the order the text first names them ("Russian President ... and Iranian President ...").
    return sorted(out.values(), key=lambda p: min((e.start for e in p.evidence), default=0))


_ROYAL_STYLE = lazy_re(r"(?i)\b(?:emperor|empress)\s+of\s+(?:the\s+)?$")


def states_in(doc: Doc, start: int, end: int, *, adjectives: bool = False, capitals: bool = False) -> list[StateMention]:
    """States named in ``[start, end)`` as a state can be a party: sovereigns' styles included ("the King
    of the Belgians"), a name that stands for a round, a currency, a place of signature, another
    instrument or a third state left out (:func:`pactlens.extract.party_roles.not_party`). With
    ``capitals``, a capital or a combining form stands for its state too ("Beijing and Tehran
    signed"): for the places where prose lists parties."""
    text = doc.text
    window = text[start:end]
    any_case = sum(map(str.isupper, window)) < 0.02 * max(1, sum(map(str.isalpha, window)))  # counted in C
    if any_case:
        # An all-lower-case text (some GGO files): read it as if capitalized.
        text = text[:start] + window.title() + text[end:]
    named = state_mentions(text, start, end) if capitals else find_states(text, start, end)
    found = sorted(named + find_styles(text, start, end), key=lambda m: m.start)
    return [
        m for m in found
        if (adjectives or m.form != "adjective") and not _ROYAL_STYLE.search(text[max(0, m.start - 20) : m.start])
        and not_party(text, m.start, m.end) is None
    ]
