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
import re
from dataclasses import dataclass

from pactlens.extract.prose.discourse import reading_text
from pactlens.extract.prose.people import NOT_NAME, Mention, Person, find_people
from pactlens.extract.prose.speakers import NamedSpeaker, according_to, is_back_reference, named_subject
from pactlens.model import Citation, Quote
from pactlens.structure.doc import Doc
from pactlens.structure.sentences import BodySentence, body_sentences, footnote_ranges
from pactlens.structure.spans import covering

_VERB_STEMS = (
    "say|said|says|saying|state|stated|states|stating|tell|told|tells|add|added|adds|adding|"
    "note|noted|notes|noting|emphasi[sz](?:e|ed|es|ing)|stress(?:ed|es|ing)?|underscor(?:e|ed|es|ing)|"
    "highlight(?:ed|s|ing)?|argu(?:e|ed|es|ing)|claim(?:ed|s|ing)?|assert(?:ed|s|ing)?|"
    "declar(?:e|ed|es|ing)|announc(?:e|ed|es|ing)|warn(?:ed|s|ing)?|insist(?:ed|s|ing)?|"
    "(?:re)?affirm(?:ed|s|ing)?|reiterat(?:e|ed|es|ing)|explain(?:ed|s|ing)?|acknowledg(?:e|ed|es|ing)|"
    "describ(?:e|ed|es|ing)|wr(?:ote|ites|iting)|remark(?:ed|s)?|observ(?:ed|es)|"
    "suggest(?:ed|s)?|predict(?:ed|s)|conclud(?:ed|es)|maintain(?:ed|s|ing)|contend(?:ed|s)|"
    "elaborat(?:ed|es)|promis(?:ed|es|ing)|pledg(?:ed|es)|vow(?:ed|s)|urg(?:ed|es)|repli(?:ed|es)|"
    "respond(?:ed|s)|comment(?:ed|s)|denie[ds]|conced(?:ed|es)|recall(?:ed|s)|characteri[sz](?:ed|es)|"
    "pointed out|points out|told reporters|ask(?:ed|s)|indicat(?:ed|es)|posit(?:ed|s)|hail(?:ed|s)|"
    "denounc(?:e|ed|es)|post(?:ed|s)|tweet(?:ed|s)|shout(?:ed|ing)|chant(?:ed|ing)"
)
# The first-letter lookahead lets the regex engine skip most word starts at once.
_VERB_INITIALS = "".join(sorted({w[0] for w in re.findall(r"[a-z]+", _VERB_STEMS)}))
SPEECH_VERB = re.compile(rf"\b(?=[{_VERB_INITIALS}])(?:{_VERB_STEMS})\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
# When a speaker spoke, written between name and verb: "Trump on August 1 said",
# "Pezeshkian in August reportedly said", "Bessent days later said".
_WHEN = (
    r"(?:on|in|by|during)\s+(?:(?:early|mid|late)-?\s*)?(?:[A-Z][a-z]+\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?|\d{4})"
    r"|(?:days|weeks|months)\s+later|the\s+next\s+day"
)
# Words allowed between a subject and its speech verb: an acronym in brackets,
# adverbs, auxiliaries, a time, an aside.
_GAP = re.compile(
    r"^(?:\s*\([A-Z][\w.-]{0,12}\))?(?:\s*,[^,\"“”]{1,60},)?(?:\s+(?:\w+ly|also|further|then|again|once|has|had|have|who|would|will|"
    rf"later|in\s+turn,?|[\w-]+ly,|{_WHEN}))*\s*(?:,\s*who\s+)?$"
)
# A first predicate the same subject carries over "and" to the speech verb:
# "Hitler had offered concrete guarantees, and told", "Greer reported to the
# House Ways and Means Committee and asserted". No quotation, clause break or
# second name-like start in it, so the subject cannot have changed.
_COORDINATED = re.compile(
    r"^\s+(?:(?:has|had|have|also|then)\s+)?[a-z]+(?:ed|ied)\b[^;:\"“”()]{0,80}?,?\s+and\s+(?:(?:also|then|later)\s+)?$"
)
_PRONOUN_BEFORE = re.compile(r"(?:^|[\s(,])(?:[Hh]e|[Ss]he)\s+$")
_PRONOUN = re.compile(r"(?:^|[\s(])(?P<p>[Hh]e|[Ss]he)(?:\s+(?:\w+ly|also|further|then|again|later|had|has))*\s*$")
_TITLE_ONLY = re.compile(
    r"\b[Tt]he\s+(?P<t>(?:foreign\s+|prime\s+|defen[cs]e\s+)?(?:minister|president|secretary|chancellor|king|"
    r"queen|prime minister|ambassador|premier|senator|general|admiral|envoy|spokes(?:man|woman|person)|"
    r"Minister|President|Secretary|Chancellor|King|Queen|Prime Minister|Ambassador|Premier))"
    r"(?:\s+(?:\w+ly|also|further|then|again|later|had|has))*\s*$"
)
# A sentence whose subject is a bare title: "The president said …".
_TITLE_SUBJECT = re.compile(
    r"[\s\"“‘']*[Tt]he\s+(?P<t>(?:foreign\s+|prime\s+|defen[cs]e\s+)?(?:minister|president|secretary|chancellor|king|"
    r"queen|ambassador|premier|senator|general|admiral|envoy|spokes(?:man|woman|person)))\b"
)
_QUOTES = re.compile(r"“(?P<c>[^“”\n]{1,1500})”|\"(?P<s>[^\"\n]{1,1500})\"|‘(?P<q>[^‘’\n]{4,600})’(?!\w)")
# A caption or a reference ("Source: "Title," Outlet"), not speech.
_SOURCE_LINE = re.compile(r"\b(?:Sources?|See(?: also)?|Photo|Credit|Image)\s*[:,]?\s*$")
_WORD = re.compile(r"[\w’'-]+")


@dataclass
class _Found:
    start: int  # the quoted words (or the reported content)
    end: int
    sentence: BodySentence
    direct: bool
    verb_at: int | None  # where the framing verb starts, if any (the last one before the quote)
    speaker_end: int | None = None  # where to look back from for the speaker
    head: int | None = None  # start of the sentence the quote opens in, when it runs on past it

    @property
    def opens(self) -> int:
        return self.sentence.span.start if self.head is None else self.head


def _sentence_index(sentences: tuple[BodySentence, ...], offset: int) -> int | None:
    i = bisect.bisect_right(sentences, offset, key=lambda s: s.span.start) - 1
    return i if i >= 0 and offset < sentences[i].span.end else None


def _well_formed(text: str, start: int, end: int) -> bool:
    """A quotation opens after a space or bracket, closes before a non-letter, and
    does not begin with punctuation (which means two quotes were paired wrongly)."""
    before = text[start - 1 : start] if start else " "
    after = text[end : end + 1]
    inner = text[start + 1 : start + 2]
    return (
        not before.isalnum()
        and not after.isalnum()
        and bool(inner)
        and not inner.isspace()
        and inner not in ".,;:)]"
    )


def _is_title(words: list[str]) -> bool:
    long = [w for w in words if len(w) > 3]
    return bool(long) and sum(w[0].isupper() for w in long) / len(long) >= 0.6


# Words after a quotation that say who spoke: "…,' the president said", "…," Putin added".
_POST_FRAME = re.compile(
    r"[\s,.!?’'\"”]*(?:(?:he|she|[Tt]he|an?|[A-Z][\w’'.-]*|[a-z][\w-]*)\s+){0,5}?(?:" + _VERB_STEMS + r")\b"
)


def _frame(text: str, pre: str, post: str) -> tuple[bool, int | None]:
    """Whether the quote is framed as speech, and where its verb is in ``pre``."""
    verbs = list(SPEECH_VERB.finditer(pre))
    if verbs:
        return True, verbs[-1].start()
    if re.search(r":\s*$", pre) or _ACCORDING.search(pre):
        return True, None
    if _POST_FRAME.match(post):
        return True, None
    return False, None


def _quoted(text: str) -> list[tuple[int, int, int, int, str]]:
    """Every quotation: (outer start, outer end, inner start, inner end, form)
    where form is "double", "single" (curly ‘…’) or "ascii" ('…')."""
    out = []
    for m in _QUOTES.finditer(text):
        g = next(g for g in ("c", "s", "q") if m.group(g) is not None)
        a, b = m.span(g)
        out.append((m.start(), m.end(), a, b, "single" if g == "q" else "double"))
    if "'" in text:
        # A single-quoted phrase inside a double-quoted one is part of it.
        inside = covering((x, y) for x, y, *_ in out)
        out += [(x, y + 1, x + 1, y, "ascii") for x, y in _ascii_single(text) if not inside(x)]
        out.sort()
    return out


# ASCII single quotation marks, as British-style news writes them. An opening
# mark follows a space, a bracket or a line start and precedes a letter, digit
# or bracket; a closing one follows a non-space and precedes no letter. An
# apostrophe inside a word ("don't", "Pelosi's") is neither.
_ASCII_OPEN = re.compile(r"(?:(?<=[\s(\[—–-])|^)'(?=[\w\[(])", re.MULTILINE)
_ASCII_CLOSE = re.compile(r"(?<=\S)'(?!\w)")


def _ascii_single(text: str) -> list[tuple[int, int]]:
    """Pairs of (opening, closing) ASCII single quotation marks on one line.

    A closing candidate after a plural "s" and before a lower-case word ("the
    Emiratis' plans") is a possessive when a later closing candidate on the
    same line is left to close the quotation."""
    closes = [m.start() for m in _ASCII_CLOSE.finditer(text)]
    pairs: list[tuple[int, int]] = []
    after = -1
    for m in _ASCII_OPEN.finditer(text):
        x = m.start()
        if x <= after:
            continue
        line_end = text.find("\n", x)
        line_end = len(text) if line_end < 0 else line_end
        i = bisect.bisect_right(closes, x)
        cands = [c for c in closes[i:i + 12] if c < line_end]
        pick = next(
            (c for k, c in enumerate(cands)
             if not (text[c - 1] == "s" and re.match(r"\s+[a-z]", text[c + 1 : c + 4]) and k + 1 < len(cands))),
            None,
        )
        if pick is not None and pick - x > 2:
            pairs.append((x, pick))
            after = pick
    return pairs


def _direct(doc: Doc, text: str, sentences: tuple[BodySentence, ...], notes: list[tuple[int, int]]) -> list[_Found]:
    found: list[_Found] = []
    in_notes = covering(notes)
    for qa, qb, a, b, form in _quoted(text):
        if not _well_formed(text, qa, qb) or in_notes(a):
            continue
        i = _sentence_index(sentences, qa)
        if i is None:
            continue
        sent = sentences[i]
        words = _WORD.findall(text[a:b])
        pre = text[sent.span.start : qa]
        end_sent = sentences[_sentence_index(sentences, b) or i]
        post = text[qb : max(end_sent.span.end, qb)]
        framed, verb_at = _frame(text, pre, post)
        if not framed and _PRONOUN_BEFORE.search(pre):
            # 'where he "reaffirmed …"': the quote holds its own verb; the pronoun is the speaker.
            framed, verb_at = True, len(pre)
        single = form == "single"
        if len(words) < 3 or (single and not framed) or _SOURCE_LINE.search(pre):
            continue
        if _is_title(words) and len(words) < 6 and not re.search(r":\s*$", pre):
            continue
        if not framed and (len(words) < 8 or _is_title(words)):
            continue
        if framed and verb_at is None and _is_title(words) and not re.search(r":\s*$", pre):
            continue
        found.append(_Found(a, b, end_sent if end_sent.span.end > sent.span.end else sent, True,
                            None if verb_at is None else sent.span.start + verb_at, head=sent.span.start))
    return found


def _first_in(hits: list[re.Match[str]], starts: list[int], a: int, b: int) -> re.Match[str] | None:
    i = bisect.bisect_left(starts, a)
    return hits[i] if i < len(hits) and starts[i] < b else None


def _reported(text: str, sentences: tuple[BodySentence, ...], taken: set[int]) -> list[_Found]:
    """Sentences whose speech verb has a content after it and no quotation."""
    lo, hi = sentences[0].span.start, sentences[-1].span.end
    # One scan of the body for each pattern; most sentences of an agreement have neither.
    verbs = list(SPEECH_VERB.finditer(text, lo, hi))
    accs = list(_ACCORDING.finditer(text, lo, hi))
    verb_at, acc_at = [v.start() for v in verbs], [a.start() for a in accs]
    out: list[_Found] = []
    for i, s in enumerate(sentences):
        a, b = s.span.start, s.span.end
        m = _first_in(verbs, verb_at, a, b)
        acc = _first_in(accs, acc_at, a, b)
        if i in taken or (m is None and acc is None):
            continue
        if acc and (m is None or acc.start() < m.start()):
            comma = text.find(",", acc.end(), b)
            if comma > 0:
                out.append(_Found(comma + 1, b, s, False, None, comma))
            continue
        if m is None or m.start() == a:
            continue
        that = _COMPLEMENT.match(text, m.end(), b)
        if that is None and not _NP_CONTENT.fullmatch(m.group(0)):
            # "announced the imposition of a blockade", "concluded negotiations":
            # the object is a thing done, not words said.
            continue
        out.append(_Found(that.end() if that else m.end(), b, s, False, m.start()))
    return out


# What opens reported words after the speech verb: "that", "(to) the listener that"
# ("told Paul that", "warned him that"), a colon or a comma.
_COMPLEMENT = re.compile(
    r"\s+(?:to\s+)?(?:(?:(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}|him|her|them|us|me|reporters|journalists)\s+)?"
    r"that\s+|\s*:\s*|,\s+"
)
# Verbs whose plain object is itself what was said: "emphasized the significant
# role of Iran", "described the treaty as a roadmap".
_NP_CONTENT = re.compile(
    r"emphasi[sz]\w*|stress\w*|underscor\w*|highlight\w*|reaffirm\w*|reiterat\w*|describ\w*|characteri[sz]\w*"
)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Trim a reported content of trailing markers, quotes and the final stop."""
    seg = text[a:b]
    cut = re.search(r"[\s.;,\"”’]*(?:\[\^?\d+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\s)*$", seg)
    b = a + (cut.start() if cut else len(seg))
    while a < b and text[a] in " ,:":
        a += 1
    return a, b


def _subject_gap(between: str) -> bool:
    """Whether a name followed by ``between`` is the subject of the verb after it."""
    return bool(_GAP.match(between) or _COORDINATED.match(between))


class _Discourse:
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
        for m in reversed(self._before(verb_at)):
            if m.end <= verb_at and m.start >= sent_start and _subject_gap(text[m.end : verb_at]):
                return m.person
            if m.end <= sent_start:
                break
        head = text[sent_start:verb_at]
        p = _PRONOUN.search(head)
        if p:
            return self.pronoun(text, verb_at, gender="f" if p.group("p").lower() == "she" else "m")
        t = _TITLE_ONLY.search(head)
        if t:
            return self.recent(verb_at, title=t.group("t"))
        return None

    def after(self, text: str, end: int, limit: int) -> Person | None:
        """A speaker named after the quote: '…," said Putin' / '…," Putin said'."""
        for m in self.mentions[bisect.bisect_left(self._ends, end) :]:
            if m.start >= end and m.start <= limit:
                between = text[end : m.start]
                if re.fullmatch(r"[\s,.!?”\"’']*(?:" + _VERB_STEMS + r")?\s*", between):
                    tail = text[m.end : m.end + 20]
                    if SPEECH_VERB.search(between) or SPEECH_VERB.match(tail.strip()):
                        return m.person
                break
        return None

    def according(self, text: str, start: int, end: int) -> Person | None:
        acc = _ACCORDING.search(text, start, end)
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
        named = self.recent(before, gender=gender)
        floor = self._sentence_start(self._before(before)[-1].start) if self._before(before) else 0
        i = bisect.bisect_right(self._starts, before) - 1
        while i >= 0 and self._starts[i] > floor:
            t = _TITLE_SUBJECT.match(text, self._starts[i])
            if t:
                holder = self.recent(self._starts[i], title=t.group("t"))
                if holder is not None and self._fits(holder, gender, None):
                    return holder
                break
            i -= 1
        return named

    def recent(self, before: int, gender: str | None = None, title: str | None = None) -> Person | None:
        """The person before ``before`` who fits: for a title, the most recent
        holder; for he/she, the first fitting person of the latest sentence that
        names one, since a pronoun mostly continues the subject ("Macmillan
        instructed Ormsby-Gore to inform Kennedy … He asked" is Macmillan)."""
        fits = [m for m in reversed(self._before(before)) if self._fits(m.person, gender, title)]
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

# After a quotation: a pronoun or "the <title>" and a speech verb ("…,' he said").
_AFTER_PRONOUN = re.compile(r"[\s,.!?”\"’']*(?P<p>[Hh]e|[Ss]he)\s+(?:[a-z]+ly\s+)?(?=" + SPEECH_VERB.pattern + ")")
_AFTER_TITLE = re.compile(
    r"[\s,.!?”\"’']*[Tt]he\s+(?P<t>(?:foreign\s+|prime\s+|defen[cs]e\s+)?(?:minister|president|secretary|chancellor|"
    r"king|queen|ambassador|premier|senator|general|admiral|envoy|spokes(?:man|woman|person)))\s+(?=" + SPEECH_VERB.pattern + ")"
)
# From a name to its verb after a quotation: commas and a relative clause ("…, who led the talks, said").
_APPOSED = re.compile(r"[\s,]*(?:who\s+[^,.!?\"“”]{1,60}?)?[\s,]*")
_AFTER_OPEN = re.compile(r"[\s,.!?”\"’']*")


def _subject_at(d: _Discourse, text: str, start: int, at: int) -> Speaker | None:
    """The subject of the speech verb at ``at``: a person by rule, else a named
    institution, document or official by role."""
    p = d.subject(text, start, at)
    if p is not None:
        return p
    if is_back_reference(text, start, at):
        return None  # resolved against earlier speakers by the caller
    return named_subject(text, start, at)


def _after_quote(d: _Discourse, text: str, end: int, limit: int, stop: int) -> Speaker | None:
    """Who speaks in the words right after a quotation, within its sentence
    (``stop``): '…," said Putin', '…,' the president said', '…,' he added',
    '…,' a senior official said'."""
    limit = min(limit, stop)
    p = d.after(text, end, limit)
    if p is not None:
        return p
    m = _AFTER_PRONOUN.match(text, end, min(limit + 20, stop))
    if m:
        return d.pronoun(text, end, gender="f" if m.group("p").lower() == "she" else "m")
    m = _AFTER_TITLE.match(text, end, min(limit + 20, stop))
    if m:
        return d.recent(end, title=m.group("t"))
    verb = SPEECH_VERB.search(text, end, min(limit + 120, stop))
    if verb is None:
        return None
    opens = _AFTER_OPEN.match(text, end).end()
    if re.search(r"[.!?\"“”]", text[opens : verb.start()]):
        return None
    for m in reversed(d.mentions):
        # "…,' Trump's son-in-law and senior adviser, Jared Kushner, who led the negotiations said".
        if opens <= m.start and m.end <= verb.start() and _APPOSED.fullmatch(text, m.end, verb.start()):
            return m.person
        if m.end < opens:
            break
    if not re.fullmatch(r"(?:[\w’'.()-]+\s+){1,9}", text[opens : verb.start()]):
        return None
    return named_subject(text, opens, verb.start())


def _according(d: _Discourse, text: str, start: int, end: int) -> Speaker | None:
    """The source after "according to": a person named in the phrase, else a
    named institution or document ("According to the Pentagon's 2026 National
    Defense Strategy, …"). The phrase runs to the first comma."""
    p = d.according(text, start, end)
    if p is not None:
        return p
    acc = _ACCORDING.search(text, start, end)
    if acc is None:
        return None
    comma = text.find(",", acc.end(), end)
    stop = comma if comma > 0 else end
    people = [m for m in d.mentions if acc.end() <= m.start and m.end <= stop]
    if people:
        # "According to 2025 testimony of … Commander General Gregory Guillot, …".
        return people[0].person
    return according_to(text, acc.end(), stop)


def _speaker(d: _Discourse, text: str, f: _Found, quote_open: int) -> Speaker | None:
    start = f.opens
    if f.verb_at is not None:
        # "X underscored …, stating: …": the participle's subject is the main verb's.
        verbs = [v.start() for v in SPEECH_VERB.finditer(text, start, f.verb_at + 40) if v.start() <= f.verb_at]
        for at in reversed(verbs or [f.verb_at]):
            p = _subject_at(d, text, start, at)
            if p is not None:
                return p
    if f.speaker_end is not None:
        return _according(d, text, start, f.speaker_end)
    if f.direct:
        return _according(d, text, start, quote_open) or _after_quote(
            d, text, f.end + 1, f.end + 40, f.sentence.span.end
        )
    return None


def _back_reference(text: str, f: _Found) -> bool:
    """Whether the quote's speech verb has a definite back-reference as subject ("The document adds")."""
    return f.verb_at is not None and is_back_reference(text, f.opens, f.verb_at)


def _opens_sentence(text: str, f: _Found) -> bool:
    """Whether the quotation is the start of its sentence (nothing but the mark before it)."""
    return re.fullmatch(r"[\s\"“‘']*", text[f.opens : f.start]) is not None


def _body_ranges(sentences: tuple[BodySentence, ...]) -> list[tuple[int, int]]:
    return [(s.span.start, s.span.end) for s in sentences]


_NAME_BEFORE = re.compile(
    r"(?P<n>[A-Z][\w’'-]+)(?:\s*,[^,\"“”]{1,60},)?(?:\s+(?:\w+ly|also|further|then|again|has|had))*\s*$"
)


_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+")


def _looks_named(text: str, f: _Found) -> bool:
    """Whether a capitalised word that may be a name stands right before the speech verb."""
    if f.verb_at is None:
        return False
    m = _NAME_BEFORE.search(text, f.opens, f.verb_at)
    if m is not None:
        return m.group("n") not in NOT_NAME
    # "Hitler had offered concrete guarantees, and told …": a name before a coordinated predicate.
    return any(
        w.group(0) not in NOT_NAME and _COORDINATED.match(text[w.end() : f.verb_at])
        for w in _CAPITALISED.finditer(text, f.opens, f.verb_at)
    )


def _model_names(text: str, found: list[_Found]) -> list[tuple[int, int]]:
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


def find_quotes(doc: Doc, citations: list[Citation], kind: str | None = None) -> list[Quote]:
    """Direct quotations and reported speech in running text, in text order.

    ``kind`` is the document kind from ``classify``: an agreement's own text
    (``treaty``) quotes no one a model could help name, so spaCy is never
    loaded for one.
    """
    sentences = body_sentences(doc)
    if not sentences:
        return []
    text = reading_text(doc)
    direct = _direct(doc, text, sentences, footnote_ranges(doc))
    taken = {i for f in direct if (i := _sentence_index(sentences, f.start)) is not None}
    reported = _reported(text, sentences, taken)
    ranges = _body_ranges(sentences)
    mentions = find_people(doc, ranges)
    # Reported speech needs a person as subject; keep only those a rule or the model can name.
    starts = [s.span.start for s in sentences]
    unnamed = [f for f in direct + reported if _speaker(_Discourse(mentions, starts), text, f, f.start - 1) is None]
    if unnamed and kind != "treaty" and not doc.articles:
        extra = _model_names(text, unnamed)
        if extra:
            mentions = find_people(doc, ranges, extra)
    d = _Discourse(mentions, starts)
    out: list[Quote] = []
    # The last attributed direct quotation (its speaker and sentence index), for a quote
    # that continues it; and the last institution or document that spoke, by block.
    last: tuple[Speaker, int] | None = None
    last_named: tuple[NamedSpeaker, int] | None = None
    roles: list[NamedSpeaker] = []
    for f in sorted(direct + reported, key=lambda f: f.start):
        i = _sentence_index(sentences, f.start)
        if _back_reference(text, f):
            # "The document adds that …": the document (or agency) that spoke last,
            # in this paragraph or the one before; else no one.
            near = last_named is not None and f.sentence.block - last_named[1] <= 1
            who = last_named[0] if near else None
        else:
            who = _speaker(d, text, f, f.start - 1)
        if who is None and f.direct and last and i is not None and _opens_sentence(text, f) and i - last[1] == 1:
            # "'…,' Kushner said. '…'": a quotation making up the next sentence continues the last speaker.
            who = last[0]
        # An agreement's own text quotes no one: a quotation there is an amended
        # clause or a defined term, kept only if the text names who said it.
        if who is None and (not f.direct or kind == "treaty"):
            continue
        a, b = (f.start, f.end) if f.direct else _trim(doc.text, f.start, f.end)
        if b - a < 3 or (not f.direct and len(_WORD.findall(doc.text[a:b])) < 4):
            continue
        if isinstance(who, NamedSpeaker) and who.kind == "role" and " " not in who.name:
            # "the official said": the official by role who spoke last, if one did.
            who = next((q for q in reversed(roles) if q.name.endswith(who.name)), who)
        if isinstance(who, NamedSpeaker) and who.kind == "role":
            roles.append(who)
        if isinstance(who, NamedSpeaker) and who.kind in ("institution", "document", "name"):
            last_named = (who, f.sentence.block)
        if f.direct and i is not None:
            last = (who, _sentence_index(sentences, f.end) or i) if who is not None else None
        out.append(_quote(doc, f, a, b, who))
    return out


def _quote(doc: Doc, f: _Found, a: int, b: int, who: Speaker | None) -> Quote:
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
