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

from pactlens.model import Analysis
from pactlens.model.check import CheckedDocument, CheckResult, Claim
from pactlens.resources.states import get as get_state
from pactlens.structure.doc import Doc, Span
from pactlens.verify.articles import ArticleRef
from pactlens.verify.check_brief import brief_sentences, lead_names, listed_under_claim
from pactlens.verify.check_treaty import Treaty
from pactlens.verify.claims import ClaimUnit, TreatyNames, detect
from pactlens.verify.fact_parties import judge_parties
from pactlens.verify.fact_places import judge_place
from pactlens.verify.fact_record import BriefContext, Verdict, primary, worst
from pactlens.verify.fact_signers import judge_signatories
from pactlens.verify.facts import fact_phrases
from pactlens.verify.judge_concepts import judge_concepts
from pactlens.verify.judge_content import judge_article_refs, judge_content, judge_quotes
from pactlens.verify.judge_facts import judge_articles, judge_in_force, judge_signed, judge_state_list, judge_term


def check(brief: Doc, brief_analysis: Analysis, treaty: Doc, treaty_analysis: Analysis) -> CheckResult:
    t = Treaty.of(treaty, treaty_analysis)
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


def treaty_names(brief: Doc, brief_analysis: Analysis, t: Treaty) -> TreatyNames:
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


def claim_units(brief: Doc, names: TreatyNames, t: Treaty) -> list[ClaimUnit]:
    """The brief's clauses about the treaty (``verify.claims``), and the items of a list whose lead-in
    line is one ("The Treaty comprises 47 articles …:")."""
    units = detect(brief.text, brief_sentences(brief), names, t.years,
                   quotes_treaty=lambda clause: judge_quotes(clause, t) is not None)
    listed = [Span(a, b) for a, b in listed_under_claim(brief)]
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


def judge(claim: str, t: Treaty, brief: BriefContext | None = None,
          articles: tuple[ArticleRef, ...] = ()) -> Verdict:
    """Facts (article count, term, dates of signature and entry into force, place, signatories,
    parties, a list of states) are all checked, and the worst verdict wins; a claim with none is
    judged on the articles it names, then on what it quotes, then on its content."""
    brief = brief or BriefContext()
    facts: list[Verdict] = []
    if not brief.names_other_agreement(claim):
        facts = [v for v in (rule(claim, t) for rule in (judge_articles, judge_term, judge_signed, judge_in_force))
                 if v]
        facts += [v for v in (judge_place(claim, t.facts), judge_signatories(claim, t.facts, brief),
                              judge_parties(claim, t.facts, brief)) if v]
        if not facts:
            facts += [v for v in (judge_state_list(claim, t),) if v]
    if facts:
        return worst(facts)
    if articles:
        verdict = judge_article_refs(claim, t, articles)
        if verdict:
            return verdict
    return judge_quotes(claim, t) or judge_concepts(claim, t) or judge_content(claim, t)
