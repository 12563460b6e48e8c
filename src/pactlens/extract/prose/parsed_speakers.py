"""Who said a quotation, read from the dependency parse when the wording rules find no one.

The rules in :mod:`pactlens.extract.prose.attribution` know the common shapes ("X said", "…,"
X added", "according to X"). Quotations also hang off verbs and clauses no shape anticipated:
"the United Nations Charter, which provides in article 2 that "…"", "a joint security declaration
that affirmed the alliance as the "cornerstone …"", "The First Sea Lord, Admiral of the Fleet Sir
Caspar John, denounced the "millstone …"". So, over the parse of the prose
(:func:`pactlens.structure.nlp.nlp_doc`):

1. the attribution verb is the first verb of the attribution lexicon met climbing the heads from
   the quotation's own words out of it (at most a few steps, within its sentence);
2. its speaker is its subject (``nsubj``; the agent of a passive), or the subject of the verb it is
   coordinated with or subordinate to; a relative pronoun ("which provides", "that affirmed")
   stands for the noun its clause belongs to;
3. the subject is a speaker only if it names one: a person the text names (in the subject or its
   apposition), a phrase holding a proper noun ("the United Nations Charter", "the Kremlin"), or a
   document described with words of its own ("a joint security declaration"), or parties that
   speak together ("the allies", "signatory states", "the leaders of Japan and the United States");
   "he"/"she" is the nearest preceding person of that gender (:meth:`Discourse.pronoun`). Anything
   else ("it", "the final article", "critics") gives no speaker: precision first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pactlens.extract.prose.speakers import NamedSpeaker, names_something
from pactlens.model import Agreement
from pactlens.resources.lexicon import phrases
from pactlens.extract.prose.speech import ACCORDING, SPEECH_VERB
from pactlens.regexes import lazy_re

if TYPE_CHECKING:  # pragma: no cover
    from pactlens.extract.prose.attribution import Discourse, Speaker

#: Verbs by which a text gives someone's (or some document's) words, beyond the speech verbs:
#: what a document provides, stipulates or reads, what a party promised, demanded or called a thing.
_DOCUMENT_VERB = lazy_re(
    r"(?:provid|stipulat|specifi|demand|promis|pledg|proclaim|call|term|dub|label|read|"
    r"deem|brand|hail|condemn|decree|recommend|"
    # what a party committed to, maintained or recognised, what a law requires or defines
    r"commit|recogni[sz]|maintain|contend|confirm|enshrin|requir|mandat|defin)\w*"
)
#: Plural nouns for parties that speak together ("the allies confirmed", "the two governments agreed",
#: "signatory states promised", "the leaders of Japan and the United States reaffirmed"): the phrase,
#: with its determiner and "of …" phrase, is the speaker.
_COLLECTIVE = {
    "leaders", "allies", "governments", "states", "parties", "members", "signatories", "ministers",
    "countries", "nations", "sides", "partners", "delegations", "negotiators", "participants",
}
_PRONOUNS = {"he": "m", "she": "f"}
#: Determiners that leave a subject unnamed on purpose (the rules' own list says the same of "One
#: assessment", :mod:`pactlens.extract.prose.speakers`).
_GENERIC = {"one", "some", "another", "many", "several", "other", "various", "certain"}
_RELATIVE = {"which", "that", "who", "whom"}
#: Heads of a document (or text) that speaks with words of its own.
_DOCUMENT_HEAD = lazy_re(
    r"(?:statement|declaration|communiqu[ée]|report|assessment|strategy|review|memorandum|letter|treaty|"
    r"agreement|charter|pact|convention|accord|resolution|constitution|doctrine|guidelines|protocol|act|law)s?"
)
#: Parts of an instrument that speak for it.
_PARTS = {"article", "section", "paragraph", "chapter", "clause", "preamble", "annex"}
_AGREEMENT_NOUN = lazy_re(rf"(?:{phrases('agreement_nouns')})")
_EMPTY_MODIFIERS = {"new", "first", "second", "final", "other", "same", "such", "this", "that", "latest", "recent"}
#: How many heads to climb from the quotation to its verb.
_CLIMB = 6
#: How many heads to climb from the quotation to the attribution verb whose content holds it: to
#: the sentence's root, however deep the quotation sits in the reported clause ("the Deputy Prime
#: Minister said that he intended … because of the downing of a jet which was on a "solo mission …"").
_REACH = 24
#: How many words before a quotation its verb may stand when the parse does not link them.
_BEFORE = 12


def subject_agreement(agreements: list[Agreement]) -> Agreement | None:
    """The agreement the document is about (its own text's, else the one it discusses), if titled."""
    for role in ("primary", "subject"):
        found = next((a for a in agreements if a.role == role and a.title), None)
        if found is not None:
            return found
    return None


def parsed_speaker(sdoc: Any, d: Discourse, start: int, end: int, about: Agreement | None = None,
                   opens: int = 0) -> Speaker | None:
    """The speaker of the quotation at ``[start, end)`` by the parse, or None. ``about`` is the
    agreement the document is about: "the convention", "the final article" stand for it.
    ``opens`` is where the quotation's sentence begins as the document's sentences cut it: a
    subject before it belongs to another sentence the parser ran into this one ("… border.[12][13]
    A press statement … declared that "…"")."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if _used_as_a_name(span):
        return None
    # The verb the quotation hangs from, else the one just before it: a verb with no subject of its
    # own ("was confirmed and broadened by …, which provides that "…"") leaves the word to the next.
    # "According to one assessment, C-SIPA "codifies …"": the source is named there, even when it
    # names no one; a verb the quotation opens with or is handed to says nothing more.
    sourced = ACCORDING.search(sdoc.text, span.sent.start_char, span.start_char) is not None
    more = () if sourced else (_verb_opening(span), _framing_verb(span))
    for verb in (_quoting_aside(span), _attribution_verb(span), _preceding_verb(span), *more):
        subject = (_possessed_saying(verb) or _subject(verb)) if verb is not None else None
        if subject is not None and subject.idx >= opens:
            if span.start <= subject.i < span.end:
                return None
            return _name(d, subject, about)
    return None


def _used_as_a_name(span: Any) -> bool:
    """Whether the quoted words name an agreement ("announced a bilateral "strategic trade and
    investment agreement,""): a name is quoted there, not someone's words."""
    words = [t for t in span if t.is_alpha]
    return bool(words) and _AGREEMENT_NOUN.fullmatch(words[-1].lower_) is not None


#: Subjects of a speaker's own "I quote": the one who quotes, never the one quoted.
_QUOTER = {"i", "we"}


def _quoting_aside(span: Any) -> Any | None:
    """The clause a speaker's "and I quote," hands the quotation from: 'As President Reagan put it,
    and I quote, "…"', 'Nelson Mandela taught us, and I quote, "…"'. The aside says the words are
    quoted, and whose they are is the subject of the clause it is attached to (its head, outside
    the quotation), whatever that clause's verb; the speaker who quotes ("I") is not the one quoted."""
    words = [t for t in span.doc[max(span.sent.start, span.start - 8) : span.start] if not (t.is_punct or t.is_space)]
    aside = next((k for k in range(len(words) - 1, max(len(words) - 4, 0), -1)
                  if words[k].lower_ == "quote" and words[k - 1].lower_ in _QUOTER), None)
    if aside is None:
        return None
    tok = words[aside]
    for _ in range(_CLIMB):
        if tok.head.i == tok.i or not (span.sent.start <= tok.head.i < span.sent.end):
            return None
        tok = tok.head
        if tok.tag_.startswith("VB") and tok.lower_ != "quote" and not span.start <= tok.i < span.end:
            return tok
    return None


def _attribution_verb(span: Any) -> Any | None:
    """The first attribution verb climbing from the quotation's words out of it."""
    sent = span.sent
    inside = range(span.start, span.end)
    tops = [t for t in span if t.head.i not in inside and t.head.i != t.i]
    if not tops:
        return None
    tok = tops[0].head
    for _ in range(_REACH):
        if not (sent.start <= tok.i < sent.end):
            return None
        if tok.tag_.startswith("VB") and _is_attribution(tok.lower_):
            return tok
        if _possessed_saying(tok) is not None:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _possessed_saying(tok: Any) -> Any | None:
    """The owner of a noun for something said, which the quotation belongs to: "Kennan's call for
    "the adroit … application of counter-force"", "the ministry's warning that "…"". The noun is a
    speech or attribution word used as a noun, or a noun for an utterance."""
    if not tok.tag_.startswith("NN") or not (_is_attribution(tok.lower_) or tok.lower_ in _UTTERANCE):
        return None
    return next((c for c in tok.children if c.dep_ == "poss" and c.tag_ not in ("PRP$", "WP$")), None)


def _preceding_verb(span: Any) -> Any | None:
    """The attribution verb shortly before the quotation in its sentence, when the parse hung the
    quotation elsewhere ("…, which provides in article 2, paragraph 4, that "…"" parsed as the
    complement of an earlier verb). No other quotation or clause break lies between."""
    sent = span.sent
    first = span.start
    while first > sent.start and span.doc[first - 1].is_punct:
        first -= 1  # the opening quotation mark (and a bracket or dash before it)
    for tok in reversed(span.doc[max(sent.start, first - _BEFORE) : first]):
        if tok.text in {";", "\"", "“", "”", "(", ")"} or tok.text == ".":
            return None
        if tok.tag_.startswith("VB") and _is_attribution(tok.lower_):
            return tok
    return None


def _verb_opening(span: Any) -> Any | None:
    """A verb that opens the quotation, its subject standing just before the mark: 'The Rome
    Declaration "welcomed the development …"' quotes the declaration's own predicate."""
    first = next((t for t in span if not t.is_punct and not t.is_space), None)
    if first is None or first.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    subj = next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i >= span.start:
        return None
    between = span.doc[subj.right_edge.i + 1 : span.start]
    return first if all(t.is_punct or t.is_space for t in between) else None


#: Nouns for an utterance that a quotation may stand beside after a comma: "rallying his supporters
#: with the cry, "Long live Chile!"".
_UTTERANCE = {"cry", "words", "slogan", "message", "warning", "remark", "remarks", "statement", "pledge", "motto", "appeal"}


def _framing_verb(span: Any) -> Any | None:
    """The verb of the clause a colon or comma hands the quotation to: 'Kissinger set forth his
    reasoning in a meeting with President Ford in 1975: "If these …"', 'The London Declaration
    closed, "Today, our Alliance …"'. After a comma the quotation must be a whole statement (a
    capital first) and the word before the comma the verb itself or a noun for an utterance ("with
    the cry, "…""); "After the address, "…"" hands nothing over."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in {"\"", "“", "‘", "'"}):
        i -= 1
    if i < 1 or doc[i].text not in {":", ","}:
        return None
    mark, before = doc[i], doc[i - 1]
    if mark.text == ",":
        first = next((t for t in span if t.is_alpha), None)
        if first is None or not first.text[:1].isupper():
            return None
        if not before.tag_.startswith("VB") and before.lower_ not in _UTTERANCE:
            return None
    tok = before if before.tag_.startswith("VB") else mark.head if mark.text == ":" else before
    for _ in range(_CLIMB):
        if tok.i >= span.start or tok.sent.start != before.sent.start:
            return None
        if tok.tag_.startswith("VB"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _is_attribution(word: str) -> bool:
    return SPEECH_VERB.fullmatch(word) is not None or _DOCUMENT_VERB.fullmatch(word) is not None


def _subject(verb: Any) -> Any | None:
    """The verb's subject, through coordination, subordination and relative clauses."""
    tok = verb
    for _ in range(3):
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "the Irish poet William Butler Yeats described": a title and its name parsed as two
        # subjects; the name is the one that says who.
        subj = next((c for c in subjects if c.tag_ == "NNP"), subjects[0]) if subjects else None
        if subj is not None and subj.dep_ == "nsubjpass":
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if subj is not None:
            if subj.lower_ in _RELATIVE and tok.dep_ == "relcl":
                return tok.head
            return subj
        if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.i != tok.i:
            tok = tok.head
            continue
        return None
    return None


def _name(d: Discourse, subj: Any, about: Agreement | None = None) -> Speaker | None:
    """What the subject names, if it names one (see the module docstring)."""
    gender = _PRONOUNS.get(subj.lower_)
    if gender is not None:
        return d.pronoun(subj.doc.text, subj.idx, gender=gender)
    if subj.lower_ == "it":
        return _it_refers_to(d, subj, about)
    if subj.left_edge.lower_ in _GENERIC and subj.left_edge.i < subj.i:
        return None  # "One September 2026 analysis concluded", "some officials said": no one in particular
    part_of = _instrument_of(subj)
    if part_of is not None:
        subj = part_of  # "Article 2 of the Charter provides": the Charter
    back = _back_to_agreement(subj, about)
    if back is not None:
        return back
    a, b = _phrase_bounds(subj)
    person = next((m.person for m in d.mentions if a <= m.start and m.end <= b), None)
    if person is not None:
        return person
    words = list(subj.doc.char_span(a, b, alignment_mode="expand") or [subj])
    if names_something([t.text for t in words if t.tag_ in ("NNP", "NNPS") and t.text.replace(".", "").isalpha()]):
        left = next(i for i, t in enumerate(words) if t.dep_ != "det" and not t.is_punct)
        phrase = subj.doc.text[words[left].idx : b].strip(" ,")
        if "\n" in phrase:
            return None  # a heading run into the sentence: not a phrase of it
        # A link blanked out of the parsed text leaves a run of spaces: the name has one.
        return NamedSpeaker(" ".join(phrase.split()), _kind(subj), words[left].idx, words[left].idx + len(phrase))
    if subj.lower_ in _COLLECTIVE and subj.tag_ == "NNS":
        phrase = subj.doc.text[a:b]
        if "\n" not in phrase and len(phrase.split()) <= 16:
            return NamedSpeaker(phrase, "role", a, b)  # parties by their role, as "a senior official"
    if _DOCUMENT_HEAD.fullmatch(subj.lower_):
        mods = [c for c in subj.lefts if c.dep_ in ("compound", "amod") and c.lower_ not in _EMPTY_MODIFIERS]
        if mods:
            # "a joint security declaration": a modifier's own modifiers are part of the description.
            first = min((m.left_edge for m in mods), key=lambda t: t.i)
            phrase = subj.doc.text[first.idx : subj.idx + len(subj.text)]
            return NamedSpeaker(phrase, "document", first.idx, first.idx + len(phrase))
    return None


#: How many sentences back "it" may find the subject it continues.
_IT_REACH = 3


def _it_refers_to(d: Discourse, it: Any, about: Agreement | None) -> Speaker | None:
    """What "it" stands for as a speaker: the subject of the sentences before, in its paragraph
    ("NSC 68, a policy document …, called for … The paper also expanded … "…," it read"). A
    pronoun continues the subject it follows (the centre of the discourse): a pronoun subject
    or an unnamed definite one ("The paper") passes the search to the sentence before; the first
    subject that names something is the speaker if it is not a person ("it" is none), else no one."""
    sent = it.sent
    for _ in range(_IT_REACH):
        if sent.start == 0:
            return None
        prev = it.doc[sent.start - 1].sent
        if _paragraph_between(prev, sent):
            return None
        sent = prev
        root = sent.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return None
        if subj.tag_ == "PRP":
            if subj.lower_ != "it":
                return None
            continue
        found = _name(d, subj, about)
        if found is not None:
            return found if isinstance(found, NamedSpeaker) else None
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subj.children):
            return None
    return None


def _paragraph_between(first: Any, second: Any) -> bool:
    """Whether a blank line separates two sentences of the parse."""
    last = max((t for t in first if not t.is_space), key=lambda t: t.i, default=first[-1])
    opening = next((t for t in second if not t.is_space), second[0])
    return "\n\n" in first.doc.text[last.idx + len(last.text) : opening.idx].replace(" ", "")


def _instrument_of(subj: Any) -> Any | None:
    """The instrument an article belongs to: "Article 2 of the Charter" -> "Charter"."""
    if subj.lower_ not in _PARTS:
        return None
    of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def _back_to_agreement(subj: Any, about: Agreement | None) -> NamedSpeaker | None:
    """"The convention states", "The final article, Article Twelve, stipulated": a definite
    agreement noun that the agreement's own title holds, or an article with no other instrument
    named ("of the Charter"), is the agreement the document is about."""
    if about is None or about.title is None:
        return None
    owner = next((c for c in subj.children if c.dep_ == "poss"), None)
    if owner is not None and subj.lower_ in _PARTS:
        # "The treaty's preamble declares", "its preamble": a part of the agreement, which speaks.
        if owner.lower_ == "its":
            return _speaking(about, subj)
        subj = owner
    det = next((c for c in subj.children if c.dep_ == "det"), None)
    if det is None or det.lower_ not in ("the", "this", "its"):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in subj.children):
        return None  # "Article 2 of the Charter": another instrument may be named
    if any(c.tag_ in ("NNP", "NNPS") and c.dep_ in ("compound", "amod", "nmod", "npadvmod") for c in subj.lefts):
        return None  # "The Rome Declaration emphasized": another instrument, named
    word = subj.lower_
    if word not in _PARTS and any(c.dep_ == "amod" and c.lower_ not in _EMPTY_MODIFIERS for c in subj.lefts):
        return None  # "The revised treaty", "the bilateral treaty": a description that may be another instrument's
    if (word in _PARTS and owner is None) or (_AGREEMENT_NOUN.fullmatch(word) and word in about.title.lower()):
        return _speaking(about, subj)
    return None


def _speaking(about: Agreement, subj: Any) -> NamedSpeaker:
    """The agreement the document is about as the speaker, at its first evidence."""
    ev = about.evidence[0] if about.evidence else None
    return NamedSpeaker(about.title or "", "document", ev.start if ev else subj.idx, ev.end if ev else subj.idx)


def _phrase_bounds(subj: Any) -> tuple[int, int]:
    """Character bounds of the subject with its modifiers, apposition and "of" phrase, without
    a relative clause or anything after a comma that does not belong to an apposition."""
    toks = [subj]
    stack = list(subj.children)
    while stack:
        c = stack.pop()
        if c.dep_ in ("relcl", "acl", "punct", "cc", "conj", "case") and c.head.i == subj.i:
            continue
        toks.append(c)
        stack.extend(c.children)
    a = min(t.idx for t in toks)
    b = max(t.idx + len(t.text) for t in toks)
    return a, b


def _kind(subj: Any) -> str:
    if _DOCUMENT_HEAD.fullmatch(subj.lower_):
        return "document"
    if subj.ent_type_ in ("ORG", "NORP", "GPE"):
        return "institution"
    return "name"
