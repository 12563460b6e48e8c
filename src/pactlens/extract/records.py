"""Building agreement records: the kind a title gives, the title written as a title, ids.

Shared by the reading of an agreement's own text and of writing about it, so both name
and identify agreements the same way.
"""

from __future__ import annotations

import re

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


def title_case(s: str) -> str:
    """An all-caps or all-lower-case title written as a title: "Agreement between the Government of ..."."""
    if not (s.isupper() or s[1:].islower()):
        return s
    words = s.lower().split(" ")
    return " ".join(w if i and w in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))


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
