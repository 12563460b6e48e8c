"""Which sentences of a brief say what an agreement's text says, and which tell its history.

A brief about a treaty mixes two kinds of sentence: those that describe the
text (what it provides, requires, permits or forbids, who its parties are,
when and where it was signed, how long it runs) and those that tell what
happened to it (ratifications, accessions, negotiations, invocations,
reception). Only the first kind can be checked against the text; the second
is labelled ``not-about-text`` rather than called unsupported.

The unit is a clause: a sentence is cut at semicolons, at a colon before a
list, and at a conjunction that opens a new predicate ("…, and approving any
changes to the Charter", "…, though all five permanent members must vote …"),
since one sentence of an encyclopedia often makes two claims.

A clause is about the text when it refers to the treaty (its names and short
names, "the treaty", "the pact", a pronoun whose antecedent is the treaty,
"Article N", "Chapter VII", "its preamble") or has for subject a body or
term the treaty itself defines ("the Security Council", "the contracting
parties") with a present or modal predicate (what the body *is*, *may*,
*must*), and no verb of history governs it. A clause that tells of another
agreement by name is history too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from pactlens.resources.lexicon import lowered, phrases
from pactlens.structure.doc import Span
from pactlens.verify.articles import ArticleRef, find_article_refs
from pactlens.verify.fact_record import AGREEMENT, state_mentions
from pactlens.verify.facts import states_a_fact
from pactlens.regexes import lazy_re

#: An instrument's noun (lexicon/instrument_nouns.txt: the agreement nouns, statute, act, code, covenant).
INSTRUMENT = rf"(?:{phrases('instrument_nouns')})"

Kind = Literal["text", "history"]

# --- vocabulary: classes of predicate --------------------------------------------------------------
#: Verbs that say what a text provides (its content), in any tense.
PROVISION = lazy_re(
    r"\b(?:provid\w*|requir\w*|requirement|permit\w*|allow\w*|forbid\w*|prohibit\w*|ban\w*|cover\w*|establish\w*|"
    r"stipulat\w*|oblig\w*|commit\w*|guarantee\w*|renounc\w*|promis\w*|undert\w*|calls? for|called for|"
    r"consists?|consisting|compris\w*|contain\w*|includ\w*|defin\w*|grant\w*|authori[sz]\w*|empower\w*|"
    r"charged with|responsib\w*|entitle\w*|eligible|binding|bound|absolv\w*|exempt\w*|preclud\w*|outlin\w*|"
    r"recommend\w*|elect\w*|appoint\w*|decid\w*|vote\w*|veto\w*|member\w*|part(?:y|ies)|signator\w*|"
    r"signed|signing|purpose|aim\w*|preamble|provisions?|clauses?|articles?|terms?|denied|benefits|power\w*|"
    r"mechanism|enforce\w*|come into (?:force|effect)|came into (?:force|effect)|take effect|took effect|"
    r"in force|in effect|expire\w*|renew\w*|withdraw\w*|denounc\w*|terminat\w*|amend\w*|sovereignty|"
    r"renounces|relinquish\w*|cede[sd]?|rotat\w*|presiden\w*|procedur\w*|agree[sd]?|named|approv\w*|adopt\w*|"
    r"chang\w*)\b",
    re.IGNORECASE,
)
#: Verbs and nouns of what happened to a text after it was made, or of how it was received.
HISTORY = lazy_re(
    r"\b(?:ratif(?:y|ied|ies)\s+(?:it|the|this)|to ratify|(?:had|have|has)\s+ratified|accession|acceded?|joined|"
    r"negotiat\w*|rounds?\b|sessions?|invok\w*|was used|were used|been used|has used|used (?:it|this)|"
    r"legal basis for|served as|criticis\w*|criticiz\w*|ridicul\w*|praised|historians?|scholars?|"
    r"incorporated into|successor|superseded|replaced|was updated|ended official|remained in effect until|"
    r"led to|resulted in|paralys\w*|paralyz\w*|exercised|referral|referred to the Court|interpreted|"
    r"in practice|typically|traditionally|generally|as of|currently|today|now|occupied|declared war|"
    r"the first time|was (?:first )?discussed|outcome|achievement|effect(?:ively)? erased|"
    r"restored|re-established|visited|maintains an embassy|embass\w*|(?:was|were|been)\s+ratified|ratified\s+by|"
    r"withdrew|pulled out|announced|accused|violat\w+|suspended|lapsed|came to an end)\b",
    re.IGNORECASE,
)
#: What was done with an article ("Article 5 was invoked after the September 11 attacks").
_EVENT = lazy_re(r"\b(?:invok\w+|ratif\w+|violat\w+|used|applied|cited|triggered|suspended)\b", re.IGNORECASE)
#: "Diplomatic relations were restored by the signing of …": history, but a signing date is a fact of the text.
SIGNING_FACT = lazy_re(r"\bsign(?:ed|ing)\b.{0,80}?\b(?:1[5-9]\d\d|20\d\d)\b|\b(?:1[5-9]\d\d|20\d\d)\b.{0,40}?\bsign(?:ed|ing)\b",
                          re.IGNORECASE | re.DOTALL)
#: "came into effect on 24 July 1929", "entered into force in 1970": the text may fix that date (a fact of
#: the text), unless it is told of one state ("for Barbados", "in the United States"): history.
IN_FORCE_FACT = lazy_re(r"\b(?:c[oa]me|enter(?:ed|s)?|went|took|takes?)\s+(?:into\s+)?(?:force|effect)\b.{0,60}?"
                           r"\b(?:1[5-9]\d\d|20\d\d)\b", re.IGNORECASE | re.DOTALL)
_YEAR = lazy_re(r"(?<![\d.,])(1[5-9]\d\d|20\d\d)(?![\d])")
_PAST_FIRST = lazy_re(r"^\W*(?:\w+\W+){0,12}?(?:was|were|had|did)\b", re.IGNORECASE)
_PRESENT_OR_MODAL = lazy_re(
    r"\b(?:is|are|can|cannot|can't|may|must|shall|should|will|does|do|has|have|need|needs|consists|comprises|"
    r"includes|requires|recommends|rotates|holds|remains|lacks?|carry|carries)\b|\b\w+s\s+(?:the|a|an|its|their|any|all)\b",
    re.IGNORECASE,
)
_CLAUSE_CUT = lazy_re(
    r";\s+(?:and\s+)?"
    r"|,\s+(?=(?:though|although|while|whereas|but|so|hence)\s)"
    r"|,\s+and\s+(?=(?:\w+ing|is|are|was|were|has|have|had|can|may|must|shall|will|did|does|by|it|its|they|their|"
    r"calls?|renounced|requires?|provides?|took|takes|came|comes|remains)\b)",
    re.IGNORECASE,
)
_LIST_COLON = lazy_re(r":\s+(?=[A-Z][^:]{0,200}?,[^:]{0,200}?\band\b)")
_PRONOUN_START = lazy_re(r"^\W*(?:it|its|this|they|their|the\s+(?:pact|treaty|agreement|charter|convention|accord))\b",
                            re.IGNORECASE)
_CAPS_NAME = lazy_re(r"[A-Z][\w'’.–-]*\s+(?:(?:of|for|on|with|the|and)\s+|[A-Z][\w'’.–-]*\s+)*"
                        rf"(?i:{INSTRUMENT})s?\b(?:\s+(?:of|for|on|with)\s+(?:the\s+)?"
                        r"[A-Z][\w'’.–-]*(?:\s+(?:of|and|the|for|on|to)?\s*[A-Z][\w'’.–-]*)*)?")
_GENERIC_AGREEMENT = lazy_re(rf"(?:\b(?P<det>the|this|that|its|said|a|an)\s+|(?<=['’]s\s))"
                                rf"(?:(?!(?:of|and|with|to|in|by|for|on|at|as|from)\s)[\w'’.–-]+\s+){{0,6}}?"
                                # "This Act gave the President …": in writing about a treaty, "the
                                # Act" is a national law, not a back-reference to the treaty
                                rf"(?P<noun>(?!act\b){INSTRUMENT})\b", re.IGNORECASE)
_ACRONYM = lazy_re(r"\b[A-Z]{3,6}\b")
_STOPWORDS = frozenset("the of on and for with to a an in at by as de la le des du general".split())
#: Words every instrument's name may hold, so they tell no name from another (and two plurals).
_GENERIC_NOUNS = lowered("instrument_nouns") | {"agreements", "treaties"}


@dataclass(frozen=True)
class ClaimUnit:
    """A clause of the brief, and why it is or is not about the treaty's text."""

    span: Span
    kind: Kind
    why: str
    articles: tuple[ArticleRef, ...] = ()
    names_ours: bool = False  # the clause names the treaty by one of its names


@dataclass
class TreatyNames:
    """What the brief may call the treaty: its titles and short names (from both documents), their
    acronyms, and the bodies and terms its text defines ("Security Council")."""

    words: frozenset[str] = frozenset()  # distinctive words of its names, signing place and parties
    acronyms: frozenset[str] = frozenset()
    terms: tuple[str, ...] = ()  # defined bodies/terms, longest first
    other_titles: frozenset[str] = frozenset()
    _terms_rx: re.Pattern[str] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, titles: Iterable[str | None], extra_words: Iterable[str], treaty_text: str,
           exclude_terms: Iterable[str] = ()) -> TreatyNames:
        titles = [t for t in titles if t]
        words = {w for t in titles for w in _name_words(t)} | {w for x in extra_words for w in _name_words(x)}
        acronyms = {_initials(t) for t in titles if len(t.split()) > 1} | {t.strip() for t in titles if _ACRONYM.fullmatch(t.strip())}
        acronyms |= {_initials(t, all_words=True) for t in titles if len(t.split()) > 1}
        acronyms = {a for a in acronyms if len(a) >= 2}
        excl = {x.lower() for x in exclude_terms}
        terms = tuple(sorted((t for t in defined_terms(treaty_text) if t.lower() not in excl), key=len, reverse=True))
        return cls(frozenset(words), frozenset(acronyms), terms)

    @property
    def terms_rx(self) -> re.Pattern[str] | None:
        if self._terms_rx is None and self.terms:
            alternatives = (r"\s+".join(re.escape(w) for w in t.split()) for t in self.terms)
            self._terms_rx = re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)
        return self._terms_rx

    def is_ours(self, name: str) -> bool:
        """Whether a named agreement ("the San Francisco Peace Treaty", "the UN Charter", "GATT") is this one."""
        words = [w for w in _name_words(name)]
        acr = [a for a in _ACRONYM.findall(name)]
        if acr and all(a in self.acronyms or _expands(a, self.words) for a in acr) and not words:
            return True
        if not words:
            return not acr
        return all(w in self.words or w.upper() in self.acronyms or (len(w) <= 3 and _expands(w.upper(), self.words))
                   for w in words)


def _name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", name.lower().replace("–", " ").replace("-", " "))
            if w not in _STOPWORDS and w not in _GENERIC_NOUNS and len(w) > 1]


def _initials(title: str, all_words: bool = False) -> str:
    words = re.findall(r"[A-Za-z]+", title)
    if not all_words:
        words = [w for w in words if w[0].isupper() or w.isupper()]
    return "".join(w[0].upper() for w in words if w.lower() not in ("of", "the", "on", "for", "with") or all_words)


def _expands(acronym: str, words: frozenset[str]) -> bool:
    """"UN" for a name whose words include united and nations."""
    return 2 <= len(acronym) <= 3 and all(any(w.startswith(c.lower()) for w in words) for c in acronym)


def _names_a_state_or_agreement(phrase: str) -> bool:
    """"Government of Japan", "Treaty of Peace", "San Francisco": names of states, agreements and
    places are not bodies the treaty sets up."""
    from pactlens.resources.states import find_states

    return bool(find_states(phrase) or re.search(rf"(?i:\b{AGREEMENT}\b|government|convention|instruments?)", phrase))


_BODY_HEADS = frozenset("Council Assembly Committee Commission Court Secretariat Conference Board Organization "
                        "Organisation Tribunal Authority Agency Bank Fund Parliament".split())


def defined_terms(text: str) -> list[str]:
    """Bodies and terms a treaty names again and again ("Security Council", "Military Staff Committee",
    "Allied Powers", "contracting parties"): capitalised phrases of two to four words found three or
    more times, and the treaty's own word for its parties."""
    counts = Counter(m.group(0) for m in re.finditer(r"\b[A-Z][a-z]+(?:[ -](?:of\s+the\s+|of\s+)?[A-Z][a-z]+){1,3}\b", text))
    out = [t for t, n in counts.items() if n >= 3 and not re.match(r"(?:The|This|In|Article|Chapter|Part)\b", t)
           and not _names_a_state_or_agreement(t)]
    for m in re.finditer(r"\b(?:contracting|high contracting|member|signatory|states?)\s+(?:parties|states|powers)\b",
                         text, re.IGNORECASE):
        out.append(m.group(0).lower())
    if re.search(r"\bpermanent members\b", text):
        out.append("permanent members")
    out += ["signatory states", "signatory powers", "signatories", "member states", "parties"]
    # a body's short name: "the Council" for the Security Council, "the Assembly"
    out += [f"the {t.split()[-1]}" for t in list(out) if t[:1].isupper() and len(t.split()) > 1
            and t.split()[-1] in _BODY_HEADS]
    return list(dict.fromkeys(out))


# --- clause units ----------------------------------------------------------------------------------
def clauses(text: str, span: Span) -> list[Span]:
    """The clauses of one sentence, as spans of the document; a piece of fewer than four words stays
    with the piece before it."""
    body = text[span.start : span.end]
    cuts = [0]
    depth_ok = _outside_quotes(body)
    for rx in (_CLAUSE_CUT, _LIST_COLON):
        for m in rx.finditer(body):
            if depth_ok(m.start()):
                cuts.append(m.end())
    cuts = sorted(set(cuts))
    pieces: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:] + [len(body)], strict=True):
        piece = body[a:b]
        if pieces and len(re.findall(r"\w+", piece)) < 4:
            pieces[-1] = (pieces[-1][0], b)
        elif pieces and len(re.findall(r"\w+", body[pieces[-1][0] : pieces[-1][1]])) < 4:
            pieces[-1] = (pieces[-1][0], b)
        else:
            pieces.append((a, b))
    out = []
    for a, b in pieces:
        piece = body[a:b]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip(" \t\n;,:")) 
        if trail > lead:
            out.append(Span(span.start + a + lead, span.start + a + trail))
    return out


def _outside_quotes(body: str):
    """A test of whether an offset of the sentence lies outside double quotes and parentheses."""
    inside = [False] * (len(body) + 1)
    quote = paren = 0
    for i, ch in enumerate(body):
        inside[i] = bool(quote % 2 or paren > 0)
        if ch in '"“”':
            quote += 1
        elif ch == "(":
            paren += 1
        elif ch == ")" and paren:
            paren -= 1
    return lambda i: not inside[min(i, len(body))]


# --- classification --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Reference:
    kind: Literal["name", "generic", "pronoun", "article", "term", "other"]
    start: int
    end: int
    text: str


def references(clause: str, names: TreatyNames, antecedent: bool) -> list[Reference]:
    """Where the clause refers to the treaty, to another agreement, or to a body the treaty defines."""
    refs: list[Reference] = []
    for m in _GENERIC_AGREEMENT.finditer(clause):
        phrase = clause[m.start() : m.end()]
        named = re.sub(r"^\w+\s+", "", phrase) if m.group("det") else phrase
        tail = _name_tail(clause, m.end())
        full = _without_states(named + tail)
        if (m.group("det") or "").lower() in ("a", "an"):
            kind = "other"  # "a similar agreement": another one
        elif _name_words(_capitalised(full)) or _ACRONYM.search(full):
            kind = "name" if names.is_ours(_capitalised(full)) else "other"
        else:
            kind = "generic"
        refs.append(Reference(kind, m.start(), m.end() + len(tail), clause[m.start() : m.end() + len(tail)]))
    for m in _CAPS_NAME.finditer(clause):
        if any(r.start <= m.start() < r.end or m.start() <= r.start < m.end() for r in refs):
            continue
        if not m.group(0)[:1].isupper():
            continue
        refs.append(Reference("name" if names.is_ours(m.group(0)) else "other", m.start(), m.end(), m.group(0)))
    for m in _ACRONYM.finditer(clause):
        if m.group(0) in names.acronyms and not any(r.start <= m.start() < r.end for r in refs):
            refs.append(Reference("name", m.start(), m.end(), m.group(0)))
    for m in re.finditer(r"\b(?:its|the)\s+preamble\b", clause, re.IGNORECASE):
        refs.append(Reference("article", m.start(), m.end(), m.group(0)))
    for a in find_article_refs(clause):
        refs.append(Reference("article", a.start, a.end, clause[a.start : a.end]))
    if antecedent and _PRONOUN_START.match(clause):
        m = _PRONOUN_START.match(clause)
        assert m is not None
        refs.append(Reference("pronoun", m.start(), m.end(), m.group(0)))
    rx = names.terms_rx
    if rx is not None:
        for m in rx.finditer(clause):
            if not any(r.start <= m.start() < r.end for r in refs):
                refs.append(Reference("term", m.start(), m.end(), m.group(0)))
    return sorted(refs, key=lambda r: r.start)


def _capitalised(phrase: str) -> str:
    """The capitalised words of a name: "free trade" in "the Russian-Kazakh free trade agreement"
    describes it, it does not name it."""
    return " ".join(w for w in phrase.split() if w[:1].isupper() or w[:1].isdigit())


def _without_states(phrase: str) -> str:
    """The name without the states in it ("the Iran-Russia Treaty", "the Russian-Kazakh agreement"):
    whose treaty it is, is for the parties rule to check."""
    for m in sorted(state_mentions(phrase), key=lambda m: -m.start):
        phrase = phrase[: m.start] + " " + phrase[m.end :]
    return re.sub(r"\s*[-–—/]\s*(?=\s|$)|(?<=\s)[-–—/]\s*", " ", phrase)


def _name_tail(clause: str, at: int) -> str:
    """" of Peace with Japan", " of San Francisco" after "the Treaty"."""
    m = re.match(r"\s+(?:of|for|on|with)\s+(?:the\s+)?[A-Z][\w'’.–-]*(?:\s+(?:of|and|the|for|on|to|with)?\s*[A-Z][\w'’.–-]*)*",
                 clause[at:])
    return m.group(0) if m else ""


def classify(clause: str, refs: list[Reference], treaty_years: frozenset[int]) -> tuple[Kind | None, str]:
    """Whether a clause is about the text, tells history, or (None) is neither and is left out."""
    direct = [r for r in refs if r.kind in ("name", "generic", "pronoun", "article")]
    other = [r for r in refs if r.kind == "other"]
    terms = [r for r in refs if r.kind == "term"]
    articles = [r for r in refs if r.kind == "article"]
    history = HISTORY.search(clause)
    years = {int(y) for y in _YEAR.findall(clause)}
    if articles:
        rest = re.sub(r"\b(?:articles?|chapters?|parts?|paragraphs?|treaty|pact|charter|agreement|members?|part(?:y|ies)|"
                      r"states?)\b", " ", clause, flags=re.IGNORECASE)
        if history and not PROVISION.search(rest) and _EVENT.search(clause):
            return "history", f"tells what was done with {articles[0].text} ('{history.group(0)}')"
        return "text", f"refers to {articles[0].text}"
    if direct and (SIGNING_FACT.search(clause) or states_a_fact(clause)):
        return "text", "says when, where or by whom the treaty was signed"
    if direct and IN_FORCE_FACT.search(clause) and not re.search(r"\b(?:for|in)\s+(?:[A-Z]\w+|the\s+[A-Z]\w+)", clause):
        return "text", "says when the treaty entered into force"
    if other and (not direct or other[0].start < direct[0].start) and not _ours_is_subject(clause, direct, other):
        return ("history", f"about another agreement ({other[0].text})") if direct or terms else (None, "")
    if direct:
        if history and _in_lead_adverbial(clause, history.start(), direct[0].start):
            history = HISTORY.search(clause, direct[0].start)
        if history and not _provision_before(clause, history.start()):
            return "history", f"tells what happened to the treaty ('{history.group(0)}')"
        if not PROVISION.search(clause) and not _PRESENT_OR_MODAL.search(clause) and not years & treaty_years:
            return "history", _NOTHING
        return "text", f"refers to the treaty ('{direct[0].text}')"
    if terms and terms[0].start < 60:
        if history:
            return None, ""
        foreign_year = years - treaty_years
        if foreign_year:
            return None, ""
        if years and years <= treaty_years:
            return "text", f"says what {terms[0].text} was when the treaty was made"
        if _PAST_FIRST.match(clause):
            return None, ""
        if _PRESENT_OR_MODAL.search(clause) or PROVISION.search(clause):
            return "text", f"says what {terms[0].text} is or may do"
    return None, ""


def _in_lead_adverbial(clause: str, at: int, subject: int) -> bool:
    """"After negotiations, the pact was signed …": a word of history in a fronted phrase, before the
    comma that ends it and before the treaty's mention, does not make the clause history."""
    comma = clause.find(",")
    return 0 <= at < comma < subject


def _provision_before(clause: str, at: int) -> bool:
    """A verb of content comes before the verb of history: "…, which obliges …" vs "ratified …"."""
    m = PROVISION.search(clause)
    return m is not None and m.start() < at and not re.match(r"signed|signing|member|part", m.group(0), re.IGNORECASE)


def _ours_is_subject(clause: str, direct: list[Reference], other: list[Reference]) -> bool:
    """"Under Article 27 …" aside, the clause is about ours when ours comes first or is the grammatical subject."""
    return bool(direct) and direct[0].start < other[0].start


def detect(text: str, sentences: list[Span], names: TreatyNames, treaty_years: frozenset[int],
           quotes_treaty: Callable[[str], bool] | None = None) -> list[ClaimUnit]:
    """The brief's clauses that are about the treaty's text or its history, in text order.

    "It" and "the pact" refer to the treaty while the last sentence of the paragraph that opened
    with an agreement named ours; a generic rule ("A retiring member is not eligible …") is about the
    text in a section that has named the treaty or a body it sets up; a clause that quotes the treaty word for word is about its text
    whatever its subject (``quotes_treaty`` tells)."""
    out: list[ClaimUnit] = []
    antecedent = topic = False
    last_end = 0
    colon_lead = False  # the sentence before ended in a colon and was about the text
    for s in (piece for sentence in sentences for piece in _without_table_rows(text, sentence)):
        gap = text[last_end : s.start]
        if "\n\n" in gap or "|" in gap:
            antecedent = False
        if "|" in gap:
            topic = False
        last_end = s.end
        lead_kind: Kind | None = "text" if colon_lead else None
        colon_lead = False
        sentence = text[s.start : s.end]
        if _is_heading(sentence):
            topic = bool(references(sentence, names, False))  # a new section: its heading sets the topic
            continue
        for i, c in enumerate(clauses(text, s)):
            piece = text[c.start : c.end]
            refs = references(piece, names, antecedent)
            kind, why = classify(piece, refs, treaty_years)
            if refs:
                topic = True
            if kind is None and quotes_treaty is not None and quotes_treaty(piece):
                kind, why = "text", "quotes the treaty"
            if (kind is None or why == _NOTHING) and lead_kind == "text" and (i > 0 or not refs) and not _own_subject(piece):
                kind, why = "text", "continues a clause about the treaty"
            if kind is None and topic and _is_rule(piece, treaty_years):
                kind, why = "text", "states a rule of a body the treaty sets up"
            if i == 0:
                lead_kind = kind
            if kind:
                arts = tuple(ArticleRef(a.numbers, a.start + c.start, a.end + c.start, a.paragraph, a.kind)
                             for a in find_article_refs(piece))
                out.append(ClaimUnit(c, kind, why, arts, any(r.kind == "name" for r in refs)))
        colon_lead = text[s.start : s.end + 1].rstrip().endswith(":") and lead_kind == "text"
        subject = _subject_ref(sentence, names, antecedent)
        if subject is not None:
            antecedent = subject.kind in ("name", "generic", "pronoun")
    return out


_NOTHING = "names the treaty but says nothing of its content"
#: A rule, as a brief states it: present or modal, generic ("A retiring member is not eligible …",
#: "members are elected …", "candidates must receive …", "the presidency rotates …").
_RULE = lazy_re(
    r"\b(?:must|may|can|cannot|can't|shall|is|are)\s+(?:not\s+)?(?:\w+ly\s+)?(?:be\s+)?(?:\w+ed|\w+en|eligible|binding|"
    r"required|entitled|responsible|represented|held|elected|limited)\b|\b(?:must|may|can|cannot|shall)\s+(?:not\s+)?\w+"
    r"|\b(?:rotates|consists|requires|recommends|includes|decides|appoints|elects)\b",
    re.IGNORECASE,
)


def _is_rule(piece: str, treaty_years: frozenset[int]) -> bool:
    """A generic rule in a passage about the treaty or a body it sets up, with no history in it."""
    if HISTORY.search(piece) or {int(y) for y in _YEAR.findall(piece)} - treaty_years:
        return False
    return bool(_RULE.search(piece)) and not _PAST_FIRST.match(piece)


def _subject_ref(sentence: str, names: TreatyNames, antecedent: bool) -> Reference | None:
    """The agreement a sentence has for subject (at its start, or after a fronted phrase), if any:
    "It" in the next sentence refers to it."""
    refs = [r for r in references(sentence[:120], names, antecedent) if r.kind != "term"]
    comma = sentence.find(", ")
    starts = [0] + ([comma + 2] if 0 <= comma < 60 else [])
    for r in refs:
        if any(a <= r.start <= a + 12 for a in starts):
            return r
    return None


_CELL_ROW = lazy_re(r"^[^\n|]{0,60}(?:\|[^\n|]{0,60})+\|?[ \t]*$", re.MULTILINE)


def _without_table_rows(text: str, span: Span) -> list[Span]:
    """A sentence run together with the rows of a data table before it (short cells between bars) is
    cut there: the rows' years and names are not the sentence's. Long cells (a table of prose) stay."""
    body = text[span.start : span.end]
    if "|" not in body:
        return [span]
    out, pos = [], 0
    for m in _CELL_ROW.finditer(body):
        if body[pos : m.start()].strip():
            out.append(Span(span.start + pos, span.start + m.start()))
        pos = m.end()
    if body[pos:].strip():
        out.append(Span(span.start + pos + (len(body[pos:]) - len(body[pos:].lstrip())), span.end))
    return out or [span]


def _is_heading(sentence: str) -> bool:
    """A heading ("Article 24", "Non-permanent members") is no claim: short, with no sentence end."""
    body = sentence.strip()
    return len(body.split()) < 8 and not re.search(r"[.!?:;\"”)]\W*$", body)


def _own_subject(piece: str) -> bool:
    """A clause with a subject of its own ("The African Group is …") does not continue the one before."""
    return bool(re.match(r"\W*(?:(?:the|a|an|its|their|this)\s+)?(?:[A-Za-z][\w'’-]*\s+){0,3}?(?:is|are|was|were|has|have|had)\b",
                         piece, re.IGNORECASE)) and not re.match(r"\W*(?:it|its|they)\b", piece, re.IGNORECASE)
