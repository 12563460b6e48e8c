"""Check a brief against the agreement it describes (``pactlens.check/1``).

Claims are the brief's sentences that say what the agreement contains ("the
Treaty commits …", "it establishes …", "does not establish …", "comprises 47
articles", "20-year"). Each is labelled against the agreement's full text:

- counts and terms are compared with the structured facts (articles found by
  ``structure``, ``term_years`` from the agreements extractor, else the
  duration clause);
- when, where, by whom and between which states it was signed are compared
  with the treaty's own record (``verify.facts``); a sentence about another
  agreement the brief discusses is left out;
- a content claim is matched to the treaty's paragraphs by BM25
  (``rank-bm25``) and then judged by how much of the claim's content the best
  paragraphs cover, with concept rules for the commitments briefs most often
  get wrong (mutual defence, alliance, consultation, non-aggression);
- a claim that the agreement does not do something is supported by the
  absence of such a clause in the full text and contradicted by its presence.

The result points into both documents' normalized texts, which it carries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pactlens.model import Analysis, Evidence
from pactlens.model.check import CheckedDocument, CheckResult, Claim
from pactlens.structure.doc import Doc, Span
from pactlens.verify.facts import (
    BriefContext, Label, TreatyFacts, Verdict, fact_phrases, judge_parties, judge_place, judge_signatories, primary,
    signed_spans, states_a_fact, worst,
)
from pactlens.verify.facts import AGREEMENT as _AGREEMENT

_SUBJECT = re.compile(rf"\b(?:the|this|that|said)\s+(?:[A-Z][\w'’–—-]*\s+){{0,6}}{_AGREEMENT}\b|\bit\b", re.IGNORECASE)
_CONTENT_VERB = re.compile(
    r"\b(?:commits?|establish(?:es)?|provides?|includes?|comprises?|contains?|consists?|obligates?|obliges?|"
    r"requires?|emphasi[sz]es|aims?|promotes?|seeks?|creates?|sets? up|stipulates?|guarantees?|prohibits?|"
    r"forbids?|allows?|permits?|fosters?|calls? for|envisages?|covers?|encompasses?|reaffirms?|binds?|"
    r"lays? down|grants?|stops? short of|does not|do not|doesn't|undertakes?|will|shall|must|agrees?|has|"
    r"was signed|were signed)\b",
    re.IGNORECASE,
)
_NAMED = re.compile(rf"(?:\b[\w-]+\s+){{0,2}}\b{_AGREEMENT}\b", re.IGNORECASE)
# "This initial agreement", "an earlier treaty": another agreement than the one checked.
_OTHER_AGREEMENT = re.compile(rf"(?:[\w-]+\s+)?(?:initial|earlier|previous|first|prior|former|other|separate|\d{{4}})\s+"
                              rf"(?:[\w-]+\s+)?{_AGREEMENT}", re.IGNORECASE)
_BULLET = re.compile(r"\s*(?:[-*•–]|\d{1,2}[.)])\s+\S")
_NEGATION = re.compile(r"\b(?:does not|do not|doesn't|did not|stops? short of|no|not|without|neither|nor|never)\b",
                       re.IGNORECASE)
_CLAUSE_NEGATION = re.compile(r"\b(?:shall not|will not|does not|do not|not|no|neither|nor)\b", re.IGNORECASE)
_ARTICLES = re.compile(r"\b(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+articles\b", re.IGNORECASE)
_TERM = re.compile(r"\b(?P<n>\d{1,3}|[a-z]+)[- ]year\b|\b(?:for|(?:period|term|duration)\s+of)\s+(?:a\s+(?:period|term)\s+of\s+)?(?P<m>\d{1,3}|[a-z]+)\s+years\b",
                   re.IGNORECASE)
_N = r"(?P<{}>\d{{1,3}}|[a-z]+(?:-[a-z]+)?)(?:\s*\(\d+\))?"
# A duration clause: "shall remain in force for twenty years", "concluded for a period of 20 years".
# ("After the Treaty has been in force for ten years, … consult" is a review clause, not a term.)
_TREATY_TERM = re.compile(
    r"(?:remain|be|is|continue)\s+in\s+(?:force|effect)\s+for\s+(?:a\s+(?:period|term)\s+of\s+)?" + _N.format("n")
    + r"\s+years|(?:concluded|valid)\s+for\s+(?:a\s+(?:period|term)\s+of\s+)?" + _N.format("m")
    + r"\s+years|(?:term|period\s+of\s+validity|duration)\s+of\s+(?:this\s+\w+\s+(?:is|shall\s+be)\s+)?"
    + _N.format("k") + r"\s+years",
    re.IGNORECASE,
)
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "twenty-five": 25, "ninety-nine": 99})
_STOP = frozenset(
    "a an the and or of to in on for with by as at from into is are be been was were will shall may can this that these "
    "those it its their both two parties party treaty agreement pact accord countries country sides side each other "
    "also further furthermore additionally notably while including include includes such which who whose whom "
    "between among within under over more most very not no does do did has have had than then there here "
    # the frame of a claim ("the Treaty emphasizes …"), not what it is about
    "commit commits committed establish establishes provide provides aims aim promote promotes seek seeks foster "
    "fosters emphasize emphasizes emphasise emphasises underscores underscoring ensure ensures create creates "
    "deepen strengthen enhanced enhance various myriad key significant".split()
)


# --- concepts: commitments described in many words ------------------------------------
@dataclass(frozen=True)
class Concept:
    name: str
    claim: re.Pattern[str]
    clause: re.Pattern[str]
    obligation: str | None


_CONCEPTS = [
    Concept(
        "mutual defence commitment",
        re.compile(r"mutual[- ](?:defen[cs]e|assistance)|military alliance|collective defen[cs]e|defen[cs]e (?:pact|commitment|obligation)|"
                   r"come to (?:each other's|the) (?:aid|defen[cs]e)", re.IGNORECASE),
        re.compile(r"armed attack against .{0,120}?(?:considered|deemed) an attack against|"
                   r"(?:will|shall) (?:assist|come to the (?:aid|assistance) of) the part(?:y|ies) (?:so )?attacked|"
                   r"(?:render|provide|extend) (?:to it )?(?:immediate )?(?:military )?(?:aid|assistance)(?: and support)? .{0,60}?(?:attack|aggression)",
                   re.IGNORECASE | re.DOTALL),
        "defense",
    ),
    Concept(
        "consultation mechanism",
        re.compile(r"\bconsult(?:ation|ations|ing)?\b", re.IGNORECASE),
        re.compile(r"\b(?:consult|consultations?)\b", re.IGNORECASE),
        "consultation",
    ),
    Concept(
        "clause against aiding an aggressor",
        re.compile(r"(?:not|refrain from|avoid) (?:aid|support|assist|help)\w* (?:the |any )?aggressors?", re.IGNORECASE),
        re.compile(r"(?:not|refrain from) (?:provid\w+|render\w*|giv\w+)? ?(?:any )?(?:military or other )?(?:aid|assistance|support) to the aggressor",
                   re.IGNORECASE),
        "neutrality",
    ),
]


# --- text units -------------------------------------------------------------------------
def treaty_units(doc: Doc) -> list[Span]:
    """The treaty's clauses to match against: article paragraphs, else blocks,
    else blank-line paragraphs; long ones are cut into sentences."""
    units = [p.span for a in doc.articles for p in a.paragraphs] or [a.span for a in doc.articles]
    if not units:
        units = list(doc.blocks) or _blank_line_paragraphs(doc.text)
    out: list[Span] = []
    for u in units:
        if len(u) > 1500 and doc.sentences_in(u):
            out.extend(doc.sentences_in(u))
        elif doc.text[u.start : u.end].strip():
            out.append(u)
    return out


def _blank_line_paragraphs(text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in re.finditer(r"[^\n](?:.|\n(?![ \t]*\n))*", text)]


def brief_sentences(doc: Doc) -> list[Span]:
    if doc.sentences:
        return _rejoin([s for s in doc.sentences if not doc.in_footnotes(s.start)], doc.text)
    from pactlens.structure.sentences import plain_sentences

    out = []
    for para in _blank_line_paragraphs(doc.text):
        if not doc.in_footnotes(para.start):
            out.extend(plain_sentences(doc.text, para))
    return out


def _rejoin(sentences: list[Span], text: str) -> list[Span]:
    """A sentence cut before a lower-case word on the same line is joined again: a false
    boundary of the splitter (structure once cut "The North Atlantic Treaty | was signed …")."""
    out: list[Span] = []
    for s in sentences:
        if out and text[s.start : s.start + 1].islower() and not text[out[-1].end : s.start].strip(" \t"):
            out[-1] = Span(out[-1].start, s.end)
        else:
            out.append(s)
    return out


# --- tokens -------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def content_terms(text: str) -> list[str]:
    """Stems of the content words (British and American spellings folded)."""
    words = [w for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2]
    words = [re.sub(r"(?<=[a-z]{3})ence$", "ense", w) if w in ("defence", "offence", "licence") else w for w in words]
    words = [re.sub(r"isation$", "ization", re.sub(r"ise(s|d)?$", r"ize\1", w)) if len(w) > 6 else w for w in words]
    return [_stem(w) for w in words]


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """Snowball is pure Python and slow; a treaty repeats its words, so stems are cached."""
    return _stemmer().stemWord(word)


_ARTICLE_HEADING = re.compile(r"^[ \t]*(?:ARTICLE|Article)\s+(?P<n>\d{1,3}|[IVXLC]{1,7})\b\.?[ \t]*$", re.MULTILINE)


def _count_article_headings(text: str) -> int | None:
    """Articles counted from headings alone, for when structure found none."""
    return len({m.group("n") for m in _ARTICLE_HEADING.finditer(text)}) or None


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word.lower())


# --- claims ---------------------------------------------------------------------------------
def find_claims(doc: Doc) -> list[Span]:
    """Sentences of the brief that say what the agreement contains: those that
    name it (or "it") with a verb of content, and every sentence of a list
    introduced by such a sentence ("The Treaty comprises 47 articles …:")."""
    sentences = brief_sentences(doc)
    listed = _listed_under_claim(doc)
    out = []
    for s in sentences:
        text = doc.text[s.start : s.end]
        if any(a <= s.start < b for a, b in listed) or _is_claim(text):
            out.append(s)
    return out


def _is_claim(text: str) -> bool:
    names = [m for m in _NAMED.finditer(text) if not _OTHER_AGREEMENT.match(m.group(0))]
    if not names and not re.search(r"\bit\b", text, re.IGNORECASE):
        return False
    if names and (_ARTICLES.search(text) or _TERM.search(text)):
        return True
    subjects = [m for m in _SUBJECT.finditer(text) if not _OTHER_AGREEMENT.search(m.group(0))]
    # A sentence naming the agreement that says where, by whom or between whom it was signed
    # is a claim whatever its subject ("Russia's treaty with Iran was signed in Moscow").
    return bool(subjects and _CONTENT_VERB.search(text)) or bool(names and states_a_fact(text))


def _listed_under_claim(doc: Doc) -> list[tuple[int, int]]:
    """Spans of list items whose lead-in line (ending in a colon) is a claim;
    footnote blocks between the items do not end the list."""
    out, lead_is_claim, pos = [], False, 0
    for line in doc.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip() or doc.in_footnotes(start) or re.match(r"\s*\[\^?\w+\]", line):
            continue
        if _BULLET.match(line):
            if lead_is_claim:
                out.append((start, start + len(line)))
            continue
        lead_is_claim = line.rstrip().endswith(":") and _is_claim(line)
    return out


@dataclass
class _Treaty:
    doc: Doc
    analysis: Analysis
    units: list[Span]
    terms: list[list[str]]
    facts: TreatyFacts

    @classmethod
    def of(cls, doc: Doc, analysis: Analysis) -> _Treaty:
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
        return len(self.doc.articles) or _count_article_headings(self.doc.text)

    @property
    def term_years(self) -> tuple[int | None, Span | None]:
        m = _TREATY_TERM.search(self.doc.text)
        span = Span(m.start(), m.end()) if m else None
        for ag in self.analysis.agreements:
            if ag.role == "primary" and ag.term_years:
                return ag.term_years, span
        if m:
            return _number(m.group("n") or m.group("m") or m.group("k")), span
        return None, None

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

    def retrieve(self, terms: list[str], k: int = 3) -> list[tuple[int, float]]:
        if not terms or not self.units:
            return []
        bm25 = _bm25(tuple(tuple(t) for t in self.terms))
        scores = bm25.get_scores(terms)
        best = sorted(range(len(scores)), key=lambda i: -scores[i])[:k]
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


def check(brief: Doc, brief_analysis: Analysis, treaty: Doc, treaty_analysis: Analysis) -> CheckResult:
    t = _Treaty.of(treaty, treaty_analysis)
    context = BriefContext.of(brief_analysis)
    claims = []
    for s in find_claims(brief):
        text = brief.text[s.start : s.end]
        if context.names_other_agreement(text):
            continue  # about another agreement the brief discusses, by its title
        label, reason, spans = judge(text, t, context)
        phrases = [brief.evidence(s.start + p.start, s.start + p.end) for p in fact_phrases(text, context)]
        claims.append(Claim(
            text=text.strip(), label=label, reason=reason,
            brief_evidence=[brief.evidence(s.start, s.end), *phrases],
            treaty_evidence=[t.ev(x) for x in spans],
        ))
    return CheckResult(
        brief=_checked(brief_analysis), treaty=_checked(treaty_analysis), claims=claims,
    )


def _checked(a: Analysis) -> CheckedDocument:
    d = a.document
    return CheckedDocument(id=d.id, source=d.source, sha256=d.sha256, title=d.title, text=d.text)



def judge(claim: str, t: _Treaty, brief: BriefContext | None = None) -> Verdict:
    """Facts (article count, term, date and place of signature, signatories,
    parties) are all checked, and the worst verdict wins; a claim with none is
    judged on its content."""
    brief = brief or BriefContext()
    facts: list[Verdict] = []
    if not brief.names_other_agreement(claim):
        facts = [v for v in (rule(claim, t) for rule in (_judge_articles, _judge_term, _judge_signed)) if v]
        facts += [v for v in (judge_place(claim, t.facts), judge_signatories(claim, t.facts, brief),
                              judge_parties(claim, t.facts, brief)) if v]
    if facts:
        return worst(facts)
    return _judge_concepts(claim, t) or _judge_content(claim, t)


def _judge_signed(claim: str, t: _Treaty) -> Verdict | None:
    """A claim of when the agreement was signed, against the date its own text gives."""
    if not re.search(r"\bsign(?:ed|ing)\b", claim, re.IGNORECASE):
        return None
    from pactlens.extract.dates import find_dates

    dates = find_dates(claim, years=True)
    ag = next((ag for ag in t.analysis.agreements if ag.role == "primary" and ag.signed.date), None)
    if not dates:
        return None
    if ag is None or ag.signed.date is None:
        return "not-in-text", "the treaty's text gives no date of signature", []
    claimed, signed, spans = dates[0].iso, ag.signed, signed_spans(ag)
    n = min(len(claimed), len(signed.date))
    if claimed[:n] == signed.date[:n]:
        return "supported", f"signed {signed.date}", spans
    return "contradicted", f"signed {signed.date}, not {claimed}", spans


def _judge_articles(claim: str, t: _Treaty) -> Verdict | None:
    m = _ARTICLES.search(claim)
    n = _number(m.group("n")) if m else None
    if n is None:
        return None
    have = t.article_count
    if have is None:
        return "not-in-text", "the treaty's articles could not be counted", []
    if t.doc.articles:
        last = [Span(t.doc.articles[-1].span.start, min(t.doc.articles[-1].span.end, t.doc.articles[-1].span.start + 200))]
    else:
        heads = list(_ARTICLE_HEADING.finditer(t.doc.text))
        last = [Span(heads[-1].start(), heads[-1].end())] if heads else []
    if have == n:
        return "supported", f"the treaty has {have} articles", last
    return "contradicted", f"the treaty has {have} articles, not {n}", last


def _judge_term(claim: str, t: _Treaty) -> Verdict | None:
    m = _TERM.search(claim)
    n = _number(m.group("n") or m.group("m")) if m else None
    if n is None:
        return None
    years, span = t.term_years
    spans = [span] if span else []
    if years is None:
        return "not-in-text", f"the treaty states no term of {n} years", []
    if years == n:
        return "supported", f"the treaty's term is {years} years", spans
    return "contradicted", f"the treaty's term is {years} years, not {n}", spans


def _judge_concepts(claim: str, t: _Treaty) -> Verdict | None:
    for c in _CONCEPTS:
        cm = c.claim.search(claim)
        if not cm:
            continue
        negated = _negated_before(claim, cm.start())
        found = [Span(m.start(), m.end()) for m in c.clause.finditer(t.doc.text)
                 if not t.doc.in_footnotes(m.start())]
        present = _obligation_present(t, c.obligation)
        if present is None:
            present = bool(found)
        spans = [_unit_of(t, s) for s in found[:2]]
        if negated:
            if present:
                return "contradicted", f"the treaty does contain a {c.name}", spans
            return "supported", f"no {c.name} in the treaty's full text", []
        if present:
            return "supported", f"the treaty contains a {c.name}", spans
        return "not-in-text", f"no {c.name} in the treaty's full text", []
    return None


def _negated_before(claim: str, at: int) -> bool:
    """A negation governs the phrase: in the same clause, before it."""
    head = re.split(r"[;,:]\s|\bwhile\b|\bbut\b", claim[:at])[-1]
    return bool(_NEGATION.search(head))


def _obligation_present(t: _Treaty, kind: str | None) -> bool | None:
    if kind is None:
        return None
    found = [o for o in t.analysis.obligations if o.type == kind]
    if not found:
        return None
    return any(o.present for o in found)


def _unit_of(t: _Treaty, span: Span) -> Span:
    for u in t.units:
        if u.start <= span.start < u.end:
            return u
    return span


def _judge_content(claim: str, t: _Treaty) -> Verdict:
    negated = bool(re.search(r"\b(?:does not|do not|doesn't|stops? short of)\b", claim, re.IGNORECASE))
    core = re.sub(r"\b(?:does not|do not|doesn't|stops? short of|not)\b", " ", claim, flags=re.IGNORECASE)
    # What the claim says the treaty does, without the "The Treaty emphasizes" frame.
    core = re.sub(rf"^.*?\b{_AGREEMENT}\b", " ", core, count=1, flags=re.IGNORECASE) or core
    terms = list(dict.fromkeys(content_terms(core)))
    hits = t.retrieve(terms)
    if not terms or not hits:
        return _absent(negated)
    best = [t.units[hits[0][0]]]
    covered = set(t.terms[hits[0][0]])
    if len(hits) > 1 and set(terms) & set(t.terms[hits[1][0]]) - covered:
        best.append(t.units[hits[1][0]])  # the second clause adds what the first lacks
        covered |= set(t.terms[hits[1][0]])
    share = t.weighted_share(terms, covered)
    numbers_ok = _numbers_in(claim) <= _numbers_in(" ".join(t.doc.text[u.start : u.end] for u in best))
    if share >= 0.6 and numbers_ok:
        clause = t.doc.text[best[0].start : best[0].end]
        if negated:
            if _CLAUSE_NEGATION.search(clause):
                return "supported", f"the closest clause also excludes it ({share:.0%} of the claim's words)", best[:1]
            return "contradicted", f"a clause provides it ({share:.0%} of the claim's words)", best[:1]
        return "supported", f"{share:.0%} of the claim's content words are in the closest clauses", best
    if negated:
        return "supported", "no clause of the treaty's full text provides it", []
    missing = "" if numbers_ok else "; its figures are not in the treaty"
    return "not-in-text", f"only {share:.0%} of the claim's content words are in the closest clauses{missing}", []


def _absent(negated: bool) -> Verdict:
    if negated:
        return "supported", "no clause of the treaty's full text provides it", []
    return "not-in-text", "no clause of the treaty matches the claim", []


def _numbers_in(text: str) -> set[str]:
    return {n.replace(",", "") for n in re.findall(r"\b\d[\d,]*(?:\.\d+)?\b", text) if len(n) < 8}
