"""Mentions of one agreement gathered: the same name told again, a short name, a plural heading,
an acronym spelled out ("the IFD Agreement"), a compound of its states ("the Iran-Russia Treaty"),
and another name the text gives it ("X, also known as Y"). Split from :mod:`mentions`, which
finds and cleans each mention; this module only decides which mentions are one agreement.
"""

from __future__ import annotations

import re

from pactlens.extract.prose.mentions import NamedMention, WrittenAgreement, key_of
from pactlens.extract.records import SMALL_WORDS
from pactlens.regexes import lazy_re

def group_mentions(mentions: list[NamedMention]) -> tuple[list[WrittenAgreement], list[NamedMention]]:
    """Named agreements (mentions of one agreement merged) and generic ones ("the Iran-Russia Treaty")."""
    named: list[WrittenAgreement] = []
    generic: list[NamedMention] = []
    for m in mentions:
        if len([x for x in m.words if x not in SMALL_WORDS and not x.isdigit()]) <= 1:
            generic.append(m)
            continue
        # The agreement of the very same name first ("Digital Trade Agreement" is the U.S.-Japan
        # Digital Trade Agreement, not the Trade Agreement it ends like).
        key = key_of(m.words)
        target = next((w for w in named if w.head == m.head and w.key == key and _same_agreement(m, w)), None)
        target = target or next((w for w in named if _same_agreement(m, w)), None)
        if target is None:
            target = WrittenAgreement(m.name, m.words, m.head, first=m.start)
            named.append(target)
        elif len(m.words) > len(target.words) and _is_suffix(target.words, m.words):
            target.name, target.words = m.name, m.words
        elif target.head in _SINGULAR and m.head not in _SINGULAR:
            target.name, target.words, target.head = m.name, m.words, m.head  # the instrument itself, not its set
        target.mentions.append(m)
    return named, generic


def _is_suffix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return len(short) < len(long) and long[-len(short) :] == short and long[0] not in {"accession", "protocol", "amendment", "annex"}


_SINGULAR = {"treaties": "treaty", "agreements": "agreement", "conventions": "convention", "protocols": "protocol"}


def _same_agreement(m: NamedMention, w: WrittenAgreement) -> bool:
    if m.head != w.head:
        # "the U.S.-Bahraini Defense Cooperation Agreements" are the Defense Cooperation Agreement and its renewals
        one, other = (m.words, w.words) if m.head in _SINGULAR else (w.words, m.words)
        return bool(one) and _SINGULAR.get(one[-1]) == other[-1] and key_of(one[:-1]) == key_of(other[:-1]) and len(one) > 1
    mine, theirs = {s.iso3 for s in m.states}, {s.iso3 for x in w.mentions for s in x.states}
    if mine and theirs:
        # Both say whose they are: "the United States-Japan Treaty of Amity and Commerce" is not "the
        # Treaty of Amity and Commerce between France and Japan", and "the U.S.-Japan Trade Agreement"
        # not "the U.S.-Japan Digital Trade Agreement".
        return mine == theirs and key_of(m.words) == w.key
    return (key_of(m.words) == w.key or _is_suffix(m.words, w.words) or _is_suffix(w.words, m.words)
            or _is_prefix(m.words, w.words, m.head) or _is_prefix(w.words, m.words, m.head)
            or _spells(m.words, w.words) or _spells(w.words, m.words))


def _spells(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """"the IFD Agreement" is "the Investment Facilitation for Development (IFD) Agreement", "the NATO
    Treaty" the North Atlantic Treaty: an acronym and the instrument word, the acronym spelling the
    long name's words before it (or them and the instrument word, and the "O" of the organization named
    after the treaty)."""
    if len(short) != 2 or len(long) < 3 or short[-1] != long[-1]:
        return False
    initials = "".join(w[0] for w in long[:-1] if w not in SMALL_WORDS)
    head = long[-1][0]
    return len(initials) >= 2 and short[0] in {initials, initials + head, initials + head + "o"}


def _is_prefix(short: tuple[str, ...], long: tuple[str, ...], head: str) -> bool:
    """"the Rome Declaration" is "the Rome Declaration on Peace and Cooperation": a name that ends at its
    instrument word and begins the longer one, which goes on with "on/of/for …"."""
    return (len(short) >= 2 and len(short) < len(long) and long[: len(short)] == short and short[-1] == head
            and long[len(short)] in {"on", "of", "for", "concerning", "regarding"})


def merge_compounds(named: list[WrittenAgreement]) -> list[WrittenAgreement]:
    """Fold "the Iran-Russia Treaty" into the named treaty whose mentions carry the same states, and
    "the U.S.-Japan trade deal" into the named agreement of the same states whose name holds its
    words ("the U.S.-Japan Trade Agreement")."""
    out: list[WrittenAgreement] = []
    for w in named:
        isos = {s.iso3 for m in w.mentions for s in m.states}
        if all(m.compound for m in w.mentions) and isos:
            home = next((o for o in named if o is not w and o.head == w.head and not all(m.compound for m in o.mentions)
                         and isos <= {s.iso3 for m in o.mentions for s in m.states}), None)
        elif all(m.lower for m in w.mentions) and isos:
            own = w.key - {w.words[-1]}
            home = next((o for o in named if o is not w and not all(m.lower for m in o.mentions) and own <= o.key
                         and isos == {s.iso3 for m in o.mentions for s in m.states}), None)
        else:
            home = None
        if home is not None:
            home.mentions += w.mentions
            home.mentions.sort(key=lambda m: m.start)
            continue
        out.append(w)
    return out


# Between a name and another name for the same agreement: "The Convention of Kanagawa, also
# known as the Kanagawa Treaty (神奈川条約) or the …", "KELLOGG–BRIAND PACT (or PACT OF PARIS,
# officially GENERAL TREATY …", "Treaty of Amity and Commerce, the "Harris Treaty"". A plain
# ", the" (a list of treaties) is not enough: the alias after it must be in quotation marks.
_ALIAS_GAP = lazy_re(
    r"[*_]*(?:\s*\([^()\n]{0,40}\))?\s*(?:\(|,)?[*_]*\s*"
    r"(?:(?:(?:also|commonly|formally|officially|popularly|sometimes)\s+)?(?:known|referred\s+to)\s+as|also\s+called|"
    r"or|officially|formally)\s+(?:as\s+)?(?:the\s+)?[\"“*_]?"
    r"|,\s+the\s+[\"“]",
    re.IGNORECASE,
)


def merge_aliases(text: str, named: list[WrittenAgreement]) -> list[WrittenAgreement]:
    """Fold a name the text gives as another name of an agreement just named
    ("X, also known as Y", "X (or Y, officially Z)", "X, the "Y"") into that agreement."""
    at: dict[int, WrittenAgreement] = {m.start: w for w in named for m in w.mentions}
    ends = sorted((m.end, w) for w in named for m in w.mentions)
    home: dict[int, WrittenAgreement] = {}

    def root(w: WrittenAgreement) -> WrittenAgreement:
        while id(w) in home:
            w = home[id(w)]
        return w

    for end, w in ends:
        gap = _ALIAS_GAP.match(text, end)
        if gap is None:
            continue
        other = at.get(gap.end())
        if other is None or root(other) is root(w):
            continue
        home[id(root(other))] = root(w)
    out = []
    for w in named:
        r = root(w)
        if r is w:
            out.append(w)
        else:
            r.mentions += w.mentions
            r.mentions.sort(key=lambda m: m.start)
    return out
