"""An agreement's signing facts from the parse of the clause that signs it.

Writing about agreements tells their signing in clauses of one grammar whatever the words: a
predicate that signs (sign, conclude, ink, initial, issue; active or passive, or the noun
"signing of") with the agreement as its argument (object, passive subject, the noun a participle
or relative clause hangs on: "the treaty, signed in 1954"), and the facts as the predicate's own
dependents: its date ("on September 7, 1977"), its place ("in Kuala Lumpur", "at the White
House"), who signs (the active subject: "Russia and Iran signed", "Putin and Pezeshkian signed")
and with whom ("with Morocco", "between X and Y").

The argument may name the agreement or refer back to it ("the treaty", "These two treaties",
"It"): a definite instrument noun with no name of its own takes the agreements named last before
it in its paragraph (or the one before), as many as it counts ("two", "both"; one otherwise, the
nearest whose title has the same noun). Dates come from the date the clause's predicate governs,
never from a year standing before a name ("the 1951 Security Treaty"); a day without a year takes
the year :mod:`pactlens.extract.prose.written_dates` gives it.

Facts fill only what the lexical reading left unknown, and a year it read is made precise only by
a date of the same year: the parse adds, it does not overrule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pactlens.extract.dates import DateMention
from pactlens.extract.parties import merge_parties, state_party, states_in
from pactlens.extract.places import good_place
from pactlens.extract.prose.signatories import find_signatories
from pactlens.extract.prose.written_dates import body_dates
from pactlens.model import Agreement, Evidence, Signed
from pactlens.resources.lexicon import lowered, words
from pactlens.resources.states import lookup
from pactlens.structure.doc import Doc
from pactlens.structure.nlp import nlp_doc

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

#: The forms of the predicates that sign: the lexicon's signing verbs and the other inflections
#: of the same verbs, and "issued" (a joint statement is issued, not signed).
_SIGNS = lowered("signing_verbs") | {"signs", "conclude", "concludes", "inks", "initialled", "initialed", "issued"}
#: The instrument nouns a back-reference is made of ("the treaty", "these accords", "the deal").
_NOUNS = frozenset(w.split()[0] for w in words("agreement_nouns")) | {"deal"}
_PLURAL = {"treaties": "treaty"}
#: Words that count the agreements a back-reference takes.
_COUNTS = {"two": 2, "three": 3, "four": 4, "both": 2}
#: Dependents that hold an argument of the predicate, and prepositions that introduce one
#: ("the signing of X", "entered into X").
_ARG_DEPS = frozenset({"dobj", "nsubjpass", "attr"})
_ARG_PREPS = frozenset({"of", "into"})
#: Prepositions whose object belongs to the name of the noun they follow ("Treaty of Amity").
_NAME_PREPS = frozenset({"of", "on", "for", "between", "concerning", "regarding"})
_PLACE_LABELS = frozenset({"GPE", "FAC", "LOC"})
_PRECISION = {"day": 3, "month": 2, "year": 1}


@dataclass
class Target:
    """An agreement found in prose, with the spans of the text that name it."""

    agreement: Agreement
    spans: list[tuple[int, int]] = field(default_factory=list)


def _noun(token: Token) -> str | None:
    """The instrument noun a token is, singular ("treaties" -> "treaty"), else None."""
    low = token.text.lower()
    low = _PLURAL.get(low, low[:-1] if low.endswith("s") and low[:-1] in _NOUNS else low)
    return low if low in _NOUNS else None


def _predicates(sent) -> Iterable[Token]:
    for t in sent:
        if t.text.lower() in _SIGNS and (t.tag_.startswith("VB") or t.text.lower() == "signing"):
            yield t


def _arguments(verb: Token) -> list[Token]:
    """What a signing predicate signs: object, passive subject, "of"/"into" object, or the noun
    the participle or relative clause modifies; conjoined ones too; a predicate conjoined to
    another with none of its own shares the other's."""
    out = [c for c in verb.children if c.dep_ in _ARG_DEPS]
    out += [g for c in verb.children if c.dep_ == "prep" and c.text.lower() in _ARG_PREPS for g in c.children if g.dep_ == "pobj"]
    if not out and verb.dep_ == "conj" and verb.head.tag_.startswith("VB"):
        return _arguments(verb.head)
    aux = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    if not out and aux is not None and aux.i > verb.sent.start and aux.nbor(-1).tag_.startswith("NN"):
        # "… and the Egyptian-Israeli Peace Treaty was formally signed": a passive whose subject the
        # parser hung elsewhere (on a conjunction before it) has it right before its auxiliary.
        out.append(aux.nbor(-1))
    for a in list(out):
        out += [c for c in a.conjuncts if c not in out]
        out += [c for c in a.children if c.dep_ == "appos"]  # "A joint statement …, the Nassau Agreement, was issued"
    if verb.dep_ in ("acl", "relcl") and verb.head.tag_.startswith("NN"):
        out.append(verb.head)  # (its conjuncts are not the clause's: "an Agreement … that was signed in 2018, and a 2021 Statement")
    return out


def _np_range(arg: Token) -> tuple[int, int]:
    """The characters of an argument's noun phrase: its left edge to its head, and the "of/on/…"
    phrases that continue its name."""
    end = arg.idx + len(arg.text)
    for c in arg.children:
        if c.i > arg.i and (c.dep_ in ("compound", "appos") or (c.dep_ == "prep" and c.text.lower() in _NAME_PREPS)):
            last = c.right_edge
            end = max(end, last.idx + len(last.text))
    return arg.left_edge.idx, end


def _named(targets: list[Target], a: int, b: int, head: int) -> Target | None:
    """The agreement whose mention overlaps ``[a, b)``: the one holding the head first."""
    hits = [(t, s) for t in targets for s in t.spans if s[0] < b and a < s[1]]
    if not hits:
        return None
    holding = sorted(((s[1] - s[0], i) for i, (t, s) in enumerate(hits) if s[0] <= head < s[1]))
    return hits[holding[0][1]][0] if holding else hits[0][0]  # the tightest name around the head


def _back_reference(doc: Doc, targets: list[Target], arg: Token) -> list[Target]:
    """The agreements a definite instrument noun or "it" refers back to (module docstring)."""
    noun = _noun(arg)
    if noun is not None:
        dets = [c for c in arg.children if c.dep_ in ("det", "predet", "nummod", "poss")]
        if not dets or any(c.text.lower() in ("a", "an", "another", "no", "any", "each", "every") for c in dets):
            return []
        if any(c.dep_ in ("compound", "amod") and c.text[:1].isupper() for c in arg.children):
            return []  # a name of its own the lexical reading did not take: not a back-reference
        count = next((_COUNTS[c.text.lower()] for c in dets if c.text.lower() in _COUNTS), 1)
        if count == 1 and arg.text.lower() != noun:
            return []  # a plural that counts nothing ("the treaties"): which ones is not said
    elif arg.text.lower() == "it":
        return _it(targets, arg)
    else:
        return []
    floor = _paragraph_before(doc, arg.idx)
    out: list[Target] = []
    for _, t in sorted(((s[0], t) for t in targets for s in t.spans if floor <= s[0] and s[1] <= arg.idx), key=lambda x: -x[0]):
        if t not in out:
            out.append(t)
    if count == 1:
        same = [t for t in out if noun in (t.agreement.title or "").lower()]
        if not same:
            # Out of reach of any name: "the pact" of an article about one pact is that pact.
            same = [t for t in targets if t.agreement.role == "subject" and noun in (t.agreement.title or "").lower()]
        return same[:1]
    return out[:count] if len(out) >= count else []


def _it(targets: list[Target], arg: Token) -> list[Target]:
    """"It was signed …": the agreement that is the subject of the sentence before (a pronoun
    continues its predecessor's subject), else nothing ("Turkey relied on the Convention. It …"
    leaves "it" to Turkey as much as to the Convention)."""
    if arg.sent.start == 0:
        return []
    before = arg.doc[arg.sent.start - 1].sent
    for t in before:
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT":
            hit = _named(targets, *_np_range(t), t.idx)
            return [hit] if hit else []
    return []


def _paragraph_before(doc: Doc, at: int) -> int:
    """Where the paragraph before the one holding ``at`` starts: how far back a reference reaches."""
    block = doc.block_at(at)
    if block is None:
        return max(0, at - 600)
    before = doc.block_at(block.start - 1) if block.start > 0 else None
    return before.start if before is not None else block.start


def _date(doc: Doc, verb: Token, dates: list[DateMention]) -> DateMention | None:
    """The most precise date the predicate governs: a DATE entity hanging on it or on its
    preposition ("signed on 7 September 1977", "concluded in March 1979")."""
    best: DateMention | None = None
    for ent in verb.sent.ents:
        if ent.label_ != "DATE":
            continue
        root = ent.root
        gov = root.head.head if root.head.dep_ == "prep" else root.head
        if gov != verb or root.head == root:
            continue
        a, b = ent.start_char, ent.end_char
        for d in dates:
            if a <= d.start and d.end <= b and (best is None or _PRECISION[d.precision] > _PRECISION[best.precision]):
                best = d
    return best


def _place(doc: Doc, verb: Token) -> tuple[str, Evidence] | None:
    """"in Kuala Lumpur", "at the White House": a place entity that is the object of the
    predicate's "in"/"at" (a state is no place of signature we want: a city names it)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.text.lower() not in ("in", "at"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.ent_type_ not in _PLACE_LABELS:
                continue
            ent = next(e for e in verb.sent.ents if e.start <= obj.i < e.end)
            a, b = ent.start_char, ent.end_char
            if doc.text[a:b].lower().startswith("the "):
                a += 4
            place = doc.text[a:b]
            if good_place(place) and lookup(place) is None:
                return place, doc.evidence(a, b)
    return None


def _subject_range(verb: Token) -> tuple[int, int] | None:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    return subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)


def _parties(doc: Doc, verb: Token, args: list[Token]) -> list:
    """The states that sign: an active subject of two or more ("Russia and Iran signed"), or of
    one with the other after "with"; or the states after "between" on the predicate or its
    argument."""
    out = []
    for holder in [verb, *args]:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.text.lower() == "between":
                last = prep.right_edge
                out = states_in(doc, prep.idx, last.idx + len(last.text), capitals=True)
                if len(out) >= 2:
                    return out
    subj = _subject_range(verb)
    if subj is None:
        return []
    found = states_in(doc, *subj, capitals=True)
    if len(found) == 1:
        with_ = next((c for c in verb.children if c.dep_ == "prep" and c.text.lower() == "with"), None)
        if with_ is None:
            return []
        last = with_.right_edge
        found += states_in(doc, with_.idx, last.idx + len(last.text), capitals=True)[:1]
    return found if len(found) >= 2 else []


def _fill(doc: Doc, t: Target, verb: Token, args: list[Token], date: DateMention | None) -> None:
    a = t.agreement
    signed = a.signed
    if date is not None and (signed.date is None or (signed.precision == "year" and date.iso[:4] == signed.date
                                                      and _PRECISION[date.precision] > 1)):
        kept = [e for e in signed.evidence if signed.place and signed.place in e.text]  # the place's evidence stays
        a.signed = signed = Signed(date=date.iso, precision=date.precision, place=signed.place,  # type: ignore[arg-type]
                                   evidence=[doc.evidence(date.start, date.end)] + kept)
    if signed.place is None and (place := _place(doc, verb)) is not None:
        signed.place = place[0]
        signed.evidence.append(place[1])
    if not a.parties:
        found = _parties(doc, verb, args)
        if found:
            a.parties = merge_parties(state_party(doc, m) for m in found)
    if not a.signatories and verb.dep_ != "acl":
        s = verb.sent
        a.signatories = find_signatories(doc, s.start_char, s.end_char).signatories


def fill_from_signing_clauses(doc: Doc, targets: list[Target]) -> None:
    """Give each agreement the facts of the clauses that sign it (module docstring)."""
    sdoc = nlp_doc(doc)
    if sdoc is None or not targets:
        return
    if not any(re.search(r"(?i)\b(?:sign|conclu|ink|initial|issued)", doc.text[s.start_char : s.end_char]) for s in sdoc.sents):
        return
    dates = body_dates(doc)
    for sent in sdoc.sents:
        if doc.in_footnotes(sent.start_char):
            continue
        for verb in _predicates(sent):
            found: list[Target] = []
            for arg in _arguments(verb):
                a, b = _np_range(arg)
                named = _named(targets, a, b, arg.idx)
                for t in [named] if named else _back_reference(doc, targets, arg):
                    if t not in found:
                        found.append(t)
            if not found:
                continue
            date = _date(doc, verb, dates)
            for t in found:
                _fill(doc, t, verb, _arguments(verb), date)
