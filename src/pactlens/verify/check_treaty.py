"""The treaty as ``check`` reads it: its clauses (article paragraphs, the sentences around the
articles), their content stems, a BM25 index over them, its packaged sentence vectors, and the
facts the fact judges compare with (article count, term, years, signature record).

Built once per check (:class:`Treaty`); the brief's claims are then judged against it
(``judge_facts``, ``judge_concepts``, ``judge_content``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from pactlens.model import Analysis, Evidence
from pactlens.structure.doc import Doc, Span
from pactlens.structure.sentences import sentences_in
from pactlens.verify.fact_record import TreatyFacts, primary
from pactlens.regexes import lazy_re

_N = r"(?P<{}>\d{{1,3}}|[a-z]+(?:-[a-z]+)?)(?:\s*\(\d+\))?"
# A duration clause: "shall remain in force for twenty years", "concluded for a period of 20 years".
# ("After the Treaty has been in force for ten years, … consult" is a review clause, not a term.)
_TREATY_TERM = lazy_re(
    r"(?:remain|be|is|continue)\s+in\s+(?:force|effect)\s+for\s+(?:a\s+(?:period|term)\s+of\s+)?" + _N.format("n")
    + r"\s+years|(?:concluded|valid)\s+for\s+(?:a\s+(?:period|term)\s+of\s+)?" + _N.format("m")
    + r"\s+years|(?:term|period\s+of\s+validity|duration)\s+of\s+(?:this|the\s+present)\s+\w+\s+(?:is|shall\s+be)\s+"
    + _N.format("k") + r"\s+years|(?:period\s+of\s+validity|duration)\s+of\s+" + _N.format("j") + r"\s+years",
    re.IGNORECASE,
)
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "twenty-five": 25, "ninety-nine": 99})
#: Words a brief uses for the treaty's own word (few, and general to treaty language).
_EQUIVALENT = {"peaceful": "pacific", "peacefully": "pacific", "nondiscrimination": "discrimination",
               "nondiscriminatory": "discriminatory", "forbid": "prohibit", "forbids": "prohibit", "ban": "prohibit",
               "bans": "prohibit", "nations": "states", "countries": "states", "country": "state"}
_STOP = frozenset(
    "a an the and or of to in on for with by as at from into is are be been was were will shall may can this that these "
    "those it its their both two parties party treaty agreement pact accord countries country sides side each other "
    "also further furthermore additionally notably while including include includes such which who whose whom "
    "between among within under over more most very not no does do did has have had than then there here "
    # the frame of a claim ("the Treaty emphasizes …"), not what it is about
    "commit commits committed establish establishes provide provides aims aim promote promotes seek seeks foster "
    "fosters emphasize emphasizes emphasise emphasises underscores underscoring ensure ensures create creates "
    "deepen strengthen enhanced enhance various myriad key significant call calls called according "
    "outlined outline said says states stated use used".split()
)


def treaty_units(doc: Doc) -> list[Span]:
    """The treaty's clauses to match against: article paragraphs, and the sentences outside the
    articles (the preamble, which states purposes and parties, and the final clause); without
    articles, blocks or blank-line paragraphs. Long ones are cut into sentences: the mended ones
    (``structure.sentences``) every reader of the document uses."""
    units = [p.span for a in doc.articles for p in a.paragraphs] or [a.span for a in doc.articles]
    if units:
        inside = sorted((a.span.start, a.span.end) for a in doc.articles)
        gaps, pos = [], 0
        for a, b in inside:
            if a > pos:
                gaps.append(Span(pos, a))
            pos = max(pos, b)
        gaps.append(Span(pos, len(doc.text)))
        units += [x for g in gaps for x in (sentences_in(doc, g) or ([g] if doc.text[g.start:g.end].strip() else []))]
        units.sort(key=lambda u: u.start)
    if not units:
        units = list(doc.blocks) or _blank_line_paragraphs(doc.text)
    out: list[Span] = []
    for u in units:
        if len(u) > 1500 and sentences_in(doc, u):
            out.extend(sentences_in(doc, u))
        elif doc.text[u.start : u.end].strip():
            out.append(u)
    return out


def _blank_line_paragraphs(text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in re.finditer(r"[^\n](?:.|\n(?![ \t]*\n))*", text)]


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def content_terms(text: str) -> list[str]:
    """Stems of the content words (British and American spellings folded)."""
    words = [w for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2]
    words = [re.sub(r"(?<=[a-z]{3})ence$", "ense", w) if w in ("defence", "offence", "licence") else w for w in words]
    words = [re.sub(r"isation$", "ization", re.sub(r"ise(s|d)?$", r"ize\1", w)) if len(w) > 6 else w for w in words]
    words = [re.sub(r"(?<=[a-z]{3})our(s|ed|ing|able)?$", r"or\1", w) for w in words]  # favoured, labour
    words = [_EQUIVALENT.get(w, w) for w in words]
    return [stem(w) for w in words]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball is pure Python and slow; a treaty repeats its words, so stems are cached."""
    return _stemmer().stemWord(word)


ARTICLE_HEADING = lazy_re(r"^[ \t]*(?:ARTICLE|Article)\s+(?P<n>\d{1,3}|[IVXLC]{1,7})\b\.?[ \t]*$", re.MULTILINE)


def count_article_headings(text: str) -> int | None:
    """Articles counted from headings alone, for when structure found none."""
    return len({m.group("n") for m in ARTICLE_HEADING.finditer(text)}) or None


def number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word.lower())


@dataclass
class Treaty:
    doc: Doc
    analysis: Analysis
    units: list[Span]
    terms: list[list[str]]
    facts: TreatyFacts
    _vectors: dict = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, analysis: Analysis) -> Treaty:
        units = treaty_units(doc)
        facts = TreatyFacts(doc.text, primary(analysis), _head_end(doc))
        return cls(doc, analysis, units, [content_terms(doc.text[u.start : u.end]) for u in units], facts)

    def ev(self, span: Span) -> Evidence:
        return self.doc.evidence(span.start, span.end)

    @property
    def article_count(self) -> int | None:
        for ag in self.analysis.agreements:
            if ag.role == "primary" and ag.article_count:
                return ag.article_count
        return len(self.doc.articles) or count_article_headings(self.doc.text)

    @property
    def years(self) -> frozenset[int]:
        """The years the text was made in: of its signature, else of the date it gives itself."""
        ag = self.facts.agreement
        if ag is not None and ag.signed.date:
            return frozenset({int(ag.signed.date[:4])})
        m = re.search(r"date of (?:this|the present) (?:Agreement|Treaty|Convention)[^.]{0,40}?\b(1[5-9]\d\d|20\d\d)\b",
                      self.doc.text)
        return frozenset({int(m.group(1))}) if m else frozenset()

    @property
    def term_years(self) -> tuple[int | None, Span | None]:
        m = _TREATY_TERM.search(self.doc.text)
        span = Span(m.start(), m.end()) if m else None
        for ag in self.analysis.agreements:
            if ag.role == "primary" and ag.term_years:
                return ag.term_years, span
        if m:
            return number(m.group("n") or m.group("m") or m.group("k") or m.group("j")), span
        return None, None

    def cosine(self, claim: str, indices: list[int]) -> float:
        """The claim's best cosine similarity with the given clauses in the packaged sentence
        embeddings (``resources.embeddings``), 0.0 when they are not installed: a paraphrase in
        other words ("can veto" for "the concurring votes of the permanent members")."""
        from pactlens.resources import embeddings

        if not indices or not embeddings.available():
            return 0.0
        missing = [i for i in indices if i not in self._vectors]
        if missing:
            rows = embeddings.encode([" ".join(self.doc.text[self.units[i].start : self.units[i].end].split())
                                      for i in missing])
            self._vectors.update(zip(missing, rows, strict=True))
        v = embeddings.encode([" ".join(claim.split())])[0]
        return max(float(self._vectors[i] @ v) for i in indices)

    @cached_property
    def words(self) -> set[str]:
        return set(re.findall(r"[a-z]+", self.doc.text.lower()))

    @cached_property
    def vocabulary(self) -> set[str]:
        return {w for ts in self.terms for w in ts}

    def weighted_share(self, terms: list[str], covered: set[str]) -> float:
        """Share of the claim's content covered, each word weighted by its
        rarity in the treaty (a word the treaty never uses weighs most): a
        claim is not supported by its common words alone."""
        import math

        n = len(self.terms)
        df = _document_frequency(tuple(tuple(t) for t in self.terms))
        weights = {w: math.log((n + 1) / (df.get(w, 0) + 0.5)) for w in terms}
        total = sum(weights.values()) or 1.0
        return sum(v for w, v in weights.items() if w in covered) / total

    def retrieve(self, terms: list[str], k: int = 3, pool: set[int] | None = None) -> list[tuple[int, float]]:
        if not terms or not self.units:
            return []
        bm25 = _bm25(tuple(tuple(t) for t in self.terms))
        scores = bm25.get_scores(terms)
        candidates = range(len(scores)) if pool is None else pool
        best = sorted(candidates, key=lambda i: -scores[i])[:k]
        return [(i, float(scores[i])) for i in best if scores[i] > 0]


def _head_end(doc: Doc) -> int:
    """Where the part of a treaty that names its parties (title, head of the preamble) ends."""
    if doc.articles:
        return doc.articles[0].span.start
    if doc.preamble:
        return doc.preamble.end
    return doc.title.end + 700 if doc.title else 0


@lru_cache(maxsize=4)
def _document_frequency(corpus: tuple[tuple[str, ...], ...]) -> dict[str, int]:
    df: dict[str, int] = {}
    for doc in corpus:
        for w in set(doc):
            df[w] = df.get(w, 0) + 1
    return df


@lru_cache(maxsize=4)
def _bm25(corpus: tuple[tuple[str, ...], ...]):
    from rank_bm25 import BM25Okapi

    return BM25Okapi([list(d) or ["_"] for d in corpus])
