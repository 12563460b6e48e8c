"""What a brief and a treaty record about the agreement, as the fact checks read them.

The treaty's side is its own record (:class:`TreatyFacts`: parties, place of signature,
signatories, as extract read them); the brief's is what its analysis says of the agreement it
discusses (:class:`BriefContext`). The rules that compare a claimed fact with them live beside
this module (``fact_places``, ``fact_signers``, ``fact_parties``; ``facts`` says which run); the
verdict type, the text folding and the states a claim names are shared by all of them, here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from pactlens.extract.state_forms import state_mentions
from pactlens.model import Agreement, Analysis, Evidence
from pactlens.model.check import SEVERITY, Label
from pactlens.resources.lexicon import phrases
from pactlens.resources.states import find_states, get
from pactlens.structure.doc import Span
from pactlens.regexes import lazy_re

Verdict = tuple[Label, str, list[Span]]

#: The nouns an agreement goes by in a brief: the lexicon's, as extract reads them.
AGREEMENT = rf"(?:{phrases('agreement_nouns')})"
_SIGNED_A_WITH = lazy_re(rf"\bsigned\s+an?\s+(?:[\w'’-]+\s+){{0,6}}?{AGREEMENT}\s+with\s+(?:the\s+)?",
                            re.IGNORECASE)
_GENERIC = lazy_re(rf"\b(?:the|this)\s+{AGREEMENT}\b", re.IGNORECASE)


def primary(analysis: Analysis) -> Agreement | None:
    """The agreement a document is (a treaty) or is about (a brief)."""
    for role in ("primary", "subject"):
        for ag in analysis.agreements:
            if ag.role == role:
                return ag
    return None


def evidence_spans(evidence: Iterable[Evidence]) -> list[Span]:
    return [Span(e.start, e.end) for e in evidence]


def signed_spans(ag: Agreement) -> list[Span]:
    """The signing statement as one span ("Done in Moscow on October 22, 1992") when its pieces
    (word, place, date) lie close together, else the pieces."""
    spans = sorted(evidence_spans(ag.signed.evidence), key=lambda s: s.start)
    if spans and spans[-1].end - spans[0].start <= 300:
        return [Span(spans[0].start, max(s.end for s in spans))]
    return spans


def state_names(codes: Iterable[str]) -> str:
    """"Russia, Kazakhstan" for RUS, KAZ: a reason is read by people."""
    return ", ".join((st.name if (st := get(c)) else c) for c in codes)


@dataclass(frozen=True)
class BriefContext:
    """What the brief itself says about the agreement it discusses, read from its own analysis:
    who its people are (to tell a person from an institution), which two states "the two
    countries" are, and the parties of the other agreements it mentions (so that a sentence
    about one of those is not checked against this treaty)."""

    persons: frozenset[str] = frozenset()
    parties: tuple[str, ...] = ()
    other_parties: frozenset[frozenset[str]] = frozenset()
    title: str | None = None
    other_titles: frozenset[str] = frozenset()

    @classmethod
    def of(cls, analysis: Analysis | None) -> BriefContext:
        if analysis is None:
            return cls()
        names = [e.name for e in analysis.entities if e.kind == "person"]
        names += [a for e in analysis.entities if e.kind == "person" for a in e.aliases]
        names += [s.name for ag in analysis.agreements for s in ag.signatories]
        subject = primary(analysis)
        parties = tuple(p.iso3 for p in subject.parties if p.iso3) if subject else ()
        others = frozenset(
            frozenset(p.iso3 for p in ag.parties if p.iso3) for ag in analysis.agreements
            if ag is not subject and len([p for p in ag.parties if p.iso3]) >= 2
        )
        titles = frozenset(fold(ag.title) for ag in analysis.agreements if ag is not subject and ag.title)
        return cls(frozenset(fold(w) for n in names for w in n.split()), parties, others,
                   fold(subject.title) if subject and subject.title else None, titles)

    def names_other_agreement(self, claim: str) -> bool:
        """The claim is about another agreement than the brief's own: it names, by its title, one
        the brief discusses ("the August 2026 Mecca Joint Defense Agreement between Saudi Arabia,
        Turkey, and Pakistan") and not the brief's, or it tells of a signing between other states
        ("the UAE signed a ten-year cooperation agreement with Ukraine"). Its facts are not to be
        checked against this treaty."""
        folded = fold(claim)
        if self.title and self.title in folded:
            return False
        others = [t for t in self.other_titles if t in folded]
        for t in others:
            folded = folded.replace(t, " ")
        # "Negotiated by NATO and the Warsaw Pact, the agreement was signed …": still this one.
        if others and not _GENERIC.search(folded):
            return True
        signed_with = _signed_with(claim)
        return bool(self.parties and signed_with and signed_with != frozenset(self.parties))


def _signed_with(claim: str) -> frozenset[str] | None:
    """"A signed a … agreement with B": the states A and B of an agreement told of as new."""
    m = _SIGNED_A_WITH.search(claim)
    if m is None:
        return None
    mentions = state_mentions(claim)
    before = [x for x in mentions if x.end <= m.start()
              and re.fullmatch(r"\s+(?:(?:has|had|have)\s+)?", claim[x.end : m.start()])]
    after = [x for x in mentions if x.start == m.end()]
    if not before or not after:
        return None
    return frozenset({before[-1].iso3, after[0].iso3})


@dataclass
class TreatyFacts:
    """The treaty's own record of its signature and parties."""

    text: str
    agreement: Agreement | None
    head_end: int = 0  # where the title and preamble (that name the parties) end
    _iso3: tuple[str, ...] = field(default=(), init=False)

    def __post_init__(self) -> None:
        ag = self.agreement
        self._iso3 = tuple(dict.fromkeys(p.iso3 for p in ag.parties if p.iso3)) if ag else ()

    @cached_property
    def place(self) -> str | None:
        """The place of signature as the text writes it: a place read short of its word's end
        ("DONE at Pa" for "Paris", where a run-on line cut the reading) is read to the word's end."""
        ag = self.agreement
        place = ag.signed.place if ag else None
        if not place or ag is None:
            return place
        for e in ag.signed.evidence:
            if e.text == place and e.end < len(self.text) and self.text[e.end].isalpha():
                m = re.match(r"[^\W\d_]+", self.text[e.end :])
                return place + (m.group(0) if m else "")
        return place

    @property
    def parties(self) -> tuple[str, ...]:
        return self._iso3

    def parties_closed(self) -> bool:
        """Whether the parties were read from the treaty's own naming of them (title, head of the
        preamble): then a state missing from them is not a party. Parties gathered from the last
        articles of a multilateral treaty (depositary, ratifications) may be only some of them."""
        ag = self.agreement
        if ag is None or len(self._iso3) < 2:
            return False
        return all(p.evidence and p.evidence[0].start < self.head_end for p in ag.parties if p.iso3)

    @cached_property
    def words(self) -> list[str]:
        return folded_words(self.text)

    @cached_property
    def named_states(self) -> frozenset[str]:
        """Every state the treaty's text names, party or not: a long preamble may list more
        parties than were read from it, so a state it names is never called no party."""
        return frozenset(m.iso3 for m in find_states(self.text))

    def former_party(self) -> bool:
        """A party is a state that no longer exists (the USSR): whether a present-day state
        stands for it is not for this rule to say."""
        return any((st := get(c)) is not None and st.former for c in self._iso3)

    def party_spans(self) -> list[Span]:
        ag = self.agreement
        return [Span(p.evidence[0].start, p.evidence[0].end) for p in ag.parties if p.evidence] if ag else []


def fold(text: str) -> str:
    """Case and diacritics folded: "Tehrán" is "tehran"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def folded_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W_]+", fold(text)) if w != "the"]


def contains_words(a: list[str], b: list[str]) -> bool:
    """Whether word sequence ``b`` occurs in ``a``."""
    return bool(b) and any(a[i : i + len(b)] == b for i in range(len(a) - len(b) + 1))


def worst(verdicts: list[Verdict]) -> Verdict:
    """Several facts checked in one claim: the worst verdict wins, and its reason and evidence
    come first."""
    verdicts = sorted(verdicts, key=lambda v: SEVERITY[v[0]])
    return verdicts[0][0], "; ".join(v[1] for v in verdicts), list(dict.fromkeys(x for v in verdicts for x in v[2]))
