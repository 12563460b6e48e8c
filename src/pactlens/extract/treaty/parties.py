"""The parties an instrument names: its title's "between X and Y", the head of its preamble,
its "The Government of X, ..." list, and for multilateral treaties that name nobody up front,
the states its final articles name.
"""

from __future__ import annotations

import re

from pactlens.extract.parties import merge_parties, state_party, states_in
from pactlens.extract.treaty.instrument import Instrument
from pactlens.extract.treaty.title import BETWEEN
from pactlens.extract.party_roles import not_party
from pactlens.extract.records import title_case
from pactlens.model import Party
from pactlens.resources.blocs import Bloc, bloc_named, find_blocs
from pactlens.structure.doc import Doc
from pactlens.regexes import lazy_re


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with every match of ``pattern`` replaced by spaces (offsets kept)."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


_PAREN_OR_QUOTE = lazy_re(r"\([^()]{0,200}\)|[\"\u201c\u2018'][^\"\u201d\u2019']{0,80}[\"\u201d\u2019']")
#: Where the naming of the parties at the head of a preamble ends.
_OPENING_END = lazy_re(
    r"\b(?:desiring|desirous|deeming|wishing|noting|considering|recogni[sz]ing|being|guided|striving|encouraged"
    r"|moved|determined|recalling|inspired|resolved|conscious|convinced|mindful|bearing|aware|reaffirming|taking"
    r"|having|pursuant|anxious|animated|sharing|intending|committed|agree|agreed|have|has|represented|duly"
    r"|acting|concerned|affirming|seeking|prompted|realizing|realising|based|within|according|whereas|meeting"
    r"|in\s+order|with\s+a\s+view|on\s+the\s+basis|referred|hereinafter|hereafter)\b|:",
    re.IGNORECASE,
)
def _orgs_in(doc: Doc, start: int, end: int) -> list[Party]:
    """Blocs named as parties (``resources/blocs.tsv``); not one in a compound name or one an instrument sets up."""
    out = []
    for m in find_blocs(doc.text, start, end):
        if doc.text[m.end : m.end + 1] in "-\u2013/" or not_party(doc.text, m.start, m.end):
            continue  # "EC-Chile Agreement", "Treaty establishing the Caribbean Community"
        words = re.sub(r"\s+", " ", m.form).strip().split(" ")
        # "EFTA STATES" reads "EFTA States"; a name in capitals is written as a title, its acronyms kept.
        name = " ".join(w if bloc_named(w) or not m.form.isupper() else w.capitalize() for w in words)
        out.append(Party(name=_as_listed(m.bloc, name) or title_case(name), evidence=[doc.evidence(m.start, m.end)]))
    return out


def _as_listed(bloc: Bloc, name: str) -> str | None:
    """The membership table's spelling of a bloc's name written in another case ("EEC" stays
    "EEC", not "Eec"; "efta states" is "EFTA States"), None when the table lists no such name."""
    return next((form for form in bloc.names if form.lower() == name.lower()), None)


#: How far the head of a preamble is read for the parties: to its first participle when that
#: comes within LONG_OPENING characters (fifteen heads of state, each with all his titles, in
#: the ECOWAS treaty), else only the first OPENING characters.
OPENING, LONG_OPENING = 700, 3000
#: Where a list of parties starts inside a preamble that opens with something else (NAFTA's
#: table of contents): "The Government of Canada, the Government of ...".
_PARTY_LIST_START = lazy_re(r"\bThe\s+Governments?\s+of\s+(?=[A-Z])")


def _opening_parties(doc: Doc, start: int, end: int | None = None) -> list[Party]:
    """States named at the head of a preamble (read no further than ``end``), before its first participle."""
    text = doc.text
    window_end = min(len(text) if end is None else end, start + LONG_OPENING)
    blanked = _blank(text[start:window_end], _PAREN_OR_QUOTE)
    stop = _OPENING_END.search(blanked, 3)
    end = start + (stop.start() if stop else min(OPENING, len(blanked)))
    parties = [state_party(doc, m) for m in states_in(doc, start, end)]
    return parties + _orgs_in(doc, start, end)


def _listed_parties(doc: Doc) -> list[Party]:
    """The parties of a preamble whose head names none, read from its first "The Government
    of X, ..." list; only when that list names two states or more."""
    if doc.preamble is None:
        return []
    m = _PARTY_LIST_START.search(doc.text, doc.preamble.start, doc.preamble.end)
    if m is None:
        return []
    found = merge_parties(_opening_parties(doc, m.start()))
    return found if len(found) >= 2 else []


def _final_articles_parties(doc: Doc, articles: list, final_start: int | None) -> list[Party]:
    """States a multilateral treaty names in its last articles and final clause (ratifications, depositary)."""
    if articles:
        start = articles[max(0, len(articles) - 4)].span.start
    else:
        start = max(0, len(doc.text) - 3000)
    end = len(doc.text) if final_start is None else max(final_start + 2000, start)
    return [state_party(doc, m) for m in states_in(doc, start, min(end, len(doc.text)))]


def head_parties(doc: Doc, inst: Instrument) -> list[Party]:
    """States (and communities) an instrument's title names after "between", and the head of its preamble."""
    text = doc.text
    parties: list[Party] = []
    title_span = inst.title
    if title_span:
        between = BETWEEN.search(text, title_span.start, title_span.end)
        tstart = between.end() if between else title_span.start
        named = _blank(text[tstart:title_span.end], _PAREN_OR_QUOTE)  # ("Antigua Convention") names no party
        parties += [state_party(doc, m) for m in states_in(doc, tstart, title_span.end)
                    if not named[m.start - tstart:m.end - tstart].isspace()]
        parties += _orgs_in(doc, tstart, title_span.end)
    parties += _opening_parties(doc, inst.opening, inst.span.end)
    return merge_parties(parties)


def primary_parties(doc: Doc, inst: Instrument) -> list[Party]:
    """The head's parties; the preamble's list, then the final articles, when the head names fewer than two."""
    parties = head_parties(doc, inst)
    if len(parties) < 2:
        parties = merge_parties(parties + _listed_parties(doc))
    if len(parties) < 2:
        named_at_end = merge_parties(_final_articles_parties(doc, inst.articles, inst.final.start if inst.final else None))
        if len(named_at_end) >= 2:  # one state named at the end is a depositary, not the parties
            parties = merge_parties(parties + named_at_end)
    return parties
