"""Signers writing about an agreement names in a sentence with a signing verb:
"Russian President Vladimir Putin and Iranian President Masoud Pezeshkian
signed ...", "Putin and Pezeshkian signed ...", "signed by Presidents Vladimir
Putin and Masoud Pezeshkian", "signed ... by Ormsby-Gore and Dean Rusk, the
United States Secretary of State".

Precision first: a title alone is nobody, and a bare name is taken only when the text
introduces that person elsewhere. A party is the state the person's own title names, else ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pactlens.extract.names import HONORIFIC, LOW, Signers, UP, merge_signatories, valid_name
from pactlens.model import Signatory
from pactlens.resources.lexicon import alternation, words
from pactlens.resources.states import StateMention, find_states
from pactlens.structure.doc import Doc
from pactlens.regexes import lazy_re

#: The offices of the lexicon, longest first: "Russian President Vladimir Putin", "Secretary of State James Baker".
_ROLES = "|".join(r"\s+".join(map(re.escape, t.split())) for t in sorted(words("office_titles"), key=lambda t: (-len(t), t)))
_ROLE_RE = lazy_re(rf"\b(?:{_ROLES})\b")
_NAME_TOKEN = rf"(?:[{UP}][{LOW}{UP}'\u2019\-]+|[{UP}]\.)"
_NAME_JOIN = r"(?:\s+(?:von|van|de|der|da|del|bin|ibn|al-))?\s+"
_VERB = lazy_re(rf"\b(?:{alternation('signing_verbs')})\b")
_AUX = r"(?:(?:have|had|has|jointly|formally|officially|also|then|later|finally)\s+)*"
#: One signer as a sentence's subject: "Russian President Vladimir Putin", "Iran's President Masoud Pezeshkian", "Putin", "he".
_SUBJECT = (
    rf"(?:(?:[Hh]e|[Ss]he)|(?:(?:[A-Z][a-z]+(?:['\u2019]s)?\s+)?(?:(?:{_ROLES})\s+))?{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})"
)
_SUBJECTS = lazy_re(rf"(?<![^\s(])(?P<list>{_SUBJECT}(?:\s*,\s*{_SUBJECT})*\s*,?\s+and\s+{_SUBJECT}|{_SUBJECT})\s*,?\s+{_AUX}$")
_SIGNED_BY = lazy_re(r"[^.;]{0,80}?\bby\s+(?:(?:main|the|its|their|chief)\s+)*(?:signatories\s+)?(?=[A-Z])")
#: "Presidents Vladimir Putin and ...", "Secretary of State James Baker": a title before the name(s) it applies to.
_ROLE_BEFORE = lazy_re(rf"(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?P<role>{_ROLES})(?P<plural>s)?\s+(?=[A-Z])")
_BY_PERSON = lazy_re(
    rf"(?P<name>{_NAME_TOKEN}(?:{_NAME_JOIN}{_NAME_TOKEN}){{0,3}})(?:,\s+(?!and\s|(?:[A-Z][a-z]+\s+)?(?:{_ROLES})\s+[A-Z])(?:the\s+)?(?P<app>[^,.;]{{3,80}}?))?(?=\s+and\s|\s+(?:in|on|at)\s|[,.;]|$)"
)
#: "the Prime Minister of the United Kingdom, Winston Churchill and the President of the United States, ..."
_ROLE_OF_STATE_NAME = lazy_re(
    rf"(?:the\s+)?(?P<role>{_ROLES})\s+of\s+(?:the\s+)?(?P<state>[A-Z][^\W\d_]*(?:\s+[A-Z][^\W\d_]*){{0,4}}),\s+(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}})"
)


def _clean(name: str) -> str | None:
    tokens = HONORIFIC.sub("", name.strip().strip(",;:"), count=1).split()
    return " ".join(tokens) if valid_name(tokens) else None


def _known(doc: Doc, written: str):
    """The person the text introduces (with a title, elsewhere) under this full name or surname, if any:
    a bare capitalised pair ("Exxon Mobil") is nobody until the text says it is a person."""
    from pactlens.extract.prose.people import find_people

    one = " " not in written
    for m in find_people(doc, [(0, len(doc.text))]):
        p = m.person
        if len(p.name.split()) >= 2 and (p.name == written or (one and p.surname == written)):
            return p
    return None


def _subject_signers(doc: Doc, start: int, verb: int) -> Signers:
    """The people a signing verb has as its subject: "A and B signed", "Putin and Pezeshkian signed"."""
    text = doc.text
    window_start = max(start, verb - 240)
    m = _SUBJECTS.search(text, window_start, verb)
    out = Signers()
    if m is None:
        return out
    pos = m.start("list")
    for piece in re.finditer(rf"{_SUBJECT}", text[pos : m.end("list")]):
        a, b = pos + piece.start(), pos + piece.end()
        out_sig, state = _titled(doc, a, b)
        if out_sig is not None:
            out.signatories.append(out_sig)
            if state is not None:
                out.states.append(state)
    return out


def _titled(doc: Doc, a: int, b: int) -> tuple[Signatory | None, StateMention | None]:
    """One subject: [state adjective or "X's"] [title] name; a lone surname resolved to the full name."""
    text = doc.text
    states = [s for s in find_states(text, a, b) if s.start == a]
    head = states[0].end if states else a
    head = re.compile(r"(?:['\u2019]s)?\s*").match(text, head, b).end() if states else a
    role = _ROLE_RE.match(text, head, b)
    name_start = role.end() if role else head
    name_start += len(text[name_start:b]) - len(text[name_start:b].lstrip())
    words = text[name_start:b].split()
    if not words or words[0].lower() in {"he", "she"}:
        return None, None
    state = states[0] if states and (role or len(words) >= 2) else None
    role_text = re.sub(r"\s+", " ", role.group(0)) if role else None
    if len(words) == 1:
        person = _known(doc, words[0])
        if person is None:
            return None, None
        return Signatory(name=person.name, role=role_text or person.role, party=(state.iso3 if state else person.party),
                         evidence=[doc.evidence(name_start, b)]), state
    name = _clean(text[name_start:b])
    if name is None or (role is None and state is None and _known(doc, name) is None):
        return None, None
    return Signatory(name=name, role=role_text, party=state.iso3 if state else None,
                     evidence=[doc.evidence(a if state else (role.start() if role else name_start), b)]), state


def _signed_by(doc: Doc, start: int, end: int, *, named_signatories: bool = False) -> Signers:
    """"signed ... by Ormsby-Gore and Dean Rusk, the United States Secretary of State",
    "signed by Presidents Vladimir Putin and Masoud Pezeshkian", "by main signatories Joachim von
    Ribbentrop and ...". A name with no title is taken only when the phrase calls them signatories or
    the text introduces them as a person elsewhere."""
    text = doc.text
    out = Signers()
    before = _ROLE_BEFORE.match(text, start, end)
    shared = re.sub(r"\s+", " ", before.group("role")) if before else None
    plural = bool(before and before.group("plural"))
    pos = before.end() if before else start
    for k in range(4):
        own = _ROLE_BEFORE.match(text, pos, end) if k else (before if not plural else None)  # "…, Egyptian President Anwar Sadat, and Israeli Prime Minister …"
        pos = own.end() if own and k else pos
        m = _BY_PERSON.match(text, pos)
        if m is None:
            break
        name = _clean(m.group("name"))
        role, party = (shared if plural or k == 0 else None), None
        if own:
            role = re.sub(r"\s+", " ", own.group("role"))
            st = find_states(text, own.start(), own.start("role"))
            if st:
                party = st[0].iso3
                out.states.append(st[0])
        if m.group("app"):
            r = _ROLE_RE.search(m.group("app"))
            role = re.sub(r"\s+", " ", r.group(0)) if r else role
            st = find_states(text, m.start("app"), m.end("app"))
            if st and r:
                party = st[0].iso3
                out.states.append(st[0])
        vouched = role is not None or named_signatories or (name is not None and _known(doc, name) is not None)
        if name is not None and vouched:  # a lone surname ("Ormsby-Gore") is not enough to name a signatory
            out.signatories.append(Signatory(name=name, role=role, party=party, evidence=[doc.evidence(m.start(), m.end())]))
        nxt = re.compile(r",?\s+and\s+|,\s+").match(text, m.end())
        if nxt is None or m.end() >= end:
            break
        pos = nxt.end()
    return out


def _role_of_state(doc: Doc, start: int, verb: int) -> Signers:
    text = doc.text
    out = Signers()
    for r in _ROLE_OF_STATE_NAME.finditer(text, start, verb):
        st = find_states(text, r.start("state"), r.end("state"))
        if st:
            out.states.append(st[0])
        name = _clean(r.group("name"))
        if name:
            out.signatories.append(Signatory(name=name, role=re.sub(r"\s+", " ", r.group("role")),
                                             party=st[0].iso3 if st else None,
                                             evidence=[doc.evidence(r.start("role"), r.end("name"))]))
    return out


def _prose(doc: Doc, start: int, end: int) -> Signers:
    """Signers a sentence names around its signing verb."""
    text = doc.text
    verb = _VERB.search(text, start, end)
    if verb is None:
        return Signers()
    for found in (_role_of_state(doc, start, verb.start()), _subject_signers(doc, start, verb.start())):
        if found.signatories:
            return found
    by = _SIGNED_BY.search(text, verb.end(), end)
    if by is None:
        return Signers()
    return _signed_by(doc, by.end(), end, named_signatories="signatories" in by.group(0))


def find_signatories(doc: Doc, start: int, end: int, *, seen: Sequence[Signatory] = ()) -> Signers:
    """Signatories one sentence of writing about an agreement names, merged with those already ``seen``."""
    found = _prose(doc, start, end)
    return Signers(merge_signatories([*seen, *found.signatories]), found.states)
