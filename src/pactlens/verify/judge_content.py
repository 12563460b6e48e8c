"""A claim about what the treaty contains, judged by its content: what it quotes, the article it
names, the share of its content stems in the closest clauses (BM25, weighted by rarity), the
packaged sentence embeddings, and whether the treaty's text names what the claim names.
"""

from __future__ import annotations

import re

from pactlens.structure.doc import Span
from pactlens.verify.articles import ArticleRef, resolve
from pactlens.verify.check_treaty import Treaty, content_terms, stem
from pactlens.verify.fact_record import AGREEMENT, Verdict
from pactlens.regexes import lazy_re

_CLAUSE_NEGATION = lazy_re(r"\b(?:shall not|will not|does not|do not|not|no|neither|nor)\b", re.IGNORECASE)


#: An absence claim: the treaty (or "it") is the subject of the negation ("the Treaty does not establish
#: …", "it stops short of …"), or the claim speaks of the absence of a kind of clause ("the absence of
#: an enforcement mechanism"). A negation inside what the claim reports ("the UN does not maintain its
#: own military", "a retiring member is not eligible …") is content, compared like the rest.
_FRAME_NEG = lazy_re(
    rf"(?:\b(?:the|this|that|its)\s+(?:[\w'’-]+\s+){{0,5}}?{AGREEMENT}|^\W*(?:it|they)\b|\bit\b)[^.;]{{0,80}}?"
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
    core = re.sub(rf"^.*?\b{AGREEMENT}\b", " ", core, count=1, flags=re.IGNORECASE) or core
    return list(dict.fromkeys(content_terms(core)))


def _closest(t: Treaty, terms: list[str], pool: set[int] | None = None) -> tuple[float, list[int]]:
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


def judge_article_refs(claim: str, t: Treaty, refs: tuple[ArticleRef, ...]) -> Verdict | None:
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


def _heading_match(claim: str, t: Treaty, arts: list) -> tuple[str, str, Span] | None:
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


_QUOTE = lazy_re(r"[\"“]([^\"“”]{20,500})[\"”]")


def judge_quotes(claim: str, t: Treaty) -> Verdict | None:
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
            sm = SequenceMatcher(None, [stem(w) for w in words], [stem(w) for w in text_words], autojunk=False)
            matched = sum(b.size for b in sm.get_matching_blocks())
            if matched / len(words) >= 0.8:
                return "supported", f"it quotes the treaty ({matched} of {len(words)} words in order)", [unit]
    return None


_NAMING = lazy_re(r"\b(?:is|was|are|were)\s+(?:named|called|known\s+as|nicknamed)\b|\btakes?\s+its\s+name\b",
                     re.IGNORECASE)


def judge_content(claim: str, t: Treaty) -> Verdict:
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


_PROPER = lazy_re(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][a-z]+)+")


def _names_not_in(claim: str, t: Treaty) -> list[str]:
    """Proper names of two or more words the claim gives as part of what the treaty says ("the
    League of Nations", "the African Group") that its text never writes; asides in brackets, quotes
    and an attribution ("According to …,") aside, and states and the treaty's own names excepted."""
    from pactlens.resources.states import find_states

    body = re.sub(r"\([^)]*\)|\[[^\]]*\]|[\"“][^\"”]*[\"”]", " ", claim)
    body = re.sub(r"^\W*According to [^,]{0,120},", " ", body)
    out = []
    for m in _PROPER.finditer(body):
        name = m.group(0)
        if find_states(name) or re.search(rf"(?i)\b{AGREEMENT}\b", name):
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
