"""Check a brief against the agreement it describes (``pactlens.check/1``).

Claims are the brief's sentences that say what the agreement contains ("the
Treaty commits …", "it establishes …", "does not establish …", "comprises 47
articles", "20-year"). Each is labelled against the agreement's full text:

- counts and terms are compared with the structured facts (articles found by
  ``structure``, ``term_years`` from the agreements extractor, else the
  duration clause);
- when, where, by whom and between which states it was signed are compared
  with the treaty's own record (``verify.facts`` and the ``fact_*`` modules); a sentence about another
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
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from pactlens.model import Analysis, Evidence
from pactlens.model.check import CheckedDocument, CheckResult, Claim
from pactlens.resources.states import get as get_state
from pactlens.structure.doc import Doc, Span
from pactlens.structure.sentences import mended_sentences
from pactlens.verify.articles import ArticleRef, resolve
from pactlens.verify.claims import ClaimUnit, TreatyNames, detect
from pactlens.verify.fact_parties import judge_parties
from pactlens.verify.fact_places import judge_place
from pactlens.verify.fact_record import AGREEMENT as _AGREEMENT
from pactlens.verify.fact_record import BriefContext, TreatyFacts, Verdict, primary, signed_spans, worst
from pactlens.verify.fact_signers import judge_signatories
from pactlens.verify.facts import dated_events, fact_phrases, states_a_fact

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
    """The treaty's clauses to match against: article paragraphs, and the sentences outside the
    articles (the preamble, which states purposes and parties, and the final clause); without
    articles, blocks or blank-line paragraphs. Long ones are cut into sentences."""
    units = [p.span for a in doc.articles for p in a.paragraphs] or [a.span for a in doc.articles]
    if units:
        inside = sorted((a.span.start, a.span.end) for a in doc.articles)
        gaps, pos = [], 0
        for a, b in inside:
            if a > pos:
                gaps.append(Span(pos, a))
            pos = max(pos, b)
        gaps.append(Span(pos, len(doc.text)))
        units += [x for g in gaps for x in (doc.sentences_in(g) or ([g] if doc.text[g.start:g.end].strip() else []))]
        units.sort(key=lambda u: u.start)
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
    """The brief's mended sentences outside its footnotes."""
    return [s for s in mended_sentences(doc) if not doc.in_footnotes(s.start)]


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
    words = [re.sub(r"(?<=[a-z]{3})our(s|ed|ing|able)?$", r"or\1", w) for w in words]  # favoured, labour
    words = [_EQUIVALENT.get(w, w) for w in words]
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
    _vectors: dict = field(default_factory=dict)

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
            return _number(m.group("n") or m.group("m") or m.group("k") or m.group("j")), span
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


def check(brief: Doc, brief_analysis: Analysis, treaty: Doc, treaty_analysis: Analysis) -> CheckResult:
    t = _Treaty.of(treaty, treaty_analysis)
    context = BriefContext.of(brief_analysis)
    names = treaty_names(brief, brief_analysis, t)
    claims = []
    for unit in claim_units(brief, names, t):
        text = brief.text[unit.span.start : unit.span.end]
        if unit.kind == "history" or (not unit.names_ours and context.names_other_agreement(text)):
            why = unit.why if unit.kind == "history" else "about another agreement the brief discusses"
            claims.append(Claim(text=text.strip(), label="not-about-text", reason=why,
                                brief_evidence=[brief.evidence(unit.span.start, unit.span.end)]))
            continue
        label, reason, spans = judge(text, t, context, unit.articles)
        phrases = [brief.evidence(unit.span.start + p.start, unit.span.start + p.end) for p in fact_phrases(text, context)]
        claims.append(Claim(
            text=text.strip(), label=label, reason=reason,
            brief_evidence=[brief.evidence(unit.span.start, unit.span.end), *phrases],
            treaty_evidence=[t.ev(x) for x in spans],
        ))
    return CheckResult(
        brief=_checked(brief_analysis), treaty=_checked(treaty_analysis), claims=claims,
    )


def treaty_names(brief: Doc, brief_analysis: Analysis, t: _Treaty) -> TreatyNames:
    """The names the brief may use for the treaty: the treaty's own title, the brief's name for the
    agreement it is about (checked against this treaty, the brief is taken to be about it), the brief's lead name when it is an agreement's
    ("The GENERAL AGREEMENT ON TARIFFS AND TRADE (GATT) is …") with its aliases in brackets, and
    the place of signature ("the Pact of Paris", "the Treaty of San Francisco")."""
    own = t.facts.agreement.title if t.facts.agreement else None
    titles: list[str | None] = [own]
    subject = primary(brief_analysis)
    if subject is not None and subject.title:  # checked --against this treaty: the brief's subject is it
        titles.append(subject.title)
    titles += lead_names(brief.text)
    extra = [t.facts.place or ""]
    parties = [st.name for c in t.facts.parties if (st := get_state(c))]
    return TreatyNames.of(titles, extra, t.doc.text, exclude_terms=[*parties, *extra])


_LEAD = re.compile(r"^\W*(?:The\s+)?(?P<name>[^.()\n]{3,120}?)\s*(?:\((?P<alias>[^)]{2,200})\)\s*)?(?:is|was|are)\b")


def lead_names(text: str) -> list[str]:
    """The name an encyclopedia-style brief opens with, when it names an agreement, and the aliases
    in its brackets ("(or PACT OF PARIS, officially GENERAL TREATY FOR …)", "(GATT)")."""
    first = text.lstrip()[:600]
    first = first.split("\n\n")[0] if "\n\n" in first[:300] and not _LEAD.match(first) else first
    m = _LEAD.match(re.sub(r"[*_]", "", first))
    if not m or not re.search(rf"\b{_AGREEMENT}\b", m.group("name") + " " + (m.group("alias") or ""), re.IGNORECASE):
        return []
    out = [m.group("name")]
    if m.group("alias"):
        out += [re.sub(r"^\s*(?:or|also|officially|formally|known as|short)\s+", "", a).strip()
                for a in re.split(r",|;", re.sub(r"\[\d+\]", "", m.group("alias")))]
    return [x for x in out if x]


def claim_units(brief: Doc, names: TreatyNames, t: _Treaty) -> list[ClaimUnit]:
    """The brief's clauses about the treaty (``verify.claims``), and the items of a list whose lead-in
    line is one ("The Treaty comprises 47 articles …:")."""
    units = detect(brief.text, brief_sentences(brief), names, t.years,
                   quotes_treaty=lambda clause: _judge_quotes(clause, t) is not None)
    listed = [Span(a, b) for a, b in _listed_under_claim(brief)]
    taken = {(u.span.start, u.span.end) for u in units}
    for item in listed:
        if not any(u.span.start <= item.start < u.span.end or item.start <= u.span.start < item.end for u in units):
            units.append(ClaimUnit(item, "text", "an item of a list about the treaty"))
        elif (item.start, item.end) not in taken:
            units = [u if not (item.start <= u.span.start < item.end) else ClaimUnit(u.span, "text", u.why, u.articles)
                     for u in units]
    return sorted(units, key=lambda u: u.span.start)


def _checked(a: Analysis) -> CheckedDocument:
    d = a.document
    return CheckedDocument(id=d.id, source=d.source, sha256=d.sha256, title=d.title, text=d.text)



def judge(claim: str, t: _Treaty, brief: BriefContext | None = None,
          articles: tuple[ArticleRef, ...] = ()) -> Verdict:
    """Facts (article count, term, dates of signature and entry into force, place, signatories,
    parties, a list of states) are all checked, and the worst verdict wins; a claim with none is
    judged on the articles it names, then on what it quotes, then on its content."""
    brief = brief or BriefContext()
    facts: list[Verdict] = []
    if not brief.names_other_agreement(claim):
        facts = [v for v in (rule(claim, t) for rule in (_judge_articles, _judge_term, _judge_signed, _judge_in_force))
                 if v]
        facts += [v for v in (judge_place(claim, t.facts), judge_signatories(claim, t.facts, brief),
                              judge_parties(claim, t.facts, brief)) if v]
        if not facts:
            facts += [v for v in (_judge_state_list(claim, t),) if v]
    if facts:
        return worst(facts)
    if articles:
        verdict = _judge_article_refs(claim, t, articles)
        if verdict:
            return verdict
    return _judge_quotes(claim, t) or _judge_concepts(claim, t) or _judge_content(claim, t)


def _judge_signed(claim: str, t: _Treaty) -> Verdict | None:
    """A claim of when the agreement was signed, against the date its own text gives; a date of
    ratification, accession or entry into force is not a date of signature."""
    dates = [d for event, d in dated_events(claim) if event == "signature"]
    if not dates:
        return None
    ag = next((ag for ag in t.analysis.agreements if ag.role == "primary" and ag.signed.date), None)
    if ag is None or ag.signed.date is None:
        return "not-in-text", "the treaty's text gives no date of signature", []
    claimed, signed, spans = dates[0].iso, ag.signed, signed_spans(ag)  # type: ignore[attr-defined]
    n = min(len(claimed), len(signed.date))
    if claimed[:n] == signed.date[:n]:
        return "supported", f"signed {signed.date}", spans
    return "contradicted", f"signed {signed.date}, not {claimed}", spans


_IN_FORCE = re.compile(r"(?:come|comes|enter|enters|take|takes)\s+(?:into\s+)?(?:force|effect)|shall\s+take\s+effect",
                       re.IGNORECASE)


def _judge_in_force(claim: str, t: _Treaty) -> Verdict | None:
    """A claim of when the agreement entered into force, against its entry-into-force clause: a
    text that sets a condition (the deposit of ratifications) gives no date."""
    dates = [d for event, d in dated_events(claim) if event == "entry-into-force"]
    if not dates:
        return None
    from pactlens.extract.dates import find_dates

    clauses = [u for u in t.units if _IN_FORCE.search(t.doc.text[u.start : u.end])]
    if not clauses:
        return "not-in-text", "the treaty's text has no clause on its entry into force", []
    claimed = dates[0].iso  # type: ignore[attr-defined]
    for u in clauses:
        for d in find_dates(t.doc.text, u.start, u.end):
            n = min(len(claimed), len(d.iso))
            if claimed[:n] == d.iso[:n]:
                return "supported", f"in force from {d.iso}", [u]
    return "not-in-text", f"the treaty's text gives no date of entry into force ({claimed}); it sets a condition", clauses[:1]


def _judge_state_list(claim: str, t: _Treaty) -> Verdict | None:
    """A list of three or more states (the permanent members, the original parties), against the
    treaty's clause that lists the most of them: the same states are supported; a state in the
    claim where the clause names another is contradicted."""
    from pactlens.verify.fact_record import state_mentions, state_names

    body = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group(0)), claim)
    claimed = list(dict.fromkeys(m.iso3 for m in state_mentions(body) if m.form not in ("adjective", "capital")))
    if len(claimed) < 3:
        return None
    best, best_set, best_key = None, set(), (0, 0)
    for u in t.units:
        got = {m.iso3 for m in state_mentions(t.doc.text[u.start : u.end]) if m.form not in ("adjective", "capital")}
        key = (len(got & set(claimed)), -abs(len(got) - len(claimed)))  # most of these, then a list as long
        if key > best_key:
            best, best_set, best_key = u, got, key
    if best is None or len(best_set & set(claimed)) < 2:
        return None
    missing = [c for c in claimed if c not in best_set]
    if not missing:
        return "supported", f"the text lists {state_names(claimed)}", [best]
    extra = [c for c in best_set if c not in claimed]
    if extra and len(best_set) <= len(claimed) + 1:
        return ("contradicted", f"the text names {state_names(sorted(extra))}, not {state_names(missing)}", [best])
    return None


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


_NEW_SUBJECT = re.compile(r",\s+(?:the|a|an|its)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:are|is|were|was|shall|will|serve)\b", re.IGNORECASE)


def _treaty_term(claim: str) -> re.Match[str] | None:
    """A term the claim gives the treaty ("a 20-year treaty", "the Treaty has a term of 50 years"), not
    a term of something it sets up ("… the non-permanent members are elected for a term of two years")."""
    for m in _TERM.finditer(claim):
        after = re.match(rf"\W*(?:[\w'’-]+\s+){{0,4}}?\W*{_AGREEMENT}\b", claim[m.end() :], re.IGNORECASE)
        before = [x for x in re.finditer(rf"\b{_AGREEMENT}\b|\bit\b", claim[: m.start()], re.IGNORECASE)]
        if after or (before and not _NEW_SUBJECT.search(claim, before[-1].end(), m.start())):
            return m
    return None


def _judge_term(claim: str, t: _Treaty) -> Verdict | None:
    m = _treaty_term(claim)
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


#: An absence claim: the treaty (or "it") is the subject of the negation ("the Treaty does not establish
#: …", "it stops short of …"), or the claim speaks of the absence of a kind of clause ("the absence of
#: an enforcement mechanism"). A negation inside what the claim reports ("the UN does not maintain its
#: own military", "a retiring member is not eligible …") is content, compared like the rest.
_FRAME_NEG = re.compile(
    rf"(?:\b(?:the|this|that|its)\s+(?:[\w'’-]+\s+){{0,5}}?{_AGREEMENT}|^\W*(?:it|they)\b|\bit\b)[^.;]{{0,80}}?"
    r"\b(?:does not|do not|doesn't|did not|stops? short of|has no|contains no|lacks?|falls? short of)\b"
    r"|\b(?:absence|lack)\s+of\s+(?:an?\s+|any\s+)?(?:[\w-]+\s+){0,2}?(?:mechanism|provision|clause|obligation|commitment|"
    r"sanction|enforcement|procedure)s?\b",
    re.IGNORECASE,
)
#: Thresholds on the weighted share of a claim's content found in the closest clauses, calibrated on
#: the four dev claim sets (eval/score_claims.py; nothing here sweeps other values): supported at or above
#: SUPPORTED; within the articles a claim names, ARTICLE (the reference already narrows it).
SUPPORTED = 0.6
ARTICLE = 0.5
#: Or: at least NEAR in the closest clauses and at least ANYWHERE in the whole text (a paraphrase
#: whose words are the treaty's, spread over a few articles).
NEAR = 0.4
ANYWHERE = 0.7
#: Or: at least SOME in the closest clauses and an embedding cosine of at least SIMILAR with one of
#: the clauses BM25 ranks first (the packaged static embeddings; skipped when not installed).
SOME = 0.3
SIMILAR = 0.65
CONTRADICT_MARGIN = 0.25


def claim_terms(claim: str) -> list[str]:
    """What the claim says the treaty does: its content stems, without the frame ("The Treaty
    emphasizes"), negations, bracketed asides and article references."""
    core = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", claim)
    core = re.sub(r"\b(?:Articles?|Chapters?|Parts?|paragraphs?)\s+[\dIVXLC]+\w*(?:\s*[-–,]\s*[\dIVXLC]+\w*)*", " ", core)
    core = re.sub(r"\b(?:does not|do not|doesn't|stops? short of|not)\b", " ", core, flags=re.IGNORECASE)
    core = re.sub(rf"^.*?\b{_AGREEMENT}\b", " ", core, count=1, flags=re.IGNORECASE) or core
    return list(dict.fromkeys(content_terms(core)))


def _closest(t: _Treaty, terms: list[str], pool: set[int] | None = None) -> tuple[float, list[int]]:
    """The share of the claim's content in its closest clause (and a second that adds what the
    first lacks), and those clauses' indices."""
    hits = t.retrieve(terms, k=3, pool=pool)
    if not terms or not hits:
        return 0.0, []
    best = [hits[0][0]]
    covered = set(t.terms[hits[0][0]])
    if len(hits) > 1 and set(terms) & set(t.terms[hits[1][0]]) - covered:
        best.append(hits[1][0])
        covered |= set(t.terms[hits[1][0]])
    return t.weighted_share(terms, covered), best


def _judge_article_refs(claim: str, t: _Treaty, refs: tuple[ArticleRef, ...]) -> Verdict | None:
    """A claim about Article N compared with Article N first: supported when that article holds what
    the claim says (or its heading names the claim's subject), contradicted when another article
    holds it and Article N does not, not-in-text when none does."""
    arts = [a for r in refs for a in resolve(r, t.doc)]
    named = ", ".join(dict.fromkeys(a.label for a in arts)) or "the article named"
    if not arts:
        count = t.article_count
        wanted = [int(n) for r in refs if r.kind == "article" for n in r.numbers if n.isdigit()]
        if count and wanted and max(wanted) > count:
            return "contradicted", f"the treaty has {count} articles: no Article {max(wanted)}", []
        return None
    pool = {i for i, u in enumerate(t.units) if any(a.span.start <= u.start < a.span.end for a in arts)}
    terms = claim_terms(claim)
    share_in, best_in = _closest(t, terms, pool)
    spans_in = [t.units[i] for i in best_in] or [Span(arts[0].span.start, min(arts[0].span.end, arts[0].span.start + 300))]
    share_all, best_all = _closest(t, terms)
    if best_all and best_all[0] not in pool and share_all >= SUPPORTED and share_all - share_in >= CONTRADICT_MARGIN:
        other = t.doc.article_at(t.units[best_all[0]].start)
        where = other.label if other else "another clause"
        return ("contradicted", f"what the claim says is in {where} ({share_all:.0%}), not in {named} ({share_in:.0%})",
                [t.units[best_all[0]], *spans_in[:1]])
    heading = _heading_match(claim, t, arts)
    if heading is not None:
        return "supported", f"{heading[0]} is about what the claim says ('{heading[1]}')", [heading[2], *spans_in[:1]]
    if share_in >= ARTICLE:
        return "supported", f"{named}: {share_in:.0%} of the claim's content is in it", spans_in
    if all(r.kind != "article" for r in refs):
        return None  # "Decisions taken under Chapter VII …": the chapter frames the claim, which may rest elsewhere
    return "not-in-text", f"{named} does not say it ({share_in:.0%} of the claim's content is in it)", spans_in[:1]


def _heading_match(claim: str, t: _Treaty, arts: list) -> tuple[str, str, Span] | None:
    """An article whose heading's content words the claim mostly repeats ("Anti-dumping Code … Article
    VI" against "Article VI Anti-dumping and Countervailing Duties")."""
    have = set(content_terms(claim))
    for a in arts:
        if a.heading is None:
            continue
        words = set(content_terms(t.doc.text[a.heading.start : a.heading.end]))
        if words and len(words & have) / len(words) >= 0.5:
            return a.label, " ".join(t.doc.text[a.heading.start : a.heading.end].split()), a.heading
    return None


_QUOTE = re.compile(r"[\"“]([^\"“”]{20,500})[\"”]")


def _judge_quotes(claim: str, t: _Treaty) -> Verdict | None:
    """A claim that quotes the treaty: the quotation found (nearly) word for word in a clause is
    supported; a quotation not found decides nothing here."""
    from difflib import SequenceMatcher

    for m in _QUOTE.finditer(claim):
        quote = content_terms(m.group(1))
        words = [w for w in re.findall(r"[a-z]+", m.group(1).lower())]
        if len(words) < 4:
            continue
        for i, _ in t.retrieve(quote, k=3):
            unit = t.units[i]
            text_words = re.findall(r"[a-z]+", t.doc.text[unit.start : unit.end].lower())
            sm = SequenceMatcher(None, [_stem(w) for w in words], [_stem(w) for w in text_words], autojunk=False)
            matched = sum(b.size for b in sm.get_matching_blocks())
            if matched / len(words) >= 0.8:
                return "supported", f"it quotes the treaty ({matched} of {len(words)} words in order)", [unit]
    return None


_NAMING = re.compile(r"\b(?:is|was|are|were)\s+(?:named|called|known\s+as|nicknamed)\b|\btakes?\s+its\s+name\b",
                     re.IGNORECASE)


def _judge_content(claim: str, t: _Treaty) -> Verdict:
    if _NAMING.search(claim):
        return "not-in-text", "how the treaty is named or called is not something its text says", []
    negated = bool(_FRAME_NEG.search(claim))
    foreign = [] if negated else _names_not_in(claim, t)
    if foreign:
        return "not-in-text", f"the text does not name {foreign[0]}", []
    terms = claim_terms(claim)
    share, best_i = _closest(t, terms)
    if not best_i:
        return _absent(negated)
    best = [t.units[i] for i in best_i]
    numbers_ok = _numbers_in(claim) <= _numbers_in(" ".join(t.doc.text[u.start : u.end] for u in best))
    spread = t.weighted_share(terms, t.vocabulary)
    similar = share >= SOME and t.cosine(claim, [i for i, _ in t.retrieve(terms, k=5)]) >= SIMILAR
    if (share >= SUPPORTED or (share >= NEAR and spread >= ANYWHERE) or similar) and numbers_ok:
        clause = t.doc.text[best[0].start : best[0].end]
        if negated:
            if _CLAUSE_NEGATION.search(clause):
                return "supported", f"the closest clause also excludes it ({share:.0%} of the claim's words)", best[:1]
            return "contradicted", f"a clause provides it ({share:.0%} of the claim's words)", best[:1]
        return "supported", f"{share:.0%} of the claim's content words are in the closest clauses", best
    if negated:
        return "supported", "no clause of the treaty's full text provides it", []
    missing = "" if numbers_ok else "; its figures are not in the treaty"
    return "not-in-text", f"only {share:.0%} of the claim's content words are in the closest clauses{missing}", best[:1]


_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][a-z]+)+")


def _names_not_in(claim: str, t: _Treaty) -> list[str]:
    """Proper names of two or more words the claim gives as part of what the treaty says ("the
    League of Nations", "the African Group") that its text never writes; asides in brackets, quotes
    and an attribution ("According to …,") aside, and states and the treaty's own names excepted."""
    from pactlens.resources.states import find_states

    body = re.sub(r"\([^)]*\)|\[[^\]]*\]|[\"“][^\"”]*[\"”]", " ", claim)
    body = re.sub(r"^\W*According to [^,]{0,120},", " ", body)
    out = []
    for m in _PROPER.finditer(body):
        name = m.group(0)
        if find_states(name) or re.search(rf"(?i)\b{_AGREEMENT}\b", name):
            continue
        if any(w not in t.words for w in re.findall(r"[a-z]+", name.lower()) if w not in ("of", "the")):
            out.append(name)  # a word of it the text never uses: "League", "African"
    return out


def _absent(negated: bool) -> Verdict:
    if negated:
        return "supported", "no clause of the treaty's full text provides it", []
    return "not-in-text", "no clause of the treaty matches the claim", []


def _numbers_in(text: str) -> set[str]:
    """Figures of the text; dates are not among them (they are compared as the dates of events), nor
    what is in brackets (an aside)."""
    from pactlens.extract.dates import find_dates

    for d in sorted(find_dates(text, years=True), key=lambda d: -d.start):
        text = text[: d.start] + " " + text[d.end :]
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    return {n.replace(",", "") for n in re.findall(r"\b\d[\d,]*(?:\.\d+)?\b", text) if len(n) < 8}
