"""Direct and reported speech, with who said it and the footnote behind it.

A quotation mark alone does not make a quote: briefs put titles ("Comprehensive
Strategic Partnership Treaty") and scare terms ("sunset clause") in quotes.
A quoted span counts when a speech verb, a colon or "according to" frames it
in its sentence, or when it is long enough to be someone's words. Speakers are
found by rule (the subject of the speech verb), and pronouns or bare titles
("He added", "the minister said") resolve to the most recent compatible person
in the discourse. Only a marker in the quote's own sentence backs it.
"""

from __future__ import annotations

import bisect
from typing import Any

from pactlens.extract.prose.attribution import (
    Discourse,
    Speaker,
    back_reference,
    back_to_document,
    in_document,
    model_names,
    opens_sentence,
    speaker_of,
)
from pactlens.extract.prose.block_quotes import find_block_quotes
from pactlens.extract.prose.discourse import reading_text
from pactlens.extract.prose.parsed_speakers import parsed_speaker, subject_agreement
from pactlens.extract.prose.people import Person, find_people
from pactlens.extract.prose.quote_spans import WORD, Found, find_direct, find_reported, sentence_index, trim_reported
from pactlens.extract.prose.speakers import NamedSpeaker, named_role
from pactlens.model import Agreement, Citation, Quote
from pactlens.structure.doc import Doc
from pactlens.structure.nlp import nlp_doc
from pactlens.structure.sentences import BodySentence, body_sentences, footnote_ranges
from pactlens.structure.spans import covering

def _body_ranges(sentences: tuple[BodySentence, ...]) -> list[tuple[int, int]]:
    return [(s.span.start, s.span.end) for s in sentences]


def find_quotes(doc: Doc, citations: list[Citation], kind: str | None = None,
                agreements: list[Agreement] | None = None) -> list[Quote]:
    """Direct quotations and reported speech in running text, in text order.

    ``kind`` is the document kind from ``classify``: an agreement's own text
    (``treaty``) quotes no one a model could help name, so spaCy is never
    loaded for one. ``agreements`` are the document's: "the convention states …" and "Article 12
    stipulated …" quote the agreement the document is about.
    """
    sentences = body_sentences(doc)
    if not sentences:
        return []
    text = reading_text(doc)
    notes = footnote_ranges(doc)
    in_notes = covering(notes)
    direct = find_direct(doc, text, sentences, notes)
    direct += [f for f in find_block_quotes(text, sentences) if not in_notes(f.start)]
    taken = {i for f in direct if (i := sentence_index(sentences, f.start)) is not None}
    reported = find_reported(text, sentences, taken)
    ranges = _body_ranges(sentences)
    mentions = find_people(doc, ranges)
    # Reported speech needs a person as subject; keep only those a rule or the model can name.
    starts = [s.span.start for s in sentences]
    d = Discourse(mentions, starts)
    # Each quote's speaker by rule, asked once: kept for the loop below unless the parse adds people.
    by_rule = {id(f): speaker_of(d, text, f, f.start - 1) for f in direct + reported}
    if (direct or reported) and kind != "treaty":
        # The parse's person names (as the entities reader takes them) join the rules': a pronoun
        # refers to the last person named, whether or not a rule knew the name ("Strom Thurmond").
        unnamed = [f for f in direct + reported if by_rule[id(f)] is None]
        sdoc = nlp_doc(doc)
        extra = _parsed_people(doc, sdoc, ranges) if sdoc is not None else model_names(text, unnamed) if unnamed else []
        if extra:
            mentions = find_people(doc, ranges, extra)
            d = Discourse(mentions, starts)
            by_rule = {}
    out: list[Quote] = []
    # The last attributed direct quotation (its speaker and sentence index), for a quote
    # that continues it; and the last institution or document that spoke, by block.
    last: tuple[Speaker, int] | None = None
    last_named: tuple[NamedSpeaker, int] | None = None
    roles: list[NamedSpeaker] = []
    for f in sorted(direct + reported, key=lambda f: f.start):
        i = sentence_index(sentences, f.start)
        if back_reference(text, f):
            # "The document adds that …": the document (or agency) that spoke last,
            # in this paragraph or the one before; else no one.
            near = last_named is not None and f.sentence.block - last_named[1] <= 1
            who = last_named[0] if near else back_to_document(text, f)
        else:
            who = by_rule[id(f)] if id(f) in by_rule else speaker_of(d, text, f, f.start - 1)
        if who is None and f.direct and last and i is not None and opens_sentence(text, f) and i - last[1] == 1:
            # "'…,' Kushner said. '…'": a quotation making up the next sentence continues the last speaker.
            who = last[0]
        if who is None and f.direct and kind != "treaty":
            # Shapes no rule knows ("the Charter, which provides that …"): the parse's subject.
            sdoc = nlp_doc(doc)
            who = parsed_speaker(sdoc, d, f.start, f.end, subject_agreement(agreements or []),
                                 f.opens) if sdoc is not None else None
        if f.direct and (who is None or (isinstance(who, NamedSpeaker) and who.kind == "role" and who.name[:1].islower())):
            # "In the statement, the leaders said …": the words are the statement's, named in full before.
            who = in_document(text, f) or who
        # An agreement's own text quotes no one: a quotation there is an amended
        # clause or a defined term, kept only if the text names who said it.
        if who is None and (not f.direct or kind == "treaty"):
            continue
        a, b = (f.start, f.end) if f.direct else trim_reported(doc.text, f.start, f.end)
        if b - a < 3 or (not f.direct and len(WORD.findall(doc.text[a:b])) < 4):
            continue
        if isinstance(who, NamedSpeaker) and who.kind == "role" and " " not in who.name:
            # "the official said": the official by role who spoke last, if one did.
            who = next((q for q in reversed(roles) if q.name.endswith(who.name)), None) or named_role(
                text, who.name, f.start) or who
        if isinstance(who, NamedSpeaker) and who.kind == "role":
            roles.append(who)
        if isinstance(who, NamedSpeaker) and who.kind in ("institution", "document", "name"):
            last_named = (who, f.sentence.block)
        if f.direct and i is not None:
            last = (who, sentence_index(sentences, f.end) or i) if who is not None else None
        out.append(_quote(doc, f, a, b, who))
    return out


def _parsed_people(doc: Doc, sdoc: Any, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Person names from the parse, filtered as the entities reader filters them."""
    from pactlens.extract.prose.named_people import person_spans

    starts = [a for a, _ in ranges]

    def inside(at: int) -> bool:
        i = bisect.bisect_right(starts, at) - 1
        return i >= 0 and at < ranges[i][1]

    return person_spans(doc, sdoc, inside, set())


def _quote(doc: Doc, f: Found, a: int, b: int, who: Speaker | None) -> Quote:
    # The last marker of the quote's own sentence; a marker without a definition
    # still backs it (the audit reports the missing definition).
    citation = f.sentence.markers[-1] if f.sentence.markers else None
    person = who if isinstance(who, Person) else None
    return Quote(
        speaker=who.name if who else None,
        speaker_kind=("person" if person else who.kind) if who else None,
        role=person.role if person else None,
        party=person.party if person else None,
        text=doc.text[a:b],
        direct=f.direct,
        citation=citation,
        evidence=[doc.evidence(a, b), doc.span_evidence(f.sentence.span)],
    )
