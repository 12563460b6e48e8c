"""Who signed an instrument, for which state, from its own text.

An instrument names its signers in two places, each with a few layouts:

- the preamble's plenipotentiary list ("have appointed as their
  Plenipotentiaries: The President of the French Republic: Mr. Robert
  Schuman, Minister of Foreign Affairs; ..."): a *head* naming the sovereign
  or government, then one or more people, each with a title;
- the signature block after "IN WITNESS WHEREOF"/"Done at": "For the
  Government of X: NAME", "For X (signed) NAME TITLE", "NAME FOR X" and, when
  OCR flattened two columns into one line, "For A For B NAME1 NAME2".

Both are read the same way: heads and names are found in order, and a name
takes the state of the head it stands under. Columns are paired in order only
when the number of heads and names is equal; otherwise nothing is said.
All-lower-case OCR text is not read: capitals are what tell a name from the
words around it. A party is the state the head names, else ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pactlens.structure.scan import folded_text, literal_trie, matches_at, starts_in
from pactlens.extract.names import HONORIFIC, NameSpan, ROLE_START, Signers, UP, merge_signatories, name_at, split_run
from pactlens.extract.treaty.heads import Head, find_heads
from pactlens.model import Signatory
from pactlens.resources.states import StateMention, find_states
from pactlens.structure.doc import Doc
from pactlens.regexes import lazy_re


_PLENIPOTENTIARIES = lazy_re(
    r"(?<![\w-])(?i:(?:appointed|designated|named|appoint|designate)\s+(?:as\s+)?(?:(?:their|its)\s+)?(?:respective\s+)?"
    r"plenipotentiar(?:y|ies|ics)(?:\s+(?:the\s+following\s+persons|namely))?(?:,\s*namely)?)\s*[:,]?"
)
_PLENI_OPENING = lazy_re(literal_trie(["appoint", "designat", "named"]))
_PLENI_END = lazy_re(
    r"(?i:\bwho,?\s+(?:having|after|once)|\bhave\s+agreed|\bhave\s+decided|\bwho\s+have)|\b(?:ARTICLE|Article|TITLE|Title|CHAPTER|Chapter)\s+(?:[IVX\d]+|ONE|One)\b"
)
_SIGN_MARK = lazy_re(
    r"(?:\b(?i:in\s+(?:witness|faith)\s+(?:whereof|thereof))|(?:^|(?<=[.\n|)]))\s*(?:DONE|Done|DoNE|Signed|SIGNED|Made|Carried\s+out)\s+(?i:at|in|on|this|the)\b)"
)
_ZONE_END = lazy_re(r"AppendixText:|AnnexText:|\bANNEX\b|\bAPPENDIX\b|\bSCHEDULE\b|\bAnnex\s+[IVX\d]|\bARTICLE\s+\d|\bPROTOCOL\b|\n\s*NA\s*\n")


_SIGNED_MARK = lazy_re(r"(?:\s*(?:[(\[]\s*(?i:signed|sgd)\.?\s*:?\s*[)\]]|(?i:signed|sgd\.?)\s*:)\s*[.:]?\s*)+")
_ROLE_CUT = lazy_re(r"\s*(?:;|\||\n|\(|,?\s*\b\d\)|(?<=[a-z])\.(?:\s|$)|(?i:\bsubject\s+to\s+ratification))")


@dataclass
class _Person:
    name: NameSpan
    role: str | None
    role_end: int
    head: Head | None = None


def _role_after(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """The title written after a name (", Minister for Foreign Affairs;", " Minister of Commerce"), if any."""
    m = re.compile(r"[ \t]*,?\s*").match(text, pos, limit)
    start = m.end() if m else pos
    first = re.match(r"[\w\u00c0-\u024f-]+", text[start:limit])
    if first is None or first.group(0).lower() not in ROLE_START - {"his", "her", "subject"} and not (
        first.group(0).lower() in {"his", "her"} and re.match(r"\s+[A-Z]", text[start + first.end() : limit])
    ):
        return None, pos
    cut = _ROLE_CUT.search(text, start, limit)
    end = cut.start() if cut else limit
    role = re.sub(r"\s+", " ", text[start:end]).strip(" ,.")
    role = re.sub(r"(?:[\s,]+(?:and|of|to|in|the|for))+$", "", role).strip(" ,.")
    role = re.sub(r"^(?:his|her)\s+", "", role)  # "his Minister of Foreign Affairs"
    return (role[:160] or None), end


def _trim_role(doc: Doc, role: str | None, at: int) -> tuple[str | None, str | None]:
    """"Minister for Foreign Affairs of Afghanistan": the title, and the state it names."""
    if not role:
        return None, None
    k = doc.text.find(role, at)
    states = find_states(doc.text, k, k + len(role)) if k >= 0 else []
    if not states:
        return role, None
    of = role.rfind(" of ", 0, states[0].start - k + 1)
    of = of if of >= 0 else role.rfind(" OF ", 0, states[0].start - k + 1)
    title = re.sub(r"(?i)(?:\s+of\s+the\s+(?:government|council|republic|kingdom))+$", "", role[:of]) if of > 0 else role
    return title.strip(" ,"), states[0].iso3


_NAME_RUN = lazy_re(rf"[{UP}][\w.'\u2019-]*(?:[ \t]+[{UP}][\w.'\u2019-]*)*")


def _persons(doc: Doc, start: int, end: int, heads: list[Head], *, listed: bool) -> list[_Person]:
    """Every name in ``[start, end)`` that begins where a name may begin: after a head, an honorific,
    a "(signed)" mark, or a separator following another person; in a plenipotentiary list
    (``listed``) also after any colon, semicolon, line break or list number."""
    text = doc.text
    anchors: set[int] = {h.end for h in heads}
    for h in HONORIFIC.finditer(text, start, end):
        if h.start() == start or not text[h.start() - 1].isalnum():
            anchors.add(h.start())
    if listed:
        anchors |= {start + m.end() for m in re.finditer(r"(?:^|[;:\n|]|\b\d\))\s*", text[start:end])}
    # A title runs to the next head, honorific or separator, whichever comes first.
    stops = sorted({h.start for h in heads} | {a for a in anchors if HONORIFIC.match(text, a, end)})
    out: list[_Person] = []
    pos = start
    queue = sorted(anchors)
    while queue:
        a = queue.pop(0)
        if a < pos:
            continue
        s = _SIGNED_MARK.match(text, a, end)
        a = s.end() if s else a
        a += len(text[a:end]) - len(text[a:end].lstrip())
        n = name_at(text, a, end)
        if n is None:
            run = _NAME_RUN.match(text, a, end)
            split = split_run(text, a, run.end()) if run and run.end() > a else None
            if split:  # "GARETH EVANS M T SOMARE": names side by side, under a row of heads
                out += [_Person(x, None, x.end) for x in split]
                pos = split[-1].end
            continue
        limit = min([x for x in stops if x > n.end] + [end, n.end + 200])
        role, role_end = _role_after(text, n.end, limit)
        out.append(_Person(n, role, max(n.end, role_end)))
        pos = out[-1].role_end
        sep = re.compile(r"\s*[;,]\s*").match(text, pos, end)
        if sep:  # "Guido Di Tella; Domingo F. Cavallo": the next person under the same head
            queue = sorted(set(queue) | {sep.end()})
    return out


def _runs(persons: list[_Person], heads: list[Head]) -> list[tuple[str, list]]:
    """Heads and persons in text order, grouped into runs of one kind."""
    events = sorted([(h.start, "h", h) for h in heads] + [(p.name.start, "p", p) for p in persons], key=lambda e: e[0])
    runs: list[tuple[str, list]] = []
    for _, kind, item in events:
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(item)
        else:
            runs.append((kind, [item]))
    return runs


def _adjacent(text: str, a: Head, b: Head) -> bool:
    """Whether two heads stand side by side, nothing but marks between them (flattened columns)."""
    return not _SIGNED_MARK.sub(" ", text[a.end : b.start]).strip(" \t\n:|")


def _column(text: str, heads: list[Head], names: list[_Person]) -> list[_Person]:
    """Names under a row of heads, paired in order when there are as many (one run of names split where
    it shows its boundaries); otherwise the names, with no party."""
    if len(names) == 1 and len(heads) > 1:
        split = split_run(text, names[0].name.start, names[0].name.end)
        if split and len(split) == len(heads):
            names = [_Person(n, None, n.end) for n in split]
    pairs = zip(heads, names) if len(names) == len(heads) else ((Head(-1, -1, None), p) for p in names)
    for h, p in pairs:
        p.head, p.role = h, None  # titles flattened with the columns cannot be told apart
    return names


def _assign(text: str, persons: list[_Person], heads: list[Head]) -> list[_Person]:
    """Each person under the nearest head before it. Columns flattened into one line ("For A For B
    NAME1 NAME2", or names first: "NAME1 NAME2 For A For B") pair in order when the runs are of equal
    length; when they are not, the names get no party."""
    runs = _runs(persons, heads)
    out: list[_Person] = []
    current: Head | None = None
    done: set[int] = set()
    for i, (kind, items) in enumerate(runs):
        if kind == "h":
            row = [items[0]]
            for h in items[1:]:
                row = row + [h] if _adjacent(text, row[-1], h) else [h]
            current = row[-1]
            if len(row) > 1 and i + 1 < len(runs):
                out += _column(text, row, runs[i + 1][1])
                done.add(i + 1)
                current = None
            continue
        if i in done:
            continue
        if current is None and i + 1 < len(runs) and len(runs[i + 1][1]) == len(items) > 1 and i == 0:
            for h, p in zip(runs[i + 1][1], items):  # names first, then their heads
                p.head, p.role = h, None
        else:
            for p in items:
                p.head = current
        out += items
    return out


def _columns_of_states(doc: Doc, heads: list[Head]) -> list[Head]:
    """"FOR THE GOVERNMENT OF FOR THE GOVERNMENT OF AUSTRALIA: PAPUA NEW GUINEA:": heads written
    before their states; give the row its states in order when one follows another, one per head."""
    text = doc.text
    out = list(heads)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and out[j].iso3 is None and _adjacent(text, out[j], out[j + 1]):
            j += 1
        if j > i:
            row: list[StateMention] = []
            for s in find_states(text, out[j].start, min(len(text), out[j].start + 300)):
                if row and text[row[-1].end : s.start].strip(" \t\n:") or len(row) > j - i:
                    break
                row.append(s)
            if len(row) == j - i + 1:
                colon = re.compile(r"\s*:").match(text, row[-1].end)
                for k, s in enumerate(row):
                    end = (colon.end() if colon else s.end) if k == len(row) - 1 else out[i + k].end
                    out[i + k] = Head(out[i + k].start, end, s.iso3, (s.start, s.end))
        i = j + 1
    return out


def _names_before(doc: Doc, heads: list[Head], zone_start: int) -> list[_Person]:
    """"Robert H. Winters FOR THE GOVERNMENT OF CANADA Alberto Martin Artajo FOR THE GOVERNMENT OF SPAIN":
    the block opens with a name standing alone before its head; each following head preceded by a
    name alone takes it. Empty when the block is not written so."""
    text = doc.text
    out: list[_Person] = []
    prev = zone_start
    for h in heads:
        seg = text[prev : h.start]
        if not out:
            ends = list(re.finditer(r"(?<![A-Z])[.)]\s+", seg))
            prev += ends[-1].end() if ends else len(seg)
        a = prev + len(text[prev : h.start]) - len(text[prev : h.start].lstrip())
        n = name_at(text, a, h.start)
        if n is None or text[n.end : h.start].strip():
            break
        out.append(_Person(n, None, n.end, h))
        prev = h.end
    return out


def _block_persons(doc: Doc, start: int, end: int) -> list[_Person]:
    heads = find_heads(doc, start, end)
    heads = _columns_of_states(doc, heads)
    before = _names_before(doc, heads, start)
    if before:
        return before
    persons = _persons(doc, start, end, heads, listed=False)
    first_head = heads[0].start if heads else end
    return [p for p in _assign(doc.text, persons, heads) if p.head is not None or p.name.start >= first_head]


#: The words a ``_SIGN_MARK`` opens with or leads to, lowercased: "in" before "witness" or "faith"
#: (the bare "in" of every "within" and "-ing" would each be a start to try), and the verbs.
_SIGN_OPENING = lazy_re(r"in\s+[wf]|" + literal_trie(["done", "signed", "made", "carried"]))


def _sign_mark_starts(text: str, low: str, start: int, end: int) -> Iterator[int]:
    """Where a ``_SIGN_MARK`` match can begin in ``[start, end)``, ascending: at "in", or before a
    verb where the blank run before it begins (the text's start, or after ".", a line end, "|" or
    ")"), or at any line end inside that run."""
    for pos in starts_in(_SIGN_OPENING, text, start, end, low):
        if low.startswith("in", pos):
            yield pos
            continue
        blank = pos
        while blank > start and text[blank - 1].isspace():
            blank -= 1
        if blank == 0 or text[blank - 1] in ".\n|)":
            yield blank
        yield from (q for q in range(blank + 1, pos + 1) if text[q - 1] == "\n")


def _signature_zones(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    text = doc.text
    zones: list[tuple[int, int]] = []
    for m in matches_at(_SIGN_MARK, text, _sign_mark_starts(text, folded_text(doc), start, end), end):
        if zones and m.start() < zones[-1][1]:
            continue
        stop = _ZONE_END.search(text, m.end(), min(end, m.end() + 1500))
        zones.append((m.start(), stop.start() if stop else min(end, m.end() + 1500)))
    return zones


def _plenipotentiary_zones(doc: Doc, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """The lists after "have appointed as their Plenipotentiaries", with the state of a lone appointer
    ("The Government of the Union of South Africa ... has appointed as its plenipotentiaries")."""
    text = doc.text
    out = []
    heads = list(matches_at(_PLENIPOTENTIARIES, text, starts_in(_PLENI_OPENING, text, start, end, folded_text(doc)), end))
    for k, m in enumerate(heads):
        limit = min(end, m.end() + 3000)
        if k + 1 < len(heads) and heads[k + 1].start() < limit:  # the next party's list begins
            nxt = heads[k + 1].start()
            limit = max(text.rfind(". ", m.end(), nxt), text.rfind(";", m.end(), nxt), m.end())
        stop = _PLENI_END.search(text, m.end(), limit)
        own = None
        if re.search(r"(?i)\bits\b", m.group(0)):
            clause = max(text.rfind(". ", start, m.start()), text.rfind(";", start, m.start()), m.start() - 300)
            states = find_states(text, clause, m.start())
            if len({s.iso3 for s in states}) == 1:
                own = states[0].iso3
        out.append((m.end(), stop.start() if stop else min(limit, m.end() + 1500), own))
    return out


def _lowercase(text: str) -> bool:
    return sum(c.isupper() for c in text) < 0.02 * max(1, sum(c.isalpha() for c in text))


def _record(doc: Doc, p: _Person, fallback: str | None = None) -> Signatory:
    role, role_state = _trim_role(doc, p.role, p.name.end)
    party = p.head.iso3 if p.head is not None else (fallback or role_state)
    evidence = [doc.evidence(p.name.start, p.name.end)]
    if p.head is not None and p.head.state_ev is not None and party is not None:
        evidence.append(doc.evidence(*p.head.state_ev))
    return Signatory(name=p.name.name, role=role, party=party, evidence=evidence)


def _instrument(doc: Doc, start: int, end: int) -> list[Signatory]:
    text = doc.text
    out: list[Signatory] = []
    for a, b, own in _plenipotentiary_zones(doc, start, end):
        if _lowercase(text[a:b]):
            continue
        heads = find_heads(doc, a, b)
        persons = _assign(text, _persons(doc, a, b, heads, listed=True), heads)
        out += [_record(doc, p, own) for p in persons]
    zones = [(a, b) for a, b in _signature_zones(doc, start, end) if not _lowercase(text[a:b])]
    for a, b in zones:
        out += [_record(doc, p) for p in _block_persons(doc, a, b)]
    if not out:  # the weakest layout, only when nothing else names anyone
        out = [_record(doc, p) for a, b in zones for p in _names_alone(doc, a, b)]
    return out


_DATE_LINE_END = lazy_re(r"(?<![A-Z])\.\s+(?=[A-Z])")


def _names_alone(doc: Doc, start: int, end: int) -> list[_Person]:
    """"Done in duplicate at Washington the 24th day of February, 1925. ERNEST LAPOINTE. CHARLES EVANS
    HUGHES.": two or more names, each ending with a full stop, standing alone after a sentence of the
    signing formula, and nothing else after them in the zone. No head names a state: no party."""
    text = doc.text
    for m in _DATE_LINE_END.finditer(text, start, end):
        names: list[_Person] = []
        pos = m.end()
        while (n := name_at(text, pos, end)) is not None and text.startswith(".", n.end):
            names.append(_Person(n, None, n.end, Head(-1, -1, None)))
            pos = n.end + 1 + len(text[n.end + 1 : end]) - len(text[n.end + 1 : end].lstrip())
        if len(names) >= 2 and not text[pos:end].strip(" \t\n|"):
            return names
    return []


def find_signatories(doc: Doc, start: int, end: int) -> Signers:
    """Signatories written in an instrument's own text ``doc.text[start:end]`` (its preamble and signature blocks)."""
    return Signers(merge_signatories(_instrument(doc, start, end)), [])
