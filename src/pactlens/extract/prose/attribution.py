"""Who said a quote: the subject of its speech verb, a name after the quotation, the source after
"according to", and he/she/"the minister" resolved to the most recent compatible person.

Kept apart from finding the quotes (:mod:`pactlens.extract.prose.quote_spans`): attribution walks
the discourse (people in text order), finding reads the sentence alone.
"""

from __future__ import annotations

import bisect
import re

from pactlens.extract.prose.people import NOT_NAME, Mention, Person
from pactlens.extract.prose.quote_spans import Found
from pactlens.extract.prose.speakers import (
    NamedSpeaker,
    according_to,
    back_reference_head,
    is_back_reference,
    named_document,
    named_subject,
)
from pactlens.extract.prose.speech import (
    ACCORDING,
    AFTER_OPEN,
    AFTER_PRONOUN,
    AFTER_TITLE,
    APPOSED,
    COORDINATED,
    PRONOUN,
    SPEECH_VERB,
    TITLE_ONLY,
    TITLE_SUBJECT,
    VERB_FORMS,
    subject_gap,
)
from pactlens.regexes import lazy_re

#: After a name that describes a body or a time rather than naming its person: "the Carter administration".
_NAME_AS_MODIFIER = lazy_re(
    r"\s+(?:administration|government|cabinet|era|doctrine|campaign|presidency|years|team|camp|regime|White\s+House)\b"
)
#: Between two names joined as one subject: "A and B", "A, B and C". The last join must hold "and":
#: "In a debate with Ford, Carter vowed" is one subject after an opening phrase, not two.
_JOINED = lazy_re(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
_LAST_JOIN = lazy_re(r"\s*,?\s*and\s+")


class Discourse:
    """People in text order, for naming a speaker and resolving he/she/the minister."""

    def __init__(self, mentions: list[Mention], sentence_starts: list[int] | None = None) -> None:
        self.mentions = mentions
        self._ends = [m.end for m in mentions]
        self._starts = sentence_starts or [0]

    def _sentence_start(self, offset: int) -> int:
        return self._starts[max(0, bisect.bisect_right(self._starts, offset) - 1)]

    def _before(self, offset: int) -> list[Mention]:
        """Mentions ending at or before ``offset``, nearest last."""
        return self.mentions[: bisect.bisect_right(self._ends, offset)]

    def subject(self, text: str, sent_start: int, verb_at: int) -> Person | None:
        """The person whose name (or pronoun/title) is the subject of the verb at ``verb_at``."""
        before = self._before(verb_at)
        for k in range(len(before) - 1, -1, -1):
            m = before[k]
            if m.end <= verb_at and m.start >= sent_start and subject_gap(text[m.end : verb_at]):
                # "Oona A. Hathaway and Scott J. Shapiro wrote": the first of joined subjects.
                join = _LAST_JOIN
                while k > 0 and before[k - 1].start >= sent_start and join.fullmatch(text, before[k - 1].end, before[k].start):
                    k, join = k - 1, _JOINED
                return before[k].person
            if m.end <= sent_start:
                break
        head = text[sent_start:verb_at]
        p = PRONOUN.search(head)
        if p:
            return self.pronoun(text, verb_at, gender="f" if p.group("p").lower() == "she" else "m")
        t = TITLE_ONLY.search(head)
        if t:
            return self.recent(verb_at, title=t.group("t"))
        return None

    def after(self, text: str, end: int, limit: int) -> Person | None:
        """A speaker named after the quote: '…," said Putin' / '…," Putin said'."""
        for m in self.mentions[bisect.bisect_left(self._ends, end) :]:
            if m.start >= end and m.start <= limit:
                between = text[end : m.start]
                if re.fullmatch(r"[\s,.!?”\"’']*(?:" + VERB_FORMS + r")?\s*", between):
                    tail = text[m.end : m.end + 20]
                    if SPEECH_VERB.search(between) or SPEECH_VERB.match(tail.strip()):
                        return m.person
                break
        return None

    def first_in(self, start: int, end: int) -> Person | None:
        """The first person named wholly inside ``[start, end)``."""
        for m in self.mentions[bisect.bisect_left(self._ends, start) :]:
            if m.start >= end:
                break
            if m.start >= start and m.end <= end:
                return m.person
        return None

    def according(self, text: str, start: int, end: int) -> Person | None:
        acc = ACCORDING.search(text, start, end)
        if not acc:
            return None
        for m in self.mentions[bisect.bisect_left(self._ends, acc.end()) :][:3]:
            if acc.end() <= m.start < min(acc.end() + 40, end) and "," not in text[acc.end() : m.start]:
                return m.person
        return None

    def pronoun(self, text: str, before: int, gender: str) -> Person | None:
        """Whom he/she at ``before`` refers to: the person :meth:`recent` finds,
        unless a later sentence of the discourse has a bare title as its subject
        ("The president said more nations …" then "…,' he said"): then that
        title's most recent holder, if of the right gender."""
        named = self.recent(before, gender=gender, text=text)
        floor = self._sentence_start(self._before(before)[-1].start) if self._before(before) else 0
        i = bisect.bisect_right(self._starts, before) - 1
        while i >= 0 and self._starts[i] > floor:
            t = TITLE_SUBJECT.match(text, self._starts[i])
            if t:
                holder = self.recent(self._starts[i], title=t.group("t"))
                if holder is not None and self._fits(holder, gender, None):
                    return holder
                break
            i -= 1
        return named

    def recent(self, before: int, gender: str | None = None, title: str | None = None, text: str = "") -> Person | None:
        """The person before ``before`` who fits: for a title, the most recent
        holder; for he/she, the first fitting person of the latest sentence that
        names one, since a pronoun mostly continues the subject ("Macmillan
        instructed Ormsby-Gore to inform Kennedy … He asked" is Macmillan). A name
        that only describes a body ("than the Carter administration") names no one
        a pronoun can refer to."""
        fits = [m for m in reversed(self._before(before))
                if self._fits(m.person, gender, title) and not (text and _NAME_AS_MODIFIER.match(text, m.end))]
        if not fits:
            return None
        if title:
            return fits[0].person
        opens = self._sentence_start(fits[0].start)
        return [m for m in fits if m.start >= opens][-1].person

    @staticmethod
    def _fits(p: Person, gender: str | None, title: str | None) -> bool:
        if gender and p.gender and p.gender != gender:
            return False
        return not title or bool(p.role and title.lower().split()[-1] in p.role.lower())


Speaker = Person | NamedSpeaker


def _subject_at(d: Discourse, text: str, start: int, at: int) -> Speaker | None:
    """The subject of the speech verb at ``at``: a person by rule, else a named
    institution, document or official by role."""
    p = d.subject(text, start, at)
    if p is not None:
        return p
    if is_back_reference(text, start, at):
        return None  # resolved against earlier speakers by the caller
    return named_subject(text, start, at)


def _after_quote(d: Discourse, text: str, end: int, limit: int, stop: int) -> Speaker | None:
    """Who speaks in the words right after a quotation, within its sentence
    (``stop``): '…," said Putin', '…,' the president said', '…,' he added',
    '…,' a senior official said'."""
    limit = min(limit, stop)
    p = d.after(text, end, limit)
    if p is not None:
        return p
    m = AFTER_PRONOUN.match(text, end, min(limit + 20, stop))
    if m:
        return d.pronoun(text, end, gender="f" if m.group("p").lower() == "she" else "m")
    m = AFTER_TITLE.match(text, end, min(limit + 20, stop))
    held = d.recent(end, title=m.group("t")) if m else None
    if held is not None:
        return held  # else "the spokesman" may still name an official by role, below
    verb = SPEECH_VERB.search(text, end, min(limit + 120, stop))
    if verb is None:
        return None
    opens = AFTER_OPEN.match(text, end).end()
    if re.search(r"[.!?\"“”]", text[opens : verb.start()]):
        return None
    for m in reversed(d.mentions):
        # "…,' Trump's son-in-law and senior adviser, Jared Kushner, who led the negotiations said".
        if opens <= m.start and m.end <= verb.start() and APPOSED.fullmatch(text, m.end, verb.start()):
            return m.person
        if m.end < opens:
            break
    if not re.fullmatch(r"(?:[\w’'.()-]+\s+){1,9}", text[opens : verb.start()]):
        return None
    return named_subject(text, opens, verb.start())


def _according(d: Discourse, text: str, start: int, end: int) -> Speaker | None:
    """The source after "according to": a person named in the phrase, else a
    named institution or document ("According to the Pentagon's 2026 National
    Defense Strategy, …"). The phrase runs to the first comma."""
    p = d.according(text, start, end)
    if p is not None:
        return p
    acc = ACCORDING.search(text, start, end)
    if acc is None:
        return None
    comma = text.find(",", acc.end(), end)
    stop = comma if comma > 0 else end
    people = [m for m in d.mentions if acc.end() <= m.start and m.end <= stop]
    if people:
        # "According to 2025 testimony of … Commander General Gregory Guillot, …".
        return people[0].person
    return according_to(text, acc.end(), stop)


#: A speech verb in the passive: its auxiliary before it, "by" and the agent after it.
_PASSIVE_AUX = lazy_re(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$")
_BY = lazy_re(r"\s+by\s+")
#: Where the agent's phrase ends: a comma (an aside or the clause's end), "that", "as", a quotation.
_AGENT_END = lazy_re(r"\s*(?:[,;(]|\bthat\b|\bas\b|[\"“‘])")


def _passive_agent(d: Discourse, text: str, at: int, stop: int) -> Speaker | None:
    """The agent of a passive speech verb at ``at``: "it was stated by a journalist, who …, that
    "…"", "was described by the minister as "…"": who is named after "by" speaks, and the subject
    ("it", the thing described) does not."""
    verb = SPEECH_VERB.match(text, at)
    if verb is None or not _PASSIVE_AUX.search(text, max(0, at - 30), at):
        return None
    by = _BY.match(text, verb.end(), stop)
    if by is None:
        return None
    end = _AGENT_END.search(text, by.end(), min(stop, by.end() + 120))
    agent_end = end.start() if end else min(stop, by.end() + 120)
    return d.first_in(by.end(), agent_end) or named_subject(text, by.end(), agent_end)


def speaker_of(d: Discourse, text: str, f: Found, quote_open: int) -> Speaker | None:
    start = f.opens
    if f.verb_at is not None:
        # "X underscored …, stating: …": the participle's subject is the main verb's.
        verbs = [v.start() for v in SPEECH_VERB.finditer(text, start, f.verb_at + 40) if v.start() <= f.verb_at]
        for at in reversed(verbs or [f.verb_at]):
            p = _passive_agent(d, text, at, f.sentence.span.end) or _subject_at(d, text, start, at)
            if p is not None:
                return p
    if f.speaker_end is not None:
        return _according(d, text, start, f.speaker_end)
    if f.direct:
        return _according(d, text, start, quote_open) or _after_quote(
            d, text, f.end + 1, f.end + 40, f.sentence.span.end
        ) or _as_stated(d, text, f) or _closing_attribution(d, text, f)
    return None


_CLOSE_MARK = lazy_re(r"[”\"]")
#: After a quotation, its source: '"…" as stated in the E.O.', '"…," as set out in the 2017 notice'.
_AS_STATED = lazy_re(r"[\s,”\"]*as\s+(?:stated|set\s+out|written|laid\s+down|put)\s+(?:in|by)\s+")


def _as_stated(d: Discourse, text: str, f: Found) -> Speaker | None:
    """The source named by "as stated in" right after the quotation, up to a comma or the end."""
    m = _AS_STATED.match(text, f.end + 1, f.sentence.span.end)
    if m is None:
        return None
    end = re.search(r"\s*(?:[,;(\[]|\.\s)", text[m.end() : f.sentence.span.end])
    stop = m.end() + end.start() if end else f.sentence.span.end
    while stop > m.end() and text[stop - 1].isspace():
        stop -= 1
    if text[stop - 1] == "." and "." not in text[m.end() : stop - 1].split()[-1]:
        stop -= 1  # the sentence's full stop, not an abbreviation's ("the E.O.")
    return d.first_in(m.end(), stop) or according_to(text, m.end(), stop)


def _closing_attribution(d: Discourse, text: str, f: Found) -> Speaker | None:
    """'This timeline took "into consideration …" and reflected the intelligence community's "view
    of …," the official added.': the attribution that closes a sentence after its last quotation
    names the speaker of every quotation before it, when no speech verb stands between them."""
    stop = f.sentence.span.end
    closes = [m.start() for m in _CLOSE_MARK.finditer(text, f.end + 1, stop)]
    if not closes or SPEECH_VERB.search(text, f.end + 1, closes[-1]):
        return None
    return _after_quote(d, text, closes[-1] + 1, closes[-1] + 40, stop)


def back_reference(text: str, f: Found) -> bool:
    """Whether the quote's speech verb has a definite back-reference as subject ("The document adds")."""
    return f.verb_at is not None and is_back_reference(text, f.opens, f.verb_at)


#: A sentence that opens inside a document: "In the statement, …", "Under its 2025 strategy, …".
_IN_DOCUMENT = lazy_re(r"[\s\"“‘']*(?:In|Under|Through)\s+(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,2}?(?P<head>\w+)\s*,")


def in_document(text: str, f: Found) -> NamedSpeaker | None:
    """The document named in full that a sentence opening "In the statement, …" quotes from."""
    m = _IN_DOCUMENT.match(text, f.opens, f.start)
    return named_document(text, m.group("head"), f.opens) if m else None


def back_to_document(text: str, f: Found) -> NamedSpeaker | None:
    """The document named in full that a back-reference subject ("The strategy states") stands for,
    when no document or agency spoke just before it."""
    head = back_reference_head(text, f.opens, f.verb_at) if f.verb_at is not None else None
    return named_document(text, head, f.opens) if head else None


def opens_sentence(text: str, f: Found) -> bool:
    """Whether the quotation is the start of its sentence (nothing but the mark before it)."""
    return re.fullmatch(r"[\s\"“‘']*", text[f.opens : f.start]) is not None


_NAME_BEFORE = lazy_re(
    r"(?P<n>[A-Z][\w’'-]+)(?:\s*,[^,\"“”]{1,60},)?(?:\s+(?:\w+ly|also|further|then|again|has|had))*\s*$"
)


_CAPITALISED = lazy_re(r"\b[A-Z][\w’'-]+")


def _looks_named(text: str, f: Found) -> bool:
    """Whether a capitalised word that may be a name stands right before the speech verb."""
    if f.verb_at is None:
        return False
    m = _NAME_BEFORE.search(text, f.opens, f.verb_at)
    if m is not None:
        return m.group("n") not in NOT_NAME
    # "Hitler had offered concrete guarantees, and told …": a name before a coordinated predicate.
    return any(
        w.group(0) not in NOT_NAME and COORDINATED.match(text[w.end() : f.verb_at])
        for w in _CAPITALISED.finditer(text, f.opens, f.verb_at)
    )


def model_names(text: str, found: list[Found]) -> list[tuple[int, int]]:
    """Person names from spaCy, asked only about speech sentences whose verb
    follows a capitalised word that no rule knew as a person ("Hitler said")."""
    from pactlens.resources import nlp

    # ``found`` holds only quotes no known person is the subject of, so a known
    # name elsewhere in the sentence ("… and told Paul", the listener) is no reason to skip it.
    spans = sorted({(f.opens, f.sentence.span.end) for f in found if _looks_named(text, f)})
    if not spans:
        return []
    try:
        ents = nlp.entities(text[a:b] for a, b in spans)
    except nlp.NlpUnavailable:
        return []
    return [(a + e.start, a + e.end) for (a, _), es in zip(spans, ents) for e in es if e.label == "PERSON"]
