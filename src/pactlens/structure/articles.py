"""Article labels, and the choice of which labels really start articles.

Every ``Article 5``/``ARTICLE V``/``Art. 3``/``Article Five``/``Article 12bis``
is a candidate. Most mentions of an article are cross-references ("in
accordance with Article 5", "Article 51 of the Charter"), so a candidate is
scored by where it stands (line start, after a sentence end, after a heading)
and what follows it (a heading or text, not "of the Charter"), and the
articles are the best-scoring run of candidates whose numbers go up by one.
A run may restart at 1 (an annex, a second instrument in the same file).

Agreements that number their articles without the word (``1. The two
Governments agree...``) are read the same way from numbered lines, only when
no labelled article exists.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, replace

from pactlens.structure.doc import Span
from pactlens.structure.scan import matches_at, starts_in
from pactlens.structure.numbers import NUMBER_WORDS_RX, SUFFIXES, roman_value, suffix_rank, word_value
from pactlens.structure.spans import trimmed
from pactlens.regexes import lazy_re

_SUFFIX_RX = "|".join(SUFFIXES)
_LABEL_RE = lazy_re(
    r"(?:(?<![\w])|(?<=[a-z])(?=Article[ \t]))(?P<kw>ARTICLE|Article|article|ART\.|Art\.|art\.)[ \t]*(?:No\.?[ \t]*)?"
    r"(?:(?P<arabic>\d{1,4})(?:[ \t]?(?P<suffix>" + _SUFFIX_RX + r"))?(?:[ \t]?\((?P<sub>\d{1,2})\))?"
    r"(?![A-Za-z0-9])"
    r"|(?P<roman>[IVXLC]{1,7}|[ivxlc]{1,7})(?:[ \t]?(?P<rsuffix>" + _SUFFIX_RX + r"))?(?![A-Za-z])"
    rf"|(?P<word>(?i:{NUMBER_WORDS_RX}))(?![A-Za-z])"
    r"|(?P<ell>l)(?![A-Za-z0-9]))"
    r"(?!\.\d)"
)
_ART = lazy_re("art")
_NUMBERED_LINE_RE = lazy_re(r"^[ \t]*(?P<head>(?:[A-Z][A-Z'’,&-]*[ \t]+){0,12})(?P<arabic>\d{1,3})\.(?:[ \t]+(?=[A-Z\"“(])|(?=[A-Z][a-z]))", re.M)
_XREF_WORDS = (
    r"of|to|and|or|shall|hereof|herein|thereof|above|below|is|are|was|were|which|that|has|have|"
    r"may|will|para(?:graph)?s?|sub-?paragraphs?|provides|states|applies|refers"
)
# What follows a cross-reference: "Article 5, paragraph 2", "Article 51 of the Charter".
_XREF_AFTER_RE = {
    "mixed": lazy_re(rf"[ \t]*(?:,|(?:{_XREF_WORDS})\b)"),
    "lower": lazy_re(rf"[ \t]*(?:,|(?:{_XREF_WORDS})\b)"),
    "upper": lazy_re(rf"[ \t]*(?:,|(?i:{_XREF_WORDS})\b)"),
}
_LABEL_TAIL_RE = lazy_re(r"[ \t]*(?:\.[-–—]?|:|[-–—])(?!\d)")  # "ARTICLE 1.-", "Article 2:"
_SELF_CONTAINED_RE = lazy_re(r"[ \t]*(?:\n|[.:][-–—]?(?!\d)|[ \t][-–—]|$)")
_BOUNDARY_CHARS = ".:;!?"
_CLOSERS = "\"”’)]"
_FUNCTION_WORDS = {"of", "and", "the", "on", "in", "for", "to", "with", "between", "concerning", "a", "an"}

_DROP_UPPER = str.maketrans("", "", string.ascii_uppercase)
_DROP_LOWER = str.maketrans("", "", string.ascii_lowercase)

#: A label glued to the word before it by OCR counts for this much (a line-start label: 3).
GLUED_QUALITY = 0.75
_GLUED_SENTENCE_END = lazy_re(r"([.;!?])(?=[A-Z])")
_GLUED_HEADING_RE = lazy_re(r"\*?[ \t]+[A-Z][a-z]+")
RESTART_PENALTY = 1.0
LATE_START_PENALTY = 4.0
GAP_PENALTY = 2.5


@dataclass(frozen=True)
class Label:
    """A candidate article label, with what the sequence check needs."""

    start: int
    end: int  # end of the label, including a trailing "." or ":" that belongs to it
    label: str  # as written
    number: str  # normalized: "5", "3(2)", "12bis"
    base: int
    sub: int = 0  # suffix rank (bis=1) or parenthesized sub-number
    paren: bool = False
    quality: float = 0.0
    strong: bool = False  # at a line start


def find_article_labels(text: str) -> list[Label]:
    """The labels that start articles, in text order (cross-references left out)."""
    case = _case_profile(text)
    cands = [c for m in _label_matches(text) for c in _candidates(text, m, case)]
    chosen = best_sequence(cands)
    if chosen:
        return chosen
    return _numbered_articles(text)


def _label_matches(text: str) -> Iterator[re.Match[str]]:
    """``_LABEL_RE.finditer(text)``, the pattern tried only where a label's keyword begins: every
    match begins with its keyword (the assertions before it are zero-width), an "art" in any case."""
    return matches_at(_LABEL_RE, text, starts_in(_ART, text))


def _case_profile(text: str) -> str:
    """"upper" for all-caps texts, "lower" for all-lowercase ones, else "mixed"."""
    sample = text[:20000]
    upper = len(sample) - len(sample.translate(_DROP_UPPER))
    lower = len(sample) - len(sample.translate(_DROP_LOWER))
    if upper > 2 * lower:
        return "upper"
    if upper * 100 < lower:
        return "lower"
    return "mixed"


def _candidates(text: str, m: re.Match[str], case: str) -> list[Label]:
    if m["kw"][0] == "a" and case != "lower":
        return []  # "article 5" in lowercase is a reference, unless the whole text is lowercase
    if m["roman"] and m["roman"].islower() and case != "lower":
        return []
    value = _value(m)
    if value is None or value == 0 or text[max(0, m.start() - 3) : m.start()] in ("Ad ", "AD "):
        return []  # "Ad Article XIII": an interpretative note on an article, not the article
    quality, strong = _position_quality(text, m.start(), case)
    if text[m.start() - 1 : m.start()].islower():
        # "...contracting parArticle VII Valuation": OCR glued the label to the text before it.
        # Taken only with a heading after it, and weakly: the sequence decides.
        if case != "mixed" or not _GLUED_HEADING_RE.match(text, m.end()):
            return []
        quality = GLUED_QUALITY
    self_contained = _SELF_CONTAINED_RE.match(text, m.end()) is not None
    if quality <= 0 and ((m["kw"] == "ARTICLE" and case != "upper") or (case == "lower" and self_contained)):
        # a capitalized label stands out of a text that is not all caps; a lowercase
        # text has no capitals to mark sentence starts, so "article i:" is enough
        quality = 1.0
    if quality <= 0 or _is_xref(text, m.end(), strong, case):
        return []
    base, suffix = value
    end = _label_end(text, m.end())
    if self_contained:
        quality += 1.0
    if m["kw"].isupper() and case == "mixed":
        quality += 0.5
    label = text[m.start() : m.end()]
    plain = Label(m.start(), end, label, f"{base}{suffix or ''}", base, suffix_rank(suffix), False, quality, strong)
    if not m["sub"]:
        return [plain]
    sub = int(m["sub"])
    with_sub = replace(plain, number=f"{base}({sub})", sub=sub, paren=True, quality=quality - 0.25)
    bare_end = m.start("sub") - 1
    while text[bare_end - 1] in " \t":
        bare_end -= 1
    return [replace(plain, end=bare_end, label=text[m.start() : bare_end]), with_sub]


def _value(m: re.Match[str]) -> tuple[int, str | None] | None:
    if m["arabic"]:
        return int(m["arabic"]), m["suffix"]
    if m["roman"]:
        v = roman_value(m["roman"])
        return (v, m["rsuffix"]) if v else None
    if m["word"]:
        v = word_value(m["word"])
        return (v, None) if v else None
    return 1, None  # "l": OCR for 1


def _label_end(text: str, end: int) -> int:
    m = _LABEL_TAIL_RE.match(text, end)
    return m.end() if m else end


def _is_xref(text: str, end: int, strong: bool, case: str) -> bool:
    if strong and (end >= len(text) or text[end] == "\n"):
        return False
    return _XREF_AFTER_RE[case].match(text, end) is not None


def _position_quality(text: str, start: int, case: str) -> tuple[float, bool]:
    """How much the place of a label says it starts an article; 0 means it cannot."""
    line_start = text.rfind("\n", max(0, start - 200), start) + 1
    if (line_start or start <= 200) and not text[line_start:start].strip():
        return 3.0, True
    before = text[max(line_start, start - 120) : start].rstrip()
    if _ends_sentence(before):
        return 2.0, False
    if _ends_with_heading(before, case):
        return 1.5, False
    return 0.0, False


def _ends_sentence(before: str) -> bool:
    s = before.rstrip(_CLOSERS) if before[-1:] in _CLOSERS else before
    return s[-1:] in _BOUNDARY_CHARS or not before


def _ends_with_heading(before: str, case: str) -> bool:
    """A short heading ("CHAPTER II GENERAL PROVISIONS", "Final Provisions") after a sentence end,
    also when OCR lost the space after it ("... of this Agreement.PART II")."""
    words = _GLUED_SENTENCE_END.sub(r"\1 ", before).split()
    for n in range(1, min(len(words), 10) + 1):
        head = words[-n:]
        rest = " ".join(words[:-n])
        if not _heading_words(head, case):
            return False
        if not rest or _ends_sentence(rest):
            return True
    return False


def _heading_words(words: list[str], case: str) -> bool:
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    if not content:
        return False
    if case == "upper":
        return False  # every run of words looks like a heading in an all-caps text
    return all(w[:1].isupper() or w[:1].isdigit() or w[:1] in "(-–" for w in content)


def best_chains(cands: list[Label]) -> list[list[Label]]:
    """The highest-scoring set of chains of labels numbered 1, 2, 3..., in text order.

    A dynamic programme over candidates in text order: a label either continues
    the best chain ending in the number before it, or opens a new chain after
    the best set of chains found so far.
    """
    cands = sorted(cands, key=lambda c: (c.start, -c.quality))
    score: list[float] = []
    back: list[tuple[int | None, bool]] = []  # (previous label, whether this label opens a chain)
    by_base: dict[int, int] = {}  # base -> index of the best chain end with that number
    by_key: dict[tuple[int, int], int] = {}
    by_chapter: dict[int, int] = {}  # chapter (base // 100, bases from 100) -> index of its best chain end
    best_end: int | None = None
    i = 0
    while i < len(cands):
        j = i
        while j < len(cands) and cands[j].start == cands[i].start:
            j += 1
        for k in range(i, j):  # labels at one offset are alternatives: none links to another
            s, b = _best_link(cands[k], score, by_base, by_key, by_chapter, best_end)
            score.append(s)
            back.append(b)
        for k in range(i, j):
            _keep_best(by_base, cands[k].base, k, score)
            _keep_best(by_key, (cands[k].base, cands[k].sub), k, score)
            if cands[k].base >= 100:
                _keep_best(by_chapter, cands[k].base // 100, k, score)
            if best_end is None or score[k] > score[best_end]:
                best_end = k
        i = j
    if best_end is None or score[best_end] <= 0:
        return []
    return _backtrack(cands, back, best_end)


def best_sequence(cands: list[Label]) -> list[Label]:
    """The labels of the valid chains among the best ones (see :func:`best_chains`)."""
    out: list[Label] = []
    for ch in best_chains(cands):
        first = ch[0]
        if (first.base != 1 and len(ch) < 3) or (len(ch) == 1 and not first.strong):
            continue
        out += ch
    return out


def _keep_best(table: dict, key, k: int, score: list[float]) -> None:
    if key not in table or score[k] > score[table[key]]:
        table[key] = k


def _best_link(c: Label, score, by_base, by_key, by_chapter, best_end) -> tuple[float, tuple[int | None, bool]]:
    opener = c.base == 1 and (c.sub == 0 or (c.paren and c.sub == 1))
    before = best_end if best_end is not None and score[best_end] > 0 else None
    prior = score[before] if before is not None else 0.0
    penalty = RESTART_PENALTY if opener else LATE_START_PENALTY
    best: tuple[float, tuple[int | None, bool]] = (prior + c.quality - penalty, (before, True))
    links: list[tuple[int | None, float]] = []
    if c.sub == 0 or (c.paren and c.sub == 1):
        links.append((by_base.get(c.base - 1), 0.0))
        if c.sub == 0:
            links.append((by_base.get(c.base - 2), GAP_PENALTY))
        if c.sub == 0 and c.base >= 200 and c.base % 100 <= 1:
            # numbered by chapter (NAFTA: 101-105, 201, 300-318, ... 2201): a chapter's first article
            # (N00 or N01) follows any article of the chapter before
            links.append((by_chapter.get(c.base // 100 - 1), 0.0))
    if c.sub > 0:
        links.append((by_key.get((c.base, c.sub - 1)), 0.0))
    for p, cost in links:
        if p is not None and score[p] + c.quality - cost > best[0]:
            best = (score[p] + c.quality - cost, (p, False))
    return best


def _backtrack(cands: list[Label], back: list[tuple[int | None, bool]], end: int) -> list[list[Label]]:
    chains: list[list[Label]] = [[]]
    k: int | None = end
    while k is not None:
        chains[-1].append(cands[k])
        prev, opens = back[k]
        if opens and prev is not None:
            chains.append([])
        k = prev
    return [list(reversed(ch)) for ch in reversed(chains) if ch]


def _numbered_articles(text: str) -> list[Label]:
    """Numbered lines as articles ("1. The two Governments agree..."), in treaty-like texts."""
    cands = []
    for m in _NUMBERED_LINE_RE.finditer(text):
        n = int(m["arabic"])
        cands.append(Label(m.start("arabic"), m.end("arabic") + 1, f"{n}.", str(n), n, quality=3.0, strong=True))
    kept = [c for ch in best_chains(cands) if len(ch) >= 3 and ch[0].base == 1 for c in ch]
    if kept and _AGREEMENT_CUE_RE.search(text, 0, kept[0].start):
        return kept
    return []


_AGREEMENT_CUE_RE = lazy_re(
    r"\b(?:agree[sd]?|undertake|hereby|Agreement|AGREEMENT|Treaty|TREATY|Convention|CONVENTION|"
    r"Memorandum|MEMORANDUM|Protocol|PROTOCOL|Parties|PARTIES)\b"
)


_HEADING_LINE_MAX = 120
_CAPS_RUN_RE = lazy_re(r"[ \t]*((?:[A-Z][A-Z'’&,-]*[ \t]+){1,12}?)(?=[A-Z][a-z]|\(?[0-9]+[.)][ \t])")
# "Article 5 General Undertakings 1. Member States..." in a run-on text
_TITLED_RE = lazy_re(r"[ \t]*([A-Z](?:[^\n;:!?.]|\.(?=\S)){1,100}?)[ \t]+(?=\(?1[.)][ \t])")
# A heading names a subject; a run of words with one of these is the article's first sentence.
_VERBS = {"shall", "will", "may", "must", "should", "agree", "agrees", "undertake", "undertakes", "is", "are"}
_DASHED_RE = lazy_re(r"[ \t]*[-–—:][ \t]*([^\n.]{2,100}?)(?=[ \t]+[A-Z0-9(][a-z.)]|\n|$)")


def heading_after(text: str, label: Label, limit: int) -> Span | None:
    """An article's heading: the rest of the label's line, the next short line, or a caps run."""
    line_end = text.find("\n", label.end, limit)
    if line_end >= 0 or label.strong:
        return _line_heading(text, label, limit, line_end if line_end >= 0 else limit)
    m = _DASHED_RE.match(text, label.end) or _CAPS_RUN_RE.match(text, label.end) or _TITLED_RE.match(text, label.end)
    words = m.group(1).split() if m else []
    if any(len(w) > 2 for w in words) and len(words) <= 12 and not _VERBS.intersection(w.lower() for w in words):
        return trimmed(text, m.start(1), m.end(1))
    return None


def _line_heading(text: str, label: Label, limit: int, line_end: int) -> Span | None:
    rest = trimmed(text, label.end, line_end)
    if rest:
        s = text[rest.start : rest.end].lstrip("-–—:. ")
        if 0 < len(s) <= _HEADING_LINE_MAX and (not s.endswith((".", ";", ",")) or s.isupper()):
            return trimmed(text, rest.end - len(s), rest.end)
        return None
    nxt_start = line_end + 1
    nxt_end = text.find("\n", nxt_start, limit)
    if nxt_end < 0:
        return None  # the next line is the article's only line: its text, not a heading
    nxt = trimmed(text, nxt_start, nxt_end)
    if nxt and len(nxt) <= _HEADING_LINE_MAX and text[nxt.end - 1] not in ".;:," and text[nxt.start].isupper():
        return nxt
    return None
