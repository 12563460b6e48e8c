"""Notes that cite the same work though written differently.

The exact keys of the audit (same URL, same outlet + title + date) miss what
an editor sees at a glance: "USMCA, art. 34.7." after "Agreement between …
(USMCA), art. 34.7."; "W. G. Beasly, _The Meiji Restoration_, p. 96" after
"W. G. Beasley, _The Meiji Restoration_, pp. 74–77"; "House Committee on Ways
and Means, Hearing on …, p. 120." after the full "U.S. Congress, House
Committee on Ways and Means, Hearing on …"; two notes that both point to
"CRS Report R47679". Each rule compares a note's *work* — its text with the
pinpoint (pages, article, section) and lead-ins ("See, for example,")
removed — and says why two notes are one source:

- ``same-work``: the works are equal, or equal up to a typo (same numbers,
  near-identical letters);
- ``short-form``: one work is the other's shortened second citation (held
  inside it), or an acronym the other defines in brackets;
- ``same-title``: the same quoted title of four words or more (or one the
  other's shortened form), with no outlet or date that disagrees;
- ``same-report``: the same CRS report number.

``Ibid.`` and ``Id.`` repeat the note before them; the audit groups them
with it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher
from pactlens.regexes import lazy_re

# A pinpoint: pages, an article/section/paragraph/clause number, at the start or after a comma.
_PINPOINT = lazy_re(
    r"(?:^|,|;)\s*(?:pp?\.|pages?|arts?\.|articles?|§+|sec(?:tion)?s?\.?|paras?\.|paragraphs?|cl\.|clauses?|ch\.|chapters?)"
    r"\s*[\dIVXLCivxlc][\w.–\-, ]*?(?=,\s*[A-Za-z]{3}|[.;]?\s*$)",
    re.IGNORECASE,
)
_LEAD_IN = lazy_re(
    r"^\s*(?:see(?:,?\s+(?:for example|e\.g\.|also))?,?|for (?:more(?: information)?|details|discussion[^,]*),?(?:\s*see)?,?|"
    r"cited in|quoted in)\s+",
    re.IGNORECASE,
)
_CRS_ID = lazy_re(r"\bCRS\s+(?:Report|Insight|In\s+Focus|In\s+Brief|Legal\s+Sidebar)\s+(?P<id>[A-Z]{0,3}\d[\d-]*)", re.I)
_QUOTED = lazy_re(r"[\"“](?P<t>[^\"“”]{8,300}?)[,.]?[\"”]")
_ACRONYM_DEF = lazy_re(r"\((?P<a>[A-Z][A-Z0-9&-]{1,11})\)")
_URL = lazy_re(r"https?://\S+|www\.\S+")
_DIGITS = lazy_re(r"\d+")


def fold(s: str) -> str:
    return re.sub(r"[\W_]+", " ", s.casefold()).strip()


def work_text(note: str) -> str:
    """The note as the work it cites: URLs, lead-ins and pinpoints removed, folded."""
    s = _URL.sub("", note)
    s = _LEAD_IN.sub("", s)
    s = _PINPOINT.sub("", s)
    s = re.sub(r"^\s*(?:pp?\.|arts?\.|articles?)\s*[\d.–-]+,\s*", "", s, flags=re.I)  # "Article 2, Budapest Articles …"
    return fold(s)


def _title_key(note: str) -> str | None:
    m = _QUOTED.search(note)
    if not m:
        return None
    words = fold(m.group("t")).split()
    return " ".join(words[:6]) if len(words) >= 4 else None


_YEAR = lazy_re(r"\b(?:1[6-9]|20)\d\d\b")


def _years_agree(a: str, b: str) -> bool:
    ya, yb = set(_YEAR.findall(_URL.sub("", a))), set(_YEAR.findall(_URL.sub("", b)))
    return not ya or not yb or ya == yb


def _numbers(s: str) -> set[str]:
    return set(_DIGITS.findall(s))


def same_work_links(notes: list[str]) -> list[tuple[int, int, str]]:
    """Pairs (i, j, reason), i < j, of notes that cite one work. ``notes`` are the
    notes' texts; an empty string stands for a note to leave out (an Ibid.)."""
    works = [work_text(n) if n.strip() else "" for n in notes]
    links: list[tuple[int, int, str]] = []
    first: dict[str, int] = {}
    titled: dict[str, list[int]] = defaultdict(list)

    def key_link(i: int, key: str, reason: str) -> None:
        if key in first and first[key] != i:
            links.append((first[key], i, reason))
        else:
            first.setdefault(key, i)

    for i, (note, work) in enumerate(zip(notes, works)):
        if not work:
            continue
        key_link(i, "work:" + work, "same-work")
        for m in _CRS_ID.finditer(note):
            key_link(i, "crs:" + m.group("id").upper(), "same-report")
        title = _title_key(note)
        if title:
            titled[title].append(i)
    for members in titled.values():
        # The same quoted title, unless the years the notes give disagree (a series' yearly report).
        for x, i in enumerate(members):
            j = next((j for j in members[:x] if _years_agree(notes[i], notes[j])), None)
            if j is not None:
                links.append((j, i, "same-title"))
    links += _near_links(works)
    links += _short_form_links(notes, works)
    return sorted({(min(i, j), max(i, j), r) for i, j, r in links if i != j})


def _near_links(works: list[str]) -> list[tuple[int, int, str]]:
    """Works equal but for a typo: same numbers, same opening, near-identical letters.
    Compared only within buckets of the same first eight characters."""
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(works):
        if len(w) >= 20:
            buckets[w[:8]].append(i)
    out = []
    for members in buckets.values():
        for x, i in enumerate(members[:50]):
            for j in members[x + 1 : 50]:
                a, b = works[i], works[j]
                if a == b or _numbers(a) != _numbers(b) or abs(len(a) - len(b)) > 14:
                    continue
                if _typo_or_dropped_words(a, b):
                    out.append((i, j, "same-work"))
    return out


def _typo_or_dropped_words(a: str, b: str) -> bool:
    """Whether two works differ only by a typo (two letters at most changed) or by
    one stretch of words dropped late in one of them, as a subtitle or a place is
    ("…Practices: Bahrain, August 12, 2025" / "…Practices, August 12, 2025"); a word
    changed or dropped near the start (the title's own words) is another work."""
    changed, dropped = 0, []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "replace":
            changed += max(i2 - i1, j2 - j1)
        elif op in ("insert", "delete"):
            dropped.append((max(i1, j1), (i2 - i1) + (j2 - j1)))
    size = sum(n for _, n in dropped)
    if changed + size <= 2:
        return True
    longer = max(len(a), len(b))
    return changed == 0 and len(dropped) == 1 and size <= 14 and dropped[0][0] >= 0.4 * longer


def _short_form_links(notes: list[str], works: list[str]) -> list[tuple[int, int, str]]:
    """A shortened second citation held inside an earlier full one, or an acronym
    that an earlier note defines in brackets ("(USMCA)")."""
    out = []
    # An acronym names the work of a note whose work ends with it ("Agreement between …
    # (USMCA), art. 34.7."); of several, the plainest citation (the shortest) defines it.
    defined: dict[str, int] = {}
    for i, note in enumerate(notes):
        for m in _ACRONYM_DEF.finditer(note):
            acr = fold(m.group("a"))
            if works[i].endswith(" " + acr) and (acr not in defined or len(works[i]) < len(works[defined[acr]])):
                defined[acr] = i
    for j, w in enumerate(works):
        if not w:
            continue
        if w in defined and defined[w] != j:
            out.append((defined[w], j, "short-form"))
            continue
        if len(w) < 25:
            continue
        for i, full in enumerate(works):
            if i != j and len(full) > len(w) + 5 and f" {w} " in f" {full} ":
                out.append((i, j, "short-form"))
    return out
