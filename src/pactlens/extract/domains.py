"""Policy domains of a piece of text, from a weighted lexicon.

The lexicon (``resources/domains.json``) is data so that analysts can extend
it without touching code; its ``_about`` entry documents the taxonomy
decisions (fisheries are agriculture, nuclear energy is nuclear and energy).
Scoring is a weighted count of distinct terms per domain: a domain counts as
touched when it reaches a minimum weight (one strong term, or several weak
ones), so a single weak word ("products", "threat") does not tag a clause.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pactlens.model import DOMAINS

#: Minimum score for a domain to count as touched (one weight-2 term).
MIN_SCORE = 2
#: A secondary domain must reach this share of the main domain's score.
SECONDARY_SHARE = 0.25


@dataclass(frozen=True, slots=True)
class DomainScore:
    domain: str
    score: int
    first: int  # offset of the domain's first term: the earlier-named topic wins a tie


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, list[tuple[re.Pattern[str], int]]]:
    raw = json.loads(resources.files("pactlens.resources").joinpath("domains.json").read_text("utf-8"))
    out: dict[str, list[tuple[re.Pattern[str], int]]] = {}
    for domain, terms in raw.items():
        if domain.startswith("_"):
            continue
        if domain not in DOMAINS:
            raise ValueError(f"domains.json: {domain!r} is not a contract domain")
        out[domain] = [(_term_pattern(t), w) for t, w in terms.items()]
    return out


def _term_pattern(term: str) -> re.Pattern[str]:
    """A term as a regex: words joined by flexible whitespace/hyphens, ``*`` as a word ending."""
    stem = term.rstrip("*")
    words = [re.escape(w) for w in re.split(r"[\s]+", stem)]
    body = r"\s+".join(words).replace(r"\-", r"[\-\s]?")
    tail = r"\w*" if term.endswith("*") else r"(?:s|es)?"
    return re.compile(rf"(?<![\w-]){body}{tail}(?![\w-])", re.IGNORECASE)


def _domain_score(text: str, terms: list[tuple[re.Pattern[str], int]]) -> tuple[int, int]:
    """Weight of the distinct terms found, a longer term hiding the shorter ones inside it
    ("transport corridors" is not also "corridor"); and the first term's offset."""
    hits = [(m.start(), m.end(), w) for rx, w in terms if (m := rx.search(text))]
    hits.sort(key=lambda h: h[0] - h[1])
    kept: list[tuple[int, int, int]] = []
    for a, b, w in hits:
        if all(b <= ka or a >= kb for ka, kb, _ in kept):
            kept.append((a, b, w))
    return sum(w for _, _, w in kept), min((a for a, _, _ in kept), default=len(text))


def score(text: str) -> list[DomainScore]:
    """Every domain with a positive score, best first (ties: the domain named first)."""
    scores = []
    for domain, terms in _lexicon().items():
        total, first = _domain_score(text, terms)
        if total:
            scores.append(DomainScore(domain, total, first))
    scores.sort(key=lambda d: (-d.score, d.first))
    return scores


def classify(text: str) -> list[str]:
    """The domains ``text`` touches, main first; ``["other"]`` when none is clear."""
    scores = [s for s in score(text) if s.score >= MIN_SCORE]
    if not scores:
        return ["other"]
    top = scores[0].score
    return [s.domain for s in scores if s.score >= max(MIN_SCORE, SECONDARY_SHARE * top)]
