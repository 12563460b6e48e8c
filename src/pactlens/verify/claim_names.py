"""How a brief names the treaty it is about: its titles, short names and acronyms, the bodies its
text defines, and where a clause refers to it (by name, "the pact", "it", "Article N") or to
another agreement.

Split from :mod:`pactlens.verify.claims` (which decides what a clause is about) so that each
module has one job: this one finds the references, that one weighs them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from pactlens.regexes import lazy_re
from pactlens.resources.lexicon import lowered, phrases
from pactlens.verify.articles import find_article_refs
from pactlens.verify.fact_record import AGREEMENT, state_mentions


#: An instrument's noun (lexicon/instrument_nouns.txt: the agreement nouns, statute, act, code, covenant).
INSTRUMENT = rf"(?:{phrases('instrument_nouns')})"
_PRONOUN_START = lazy_re(r"^\W*(?:it|its|this|they|their|the\s+(?:pact|treaty|agreement|charter|convention|accord))\b",
                            re.IGNORECASE)
_CAPS_NAME = lazy_re(r"[A-Z][\w'’.–-]*\s+(?:(?:of|for|on|with|the|and)\s+|[A-Z][\w'’.–-]*\s+)*"
                        rf"(?i:{INSTRUMENT})s?\b(?:\s+(?:of|for|on|with)\s+(?:the\s+)?"
                        r"[A-Z][\w'’.–-]*(?:\s+(?:of|and|the|for|on|to)?\s*[A-Z][\w'’.–-]*)*)?")
_GENERIC_AGREEMENT = lazy_re(rf"(?:\b(?P<det>the|this|that|its|said|a|an)\s+|(?<=['’]s\s))"
                                rf"(?:(?!(?:of|and|with|to|in|by|for|on|at|as|from)\s)[\w'’.–-]+\s+){{0,6}}?"
                                # "This Act gave the President …": in writing about a treaty, "the
                                # Act" is a national law, not a back-reference to the treaty
                                rf"(?P<noun>(?!act\b){INSTRUMENT})\b", re.IGNORECASE)
_ACRONYM = lazy_re(r"\b[A-Z]{3,6}\b")
_STOPWORDS = frozenset("the of on and for with to a an in at by as de la le des du general".split())
#: Words every instrument's name may hold, so they tell no name from another (and two plurals).
_GENERIC_NOUNS = lowered("instrument_nouns") | {"agreements", "treaties"}


@dataclass
class TreatyNames:
    """What the brief may call the treaty: its titles and short names (from both documents), their
    acronyms, and the bodies and terms its text defines ("Security Council")."""

    words: frozenset[str] = frozenset()  # distinctive words of its names, signing place and parties
    acronyms: frozenset[str] = frozenset()
    terms: tuple[str, ...] = ()  # defined bodies/terms, longest first
    other_titles: frozenset[str] = frozenset()
    _terms_rx: re.Pattern[str] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, titles: Iterable[str | None], extra_words: Iterable[str], treaty_text: str,
           exclude_terms: Iterable[str] = ()) -> TreatyNames:
        titles = [t for t in titles if t]
        words = {w for t in titles for w in _name_words(t)} | {w for x in extra_words for w in _name_words(x)}
        acronyms = {_initials(t) for t in titles if len(t.split()) > 1} | {t.strip() for t in titles if _ACRONYM.fullmatch(t.strip())}
        acronyms |= {_initials(t, all_words=True) for t in titles if len(t.split()) > 1}
        acronyms = {a for a in acronyms if len(a) >= 2}
        excl = {x.lower() for x in exclude_terms}
        terms = tuple(sorted((t for t in defined_terms(treaty_text) if t.lower() not in excl), key=len, reverse=True))
        return cls(frozenset(words), frozenset(acronyms), terms)

    @property
    def terms_rx(self) -> re.Pattern[str] | None:
        if self._terms_rx is None and self.terms:
            alternatives = (r"\s+".join(re.escape(w) for w in t.split()) for t in self.terms)
            self._terms_rx = re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)
        return self._terms_rx

    def is_ours(self, name: str) -> bool:
        """Whether a named agreement ("the San Francisco Peace Treaty", "the UN Charter", "GATT") is this one."""
        words = [w for w in _name_words(name)]
        acr = [a for a in _ACRONYM.findall(name)]
        if acr and all(a in self.acronyms or _expands(a, self.words) for a in acr) and not words:
            return True
        if not words:
            return not acr
        return all(w in self.words or w.upper() in self.acronyms or (len(w) <= 3 and _expands(w.upper(), self.words))
                   for w in words)


def _name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", name.lower().replace("–", " ").replace("-", " "))
            if w not in _STOPWORDS and w not in _GENERIC_NOUNS and len(w) > 1]


def _initials(title: str, all_words: bool = False) -> str:
    words = re.findall(r"[A-Za-z]+", title)
    if not all_words:
        words = [w for w in words if w[0].isupper() or w.isupper()]
    return "".join(w[0].upper() for w in words if w.lower() not in ("of", "the", "on", "for", "with") or all_words)


def _expands(acronym: str, words: frozenset[str]) -> bool:
    """"UN" for a name whose words include united and nations."""
    return 2 <= len(acronym) <= 3 and all(any(w.startswith(c.lower()) for w in words) for c in acronym)


def _names_a_state_or_agreement(phrase: str) -> bool:
    """"Government of Japan", "Treaty of Peace", "San Francisco": names of states, agreements and
    places are not bodies the treaty sets up."""
    from pactlens.resources.states import find_states

    return bool(find_states(phrase) or re.search(rf"(?i:\b{AGREEMENT}\b|government|convention|instruments?)", phrase))


_BODY_HEADS = frozenset("Council Assembly Committee Commission Court Secretariat Conference Board Organization "
                        "Organisation Tribunal Authority Agency Bank Fund Parliament".split())


def defined_terms(text: str) -> list[str]:
    """Bodies and terms a treaty names again and again ("Security Council", "Military Staff Committee",
    "Allied Powers", "contracting parties"): capitalised phrases of two to four words found three or
    more times, and the treaty's own word for its parties."""
    counts = Counter(m.group(0) for m in re.finditer(r"\b[A-Z][a-z]+(?:[ -](?:of\s+the\s+|of\s+)?[A-Z][a-z]+){1,3}\b", text))
    out = [t for t, n in counts.items() if n >= 3 and not re.match(r"(?:The|This|In|Article|Chapter|Part)\b", t)
           and not _names_a_state_or_agreement(t)]
    for m in re.finditer(r"\b(?:contracting|high contracting|member|signatory|states?)\s+(?:parties|states|powers)\b",
                         text, re.IGNORECASE):
        out.append(m.group(0).lower())
    if re.search(r"\bpermanent members\b", text):
        out.append("permanent members")
    out += ["signatory states", "signatory powers", "signatories", "member states", "parties"]
    # a body's short name: "the Council" for the Security Council, "the Assembly"
    out += [f"the {t.split()[-1]}" for t in list(out) if t[:1].isupper() and len(t.split()) > 1
            and t.split()[-1] in _BODY_HEADS]
    return list(dict.fromkeys(out))



@dataclass(frozen=True)
class Reference:
    kind: Literal["name", "generic", "pronoun", "article", "term", "other"]
    start: int
    end: int
    text: str


def references(clause: str, names: TreatyNames, antecedent: bool) -> list[Reference]:
    """Where the clause refers to the treaty, to another agreement, or to a body the treaty defines."""
    refs: list[Reference] = []
    for m in _GENERIC_AGREEMENT.finditer(clause):
        phrase = clause[m.start() : m.end()]
        named = re.sub(r"^\w+\s+", "", phrase) if m.group("det") else phrase
        tail = _name_tail(clause, m.end())
        full = _without_states(named + tail)
        if (m.group("det") or "").lower() in ("a", "an"):
            kind = "other"  # "a similar agreement": another one
        elif _name_words(_capitalised(full)) or _ACRONYM.search(full):
            kind = "name" if names.is_ours(_capitalised(full)) else "other"
        else:
            kind = "generic"
        refs.append(Reference(kind, m.start(), m.end() + len(tail), clause[m.start() : m.end() + len(tail)]))
    for m in _CAPS_NAME.finditer(clause):
        if any(r.start <= m.start() < r.end or m.start() <= r.start < m.end() for r in refs):
            continue
        if not m.group(0)[:1].isupper():
            continue
        refs.append(Reference("name" if names.is_ours(m.group(0)) else "other", m.start(), m.end(), m.group(0)))
    for m in _ACRONYM.finditer(clause):
        if m.group(0) in names.acronyms and not any(r.start <= m.start() < r.end for r in refs):
            refs.append(Reference("name", m.start(), m.end(), m.group(0)))
    for m in re.finditer(r"\b(?:its|the)\s+preamble\b", clause, re.IGNORECASE):
        refs.append(Reference("article", m.start(), m.end(), m.group(0)))
    for a in find_article_refs(clause):
        refs.append(Reference("article", a.start, a.end, clause[a.start : a.end]))
    if antecedent and _PRONOUN_START.match(clause):
        m = _PRONOUN_START.match(clause)
        assert m is not None
        refs.append(Reference("pronoun", m.start(), m.end(), m.group(0)))
    rx = names.terms_rx
    if rx is not None:
        for m in rx.finditer(clause):
            if not any(r.start <= m.start() < r.end for r in refs):
                refs.append(Reference("term", m.start(), m.end(), m.group(0)))
    return sorted(refs, key=lambda r: r.start)


def _capitalised(phrase: str) -> str:
    """The capitalised words of a name: "free trade" in "the Russian-Kazakh free trade agreement"
    describes it, it does not name it."""
    return " ".join(w for w in phrase.split() if w[:1].isupper() or w[:1].isdigit())


def _without_states(phrase: str) -> str:
    """The name without the states in it ("the Iran-Russia Treaty", "the Russian-Kazakh agreement"):
    whose treaty it is, is for the parties rule to check."""
    for m in sorted(state_mentions(phrase), key=lambda m: -m.start):
        phrase = phrase[: m.start] + " " + phrase[m.end :]
    return re.sub(r"\s*[-–—/]\s*(?=\s|$)|(?<=\s)[-–—/]\s*", " ", phrase)


def _name_tail(clause: str, at: int) -> str:
    """" of Peace with Japan", " of San Francisco" after "the Treaty"."""
    m = re.match(r"\s+(?:of|for|on|with)\s+(?:the\s+)?[A-Z][\w'’.–-]*(?:\s+(?:of|and|the|for|on|to|with)?\s*[A-Z][\w'’.–-]*)*",
                 clause[at:])
    return m.group(0) if m else ""


def subject_ref(sentence: str, names: TreatyNames, antecedent: bool) -> Reference | None:
    """The agreement a sentence has for subject (at its start, or after a fronted phrase), if any:
    "It" in the next sentence refers to it."""
    refs = [r for r in references(sentence[:120], names, antecedent) if r.kind != "term"]
    comma = sentence.find(", ")
    starts = [0] + ([comma + 2] if 0 <= comma < 60 else [])
    for r in refs:
        if any(a <= r.start <= a + 12 for a in starts):
            return r
    return None
