"""Agreements a document is, or is about, with the facts stated about them.

Two readings, chosen by the document kind:

- an agreement's own text (``treaty``) yields its ``primary`` agreement: the
  title, the parties named where an instrument names them (its title's
  "between X and Y", the opening of its preamble, its plenipotentiaries, its
  signature block, and for multilateral treaties that name nobody up front,
  the states its final articles name), the signing formula ("Done at X, the
  fourth day of April, 1949"), the term, and the number of articles; and
  one more ``primary`` record for each further instrument of the file that
  is an agreement in its own right (a protocol or amending agreement with its
  own heading and its own articles, closing, or parties that agree), read
  from its own span only — an annex that is a schedule or a list is none;
- writing about agreements (``brief``/``news``) yields the agreement it is
  about (``subject``: the named agreement most often referred to, with the
  document's opening weighing more) and the others it names (``related``),
  with what the text states of them: "<role> <Name> and <role> <Name>
  signed ...", "signed in <City>", "a <N>-year ...", "comprises <N> articles".

Everything is a rule over the structured text plus the states gazetteer;
no model is needed. A fact that no rule finds stays ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pactlens.extract.dates import DateMention, find_dates
from pactlens.extract.signatories import find_signatories
from pactlens.model import Agreement, AgreementKind, Evidence, Party, Signed
from pactlens.resources.states import StateMention, find_states, get, lookup
from pactlens.structure.doc import Doc, Span
from pactlens.structure.frame import find_final_clause

# --- vocabulary -----------------------------------------------------------------

#: Title head words and the agreement kind they make. Protocols and exchanges of
#: letters are binding instruments in their own right, so they are "agreement";
#: an amendment is "other"; a convention, pact or charter is a "treaty".
_KIND_WORDS: tuple[tuple[str, AgreementKind], ...] = (
    (r"memorand(?:um|a)(?:\s+of\s+understanding)?", "memorandum"),
    (r"(?:joint\s+)?(?:declaration|statement|communiqu[eé])", "declaration"),
    (r"program(?:me)?", "programme"),
    (r"treaty|convention|pact|charter|constitution", "treaty"),
    (r"agreement|accord|protocol|exchange\s+of\s+(?:letters|notes)|arrangement|regulations|statute", "agreement"),
    (r"amendment", "other"),
)
_KIND_RE = re.compile(r"\b(?:" + "|".join(f"(?P<k{i}>{rx})" for i, (rx, _) in enumerate(_KIND_WORDS)) + r")\b", re.IGNORECASE)

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty-five": 25, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "ninety-nine": 99,
    "hundred": 100,
}
_N = r"(?:\d{1,3}|(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"

_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
}
_LANGUAGES = {"english", "arabic", "persian", "farsi", "hindi", "urdu", "swahili", "latin", "hebrew"}
_CAP = r"[A-Z\u00c0-\u00de][^\W\d_]*(?:['\u2019\-][^\W\d_]+)*"
_PLACE = rf"{_CAP}(?:[ -](?:{_CAP}|de|del|da|do|la|le|es|am|sur))*"

# --- small helpers ---------------------------------------------------------------


def _number(word: str) -> int | None:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    head, _, tail = word.partition("-")
    if head in _NUMBER_WORDS and tail in _NUMBER_WORDS:
        return _NUMBER_WORDS[head] + _NUMBER_WORDS[tail]
    return None


def agreement_kind(title: str | None) -> AgreementKind:
    """The kind an instrument's title gives it: its first instrument word decides."""
    if not title:
        return "other"
    m = _KIND_RE.search(title)
    if m is None:
        return "other"
    i = next(int(k[1:]) for k, v in m.groupdict().items() if v)
    return _KIND_WORDS[i][1]


def _sentence(doc: Doc, start: int, end: int | None = None) -> Span:
    """The sentence around ``start`` (structure's, or one found here when structure has none)."""
    s = doc.sentence_at(start)
    if s is not None and (end is None or s.end >= end):
        return s
    text = doc.text
    a = max(text.rfind(". ", 0, start), text.rfind("\n\n", 0, start), text.rfind(".\n", 0, start))
    a = 0 if a < 0 else a + 1
    b = len(text)
    for stop in (". ", "\n\n", ".\n"):
        k = text.find(stop, end or start)
        if k >= 0:
            b = min(b, k + 1)
    return Span(a, b)


def _evidence(doc: Doc, start: int, end: int) -> Evidence:
    return doc.evidence(start, end)


def _party(doc: Doc, m: StateMention) -> Party:
    state = get(m.iso3)
    assert state is not None
    return Party(name=state.name, iso3=state.iso3, cow=state.cow, evidence=[_evidence(doc, m.start, m.end)])


def _merge_parties(parties: Iterable[Party], limit: int = 3) -> list[Party]:
    """One party per state (or per name, for organizations), its evidence pooled."""
    out: dict[str, Party] = {}
    for p in parties:
        key = p.iso3 or p.name
        if key in out:
            known = out[key]
            seen = {(e.start, e.end) for e in known.evidence}
            extra = [e for e in p.evidence if (e.start, e.end) not in seen]
            known.evidence = sorted(known.evidence + extra, key=lambda e: e.start)
        else:
            out[key] = p.model_copy(deep=True)
    for p in out.values():
        p.evidence = p.evidence[:limit]
    # In the order the text first names them ("Russian President ... and Iranian President ...").
    return sorted(out.values(), key=lambda p: min((e.start for e in p.evidence), default=0))


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with every match of ``pattern`` replaced by spaces (offsets kept)."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


_SMALL_WORDS = {"of", "the", "and", "on", "between", "in", "for", "to", "a", "an", "at", "by", "with",
                "regarding", "concerning", "among", "relating", "or", "from", "into", "de"}


def _title_case(s: str) -> str:
    """An all-caps or all-lower-case title written as a title: "Agreement between the Government of ..."."""
    if not (s.isupper() or s[1:].islower()):
        return s
    words = s.lower().split(" ")
    return " ".join(w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _slug(agreement_parties: list[Party], date: str | None, kind: str, title: str | None) -> str:
    codes = [p.iso3.lower() for p in agreement_parties if p.iso3][:4]
    if not codes and title:
        words = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", title)]
        codes = [w for w in words if w not in _SMALL_WORDS and w != kind][:3]
    parts = codes + ([date[:4]] if date else []) + [kind]
    return "-".join(parts) or "agreement"


def _unique_ids(agreements: list[Agreement]) -> list[Agreement]:
    seen: dict[str, int] = {}
    for a in agreements:
        n = seen.get(a.id, 0)
        seen[a.id] = n + 1
        if n:
            a.id = f"{a.id}-{n + 1}"
    return agreements


# --- signing: place and date -------------------------------------------------------

#: "Done at Washington", "SIGNED AT KABUL", "Done in duplicate at Kabul", "issued ... in Tunis City".
_SIGNING_VERB = re.compile(r"\b(?i:done|signed|sign\s+(?:this|the\s+present)|concluded|made|issued|initialled)\b")
_AT_PLACE = re.compile(rf"\b(?i:at|in)\s+(?:(?i:the\s+city\s+of)\s+)?(?P<place>{_PLACE})")
#: "(Baku, September 30, 1992)", "Lima, Peru, December 4, 1954": a place right before a date.
_PLACE_BEFORE_DATE = re.compile(rf"(?:^|[(\s])(?P<place>{_PLACE})(?:,\s*{_CAP})?,\s*(?:on\s+)?$")


def _good_place(place: str) -> bool:
    low = place.lower()
    if re.search(r"['\u2019]s$", place):
        return False  # "Madagascar's waters"
    if low in _MONTHS or low in _LANGUAGES or low.split()[0] in _MONTHS:
        return False
    state = lookup(place)
    if state is not None and place.lower() in {a.lower() for a in state.adjectives}:
        return False  # "done in Russian": a language
    return not re.match(
        r"(?i)(?:the|this|that|witness|faith|duplicate|triplicate|two|three|force|appendix|annex|chapter|article|title"
        r"|part|section|schedule|protocol|paragraph|accordance|respect|conformity|order|case|addition)\b",
        place,
    )


def _trim_place(place: str) -> str:
    """"Tunis City" stays; "Kabul, May" was never taken; "Washington, the" is cut by the pattern."""
    return _title_case(place.strip())


@dataclass
class _Signing:
    place: str | None = None
    date: DateMention | None = None
    evidence: list[Evidence] = field(default_factory=list)

    def to_signed(self) -> Signed:
        return Signed(
            date=self.date.iso if self.date else None,
            precision=self.date.precision if self.date else None,  # type: ignore[arg-type]
            place=self.place,
            evidence=self.evidence,
        )

    @property
    def weight(self) -> int:
        return (2 if self.date and self.date.precision == "day" else 1 if self.date else 0) + (1 if self.place else 0)


def _signing_in(doc: Doc, start: int, end: int) -> _Signing | None:
    """A signing formula inside ``[start, end)``: its place and its date, if stated."""
    text = doc.text
    best: _Signing | None = None
    for verb in _SIGNING_VERB.finditer(text, start, end):
        window_end = min(end, verb.end() + 220)
        stop = re.compile(r"[.;](?:\s|$)(?![^(]*\))").search(text, verb.end(), window_end)
        clause_end = stop.start() if stop else window_end
        found = _Signing()
        for m in _AT_PLACE.finditer(text, verb.end(), min(clause_end, verb.end() + 120)):
            if m.group(0)[:2].lower() == "in" and lookup(m.group("place")) is not None:
                continue  # "in Madagascar" is where, not where signed; "at Luxembourg" is a city
            if _good_place(m.group("place")):
                found.place = _trim_place(m.group("place"))
                found.evidence.append(_evidence(doc, m.start("place"), m.end("place")))
                break
        dates = find_dates(text, verb.end(), min(clause_end + 1, len(text)))
        if dates:
            found.date = dates[0]
            found.evidence.append(_evidence(doc, dates[0].start, dates[0].end))
        if found.weight and (best is None or found.weight > best.weight):
            found.evidence.insert(0, _evidence(doc, verb.start(), verb.end()))
            best = found
            if best.weight == 3:
                break
    return best


def _dated_place(doc: Doc, start: int, end: int) -> _Signing | None:
    """"(Baku, September 30, 1992)": a place directly before a date, in an opening."""
    for d in find_dates(doc.text, start, end):
        before = doc.text[max(start, d.start - 60) : d.start]
        m = _PLACE_BEFORE_DATE.search(before)
        if m is None:
            continue
        a = d.start - len(before) + m.start("place")
        b = d.start - len(before) + m.end("place")
        prep = list(re.finditer(r"\s(?:In|IN|At|AT)\s+", doc.text[a:b]))
        a = a + prep[-1].end() if prep else a  # "... TREATY OF LIMITS In Buenos Aires, on the fifth day ..."
        if (a == 0 or not doc.text[a - 1].isalnum()) and _good_place(doc.text[a:b]):
            return _Signing(_trim_place(doc.text[a:b]), d, [_evidence(doc, a, b), _evidence(doc, d.start, d.end)])
    return None


# --- term and renewal ---------------------------------------------------------------

def _years(group: str) -> str:
    return rf"(?P<{group}>{_N})\s*(?:\(\d+\)\s*)?(?:calendar\s+)?years?"


_TERM = re.compile(
    r"(?i:(?:remain|be|continue|stay)\s+in\s+(?:force|effect|operation)\s+(?:for|during)\s+"
    rf"(?:a\s+(?:further\s+|initial\s+)?(?:period|term)\s+of\s+)?{_years('n1')}"
    rf"|(?:concluded|valid|effective|in\s+force)\s+for\s+(?:a\s+(?:period|term)\s+of\s+)?{_years('n2')}"
    rf"|(?:term|period|duration)\s+of\s+(?:validity\s+of\s+(?:this|the\s+present)\s+\w+\s+)?(?:shall\s+be\s+|is\s+)?{_years('n3')})"
)
_RENEWAL = re.compile(
    r"(?i:(?:shall|will)\s+(?:[\w,]+\s+){0,3}?(?:be\s+)?(?:automatically\s+|tacitly\s+)?"
    r"(?:extended|renewed|prolonged)\b[^.;]{0,160}?(?:periods?|terms?)\b(?:\s+of\s+"
    rf"{_N}\s*(?:\(\d+\)\s*)?years?)?"
    r"|(?:automatically|tacitly)\s+(?:extended|renewed|prolonged)[^.;]{0,160}?(?:periods?|terms?|years?)\b)"
)
_HAS_BEEN = re.compile(r"(?i)\bhas\s+been\s+$")
#: The term must be the instrument's own: "This Agreement shall remain in force for ...", "It shall ...".
_INSTRUMENT_SUBJECT = re.compile(
    r"(?i:\b(?:this|the\s+present|the)\s+(?:agreement|treaty|convention|protocol|pact|memorandum|accord|charter"
    r"|decision|arrangement)\b(?:(?!\b(?:party|parties|restrictions?|office|loans?|members?|officials?|measures?"
    r"|concessions?|preferences?|obligations|rights)\b)[^.;])*$|(?:^|[.;:,]\s*)(?:\d+\.\s*)?it\s+(?:(?:shall|will|is)\b[^.;]*)?$)"
)


_YEAR_WORD = re.compile(r"(?i)\byears?\b")


def _term_matches(text: str, start: int, end: int) -> Iterable[re.Match[str]]:
    """Term clauses, looked for only just before the word "year(s)" (the full pattern is slow to run everywhere)."""
    last = start
    for y in _YEAR_WORD.finditer(text, start, end):
        m = _TERM.search(text, max(last, y.start() - 120), y.end())
        if m is not None and m.end() == y.end():
            last = m.end()
            yield m


def _term_in(doc: Doc, start: int, end: int) -> tuple[int | None, str | None, list[Evidence]]:
    """The term in years and the renewal clause of an instrument's own text."""
    text = doc.text
    years: int | None = None
    evidence: list[Evidence] = []
    for m in _term_matches(text, start, end):
        if _HAS_BEEN.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "After the Treaty has been in force for twenty years" is not a term
        sentence = _sentence(doc, m.start())
        if not _INSTRUMENT_SUBJECT.search(text[max(sentence.start, m.start() - 160) : m.start()]):
            continue  # an office, a loan, a transition period: not the instrument's term
        years = _number(m.group("n1") or m.group("n2") or m.group("n3"))
        if years:
            evidence.append(_evidence(doc, m.start(), m.end()))
            break
    renewal = None
    for r in _RENEWAL.finditer(text, start, end):
        sentence = _sentence(doc, r.start())
        if not _INSTRUMENT_SUBJECT.search(text[max(sentence.start, r.start() - 200) : r.start()]):
            continue  # licences, offices, quotas renew too
        renewal = re.sub(r"\s+", " ", r.group(0)).strip()
        evidence.append(_evidence(doc, r.start(), r.end()))
        break
    return years, renewal, evidence


# --- treaty-kind documents: the agreement's own text -------------------------------------

_LABEL = re.compile(r"^\s*(?:MainText|MAIN\s+TEXT|AppendixText)\s*:\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|among|amongst)\s+", re.IGNORECASE)
_PAREN_OR_QUOTE = re.compile(r"\([^()]{0,200}\)|[\"\u201c\u2018'][^\"\u201d\u2019']{0,80}[\"\u201d\u2019']")
#: Where the naming of the parties at the head of a preamble ends.
_OPENING_END = re.compile(
    r"\b(?:desiring|desirous|deeming|wishing|noting|considering|recogni[sz]ing|being|guided|striving|encouraged"
    r"|moved|determined|recalling|inspired|resolved|conscious|convinced|mindful|bearing|aware|reaffirming|taking"
    r"|having|pursuant|anxious|animated|sharing|intending|committed|agree|agreed|have|has|represented|duly"
    r"|acting|concerned|affirming|seeking|prompted|realizing|realising|based|within|according|whereas|meeting"
    r"|in\s+order|with\s+a\s+view|on\s+the\s+basis|referred|hereinafter|hereafter)\b|:",
    re.IGNORECASE,
)
_ORG_PARTY = re.compile(
    r"(?i:\b(?:the\s+)?(?P<org>european\s+(?:economic\s+)?communit(?:y|ies)|european\s+union|caribbean\s+community"
    r"|european\s+free\s+trade\s+association|efta\s+states|east\s+african\s+community|eurasian\s+economic\s+union"
    r"|european\s+atomic\s+energy\s+community|european\s+coal\s+and\s+steel\s+community))\b"
)


def _strip_label(doc: Doc, start: int) -> int:
    m = _LABEL.match(doc.text, start)
    return m.end() if m else start


#: Where a title run together with what follows it ends: its first full stop, "PREAMBLE",
#: or the start of the preamble's naming of the parties.
_TITLE_STOPS = (r"\.\s", r"\bPREAMBLE\b|\bPreamble\b",
                r"\b(?:The|THE)\s+(?:Governments?|GOVERNMENTS?|Parties|PARTIES|President|PRESIDENT|High|HIGH)\b")


#: A stop that only continues the title's naming of parties ("BETWEEN THE GOVERNMENT OF ...").
_NAMING_GOES_ON = re.compile(r"(?i)(?:\bbetween|\bamong|\band|\bof|\bto|\bby|\bwith|,)\s*$")


def _opening_title(doc: Doc, start: int = 0, end: int | None = None, stops: tuple[str, ...] = _TITLE_STOPS,
                   skip: int = 10) -> Span | None:
    """The title at the head of a text (or of one instrument in it) without line breaks: up to
    the first of ``stops`` after its first ``skip`` characters, and within 400 characters."""
    text = doc.text
    start = _strip_label(doc, start)
    limit = min(len(text) if end is None else end, start + 400)
    stop = limit
    for rx in stops:
        for m in re.compile(rx).finditer(text, start + skip, limit):
            if stops is _TITLE_STOPS or not _NAMING_GOES_ON.search(text, max(start, m.start() - 12), m.start()):
                stop = min(stop, m.start() + (1 if m.group(0).startswith(".") else 0))
                break
    return Span(start, stop) if stop > start else None


def _trim_title(doc: Doc, span: Span) -> Span:
    """Cut a title where the text after its "between" begins again (GGO texts run
    title and preamble together: "... BETWEEN THE GOVERNMENT OF A AND ... THE GOVERNMENT OF A (hereinafter...")."""
    text = doc.text
    span = Span(_strip_label(doc, span.start), span.end)
    m = _BETWEEN.search(text, span.start, span.end)
    if m:
        low = text.lower()
        and_at = low.find(" and ", m.end(), span.end)
        probe = low[m.end() : and_at if and_at > 0 else m.end() + 24][:60]
        if len(probe) >= 12:
            k = low.find(probe, max(and_at, m.end() + len(probe)), span.end)
            if k > 0:
                return Span(span.start, k)
    return span


def _title_span(doc: Doc) -> Span | None:
    span = doc.title
    opening = _opening_title(doc)
    if span is None or (
        opening is not None and opening.end > span.end and opening.start <= span.start + 12
        and re.search(r"(?i)\b(?:the|of|and|between|on|for)$", doc.slice(span).strip())
    ):
        span = opening  # a title cut short after a function word
    return _clean_title(doc, span) if span is not None else None


def _clean_title(doc: Doc, span: Span, *, trim: bool = True) -> Span | None:
    """A title span without its repeated parties (when ``trim``), a "SIGNED AT ..." line or a
    source note; None when what heads the text is no title (a preamble, an article)."""
    span = _trim_title(doc, span) if trim else Span(_strip_label(doc, span.start), span.end)
    # Drop a trailing "SIGNED AT ..." line from the title text.
    m = re.search(r"(?i)[.,]?\s*\bsigned\s+at\b", doc.text[span.start : span.end])
    if m and m.start() > 10:
        span = Span(span.start, span.start + m.start())
    while span.end > span.start and doc.text[span.end - 1] in " .,;:\n":
        span = Span(span.start, span.end - 1)
    words = doc.slice(span)
    junk = re.search(r"(?i)\bsource:|\bpreamble\b", words)
    if junk and junk.start() > 10:
        span = Span(span.start, span.start + junk.start())
        words = doc.slice(span)
    if len(words) > 350 or re.match(
        r"(?i)\s*(?:article|art\.|preamble|preface|contents|introduction|chapter|part|title|we\b|the\s+(?:governments?|parties|president|high\s+contracting|plenipotentiaries))\b",
        words,
    ) or not (
        _KIND_RE.search(words) or _BETWEEN.search(words)
    ):
        return None  # the text has no title of its own: it starts with a preamble or an article
    return span


#: "..., Emperor of India, in respect of the Dominion of Canada": a style of the sovereign, not a party.
_ROYAL_STYLE = re.compile(r"(?i)\b(?:emperor|empress)\s+of\s+(?:the\s+)?$")


def _states_in(doc: Doc, start: int, end: int, *, adjectives: bool = False) -> list[StateMention]:
    text = doc.text
    window = text[start:end]
    any_case = sum(c.isupper() for c in window) < 0.02 * max(1, sum(c.isalpha() for c in window))
    if any_case:
        # An all-lower-case text (some GGO files): read it as if capitalized.
        text = text[:start] + window.title() + text[end:]
    found = find_states(text, start, end)
    return [
        m for m in found
        if (adjectives or m.form != "adjective") and not _ROYAL_STYLE.search(text[max(0, m.start - 20) : m.start])
    ]


def _orgs_in(doc: Doc, start: int, end: int) -> list[Party]:
    out = []
    for m in _ORG_PARTY.finditer(doc.text, start, end):
        name = re.sub(r"\s+", " ", m.group("org")).strip()
        out.append(Party(name=name.title() if not name.startswith("EFTA") else name,
                         evidence=[_evidence(doc, m.start("org"), m.end("org"))]))
    return out


#: How far the head of a preamble is read for the parties: to its first participle when that
#: comes within LONG_OPENING characters (fifteen heads of state, each with all his titles, in
#: the ECOWAS treaty), else only the first OPENING characters.
OPENING, LONG_OPENING = 700, 3000
#: Where a list of parties starts inside a preamble that opens with something else (NAFTA's
#: table of contents): "The Government of Canada, the Government of ...".
_PARTY_LIST_START = re.compile(r"\bThe\s+Governments?\s+of\s+(?=[A-Z])")


def _opening_parties(doc: Doc, start: int, end: int | None = None) -> list[Party]:
    """States named at the head of a preamble (read no further than ``end``), before its first participle."""
    text = doc.text
    window_end = min(len(text) if end is None else end, start + LONG_OPENING)
    blanked = _blank(text[start:window_end], _PAREN_OR_QUOTE)
    stop = _OPENING_END.search(blanked, 3)
    end = start + (stop.start() if stop else min(OPENING, len(blanked)))
    parties = [_party(doc, m) for m in _states_in(doc, start, end)]
    return parties + _orgs_in(doc, start, end)


def _listed_parties(doc: Doc) -> list[Party]:
    """The parties of a preamble whose head names none, read from its first "The Government
    of X, ..." list; only when that list names two states or more."""
    if doc.preamble is None:
        return []
    m = _PARTY_LIST_START.search(doc.text, doc.preamble.start, doc.preamble.end)
    if m is None:
        return []
    found = _merge_parties(_opening_parties(doc, m.start()))
    return found if len(found) >= 2 else []


def _final_articles_parties(doc: Doc, articles: list, final_start: int | None) -> list[Party]:
    """States a multilateral treaty names in its last articles and final clause (ratifications, depositary)."""
    if articles:
        start = articles[max(0, len(articles) - 4)].span.start
    else:
        start = max(0, len(doc.text) - 3000)
    end = len(doc.text) if final_start is None else max(final_start + 2000, start)
    return [_party(doc, m) for m in _states_in(doc, start, min(end, len(doc.text)))]


def _primary_articles(doc: Doc) -> list:
    if not doc.articles:
        return []
    part = doc.articles[0].part
    return [a for a in doc.articles if a.part == part]


@dataclass
class _Instrument:
    """One instrument of a treaty file: where it runs, its title, its own articles and closing."""

    span: Span
    title: Span | None
    articles: list = field(default_factory=list)
    final: Span | None = None
    opening: int = 0  # where the naming of its parties (its preamble) starts


def _head_parties(doc: Doc, inst: _Instrument) -> list[Party]:
    """States (and communities) an instrument's title names after "between", and the head of its preamble."""
    text = doc.text
    parties: list[Party] = []
    title_span = inst.title
    if title_span:
        between = _BETWEEN.search(text, title_span.start, title_span.end)
        tstart = between.end() if between else title_span.start
        named = _blank(text[tstart:title_span.end], _PAREN_OR_QUOTE)  # ("Antigua Convention") names no party
        parties += [_party(doc, m) for m in _states_in(doc, tstart, title_span.end)
                    if not named[m.start - tstart:m.end - tstart].isspace()]
        parties += _orgs_in(doc, tstart, title_span.end)
    parties += _opening_parties(doc, inst.opening, inst.span.end)
    return _merge_parties(parties)


def _primary_parties(doc: Doc, inst: _Instrument) -> list[Party]:
    """The head's parties; the preamble's list, then the final articles, when the head names fewer than two."""
    parties = _head_parties(doc, inst)
    if len(parties) < 2:
        parties = _merge_parties(parties + _listed_parties(doc))
    if len(parties) < 2:
        named_at_end = _merge_parties(_final_articles_parties(doc, inst.articles, inst.final.start if inst.final else None))
        if len(named_at_end) >= 2:  # one state named at the end is a depositary, not the parties
            parties = _merge_parties(parties + named_at_end)
    return parties


def _instrument_signing(doc: Doc, inst: _Instrument, *, first: bool = True) -> _Signing | None:
    """Signed: the closing, else the title/opening ("SIGNED AT KABUL, MAY 6TH, 1935", "(Baku, September 30, 1992)").
    Only the first instrument reads a signing formula in its title zone or after its last article:
    a further one's title cites the first's signing ("... AS OF SEPTEMBER 30, 1992, SIGNED ON ...")."""
    text = doc.text
    start, end = inst.span.start, inst.span.end
    signing = None
    if inst.final is not None:
        signing = _signing_in(doc, inst.final.start, min(end, inst.final.end + 200))
    first_article = inst.articles[0].span.start if inst.articles else None
    head_end = min(end, (first_article or inst.opening + 600))
    head_start = inst.title.start if inst.title else start
    # Only the title and the line under it: dates further into a preamble belong to other instruments.
    title_zone = min(head_end, (inst.title.end if inst.title else start) + 200)
    heads = [_signing_in(doc, head_start, title_zone)] if first else []
    for candidate in heads + [_dated_place(doc, start, min(head_end, inst.opening + 400))]:
        if candidate and (signing is None or candidate.weight > signing.weight):
            signing = candidate
    if signing is None and inst.articles and first:
        signing = _signing_in(doc, inst.articles[-1].span.start, min(end, len(text)))
    return signing


def _instrument_agreement(doc: Doc, inst: _Instrument, parties: list[Party], *, first: bool = True) -> Agreement:
    """The ``primary`` record of one instrument, read from its own span only. A further instrument
    is dated by its own closing or dateline only: the text after its last article is often a
    schedule, full of other instruments' dates."""
    title = re.sub(r"\s+", " ", doc.slice(inst.title)).strip() if inst.title else None
    evidence: list[Evidence] = [doc.span_evidence(inst.title)] if inst.title else []
    signatories = find_signatories(doc, inst.opening, inst.span.end).signatories
    signing = _instrument_signing(doc, inst, first=first)
    if inst.final is not None and inst.final.start > inst.span.start:
        evidence.append(doc.span_evidence(inst.final))
    end = inst.articles[-1].span.end if inst.articles else inst.span.end
    if inst.final is not None:
        end = max(end, inst.final.end)
    head_start = inst.title.start if inst.title else inst.span.start
    term, renewal, term_ev = _term_in(doc, head_start, end)
    evidence += term_ev
    kind = agreement_kind(title)
    signed = signing.to_signed() if signing else Signed()
    return Agreement(
        id=_slug(parties, signed.date, kind, title),
        title=_title_case(title) if title else None,
        kind=kind,
        parties=parties,
        signatories=signatories,
        signed=signed,
        term_years=term,
        renewal=renewal,
        article_count=len(inst.articles) or None,
        role="primary",
        evidence=evidence or [_evidence(doc, inst.span.start, min(inst.span.end, inst.span.start + 200))],
    )


def _primary_instrument(doc: Doc, end: int, title: Span | None) -> _Instrument:
    """The file's first instrument, which runs to ``end`` (where a further one begins)."""
    opening = doc.preamble.start if doc.preamble else (title.end if title else 0)
    final = doc.final_clause
    articles = _primary_articles(doc)
    if final is not None and final.start >= end:
        # The file's closing follows a later instrument: the first one's own, if it has one.
        after = articles[-1].span.start if articles else opening
        final = find_final_clause(doc.text, after, end, doc.sentences) or final
    return _Instrument(Span(0, end), title, articles, final, _skip_dateline(doc, opening))


def _primary(doc: Doc, end: int, title: Span | None) -> Agreement:
    inst = _primary_instrument(doc, end, title)
    return _instrument_agreement(doc, inst, _primary_parties(doc, inst))


# --- further instruments of a treaty file ------------------------------------------------

#: The heading of a further instrument, after any annex label ("ANNEX 1: PROTOCOL ON ...",
#: "ADDITIONAL PROTOCOL", "EXCHANGE OF LETTERS", "Protocol between the Government of ...").
_LABEL_BEFORE = r"(?:(?:ANNEX(?:URE)?|APPENDIX|Annex(?:ure)?|Appendix)[ \t]*(?:No\.?[ \t]*)?(?:\d{1,3}|[IVXLC]{1,6}|[A-Z])?[ \t]*[:.\-\u2013]?\s*)"
_FURTHER_HEAD = re.compile(
    rf"{_LABEL_BEFORE}*(?P<title>(?:(?i:additional|special|supplementary|adaptation|amending|optional)\s+)?"
    r"(?P<head>(?i:protocol|agreement|convention|treaty|exchange\s+of\s+(?:letters|notes)|memorandum\s+of\s+understanding"
    r"|annex(?:ure)?\s+to\s+the\s+(?:treaty|agreement|convention))))\b"  # "ANNEX TO THE TREATY THE CARIBBEAN COMMON MARKET"
)
#: A head word in running case names an instrument only when a title goes on from it.
_TITLE_GOES_ON = re.compile(
    r"\s+(?:No\.?\s*\d|(?i:to|on|between|among|concerning|relating|amending|establishing|for|of|regarding|in\s+amendment)\b)"
)
#: What makes a head word a reference, not a heading: "Protocol 1 lays down ...", "Protocol to this Agreement".
_REFERENCE_AFTER = re.compile(
    r"(?i)\s*(?:No\.?\s*)?[\w.]{0,6}\s*(?:shall|lays|is|are|was|were|will|may|has|have|hereto|thereto|annexed|referred"
    r"|to\s+(?:this|the\s+present|these)|of\s+(?:this|the\s+present)|,)\b"
)
#: Where a further instrument's heading stands: a line's start or a sentence's end.
_HEADING_BEFORE = re.compile(r"(?:^|\n|[.;\"\u201d]\s+)[ \t]*$")
#: A heading in capitals run on after a lower-case word, in OCR text that lost its line breaks.
_RUN_ON_CAPS = re.compile(r"[a-z]\s+$")
#: Where its title ends, besides the stops of a first title: its first article, a dateline in
#: brackets, a label, or the opening of what it says.
_FURTHER_STOPS = (r"(?<!\bN[oO])(?<!\b\d)\.\s",) + _TITLE_STOPS[1:] + (
    r"\b(?:ARTICLE|Article)\s+(?:1|I|ONE|One)\b",
    r"\b(?:TITLE|Title|CHAPTER|Chapter|SECTION|Section|PART|Part)\s+(?:1|I|ONE|One|A)\b",
    r"\bThe\s+[A-Z]",  # a running-case title ends where a sentence begins: "PROTOCOL No. 4 The Minister of ..."
    r"(?i:\bthe\s+(?:high\s+)?(?:contracting\s+)?parties\b)",
    r"\s\((?:[A-Z][\w .-]{1,30},\s*)?[^()]{0,40}\b\d{4}\)",
    r"\b(?:ANNEX|Annex)\s+(?:\d|[IVX]+\b)",
    r"\b(?:THE|The)\s+(?:CONTRACTING|Contracting|GOVERNMENT|Government|COMMUNITY|Community)\b",
    r"\b(?i:authori[sz]ed\s+representatives|having\s+(?:regard|seen|agreed)|whereas|considering|desiring|(?:being\s+)?desirous"
    r"|with\s+reference\s+to|in\s+accordance\s+with|recalling|taking\s+into|the\s+undersigned)\b",
    r"\b(?:In|At)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s+(?:on\s+)?(?:the\s+)?\w+",
)
#: The numbering of an instrument's own articles starts low (structure sometimes misses "Article 1").
_OWN_NUMBERING = re.compile(r"(?i)[1-3]|i{1,3}|one|two|three|first")
_SAYS_PARTIES = re.compile(r"(?i)\bthe\s+(?:high\s+)?(?:contracting\s+)?parties\b")
#: The formula that opens an instrument's operative part ("have agreed as follows", "DECIDE:").
_AGREED = re.compile(
    r"(?i)\b(?:have|has|hereby)\s+(?:\w+\s+){0,2}?(?:agreed|concluded|decided|resolved)\b"
    r"|\b(?:agree|decide|resolve)(?:\s+as\s+follows)?\s*:"
)


def _heading_starts(doc: Doc, after: int) -> list[int]:
    """Where a further instrument's heading begins, after ``after`` (the first instrument's body):
    at a section's start, or where a line or sentence starts."""
    text = doc.text
    sections = {s.span.start for s in doc.annexes if s.span.start > after}
    starts = sections | {m.start() for m in _FURTHER_HEAD.finditer(text, after)}
    out: list[int] = []
    last_title = -1
    for pos in sorted(starts):
        m = _FURTHER_HEAD.match(text, _strip_label(doc, pos))
        if m is None or pos <= last_title or not _is_heading(text, m, pos in sections):
            continue  # no heading, or the title of one already found ("ANNEX 2 PROTOCOL ON ...")
        last_title = m.start("title")
        out.append(pos)
    return out


def _is_heading(text: str, m: re.Match[str], at_section: bool = False) -> bool:
    """A heading, not a reference: at a section's start or where a line or sentence starts, in
    capitals or with a title going on from it ("Protocol between ..."); not followed by a verb
    or "to this Agreement"."""
    head = m.group("head")
    if _REFERENCE_AFTER.match(text, m.end()):
        return False
    goes_on = _TITLE_GOES_ON.match(text, m.end()) is not None
    before = text[max(0, m.start() - 4) : m.start()]
    if _RUN_ON_CAPS.search(before) and not at_section:
        return head.isupper() and goes_on  # "... prior to its entry into force PROTOCOL on the implementation ..."
    if not (at_section or _HEADING_BEFORE.search(before)):
        return False
    # A sentence never opens in lower case: "... adhering thereto. agreement in amendment of the convention ..."
    # is a heading that lost its capitals.
    return head.isupper() or goes_on


def _further_instrument(doc: Doc, start: int, end: int) -> _Instrument | None:
    """The instrument whose heading is at ``start``: its title, its own articles (numbered from
    one) and closing; None when it has none of what makes an agreement (articles, a signing, a
    preamble naming parties that agree), like a schedule or a list."""
    text = doc.text
    m = _FURTHER_HEAD.match(text, _strip_label(doc, start))
    assert m is not None
    raw = _opening_title(doc, m.start("title"), end, _FURTHER_STOPS, skip=m.end("head") - m.start("title"))
    # Its stops already end the title where the preamble names the parties again.
    title = _clean_title(doc, raw, trim=False) if raw else None
    if title is None:
        return None
    articles = [a for a in doc.articles if title.end <= a.span.start < end]
    if articles and not _OWN_NUMBERING.fullmatch(articles[0].number.split("(")[0].strip()):
        articles = []  # numbering that runs on from the first instrument's: not this one's own
    after = articles[-1].span.start if articles else title.end
    final = find_final_clause(text, after, end, doc.sentences)
    opening = _skip_dateline(doc, title.end)
    inst = _Instrument(Span(start, end), title, articles, final, opening)
    if len(articles) >= 2 or final is not None or _parties_agree(doc, inst):
        return inst
    return None


def _parties_agree(doc: Doc, inst: _Instrument) -> bool:
    """Whether an instrument's head has parties agree to it: states it names, or "THE CONTRACTING
    PARTIES", followed by "HAVE AGREED" (or "DECIDE:")."""
    assert inst.title is not None
    text = doc.text
    agreed = _AGREED.search(text, inst.title.end, min(inst.span.end, inst.title.end + LONG_OPENING))
    if agreed is None:
        return False
    return bool(_SAYS_PARTIES.search(text, inst.title.end, agreed.start())) or len(_head_parties(doc, inst)) >= 2


def _same_title(a: str | None, b: str | None) -> bool:
    """Whether two titles name one instrument (GGO files sometimes hold a text twice)."""
    if not a or not b:
        return False
    words = [re.findall(r"[a-z]+", t.lower())[:10] for t in (a, b)]
    return words[0] == words[1]


def _further_parties(doc: Doc, inst: _Instrument, first: Agreement) -> list[Party]:
    """Its own head's parties; else, when it speaks of "the Parties" without naming them,
    those of the first instrument, with the first's evidence (they are the same parties)."""
    own = _head_parties(doc, inst)
    if len(own) >= 2:
        return own  # one state alone at its head is where it was signed or a depositary
    if _SAYS_PARTIES.search(doc.text, inst.span.start, inst.span.end):
        return [p.model_copy(deep=True) for p in first.parties]
    return []


def _body_end(doc: Doc, title: Span | None) -> int:
    """Where further instruments may begin: after the first one's last article, and after its
    closing when no annex comes between the two (a closing after the annexes signs them all)."""
    articles = _primary_articles(doc)
    after = articles[-1].span.start if articles else (title.end if title else 0)
    final = doc.final_clause
    if final is not None and final.start > after and not any(after < s.span.start < final.start for s in doc.annexes):
        after = final.start
    return after


def _treaty_agreements(doc: Doc) -> list[Agreement]:
    """Every instrument of a treaty file that is an agreement in its own right, the first one first."""
    title = _title_span(doc)
    starts = _heading_starts(doc, _body_end(doc, title))
    bounds = starts + [len(doc.text)]
    further = [inst for i, s in enumerate(starts) if (inst := _further_instrument(doc, s, bounds[i + 1])) is not None]
    # A repeat of the first instrument's own text (GGO files sometimes hold one twice) is no further one.
    further = [inst for inst in further if not (title and inst.title and _same_title(doc.slice(title), doc.slice(inst.title)))]
    first = _primary(doc, further[0].span.start if further else len(doc.text), title)
    return [first] + [_instrument_agreement(doc, inst, _further_parties(doc, inst, first), first=False) for inst in further]


def _skip_dateline(doc: Doc, start: int) -> int:
    """Step over a "SIGNED AT X, <date>." or "(Baku, September 30, 1992)" line at the head of a preamble."""
    text = doc.text
    m = _DATELINE.match(text, start)
    return m.end() if m else start


#: What may stand before the naming of the parties: a dateline, "Preamble", or a section label
#: such as "MAIN TEXT:" (whose colon would otherwise end the parties' list before it starts).
_DATELINE = re.compile(
    r"\s*(?:\([^()]{0,80}\)|(?i:signed\s+at)[^.]{0,80}\.|(?i:concluded\s+by\s*:|preamble)"
    r"|(?i:main\s+text|text|preamble)\s*:)\s*"
)


# --- briefs and news: agreements written about -------------------------------------------

_HEAD_WORDS = r"Treaty|Agreement|Pact|Convention|Accord|Declaration|Memorandum\s+of\s+Understanding|Memorandum|Protocol|Charter|Programme|Program"
_NAME_WORD = r"(?:[A-Z][A-Za-z'\u2019]*(?:[-\u2013][A-Z][A-Za-z'\u2019]*)*|\d{4})"
_CONNECT = r"(?:of|on|the|and|for|to|in|between|de|\u2013|-)"
#: "Comprehensive Strategic Partnership Treaty", "Treaty on Open Skies", "TREATY ON OPEN SKIES".
_SP = r"[^\S\n]+"  # a name never runs over a line break (headings stand on their own lines)
_NAMED = re.compile(
    rf"(?<![\w-])(?P<name>(?:{_NAME_WORD}{_SP}(?:{_CONNECT}{_SP})*)*?(?:{_HEAD_WORDS})"
    rf"(?:{_SP}(?:on|of|for|between){_SP}(?:the{_SP})?{_NAME_WORD}(?:{_SP}(?:and{_SP})?{_NAME_WORD})*)?)(?![\w-])"
)
_NAMED_CAPS = re.compile(
    r"(?<![\w-])(?P<name>(?:[A-Z][A-Z'\u2019-]+[^\S\n]+(?:(?:OF|ON|THE|AND|FOR|TO)[^\S\n]+)*)*?"
    r"(?:TREATY|AGREEMENT|PACT|CONVENTION|ACCORD|DECLARATION|MEMORANDUM|PROTOCOL|CHARTER|PROGRAMME|PROGRAM)"
    r"(?:[^\S\n]+(?:ON|OF|FOR)[^\S\n]+(?:THE[^\S\n]+)?[A-Z][A-Z'\u2019-]+(?:[^\S\n]+[A-Z][A-Z'\u2019-]+)*)?)(?![\w-])"
)
#: A programme is an agreement only when its name says it is one ("Cooperation Program"), not
#: an organization or a policy ("United Nations Development Programme", "Nuclear Program").
_PROGRAMME_OK = re.compile(r"(?i)\b(?:co-?operation|partnership|action|joint|strategic|comprehensive|bilateral|exchange)\b")
_ORG_TAIL = re.compile(r"^\s*(?:Organi[sz]ation|Commission|Council|Committee|Secretariat|Conference|Alliance|Area|Zone|Act)\b")
_LEAD_NOISE = re.compile(
    r"(?i)^(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|The|THE|A|An|This|That|These|Its|Their|New|Formal|Historic|Landmark|First|Initial|Bilateral|Proposed"
    r"|Signed|Newly|Current|Existing|Said|Under|In|On|By|With|From|And|Of|For|To|While|Although|Though|When|After"
    r"|Before|Since|If|As|But|However|Moreover|Indeed|Additionally|Furthermore|Notably|Also|Both|Each|Through"
    r"|During|Via|Whereas|Because|Once|Until|Unlike|Like|Including|Following|Despite|Thus|Hence|Yet|So|Then"
    r"|Meanwhile|Nevertheless|Accordingly|Similarly|Likewise|Today|Here|There|It|He|She|They|We|\d{4})\b[\s,]*)+"
)
_ANAPHOR = re.compile(r"\b(?:the|this|that|its|their)\s+(?:\d{4}\s+)?(?P<w>treaty|agreement|pact|accord|deal|convention|programme|program|memorandum)\b", re.IGNORECASE)
_SIGNED_VERB = re.compile(r"\b(?:signed|sign|signing|concluded|inked)\b")
_ARTICLE_COUNT = re.compile(
    rf"(?i:\b(?:comprises|comprising|contains|containing|consists\s+of|consisting\s+of|includes|including|has|with)\s+(?P<n>{_N})\s+articles\b"
    rf"|\b(?P<m>{_N})-article\b)"
)
_N_YEAR = re.compile(rf"(?i:\b(?P<n>{_N})[-\s]year\b)")
#: "a new Defense Cooperation Agreement (DCA) with a 15-year duration"
_TERM_AFTER = re.compile(
    rf"\s*(?:\([A-Z][A-Za-z-]*\)\s*)?,?\s*(?i:with|for|of)\s+a\s+(?P<n>{_N})[-\s]year\s+(?i:duration|term|period|validity|lifespan)"
)
_DESCRIPTIVE = re.compile(
    r"\b(?P<verb>signed|entered\s+into|concluded|reached|struck)\s+(?P<np>(?:a|an|the|their|its)\s+"
    r"(?:[\w\u2013-]+\s+){0,4}?(?P<w>agreement|treaty|pact|program|programme|accord|deal|memorandum))\b"
)
_PARTIES_LIST = re.compile(r"(?i:\bparties\s+to\s+the\s+[^:.]{0,80}?\s+(?:are|include)\s*:?)")
_BETWEEN_AFTER = re.compile(
    r"\s*(?:\(\)\s*)?(?:,\s*)?(?:(?:was|is|,)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:treaty|agreement|pact|accord|alliance|deal)\s+)?between\s+",
    re.IGNORECASE,
)


@dataclass
class _Mention:
    start: int
    end: int
    name: str  # stripped of leading noise and states
    words: tuple[str, ...]
    head: str  # the instrument word
    states: list[StateMention] = field(default_factory=list)  # states in its name ("Russia-Iran ... Treaty")
    compound: bool = False  # the name is only states and the head ("Iran-Russia Treaty")


@dataclass
class _Written:
    """An agreement a brief names, gathering its mentions."""

    name: str
    words: tuple[str, ...]
    head: str
    mentions: list[_Mention] = field(default_factory=list)
    first: int = 0

    @property
    def key(self) -> frozenset[str]:
        return frozenset(w for w in self.words if w not in {"of", "on", "the", "and", "for", "to", "in", "between"})


def _head_of(name: str) -> str:
    m = _KIND_RE.search(name)
    return m.group(0).lower() if m else "agreement"


def _named_mentions(doc: Doc) -> list[_Mention]:
    text = doc.text
    out: list[_Mention] = []
    seen: set[tuple[int, int]] = set()
    for rx in (_NAMED_CAPS, _NAMED):
        for m in rx.finditer(text):
            a, b = m.span("name")
            if doc.in_footnotes(a) or (a, b) in seen or any(a < e and b > s for s, e in seen):
                continue
            if _ORG_TAIL.match(text, b):
                continue
            mention = _make_mention(doc, a, b)
            if mention is not None:
                seen.add((a, b))
                out.append(mention)
    out.sort(key=lambda x: x.start)
    return out


def _make_mention(doc: Doc, a: int, b: int) -> _Mention | None:
    raw = doc.text[a:b]
    two = re.match(r"(?:[A-Z]{2,}|(?:the\s+)?[A-Z]\w+(?:\s+[A-Z]\w+)*\s+(?:Organi[sz]ation|Union|Community))\s+and\s+(?:the\s+)?", raw)
    if two:
        a, raw = a + two.end(), raw[two.end() :]  # "NATO and the Warsaw Pact": two names, the last is the agreement's
    states = find_states(doc.text, a, b)
    # Strip leading noise, years and state names/adjectives ("The 2025 Russia-Iran ..."); the states
    # stripped are parties only when they modify the name directly ("Russia-Iran Treaty", not
    # "Bulgaria to the Tripartite Pact").
    name = raw
    compound = False
    modifiers: list[StateMention] = []
    while True:
        before = name
        stripped = _LEAD_NOISE.match(name)
        if stripped and stripped.group(0).strip():
            if re.search(r"(?i)\b(?:to|of|for|with|from|by|in|on)\b", stripped.group(0)):
                modifiers = []
            name = name[stripped.end() :]
        for s in states:
            form = doc.text[s.start : s.end]
            if name.upper().startswith(form.upper()):
                name = name[len(form) :].lstrip(" -\u2013\u2014,'\u2019s")
                modifiers.append(s)
        name = re.sub(r"^(?:and|\u2013|-)\s+", "", name)
        if name == before:
            break
    name = re.sub(r"\s+", " ", name).strip()
    between = re.search(r"\s+between\s", name)
    if between:
        modifiers += [s for s in states if s.start >= a + raw.find(" between ")]
        name = name[: between.start()]  # the parties are not part of the name
    head = _KIND_RE.search(name)
    if head and head.start() > 0:
        name = name[: head.end()]  # "Open Skies Treaty on the Organization ...": a modifier-first name ends at its head
        of_the = name.rfind(" of the ")
        if of_the > 0 and not _KIND_RE.search(name[:of_the]):
            name = name[of_the + len(" of the ") :]  # "Relevance of the Open Skies Treaty"
            head = _KIND_RE.search(name)
    if head and modifiers and not name[: head.start()].strip():
        # Only states before the head: the states make the name ("United States-Mexico-Canada Agreement").
        first = min(s.start for s in modifiers)
        name = re.sub(r"\s+", " ", doc.text[first : a + raw.find(head.group(0), first - a) + len(head.group(0))])
        compound = True
    if not name or (head and head.group(0).lower().startswith("program") and not _PROGRAMME_OK.search(name)):
        return None
    if name.isupper():
        name = " ".join(w.lower() if w in {"OF", "ON", "THE", "AND", "FOR", "TO"} else w.title() for w in name.split())
        name = name[0].upper() + name[1:]
    words = tuple(w.lower() for w in re.findall(r"[\w'\u2019]+", name))
    return _Mention(a, b, name, words, _head_of(name), modifiers, compound)


def _group(mentions: list[_Mention]) -> tuple[list[_Written], list[_Mention]]:
    """Named agreements (mentions of one agreement merged) and generic ones ("the Iran-Russia Treaty")."""
    named: list[_Written] = []
    generic: list[_Mention] = []
    for m in mentions:
        if len([x for x in m.words if x not in _SMALL_WORDS and not x.isdigit()]) <= 1:
            generic.append(m)
            continue
        target = None
        for w in named:
            if _same_agreement(m, w):
                target = w
                break
        if target is None:
            target = _Written(m.name, m.words, m.head, first=m.start)
            named.append(target)
        elif len(m.words) > len(target.words) and _is_suffix(target.words, m.words):
            target.name, target.words = m.name, m.words
        target.mentions.append(m)
    return named, generic


def _is_suffix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return len(short) < len(long) and long[-len(short) :] == short and long[0] not in {"accession", "protocol", "amendment", "annex"}


def _same_agreement(m: _Mention, w: _Written) -> bool:
    if m.head != w.head:
        return False
    key = frozenset(x for x in m.words if x not in {"of", "on", "the", "and", "for", "to", "in", "between"})
    return key == w.key or _is_suffix(m.words, w.words) or _is_suffix(w.words, m.words)


def _subject_score(doc: Doc, w: _Written, generic: list[_Mention], anaphora: dict[str, int],
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


def _refers_to(doc: Doc, span: Span, w: _Written, subject: bool) -> bool:
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
    for m in re.compile(rf"\b(?:in|at)\s+(?P<place>{_PLACE})").finditer(text, verb.end(), end):
        place = m.group("place")
        if _good_place(place) and not re.match(r"\d", place):
            state = lookup(place)
            if state is not None:
                continue  # a country is not the place of signature we want; a city follows
            return place, [_evidence(doc, m.start("place"), m.end("place"))]
    return None, []


def _signing_subjects(doc: Doc, start: int, verb: int) -> list[Party]:
    """"Bahrain and the United States ... by signing a Defense Cooperation Agreement": the states that sign."""
    if not re.search(r"\band\b", doc.text[start:verb]):
        return []
    found = _states_in(doc, start, verb)
    return [_party(doc, m) for m in found] if 2 <= len(found) <= 4 else []


def _signs_this(doc: Doc, sentence: Span, verb: int, w: _Written) -> bool:
    """Whether a signing verb is about ``w`` itself: named within a few words of the verb, and no
    other agreement ("the agreement") nearer to it."""
    for m in w.mentions:
        if sentence.start <= m.start < sentence.end and abs(m.start - verb) < 60:
            gap = doc.text[min(m.end, verb) : max(m.start, verb)]
            return _ANAPHOR.search(gap) is None
    return False


def _about_facts(doc: Doc, w: _Written, subject: bool) -> dict:
    """What the text states of one agreement, from the sentences that speak of it."""
    text = doc.text
    sentences: list[Span] = []
    seen: set[int] = set()
    spans = [_sentence(doc, m.start, m.end) for m in w.mentions]
    if subject:
        spans += [_sentence(doc, m.start()) for m in _ANAPHOR.finditer(text) if not doc.in_footnotes(m.start())]
    for s in sorted(spans, key=lambda s: s.start):
        if s.start not in seen and not doc.in_footnotes(s.start):
            seen.add(s.start)
            sentences.append(s)

    facts: dict = {"parties": [], "signatories": [], "signed": None, "term": None, "articles": None, "evidence": []}
    for m in w.mentions:
        facts["parties"] += [_party(doc, s) for s in m.states]
        after = _BETWEEN_AFTER.match(text, m.end)
        if after:
            tail_end = min(len(text), after.end() + 120)
            stop = re.compile(r"[,.;:]|\bwhich\b|\bthat\b|\bsigned\b").search(text, after.end(), tail_end)
            facts["parties"] += [_party(doc, s) for s in _states_in(doc, after.end(), stop.start() if stop else tail_end)]
        after_term = _TERM_AFTER.match(text, m.end)
        if after_term and facts["term"] is None:
            facts["term"] = (_number(after_term.group("n")), _evidence(doc, after_term.start("n"), after_term.end()))
        before = text[max(0, m.start - 30) : m.start]
        n = _N_YEAR.search(before)
        if n and facts["term"] is None and not re.search(r"\d{4}", before[n.end():]):
            facts["term"] = (_number(n.group("n")), _evidence(doc, m.start - len(before) + n.start(), m.start - len(before) + n.end()))

    best_signing: tuple[int, Signed] | None = None
    for s in sentences:
        if not _refers_to(doc, s, w, subject):
            continue
        verb = _SIGNED_VERB.search(text, s.start, s.end)
        if verb and (subject or _signs_this(doc, s, verb.start(), w)):
            signers = find_signatories(doc, s.start, s.end, prose=True, seen=facts["signatories"])
            parties = [_party(doc, m) for m in signers.states]
            if not parties and _signs_this(doc, s, verb.start(), w):
                parties = _signing_subjects(doc, s.start, verb.start())
            facts["signatories"] = signers.signatories
            facts["parties"] += parties
            dates = find_dates(text, s.start, s.end, years=True)
            place, place_ev = _signing_place(doc, s.start, s.end)
            date = max(dates, key=lambda d: {"day": 3, "month": 2, "year": 1}[d.precision]) if dates else None
            weight = ({"day": 3, "month": 2, "year": 1}[date.precision] if date else 0) + (1 if place else 0) + (1 if any(s.start <= m.start < s.end for m in w.mentions) else 0)
            if (date or place) and (best_signing is None or weight > best_signing[0]):
                ev = ([_evidence(doc, date.start, date.end)] if date else []) + place_ev
                best_signing = (weight, Signed(date=date.iso if date else None, precision=date.precision if date else None,
                                               place=place, evidence=ev))
        if facts["articles"] is None:
            a = _ARTICLE_COUNT.search(text, s.start, s.end)
            if a:
                facts["articles"] = (_number(a.group("n") or a.group("m")), _evidence(doc, a.start(), a.end()))
        if facts["term"] is None:
            t = _N_YEAR.search(text, s.start, s.end) if subject else None
            if t and re.match(rf"\s+(?:\"|\u201c)?(?:[\w-]+\s+){{0,4}}(?:{w.head}|{_HEAD_WORDS.lower()})", text[t.end() : t.end() + 80], re.IGNORECASE):
                facts["term"] = (_number(t.group("n")), _evidence(doc, t.start(), t.end()))
    if subject:
        for pl in _PARTIES_LIST.finditer(text):
            stop = text.find(".", pl.end())
            stop = stop if stop > 0 else len(text)
            inside = {i for p in re.finditer(r"\([^()]*\)", text[pl.end() : stop]) for i in range(pl.end() + p.start(), pl.end() + p.end())}
            facts["parties"] += [_party(doc, s) for s in _states_in(doc, pl.end(), stop) if s.start not in inside]
    facts["signed"] = best_signing[1] if best_signing else None
    return facts


def _written_agreement(doc: Doc, w: _Written, role: str) -> Agreement:
    facts = _about_facts(doc, w, role == "subject")
    parties = _merge_parties(facts["parties"])
    signed = facts["signed"] or Signed()
    if signed.date is None:
        year = re.search(r"\b(1[6-9]\d\d|20\d\d)\b", " ".join(doc.text[m.start : m.end] for m in w.mentions))
        if year:
            m0 = next(m for m in w.mentions if year.group(1) in doc.text[m.start : m.end])
            k = doc.text.find(year.group(1), m0.start, m0.end)
            signed = Signed(date=year.group(1), precision="year", evidence=[_evidence(doc, k, k + 4)])
    evidence = [_evidence(doc, m.start, m.end) for m in w.mentions[:5]]
    term = facts["term"]
    articles = facts["articles"]
    if term:
        evidence.append(term[1])
    if articles:
        evidence.append(articles[1])
    kind = agreement_kind(w.name)
    return Agreement(
        id=_slug(parties, signed.date, kind, w.name),
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


def _descriptive(doc: Doc, subject: _Written | None, named: Iterable[_Mention] = ()) -> list[Agreement]:
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
        sent = _sentence(doc, m.start(), m.end())
        if any(sent.start <= n.start < sent.end for n in named):
            continue  # the sentence names the agreement: the named reading has it
        years = [d for d in find_dates(text, sent.start, sent.end, years=True)]
        states = [s for s in _states_in(doc, sent.start, sent.end)]
        if not years or len(states) < 2 and not (states and re.search(r"\bwith\b", m.group(0) + text[m.end() : m.end() + 20])):
            continue
        parties = _merge_parties(_party(doc, s) for s in states)
        if len(parties) < 2:
            continue
        date = years[0]
        kind = agreement_kind(m.group("w"))
        term = _N_YEAR.search(m.group("np"))
        ev = [_evidence(doc, m.start("np"), m.end("np")), _evidence(doc, date.start, date.end)]
        out.append(Agreement(
            id=_slug(parties, date.iso, kind, None),
            title=None,
            kind=kind,
            parties=parties,
            signed=Signed(date=date.iso, precision=date.precision, evidence=[_evidence(doc, date.start, date.end)]),  # type: ignore[arg-type]
            term_years=_number(term.group("n")) if term else None,
            role="related",
            evidence=ev,
        ))
    return out


def _merge_compounds(named: list[_Written]) -> list[_Written]:
    """Fold "the Iran-Russia Treaty" into the named treaty whose mentions carry the same states."""
    out: list[_Written] = []
    for w in named:
        isos = {s.iso3 for m in w.mentions for s in m.states}
        if all(m.compound for m in w.mentions) and isos:
            home = next((o for o in named if o is not w and o.head == w.head and not all(m.compound for m in o.mentions)
                         and isos <= {s.iso3 for m in o.mentions for s in m.states}), None)
            if home is not None:
                home.mentions += w.mentions
                home.mentions.sort(key=lambda m: m.start)
                continue
        out.append(w)
    return out


_ACRONYM_AFTER = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z\-]*[A-Z])\)")


def _add_acronym_mentions(doc: Doc, w: _Written) -> None:
    """"the United States-Mexico-Canada Agreement (USMCA)": count "USMCA" as a mention too."""
    for m in list(w.mentions):
        a = _ACRONYM_AFTER.match(doc.text, m.end)
        if a is None:
            continue
        acr = a.group("acr")
        for hit in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", doc.text):
            if hit.start() != a.start("acr") and not doc.in_footnotes(hit.start()):
                w.mentions.append(_Mention(hit.start(), hit.end(), w.name, w.words, w.head))
        w.mentions.sort(key=lambda x: x.start)
        return


def _about(doc: Doc) -> list[Agreement]:
    named, generic = _group(_named_mentions(doc))
    if not named and not generic:
        return _descriptive(doc, None)
    anaphora = _anaphora(doc)
    if not named:
        # Only generic references ("the Treaty"): make the subject from the first one with states in it.
        g = next((g for g in generic if g.states), None)
        if g is None:
            return _descriptive(doc, None)
        named = [_Written(g.name, g.words, g.head, [g], g.start)]
    named = _merge_compounds(named)
    for w in named:
        _add_acronym_mentions(doc, w)
    first = min((m.start for w in named for m in w.mentions), default=None)
    if first is not None and _sentence(doc, first).start > _sentence(doc, 0).end:
        first = None  # only a name in the opening sentence counts
    ranked = sorted(named, key=lambda w: (-_subject_score(doc, w, generic, anaphora, first), w.first))
    subject = ranked[0]
    # Generic mentions carry states into the subject's parties ("the Iran-Russia Treaty").
    subject.mentions += [g for g in generic if g.head == subject.head and g.states]
    subject.mentions.sort(key=lambda m: m.start)
    out = [_written_agreement(doc, subject, "subject")]
    out += [_written_agreement(doc, w, "related") for w in sorted(ranked[1:], key=lambda w: w.first)]
    out += _descriptive(doc, subject, [m for w in named for m in w.mentions])
    return out


# --- entry point -----------------------------------------------------------------------


def find_agreements(doc: Doc, kind: str) -> list[Agreement]:
    """The agreement a document is (``treaty``) or the ones it writes about."""
    if not doc.text.strip():
        return []
    if kind == "treaty":
        return _unique_ids(_treaty_agreements(doc))
    return _unique_ids(_about(doc))
