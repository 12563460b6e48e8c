"""States, people, organizations, projects, policies and places, each with
every body mention as evidence.

Mentions inside footnote definitions are left out on purpose: a reference's
title ("Putin, Lavrov Highlight …") is not the document talking about that
person, and counting it would inflate whoever the sources are about. States
come from the states gazetteer, organizations from ours (with aliases, so
"Shanghai Cooperation Organization" and "SCO" are one entity), people from
the role+name rules shared with quotes, and projects, policies and places from
the words that name their kind ("… Corridor", "… policy", "the … Sea").
In prose, the language-analysis stage's named entities add the people and
organizations no rule introduced (:mod:`pactlens.extract.prose.named` filters
and merges them); treaty texts keep the rules alone.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from pactlens.extract.prose.namescan import FIRST_WORD as _FIRST_WORD
from pactlens.extract.prose.namescan import NameIndex
from pactlens.extract.prose.people import find_people
from pactlens.model import Agreement, Entity
from pactlens.resources.lexicon import words
from pactlens.structure.doc import Doc
from pactlens.structure.sentences import body_sentences
from pactlens.regexes import lazy_re
from pactlens.structure.spans import covering

_CAP = r"[A-Z][\w'’.-]*"
_PROJECT = lazy_re(
    rf"\b(?P<n>(?:{_CAP}[\s–—-]+){{1,5}}(?:Corridor|Pipeline|Railway|Railroad|Canal|Bridge|Dam|Highway|Project|"
    rf"Power Plant|Nuclear Power Plant|Port))\b|\b(?:the|a)\s+(?P<g>(?:gas|oil|natural gas)\s+pipeline)\b"
)
_POLICY = lazy_re(
    rf"[*_]?(?P<n>{_CAP}(?:\s+(?:and\s+)?{_CAP}){{0,3}})[*_]?\s+(?:policy|doctrine|strategy|approach|Policy|Doctrine|Strategy|Initiative)\b"
)
_FEATURE = lazy_re(
    rf"\b(?:the\s+)?(?P<n>(?:{_CAP}\s+){{1,2}}(?:Sea|Ocean|Gulf|Strait|River|Lake|Mountains|Peninsula|Basin|Canal)|"
    rf"(?:Strait|Gulf|Sea|Bay|Straits)\s+of\s+{_CAP}|Central Asia|Middle East|Eurasia|Caucasus|Balkans|Arctic)\b"
    r"(?!\s+[A-Z])"  # "First Sea Lord" is an office
)
_CITY = lazy_re(r"\b(?=[iatfnv])(?:in|at|from|near|visited|visit)\s+(?P<n>[A-Z][a-zà-ž]+(?:[ -][A-Z][a-zà-ž]+)?)(?![\w-]|\s+[A-Z])")
_TITLE_WORD_BEFORE = lazy_re(r"\b[A-Z][\w-]*\s+$")
_NOT_PLACE = set(words("months")) | {
    "Congress", "Parliament", "Article", "Annex", "Section", "Part", "Chapter",
    "English", "French", "Russian", "Spanish", "Arabic", "Chinese", "The", "This", "That", "Western", "Eastern",
    "Northern", "Southern", "Asian", "European", "Cabinet", "Treaty", "Agreement", "Protocol", "Office",
    "General", "Operation", "Government", "Defence", "Defense", "Washington DC", "Some", "Figure", "Table",
    "Appendix", "Category", "Islamic", "Arab", "Sunni", "Shia", "Shiite", "Christian", "Muslim", "Jewish",
    "Order", "Such", "Both", "Each", "Accordance", "Case", "Addition", "Force", "Law",
}
#: An agreement's evidence this short is its name as written; a longer one is a clause around it.
_NAME_SPAN = 120
_POLICY_STOP = {"The", "This", "That", "A", "An", "Its", "Their", "His", "Her", "Our", "National", "Foreign", "New"}


# Cheap gates: a sentence is searched for a project/policy name only if it has the word that ends one.
_KEYWORDS: dict[str, re.Pattern[str]] = {
    "project" + str(id(_PROJECT)): lazy_re(r"Corridor|Pipeline|pipeline|Railway|Railroad|Canal|Bridge|Dam|Highway|Project|Plant|Port"),
    "policy" + str(id(_POLICY)): lazy_re(r"[Pp]olicy|[Dd]octrine|[Ss]trategy|approach|Initiative"),
    "place" + str(id(_FEATURE)): lazy_re(r"Sea|Ocean|Gulf|Strait|River|Lake|Mountains|Peninsula|Basin|Canal|Bay|Asia|Middle East|Eurasia|Caucasus|Balkans|Arctic"),
}


class _Body:
    """The body sentences' spans: searched once end to end, matches kept if they start in one."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self._starts = [a for a, _ in spans]
        self.start = spans[0][0] if spans else 0
        self.end = spans[-1][1] if spans else 0

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self.spans[i][1]


@dataclass
class _Group:
    name: str
    kind: str
    id: str | None = None
    role: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)

    def add(self, start: int, end: int, form: str) -> None:
        if (start, end) not in self.spans:
            self.spans.append((start, end))
        if form != self.name and form not in self.forms:
            self.forms.append(form)


def _norm(name: str) -> str:
    return re.sub(r"[\s–—-]+", " ", name).lower().strip()


def _add_states(text: str, ranges, groups: dict) -> set[str]:
    from pactlens.resources import states

    names: set[str] = set()
    for m in states.find_states(text, ranges.start, ranges.end):
        if m.start in ranges:
            st = states.get(m.iso3)
            key = ("state", m.iso3)
            if key not in groups:
                groups[key] = _Group(st.name if st else m.iso3, "state", m.iso3)
            groups[key].add(m.start, m.end, text[m.start : m.end])
            names.add(text[m.start : m.end])
    return names


def _add_orgs(text: str, ranges, groups: dict) -> set[str]:
    from pactlens.resources.organizations import find_organizations

    names: set[str] = set()
    for m in find_organizations(text, ranges.start, ranges.end):
        if m.start in ranges:
            key = ("organization", m.org.id)
            groups.setdefault(key, _Group(m.org.name, "organization", m.org.id)).add(m.start, m.end, m.form)
            names.update(m.form.split())
    return names


def _add_named(text: str, ranges, groups: dict, kind: str, rx: re.Pattern[str], stop: set[str]) -> None:
    """Names a pattern introduces, then every other body occurrence of those names."""
    found: dict[str, str] = {}
    kw = _KEYWORDS.get(kind + str(id(rx)))
    for a, b in ranges.spans:
        if kw is not None and not kw.search(text, a, b):
            continue
        for m in rx.finditer(text, a, b):
            g = "n" if m.group("n") else "g"
            name = m.group(g)
            if name.split()[0] in stop or name in stop:
                continue
            if rx is _CITY and _TITLE_WORD_BEFORE.search(text, max(a, m.start() - 30), m.start()):
                continue  # "Trafficking in Persons Report": inside a capitalised title
            found.setdefault(_norm(name), name)
    if kind == "place" and rx is _CITY:
        # Towns take no article; "the Polaris", "the Skybolt" are things.
        things = _after_the(text, found.values())
        found = {k: n for k, n in found.items() if n not in things}
    if not found:
        return
    index = NameIndex(re.escape(n).replace(r"\ ", r"[\s–—-]+").replace(r"\-", r"[\s–—-]+") for n in found.values())
    for start, end in index.finditer(text, ranges.start, ranges.end):
        if start in ranges:
            key = (kind, _norm(text[start:end]))
            if key[1] in found:
                groups.setdefault(key, _Group(found[key[1]], kind)).add(start, end, text[start:end])


#: "the" as a word: the letter first, so the regex engine skips to each "t" in C (a leading ``\b``
#: was tried at every character), then no word character before it, as ``\b`` asked.
_THE = lazy_re(r"[Tt](?<!\w[Tt])he\s+")


def _after_the(text: str, names: Iterable[str]) -> set[str]:
    """The names written anywhere after "the": one pass over the text's "the"s,
    not one search of the whole text per name."""
    by_first: dict[str, list[tuple[str, re.Pattern[str]]]] = defaultdict(list)
    for n in names:
        by_first[_FIRST_WORD.match(n).group(0)].append((n, re.compile(re.escape(n) + r"\b")))
    out: set[str] = set()
    for m in _THE.finditer(text):
        w = _FIRST_WORD.match(text, m.end())
        for n, rx in by_first.get(w.group(0), ()) if w else ():
            if rx.match(text, m.end()):
                out.add(n)
    return out


def _add_people(doc: Doc, ranges, groups: dict, sdoc) -> set[str]:
    extra = None
    if sdoc is not None:
        from pactlens.extract.prose.named_people import person_spans

        extra = person_spans(doc, sdoc, ranges.__contains__, _bylined(doc))
    names: set[str] = set()
    for m in find_people(doc, ranges.spans, extra):
        p = m.person
        key = ("person", id(p))
        g = groups.setdefault(key, _Group(p.name, "person", role=p.role))
        g.add(m.start, m.end, doc.text[m.start : m.end])
        names.update(doc.text[m.start : m.end].split())
    return names


def _add_ner_orgs(doc: Doc, ranges, groups: dict, sdoc, person_words: set[str], not_orgs: list[tuple[int, int]]) -> set[str]:
    """Organizations the NER found that the gazetteer does not know."""
    from pactlens.extract.prose.named import name_key, organizations
    from pactlens.resources.organizations import organizations as gazetteer

    known = [span for g in groups.values() if g.kind == "organization" for span in g.spans]
    # A spelling the gazetteer lacks ("North Atlantic Treaty Organisation") joins its entry.
    listed = {name_key(form): o for o in gazetteer() for form in (o.name, *o.aliases)}
    names: set[str] = set()
    for org in organizations(doc, sdoc, ranges.__contains__, person_words, known, not_orgs):
        entry = next((listed[k] for k in map(name_key, (org.name, *org.forms)) if k in listed), None)
        if entry is not None:
            g = groups.setdefault(("organization", entry.id), _Group(entry.name, "organization", entry.id))
        else:
            g = groups.setdefault(("organization", org.name.lower()), _Group(org.name, "organization"))
        for a, b in org.spans:
            g.add(a, b, doc.text[a:b])
        for form in org.forms:
            if form not in g.forms and form != g.name:
                g.forms.append(form)
        names.update(org.name.split())
    return names


def _bylined(doc: Doc) -> set[str]:
    """Names of the document's authors (front matter, cover, byline): not people it talks about."""
    from pactlens.structure.front import front_matter_fields

    values = [doc.slice(v) for k, _, v in doc.cover if k in {"by", "author", "authors", "author(s)", "written by"}]
    if doc.front_matter:
        fields = front_matter_fields(doc.text, doc.front_matter)
        values += [fields[k][0] for k in ("author", "authors", "byline") if k in fields]
    out: set[str] = set()
    for v in values:
        for part in re.split(r",|\band\b|&|\bet al\.?", v):
            if len(part.split()) >= 2:
                out.add(part.strip())
    return out


#: Where the body ends in an article with a references section, and lines that credit a picture or
#: a figure's source: GOLD.md's "figure-source lines are not body text".
_REFERENCES = lazy_re(
    r"^[ \t#*]*(?:References|Bibliography|Further reading|External links|Works cited|Sources|Notes|Citations|Endnotes|See also)[ \t*]*$",
    re.M,
)
_CREDIT = lazy_re(
    r"^[ \t*_▲►•]*(?:Photo|Photograph|Image|Picture|Credit|Source|Sources|Figure\s+\d+|Map)\b[^\n]*"
    r"|^[ \t]*(?:__|\*\*)[A-Z][^*_\n]{2,60}(?:__|\*\*)\s+is\s+(?:a|an|the)\s[^\n]*",  # an author's bio
    re.M,
)
#: A caption's credit or source: from the bar or "Source:" to the end of the line; the caption stays body.
#: Every branch opens with a literal ("|", "S", "("; the word start before "Source" is checked after
#: its "S"), so the regex engine skips in C to where one can begin instead of trying every character.
_CREDIT_TAIL = lazy_re(
    r"(?:\|[^|\n]*(?:Getty Images|via Getty|Wikimedia Commons|/AFP|/Reuters|AP Photo|Bloomberg|Newspaper)"
    r"|S(?<!\wS)ources?:\s)[^\n]*"
    # a caption's closing "(Agency/Photographer)": "(Department of Defense/Senior Airman Edward Littlejohn)"
    r"|\((?:[A-Z][^()/\n]{1,60})/[^()/\n]{2,60}\)[*_]*[ \t]*$",
    re.M,
)


def _repeated_headlines(text: str) -> list[tuple[int, int]]:
    """Lines a page repeats word for word with no closing stop: related-links and
    navigation furniture ("Ivana Trump enjoys bowl of spaghetti ..."), not the article."""
    lines: dict[str, list[tuple[int, int]]] = {}
    for m in re.finditer(r"^[^\n]{20,200}$", text, re.M):
        line = m.group(0).strip()
        if len(line.split()) >= 4 and not line.endswith((".", "!", "?", ":", '"', "”", ")")):
            lines.setdefault(line, []).append(m.span())
    return [span for spans in lines.values() if len(spans) > 1 for span in spans]


def _entity_body(doc: Doc) -> list[tuple[int, int]]:
    """Body sentences, less a closing references section and credit lines."""
    text = doc.text
    spans = [(s.span.start, s.span.end) for s in body_sentences(doc)]
    refs = [m.start() for m in _REFERENCES.finditer(text) if m.start() > len(text) * 0.4]
    if refs:
        spans = [(a, b) for a, b in spans if a < refs[0]]
    credits = [m.span() for m in _CREDIT.finditer(text)] + _repeated_headlines(text)
    if credits:
        # Neither inside a credit line nor holding the start of one; by binary search (a page of
        # many repeated lines against many sentences stays linear).
        covered, starts = covering(credits), sorted(x for x, _ in credits)
        spans = [(a, b) for a, b in spans
                 if not covered(a) and bisect.bisect_left(starts, a) >= bisect.bisect_left(starts, b)]
    tails = [m.start() for m in _CREDIT_TAIL.finditer(text)]
    if tails:
        spans = [(a, min([t for t in tails if a < t < b], default=b)) for a, b in spans]
        spans = [(a, b) for a, b in spans if not any(a <= t < b for t in tails) and b > a]
    return spans


def find_entities(doc: Doc, kind: str | None = None, agreements: list[Agreement] | None = None) -> list[Entity]:
    """Entities named in running text, most mentioned first within each kind.

    Prose (any ``kind`` but "treaty") is also read through the language-analysis
    stage's NER (see :mod:`pactlens.extract.prose.named`); a treaty keeps the rules alone.
    The names of ``agreements`` already found are agreements, not organizations.
    """
    text = doc.text
    ranges = _Body(_entity_body(doc))
    if not ranges.spans:
        return []
    sdoc = None
    if kind != "treaty":
        from pactlens.structure.nlp import nlp_doc

        sdoc = nlp_doc(doc)
    groups: dict[tuple[str, object], _Group] = {}
    people = _add_people(doc, ranges, groups, sdoc)
    taken = _add_states(text, ranges, groups) | _add_orgs(text, ranges, groups) | people
    if sdoc is not None:
        named = [(e.start, e.end) for ag in agreements or [] for e in ag.evidence if e.end - e.start <= _NAME_SPAN]
        taken |= _add_ner_orgs(doc, ranges, groups, sdoc, people, named)
    _add_named(text, ranges, groups, "project", _PROJECT, _POLICY_STOP)
    _add_named(text, ranges, groups, "policy", _POLICY, _POLICY_STOP | taken)
    _add_named(text, ranges, groups, "place", _FEATURE, set())
    _add_named(text, ranges, groups, "place", _CITY, _NOT_PLACE | taken)
    order = {"state": 0, "person": 1, "organization": 2, "project": 3, "policy": 4, "place": 5}
    out = [
        Entity(
            name=g.name,
            kind=g.kind,
            id=g.id,
            aliases=g.forms,
            role=g.role,
            mentions=len(g.spans),
            evidence=[doc.evidence(a, b) for a, b in sorted(g.spans)],
        )
        for g in groups.values()
    ]
    return sorted(out, key=lambda e: (order[e.kind], -e.mentions, e.name))
