"""Building agreement records: the kind a title gives, the title written as a title, ids.

Shared by the reading of an agreement's own text and of writing about it, so both name
and identify agreements the same way.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from pactlens.model import Agreement, AgreementKind, Party
from pactlens.regexes import lazy_re

#: Title head words and the agreement kind they make. Protocols and exchanges of
#: letters are binding instruments in their own right, so they are "agreement";
#: an amendment is "other"; a convention, pact or charter is a "treaty".
_KIND_WORDS: tuple[tuple[str, AgreementKind], ...] = (
    (r"memorand(?:um|a)(?:\s+of\s+understanding)?", "memorandum"),
    (r"(?:joint\s+)?(?:declaration|statement|communiqu[eé])", "declaration"),
    (r"program(?:me)?", "programme"),
    (r"treaty|convention|pact|charter|constitution", "treaty"),
    (r"agreement|accord|protocol|exchange\s+of\s+(?:letters|notes)|arrangement|regulations|statute", "agreement"),
    (r"amendment", "other"),
)
KIND_RE = lazy_re(r"\b(?:" + "|".join(f"(?P<k{i}>{rx})" for i, (rx, _) in enumerate(_KIND_WORDS)) + r")\b", re.IGNORECASE)


def agreement_kind(title: str | None) -> AgreementKind:
    """The kind an instrument's title gives it: its first instrument word decides."""
    if not title:
        return "other"
    m = KIND_RE.search(title)
    if m is None:
        return "other"
    i = next(int(k[1:]) for k, v in m.groupdict().items() if v)
    return _KIND_WORDS[i][1]


SMALL_WORDS = {"of", "the", "and", "on", "between", "in", "for", "to", "a", "an", "at", "by", "with",
                "regarding", "concerning", "among", "relating", "or", "from", "into", "de"}


#: A Roman numeral up to 399 ("IV", "XII"): a numeral in an all-caps title stays in capitals.
_ROMAN = lazy_re(r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
#: An ordinary word just before / after a word in capitals: "the third ACP-EEC Conventions".
_PROSE_BEFORE = lazy_re(r"[a-z][,;:]?[ \t]$")
_PROSE_AFTER = lazy_re(r"[,;:]?[ \t]+\(?[A-Z]?[a-z]")
_EDGE = ",.;:()[]'\"“”‘’"
#: Letters in an acronym's part at most (ACP, NATO, ASEAN): a longer word written in capitals in
#: running text is emphasis ("RESOLVED to make", "this AGREEMENT shall"), not an acronym.
_ACRONYM_LETTERS = 5


def acronyms_in(text: str, title: str, start: int = 0, end: int | None = None) -> frozenset[str]:
    """The words of an all-caps ``title`` (and the parts of "ACP-EEC") that ``text[start:end]``
    also writes in capitals between two ordinary words: acronyms, which keep their capitals when
    the title is written as a title. Each word is looked for literally (``str.find``), so a
    long treaty costs a few searches, not a pass of a pattern over its whole text."""
    end = len(text) if end is None else end
    words = {form for w in title.split() for form in (w.strip(_EDGE), *re.split(r"[-/]", w.strip(_EDGE)))}
    found = set()
    for word in words:
        parts = re.split(r"[-/]", word)
        if not word.isupper() or word.lower() in SMALL_WORDS or not all(2 <= len(p) <= _ACRONYM_LETTERS for p in parts):
            continue
        i = text.find(word, start, end)
        while i >= 0:
            if _PROSE_BEFORE.search(text, max(0, i - 3), i) and _PROSE_AFTER.match(text, i + len(word)):
                found.add(word)
                break
            i = text.find(word, i + 1, end)
    return frozenset(found)


def title_case(s: str, acronyms: Collection[str] = ()) -> str:
    """An all-caps or all-lower-case title written as a title: "Agreement between the Government of ...".

    In an all-caps title, Roman numerals and the ``acronyms`` (what the text itself writes in
    capitals, :func:`acronyms_in`) keep their capitals: "FOURTH ACP-EEC CONVENTION" is
    "Fourth ACP-EEC Convention", "LOMÉ IV" is "Lomé IV"."""
    if not (s.isupper() or s[1:].islower()):
        return s
    out = []
    for i, word in enumerate(s.split(" ")):
        if s.isupper() and _kept(word.strip(_EDGE), acronyms):
            out.append(word)
            continue
        w = word.lower()
        out.append(w if i and w in SMALL_WORDS else _capitalised(w))
    return " ".join(out)


def _capitalised(word: str) -> str:
    """The word with its first letter in capitals, after any opening mark: "(Bangkok", "[Patcra"."""
    lead = len(word) - len(word.lstrip(_EDGE))
    return word[:lead] + word[lead:lead + 1].upper() + word[lead + 1:]


def _kept(word: str, acronyms: Collection[str]) -> bool:
    parts = [p for p in re.split(r"[-/]", word) if p]
    return word in acronyms or (bool(parts) and all(p in acronyms or _ROMAN.fullmatch(p) for p in parts))


def agreement_slug(agreement_parties: list[Party], date: str | None, kind: str, title: str | None) -> str:
    codes = [p.iso3.lower() for p in agreement_parties if p.iso3][:4]
    if not codes and title:
        words = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", title)]
        codes = [w for w in words if w not in SMALL_WORDS and w != kind][:3]
    parts = codes + ([date[:4]] if date else []) + [kind]
    return "-".join(parts) or "agreement"


def unique_ids(agreements: list[Agreement]) -> list[Agreement]:
    seen: dict[str, int] = {}
    for a in agreements:
        n = seen.get(a.id, 0)
        seen[a.id] = n + 1
        if n:
            a.id = f"{a.id}-{n + 1}"
    return agreements
