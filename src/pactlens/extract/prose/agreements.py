"""Agreements a brief or news item writes about, with the facts it states of them.

The agreement it is about (``subject``: the named agreement most often referred to, with the
document's opening weighing more) and the others it names (``related``), with what the text
states of them: "<role> <Name> and <role> <Name> signed ...", "signed in <City>", "a <N>-year
...", "comprises <N> articles"; and unnamed but concrete ones ("their first major agreement").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pactlens.extract.dates import find_dates
from pactlens.extract.numbers import NUMBER, to_number
from pactlens.extract.parties import merge_parties, state_party, states_in
from pactlens.extract.places import PLACE, good_place
from pactlens.extract.prose.described import described_agreements, phrase_title, signed_in, subject_states
from pactlens.extract.prose.mention_groups import group_mentions, merge_aliases, merge_compounds
from pactlens.extract.prose.mentions import HEAD_WORDS, kind_of, NamedMention, WrittenAgreement, add_acronym_mentions, named_mentions
from pactlens.extract.prose.signatories import find_signatories
from pactlens.extract.prose.signing_parse import Target, fill_from_signing_clauses
from pactlens.extract.prose.own_document import is_the_document
from pactlens.extract.prose.with_states import known_home, listed_makers, names_its_other_side
from pactlens.extract.records import agreement_kind, agreement_slug, unique_ids
from pactlens.model import Agreement, Evidence, Party, Signed
from pactlens.resources.lexicon import alternation, phrases
from pactlens.resources.states import lookup
from pactlens.structure.doc import Doc, Span
from pactlens.structure.sentences import sentence_around
from pactlens.regexes import lazy_re

#: An agreement noun of the lexicon, a programme, or "deal" as news writes it.
_NOUNS = phrases("agreement_nouns") + "|programme|program|deal"
_ANAPHOR = lazy_re(rf"\b(?:the|this|that|its|their)\s+(?:\d{{4}}\s+)?(?P<w>{_NOUNS})\b", re.IGNORECASE)
_SIGNED_VERB = lazy_re(rf"\b(?:{alternation('signing_verbs')})\b")
_ARTICLE_COUNT = lazy_re(
    rf"(?i:\b(?:comprises|comprising|contains|containing|consists\s+of|consisting\s+of|includes|including|has|with)\s+(?P<n>{NUMBER})\s+articles\b"
    rf"|\b(?P<m>{NUMBER})-article\b)"
)
_N_YEAR = lazy_re(rf"(?i:\b(?P<n>{NUMBER})[-\s]year\b)")
#: "a new Defense Cooperation Agreement (DCA) with a 15-year duration"
_TERM_AFTER = lazy_re(
    rf"\s*(?:\([A-Z][A-Za-z-]*\)\s*)?,?\s*(?i:with|for|of)\s+a\s+(?P<n>{NUMBER})[-\s]year\s+(?i:duration|term|period|validity|lifespan)"
)
#: "signed a 20-year comprehensive strategic partnership": what is signed is an instrument, so a
#: partnership signed is an agreement too (checked in ``_descriptive``).
_DESCRIPTIVE = lazy_re(
    r"\b(?P<verb>signed|entered\s+into|concluded|reached|struck)\s+(?P<np>(?:a|an|the|their|its)\s+"
    rf"(?:[\w\u2013-]+\s+){{0,4}}?(?P<w>{_NOUNS}|partnership))\b"
)
#: Words that end an "on …" phrase after the instrument word: "an agreement on scientific and
#: technological cooperation, and in 2019 …" stops at the comma, "… on trade in 2019" at "in".
_POST_STOP = frozenset("in at by with to from during after before since until the a an that which this its their was were is".split())
#: What may stand before an agreement's mention that opens its sentence: "The", "The 1928", the
#: first words of its name ("The KELLOGG–" before "BRIAND PACT").
_OPENS_WITH = lazy_re(r"[\s\"“*_#]*(?:[Tt]he\s+)?(?:\d{4}\s+)?(?:[A-Z][\w’'.]*(?:\s+|[–-]))*")
#: "It was signed", "It had been concluded": the pronoun subject of a sentence.
_IT = lazy_re(r"It\s+(?:was|is|had\s+been|has\s+been|were)\b")
_IT_REACH = 3
_WITH_STATE = lazy_re(r"\bwith\s+(?:the\s+)?")
_LIST_GAP = lazy_re(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")
_PARTIES_LIST = lazy_re(r"(?i:\bparties\s+to\s+the\s+[^:.]{0,80}?\s+(?:are|include)\s*:?)")
_BETWEEN_AFTER = lazy_re(
    r"\s*(?:\(\)\s*)?(?:,\s*)?(?:(?:was|is|,)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:treaty|agreement|pact|accord|alliance|deal)\s+)?between\s+",
    re.IGNORECASE,
)


def _subject_score(doc: Doc, w: WrittenAgreement, generic: list[NamedMention], anaphora: dict[str, int],
                   first_sentence: int | None = None) -> float:
    score = float(len(w.mentions))
    title = doc.title
    lead = min(doc.blocks[0].end, 800) if doc.blocks else 600
    if title is not None and any(title.start <= m.start < title.end for m in w.mentions):
        score += 3
    if any(m.start < lead for m in w.mentions):
        score += 2
    if first_sentence is not None and w.mentions and w.mentions[0].start == first_sentence:
        score += 5  # the first agreement named in the opening sentence: what the text is about
    score += 0.5 * sum(1 for g in generic if g.head == w.head)
    score += 0.25 * anaphora.get(w.head, 0)
    return score


def _anaphora(doc: Doc) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in _ANAPHOR.finditer(doc.text):
        if not doc.in_footnotes(m.start()):
            counts[m.group("w").lower()] = counts.get(m.group("w").lower(), 0) + 1
    return counts


def _refers_to(doc: Doc, span: Span, w: WrittenAgreement, subject: bool) -> bool:
    """Whether a sentence speaks of ``w``: names it, or (for the subject) refers back to it."""
    if any(span.start <= m.start < span.end for m in w.mentions):
        return True
    if subject:
        for m in _ANAPHOR.finditer(doc.text, span.start, span.end):
            if m.group("w").lower() in {w.head, "treaty", "agreement", "pact", "accord", "deal"}:
                return True
    return False


def _signing_place(doc: Doc, start: int, end: int) -> tuple[str | None, list[Evidence]]:
    """"signed ... in Moscow", "signed in Helsinki, Finland", "at the Belvedere palace in Vienna"."""
    text = doc.text
    verb = _SIGNED_VERB.search(text, start, end)
    if verb is None:
        return None, []
    for m in re.compile(rf"\b(?:in|at)\s+(?P<place>{PLACE})").finditer(text, verb.end(), end):
        place = m.group("place")
        if good_place(place) and not re.match(r"\d", place):
            state = lookup(place)
            if state is not None:
                continue  # a country is not the place of signature we want; a city follows
            return place, [doc.evidence(m.start("place"), m.end("place"))]
    return None, []


def _signing_subjects(doc: Doc, start: int, verb: int, end: int) -> list[Party]:
    """"Bahrain and the United States ... by signing a Defense Cooperation Agreement", "Great
    Britain, France, Belgium, the Netherlands and Luxembourg signed the Brussels Treaty": the states
    that sign (more than four only as a bare list); "the United States signed the Mutual Defense
    Treaty with the ROC": the one that signs and the one it signs with."""
    found = states_in(doc, start, verb, capitals=True)
    if len(found) == 1:
        with_ = _WITH_STATE.search(doc.text, verb, end)
        other = states_in(doc, with_.end(), min(end, with_.end() + 40), capitals=True)[:1] if with_ else []
        return [state_party(doc, m) for m in found + other] if other and other[0].start == with_.end() else []  # type: ignore[union-attr]
    if not re.search(r"\band\b", doc.text[start:verb]):
        return []
    if len(found) > 4 and not all(_LIST_GAP.fullmatch(doc.text, x.end, y.start) for x, y in zip(found, found[1:])):
        return []
    return [state_party(doc, m) for m in found] if 2 <= len(found) <= 12 else []


def _signs_this(doc: Doc, sentence: Span, verb: int, w: WrittenAgreement) -> bool:
    """Whether a signing verb is about ``w`` itself: named within a few words of the verb, and no
    other agreement ("the agreement") nearer to it."""
    for m in w.mentions:
        if sentence.start <= m.start < sentence.end and abs(m.start - verb) < 60:
            gap = doc.text[min(m.end, verb) : max(m.start, verb)]
            return _ANAPHOR.search(gap) is None
    return False


def _continued_by_it(doc: Doc, w: WrittenAgreement) -> list[Span]:
    """Sentences whose subject "It" continues the agreement that opens their paragraph's sentence
    before them (an encyclopedia's lead): "The Kellogg–Briand Pact … is a 1928 international
    agreement … It was signed by Germany, France, and the United States on 27 August 1928". At
    most the next few sentences of the same paragraph are read."""
    out: list[Span] = []
    for m in w.mentions:
        s = sentence_around(doc, m.start, m.end)
        block = doc.block_at(s.start)
        if block is None or not _OPENS_WITH.fullmatch(doc.text, s.start, m.start):
            continue
        following = [t for t in doc.sentences_in(Span(s.end, block.end)) if t.start >= s.end][:_IT_REACH]
        out += [t for t in following if _IT.match(doc.text, t.start)]
    return out


def _about_facts(doc: Doc, w: WrittenAgreement, subject: bool) -> dict:
    """What the text states of one agreement, from the sentences that speak of it."""
    text = doc.text
    sentences: list[Span] = []
    seen: set[int] = set()
    spans = [sentence_around(doc, m.start, m.end) for m in w.mentions]
    if subject:
        spans += [sentence_around(doc, m.start()) for m in _ANAPHOR.finditer(text) if not doc.in_footnotes(m.start())]
    continued = _continued_by_it(doc, w)
    spans += continued
    for s in sorted(spans, key=lambda s: s.start):
        if s.start not in seen and not doc.in_footnotes(s.start):
            seen.add(s.start)
            sentences.append(s)

    facts: dict = {"parties": [], "signatories": [], "signed": None, "term": None, "articles": None, "evidence": []}
    for m in w.mentions:
        facts["parties"] += [state_party(doc, s) for s in m.states]
        after = _BETWEEN_AFTER.match(text, m.end)
        if after:
            tail_end = min(len(text), after.end() + 120)
            stop = re.compile(r"[,.;:]|\bwhich\b|\bthat\b|\bsigned\b").search(text, after.end(), tail_end)
            facts["parties"] += [state_party(doc, s) for s in states_in(doc, after.end(), stop.start() if stop else tail_end)]
        facts["parties"] += [state_party(doc, s) for s in listed_makers(doc, m.start, m.end)]
        after_term = _TERM_AFTER.match(text, m.end)
        if after_term and facts["term"] is None:
            facts["term"] = (to_number(after_term.group("n")), doc.evidence(after_term.start("n"), after_term.end()))
        before = text[max(0, m.start - 30) : m.start]
        n = _N_YEAR.search(before)
        if n and facts["term"] is None and not re.search(r"\d{4}", before[n.end():]):
            facts["term"] = (to_number(n.group("n")), doc.evidence(m.start - len(before) + n.start(), m.start - len(before) + n.end()))

    best_signing: tuple[int, Signed] | None = None
    it_starts = {c.start for c in continued}
    for s in sentences:
        if s.start not in it_starts and not _refers_to(doc, s, w, subject):
            continue
        verb = _SIGNED_VERB.search(text, s.start, s.end)
        if verb and (subject or s.start in it_starts or _signs_this(doc, s, verb.start(), w)):
            signers = find_signatories(doc, s.start, s.end, seen=facts["signatories"])
            parties = [state_party(doc, m) for m in signers.states]
            if not parties and _signs_this(doc, s, verb.start(), w):
                parties = _signing_subjects(doc, s.start, verb.start(), s.end)
            facts["signatories"] = signers.signatories
            facts["parties"] += parties
            dates = find_dates(text, s.start, s.end, years=True)
            place, place_ev = _signing_place(doc, s.start, s.end)
            date = max(dates, key=lambda d: {"day": 3, "month": 2, "year": 1}[d.precision]) if dates else None
            weight = ({"day": 3, "month": 2, "year": 1}[date.precision] if date else 0) + (1 if place else 0) + (1 if any(s.start <= m.start < s.end for m in w.mentions) else 0)
            if (date or place) and (best_signing is None or weight > best_signing[0]):
                ev = ([doc.evidence(date.start, date.end)] if date else []) + place_ev
                best_signing = (weight, Signed(date=date.iso if date else None, precision=date.precision if date else None,
                                               place=place, evidence=ev))
        if facts["articles"] is None:
            a = _ARTICLE_COUNT.search(text, s.start, s.end)
            if a:
                facts["articles"] = (to_number(a.group("n") or a.group("m")), doc.evidence(a.start(), a.end()))
        if facts["term"] is None:
            t = _N_YEAR.search(text, s.start, s.end) if subject else None
            if t and re.match(rf"\s+(?:\"|\u201c)?(?:[\w-]+\s+){{0,4}}(?:{w.head}|{HEAD_WORDS.lower()})", text[t.end() : t.end() + 80], re.IGNORECASE):
                facts["term"] = (to_number(t.group("n")), doc.evidence(t.start(), t.end()))
    if subject:
        for pl in _PARTIES_LIST.finditer(text):
            stop = text.find(".", pl.end())
            stop = stop if stop > 0 else len(text)
            inside = {i for p in re.finditer(r"\([^()]*\)", text[pl.end() : stop]) for i in range(pl.end() + p.start(), pl.end() + p.end())}
            facts["parties"] += [state_party(doc, s) for s in states_in(doc, pl.end(), stop) if s.start not in inside]
    facts["signed"] = best_signing[1] if best_signing else None
    return facts


def _written_agreement(doc: Doc, w: WrittenAgreement, role: str) -> Agreement:
    facts = _about_facts(doc, w, role == "subject")
    parties = merge_parties(facts["parties"])
    signed = facts["signed"] or Signed()
    if signed.date is None:
        year = re.search(r"\b(1[6-9]\d\d|20\d\d)\b", " ".join(doc.text[m.start : m.end] for m in w.mentions))
        if year:
            m0 = next(m for m in w.mentions if year.group(1) in doc.text[m.start : m.end])
            k = doc.text.find(year.group(1), m0.start, m0.end)
            signed = Signed(date=year.group(1), precision="year", evidence=[doc.evidence(k, k + 4)])
    evidence = [doc.evidence(m.start, m.end) for m in w.mentions[:5]]
    term = facts["term"]
    articles = facts["articles"]
    if term:
        evidence.append(term[1])
    if articles:
        evidence.append(articles[1])
    kind = kind_of(w.name)
    return Agreement(
        id=agreement_slug(parties, signed.date, kind, w.name),
        title=w.name,
        kind=kind,
        parties=parties,
        signatories=facts["signatories"],
        signed=signed,
        term_years=term[0] if term else None,
        article_count=articles[0] if articles else None,
        role=role,  # type: ignore[arg-type]
        evidence=evidence,
    )


def _about_title(text: str, np: str, end: int) -> str | None:
    """The title of a described agreement: its own words ("20-year comprehensive strategic
    partnership"), or the instrument word and the lower-case "on …" phrase after it ("agreement on
    scientific and technological cooperation")."""
    post = re.match(r"\s+(?P<p>on|for)\s+(?P<rest>[a-z][a-z\s-]{2,80})", text[end : end + 90])
    if post:
        words: list[str] = []
        for w in post.group("rest").split():
            if w in _POST_STOP:
                break
            words.append(w)
        while words and words[-1] == "and":
            words.pop()
        if words:
            return f"{np.split()[-1]} {post.group('p')} {' '.join(words)}"
    return phrase_title(np)


def _descriptive(doc: Doc, subject: WrittenAgreement | None, named: Iterable[NamedMention] = ()) -> list[Agreement]:
    """Unnamed but concrete agreements: "Iran and Russia had signed their first major agreement" (2001),
    "entered into a 25-year cooperation program with China in 2021"."""
    text = doc.text
    out: list[Agreement] = []
    subject_words = set(subject.words) if subject else set()
    for m in _DESCRIPTIVE.finditer(text):
        if doc.in_footnotes(m.start()):
            continue
        np_words = {x.lower() for x in re.findall(r"[A-Za-z]+", m.group("np"))} - {"a", "an", "the", "their", "its"}
        if subject_words and len(np_words & subject_words) >= 2:
            continue  # another way of naming the subject
        if re.search(r"[A-Z]", m.group("np")[1:]):
            continue  # a named agreement: handled by the named reading
        if re.fullmatch(r"(?i:the|this|that)\s+\w+", m.group("np")):
            continue  # "signed the agreement": a back-reference to one already told of, not a new one
        if names_its_other_side(doc, m.start("w"), m.end()):
            continue  # "concluded a treaty with Morocco": read with whom it was made (prose/with_states)
        if m.group("w").lower() == "partnership" and m.group("verb") != "signed":
            continue  # "entered into a partnership": a relationship, not an instrument
        sent = sentence_around(doc, m.start(), m.end())
        if any(sent.start <= n.start < sent.end for n in named):
            continue  # the sentence names the agreement: the named reading has it
        years = [d for d in find_dates(text, sent.start, sent.end, years=True)]
        states = states_in(doc, sent.start, sent.end, capitals=True)
        if len(states) < 2:
            states = subject_states(doc, sent.start, m.start()) or states  # "In 2012, they signed an agreement on ..."
        if not years or len(states) < 2 and not (states and re.search(r"\bwith\b", m.group(0) + text[m.end() : m.end() + 20])):
            continue
        parties = merge_parties(state_party(doc, s) for s in states)
        if len(parties) < 2:
            continue
        date = years[0]
        kind = agreement_kind(m.group("w"))
        term = _N_YEAR.search(m.group("np"))
        ev = [doc.evidence(m.start("np"), m.end("np")), doc.evidence(date.start, date.end)]
        signed = signed_in(doc, sent.start, sent.end)  # "LISBON, March 3, 1962 – … today signed": the dateline's
        if signed.place is None:
            signed = Signed(date=date.iso, precision=date.precision, evidence=[doc.evidence(date.start, date.end)])  # type: ignore[arg-type]
        out.append(Agreement(
            id=agreement_slug(parties, signed.date, kind, phrase_title(m.group("np"))),
            title=_about_title(text, m.group("np"), m.end()),
            kind=kind,
            parties=parties,
            signed=signed,
            term_years=to_number(term.group("n")) if term else None,
            role="related",
            evidence=ev,
        ))
    return out


def _about(doc: Doc, named_at: dict[int, list[tuple[int, int]]]) -> list[Agreement]:
    """The agreements the text names and describes; ``named_at`` gets every mention of each named one."""
    named, generic = group_mentions(named_mentions(doc))
    if not named and not generic:
        return _with_described(doc, _descriptive(doc, None), [])
    anaphora = _anaphora(doc)
    if not named:
        # Only generic references ("the Treaty"): make the subject from the first one with states in it.
        g = next((g for g in generic if g.states), None)
        if g is None:
            return _with_described(doc, _descriptive(doc, None), generic)
        named = [WrittenAgreement(g.name, g.words, g.head, [g], g.start)]
    named = [w for w in merge_aliases(doc.text, merge_compounds(named)) if not is_the_document(doc, w)]
    if not named:
        return _with_described(doc, _descriptive(doc, None), generic)
    for w in named:
        add_acronym_mentions(doc, w)
    first = min((m.start for w in named for m in w.mentions), default=None)
    if first is not None and sentence_around(doc, first).start > sentence_around(doc, 0).end:
        first = None  # only a name in the opening sentence counts
    ranked = sorted(named, key=lambda w: (-_subject_score(doc, w, generic, anaphora, first), w.first))
    subject = ranked[0]
    # Generic mentions carry states into the subject's parties ("the Iran-Russia Treaty").
    subject.mentions += [g for g in generic if g.head == subject.head and g.states]
    subject.mentions.sort(key=lambda m: m.start)
    written = [subject] + sorted(ranked[1:], key=lambda w: w.first)
    out = [_written_agreement(doc, w, "subject" if w is subject else "related") for w in written]
    for a, w in zip(out, written):
        named_at[id(a)] = [(m.start, m.end) for m in w.mentions]
    mentions = [m for w in named for m in w.mentions]
    return _with_described(doc, out + _descriptive(doc, subject, mentions), mentions)


def _with_described(doc: Doc, found: list[Agreement], mentions: list[NamedMention]) -> list[Agreement]:
    """``found`` and the agreements described in lower case that none of them already holds
    (the same phrase, or the same title and parties told again)."""
    spans = [(e.start, e.end) for a in found for e in a.evidence]
    keys: dict[tuple[str | None, frozenset[str]], Agreement] = {}
    for d in described_agreements(doc, mentions):
        ev = d.evidence[0]
        if any(s < ev.end and ev.start < e for s, e in spans):
            continue
        home = known_home(doc, d, found)
        if home is not None:
            home.evidence.append(ev)  # "the 1902 agreement between the United Kingdom and Japan": the Anglo-Japanese Treaty of 1902
            continue
        key = (d.title.lower() if d.title else None, frozenset(p.iso3 for p in d.parties if p.iso3))
        if key in keys:
            keys[key].evidence.append(ev)
            continue
        keys[key] = d
        found.append(d)
    return found


def find_prose_agreements(doc: Doc) -> list[Agreement]:
    """The agreements writing about agreements names."""
    named_at: dict[int, list[tuple[int, int]]] = {}
    found = _about(doc, named_at)
    fill_from_signing_clauses(doc, [Target(a, named_at.get(id(a)) or [(e.start, e.end) for e in a.evidence]) for a in found])
    return unique_ids(found)
