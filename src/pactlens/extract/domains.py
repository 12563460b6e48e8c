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
from pactlens.regexes import compile as compile_cached
from pactlens.structure.scan import folded, literal_trie

#: Minimum score for a domain to count as touched (one weight-2 term).
MIN_SCORE = 2
#: A secondary domain must reach this share of the main domain's score.
SECONDARY_SHARE = 0.25


@dataclass(frozen=True, slots=True)
class DomainScore:
    domain: str
    score: int
    first: int  # offset of the domain's first term: the earlier-named topic wins a tie


@dataclass(frozen=True)
class _Domain:
    """One domain's terms as a single alternation (longest first) and their weights by group name."""

    pattern: re.Pattern[str]
    weights: dict[str, int]
    stems: frozenset[str]  # lowercased first word (up to any hyphen) of each term: one must occur for a match


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, _Domain]:
    raw = json.loads(resources.files("pactlens.resources").joinpath("domains.json").read_text("utf-8"))
    out: dict[str, _Domain] = {}
    for domain, terms in raw.items():
        if domain.startswith("_"):
            continue
        if domain not in DOMAINS:
            raise ValueError(f"domains.json: {domain!r} is not a contract domain")
        ordered = sorted(terms.items(), key=lambda kv: -len(kv[0]))
        body = "|".join(f"(?P<t{i}>{_term_body(t)})" for i, (t, _) in enumerate(ordered))
        pattern = compile_cached(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
        stems = frozenset(_stem(t) for t in terms)
        out[domain] = _Domain(pattern, {f"t{i}": w for i, (_, w) in enumerate(ordered)}, stems)
    return out


def _stem(term: str) -> str:
    """The literal every match of ``term`` starts with: its first word up to any hyphen
    (a hyphen may be matched as a space or nothing, see :func:`_term_body`)."""
    return term.rstrip("*").split()[0].split("-")[0].lower()


@lru_cache(maxsize=1)
def _prefilter() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, frozenset[str]]]:
    """One pass that finds where each domain's terms can start, and for each stem the domains it opens.

    Scanning every domain's alternation over every clause was most of the cost of
    provisions; most clauses name terms of two or three domains. The prefilter is a
    trie of the terms' stems under the same word-start boundary and case folding as
    the domain patterns, so a domain or offset it skips could not have matched (stems are
    word characters, so no term starts inside another stem's match). A stem found
    also opens the domains of every shorter stem it starts with ("arms" opens "arm…").
    Each domain is still scored by its own pattern, so a term of one domain never
    hides an overlapping term of another.

    The trie is returned twice: case-insensitive, and case-sensitive for the text lowercased
    (see :func:`pactlens.structure.scan.folded`), which finds the same stems in a third of the time.
    """
    lexicon = _lexicon()
    by_stem: dict[str, set[str]] = {}
    for name, domain in lexicon.items():
        for stem in domain.stems:
            by_stem.setdefault(stem, set()).add(name)
    opens = {
        stem: frozenset(d for other, doms in by_stem.items() if stem.startswith(other) for d in doms)
        for stem in by_stem
    }
    trie = rf"(?<![\w-])(?:{literal_trie(sorted(by_stem))})"
    return compile_cached(trie, re.IGNORECASE), compile_cached(trie), opens


def _term_body(term: str) -> str:
    """A term as a regex: words joined by flexible whitespace/hyphens, ``*`` as a word ending."""
    stem = term.rstrip("*")
    words = [re.escape(w) for w in stem.split()]
    body = r"\s+".join(words).replace(r"\-", r"[\-\s]?")
    return body + (r"\w*" if term.endswith("*") else r"(?:s|es)?")


def _domain_score(text: str, domain: _Domain, starts: list[int]) -> tuple[int, int]:
    """Weight of the distinct terms found, and the first one's offset. The alternation is
    longest-first, so a longer term hides the shorter ones inside it ("transport
    corridors" is not also "corridor").

    ``starts`` are the ascending offsets where one of the domain's stems begins: every match
    begins at one, so trying the pattern there (skipping offsets inside the previous match)
    finds exactly what scanning the whole text with ``finditer`` would.
    """
    seen: dict[str, int] = {}
    end = 0
    for pos in starts:
        if pos < end:
            continue
        if m := domain.pattern.match(text, pos):
            seen.setdefault(m.lastgroup, m.start())
            end = m.end()
    total = sum(domain.weights[g] for g in seen)
    return total, min(seen.values(), default=len(text))


def score(text: str) -> list[DomainScore]:
    """Every domain with a positive score, best first (ties: the domain named first)."""
    pattern, lower_pattern, opens = _prefilter()
    lexicon = _lexicon()
    everything = frozenset(lexicon)
    starts: dict[str, list[int]] = {}
    low = folded(text)
    # The stems found in the lowercased text are those IGNORECASE finds in the text (same offsets,
    # see folded); each is read back from the text, as written, for the lookup below.
    hits = ((m.start(), m.end()) for m in lower_pattern.finditer(low)) if len(low) == len(text) \
        else (m.span() for m in pattern.finditer(text))
    for a, b in hits:
        # A case fold that .lower() does not undo ("ſ", Kelvin sign) cannot be looked up: try every domain.
        for name in opens.get(text[a:b].lower(), everything):
            starts.setdefault(name, []).append(a)
    scores = []
    for name, domain in lexicon.items():
        if name not in starts:
            continue
        total, first = _domain_score(text, domain, starts[name])
        if total:
            scores.append(DomainScore(name, total, first))
    scores.sort(key=lambda d: (-d.score, d.first))
    return scores


def classify(text: str) -> list[str]:
    """The domains ``text`` touches, main first; ``["other"]`` when none is clear."""
    scores = [s for s in score(text) if s.score >= MIN_SCORE]
    if not scores:
        return ["other"]
    top = scores[0].score
    return [s.domain for s in scores if s.score >= max(MIN_SCORE, SECONDARY_SHARE * top)]
