"""People's names as treaties and writing about them print them: what a name looks like
(two to five capitalised tokens, none of them a state, an institution word, a month or a
heading), and the records of signatories found.

Shared by signature blocks and by signers named in prose, so a name is valid by one rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pactlens.model import Signatory
from pactlens.resources.lexicon import lowered
from pactlens.resources.states import StateMention, find_states, lookup
from pactlens.regexes import lazy_re

UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
LOW = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
#: "Robert", "McKernan", "FAIZ-MOHAMMED", "Díaz-Durán", "O'Neil"; "H.", "J.F.W.", "Cl."; "M" (an initial without its dot).
_CAP_TOKEN = lazy_re(
    rf"(?:[{UP}](?:[{LOW}]+[{UP}]?[{LOW}]*|[{UP}]+)(?:['\u2019\-][{UP}]?[{UP}{LOW}]+)*"
    rf"|(?:[{UP}][{LOW}]{{0,2}}\.){{1,4}}|[{UP}](?![\w.]))"
)
_PARTICLES = {"de", "da", "del", "della", "di", "do", "dos", "das", "du", "van", "von", "der", "den", "ten", "ter",
              "la", "le", "bin", "ibn", "al", "el", "y", "e", "al-", "el-"}
_SUFFIXES = {"jr.", "jr", "sr.", "ii", "iii"}
#: Honorifics that may stand before a name; they are not part of it.
HONORIFIC = lazy_re(
    r"(?:(?:His|Her|HIS|HER)\s+(?:Excellency|EXCELLENCY)|H\.\s?E\.|Monsieur|MONSIEUR|Messrs\.?|Mr\.?|MR\.?|Mrs\.?|Ms\.?|Dr\.?|DR\.?"
    r"|Sir|SIR|Se[nñ]or|SE[NÑ]OR|Sr\.|Don|Herr|Baron|BARON|Count|COUNT|Lord|Prince|Shri|Lic\.|Ing\.|Prof\.?"
    r"|The\s+Hon(?:ou?rable|\.)|Hon\.|Vice[- ]Admiral|Admiral|General|Colonel|Marshal|Chevalier|Jonkheer|Dame|Mme\.?|Madame)"
    r"(?=\s|[A-Z])\s*"
)
#: Words that begin a title after a name ("Minister for Foreign Affairs", "AMBASSADOR OF PORTUGAL").
ROLE_START = {
    "minister", "ambassador", "extraordinary", "secretary", "under-secretary", "undersecretary", "president",
    "vice", "vice-president", "chairman", "director", "director-general", "deputy", "head", "permanent", "envoy",
    "delegate", "chief", "governor", "prime", "foreign", "federal", "member", "councillor", "counsellor",
    "commissioner", "consul", "chargé", "plenipotentiary", "representative", "acting", "assistant", "executive",
    "senator", "premier", "chancellor", "esquire", "judge", "attorney", "parliamentary", "mp", "subject", "his",
    "her", "minister-president", "state", "high", "general", "special", "principal", "leader", "king", "queen",
}
#: Capitalised words that are never part of a person's name.
_NOT_NAME = {
    "for", "the", "and", "of", "who", "whom", "signed", "sgd", "done", "in", "at", "on", "by", "to", "with", "annex",
    "article", "protocol", "appendix", "chapter", "part", "schedule", "title", "government", "governments",
    "republic", "kingdom", "council", "community", "communities", "union", "states", "agreement", "treaty",
    "convention", "majesty", "excellency", "highness", "witness", "whereof", "hereof", "undersigned",
    "plenipotentiaries", "plenipotentiary", "parties", "party", "contracting", "commission", "committee",
    "organisation", "organization", "association", "secretariat", "ministry", "department", "office", "bank",
    "economic", "european", "national", "international", "memorandum", "amendments", "declaration", "final",
    "act", "note", "notes", "letter", "excellency,", "confederation", "principality", "duchy", "emirates",
    "provided", "having", "being", "this", "that", "these", "page", "na", "l.s.", "seal", "sealed", "federation",
    "islamic", "democratic", "socialist", "people", "people's", "republics", "territory", "territories",
    "english", "french", "spanish", "arabic", "russian", "portuguese", "original",
    "have", "has", "decided", "agreed", "now", "therefore", "whereas", "hereby", "bilateral", "multilateral",
    "transit", "articles", "ad", "gazette", "no", "military", "engineer", "regulations", "rules", "list",
    "products", "customs", "tariff", "section", "sub-section", "notice", "specific", "general", "joint",
    "minutes", "record", "understanding", "exchange", "text", "copy", "true", "certified", "page", "annexes",
} | ROLE_START | lowered("months")
#: Sovereigns' styles that name no state in words the gazetteer knows.

@dataclass
class NameSpan:
    start: int
    end: int
    name: str


@dataclass
class Signers:
    """What :func:`find_signatories` found: the signatories, and the states their own lines name."""

    signatories: list[Signatory] = field(default_factory=list)
    states: list[StateMention] = field(default_factory=list)


def valid_name(tokens: Sequence[str]) -> bool:
    """Whether tokens look like one person's name."""
    caps = [t for t in tokens if t.lower() not in _PARTICLES and t.lower() not in _SUFFIXES]
    full = [t for t in caps if len(t.rstrip(".")) > 1 and not t.endswith(".")]
    if not full or len(caps) < 2 or len(full) > 4 or len(caps) > 6:
        return False  # a lone word is a surname at best; six words are two people
    if any(t.lower().strip(".,") in _NOT_NAME for t in caps):
        return False
    shape = "".join("f" if t in full else "i" for t in caps)
    if re.search(r"ff+i+f", shape):
        return False  # "GARETH EVANS M T SOMARE": an initial after a full name begins another
    joined = " ".join(tokens)
    return lookup(joined) is None and not find_states(joined)


_WORD = lazy_re(r"[ \t]*([^\s,;:()\[\]]+)")
_INITIALS = lazy_re(rf"(?:[{UP}][{LOW}]{{0,2}}\.)+")


def name_at(text: str, pos: int, end: int) -> NameSpan | None:
    """The person's name starting at ``pos`` (after any honorific), as written, or None."""
    while (h := HONORIFIC.match(text, pos, end)) is not None and h.end() > pos:
        pos = h.end()  # "H. E. Dr. Higino Arbo"
    tokens: list[str] = []
    spans: list[tuple[int, int]] = []
    i = pos
    while i < end:
        m = _WORD.match(text, i, end)
        if m is None or (not tokens and m.start(1) != pos):
            break
        w, ws = m.group(1), m.start(1)
        low = w.lower()
        if tokens and HONORIFIC.match(text, ws, end) and not _INITIALS.fullmatch(w):
            break  # the next person begins
        if tokens and low in _PARTICLES:
            if not re.match(rf"[ \t]+(?:[{UP}]|(?:{'|'.join(_PARTICLES)})[ \t]+[{UP}])", text[m.end() : m.end() + 9]):
                break
        elif tokens and low in _SUFFIXES:
            tokens.append(w); spans.append(m.span(1))
            break
        else:
            last = w.endswith(".") and not _INITIALS.fullmatch(w)
            core = w[:-1] if last else w
            if not _CAP_TOKEN.fullmatch(core) or core.lower() in _NOT_NAME:
                break
            tokens.append(core); spans.append((ws, ws + len(core)))
            i = m.end()
            if last:
                break  # "LOVELL." ends the line
            continue
        tokens.append(w); spans.append(m.span(1))
        i = m.end()
    while tokens and tokens[-1].lower() in _PARTICLES:
        tokens.pop(); spans.pop()
    if not tokens or not valid_name(tokens):
        return None
    return NameSpan(spans[0][0], spans[-1][1], " ".join(tokens))


def split_run(text: str, start: int, end: int) -> list[NameSpan] | None:
    """Several names written in one run ("GARETH EVANS M T SOMARE", "Otso WARTIOVAARA Sven ALLARD"):
    split only where the run itself shows a boundary (an honorific, an initial after a surname, a
    given name after a name in capitals); None when it shows none."""
    words = [m for m in re.finditer(r"\S+", text[start:end])]
    cuts = [0]
    for k in range(1, len(words)):
        prev, cur = words[k - 1].group(0), words[k].group(0)
        initial_after_surname = re.fullmatch(r"[A-Z]\.?", cur) and len(prev.rstrip(".")) > 1
        given_after_caps = prev.isupper() and len(prev) > 2 and cur[:1].isupper() and cur[1:].islower() and len(cur) > 2
        if HONORIFIC.fullmatch(cur + " ") or initial_after_surname or given_after_caps:
            cuts.append(k)
    if len(cuts) < 2:
        return None
    out = []
    for a, b in zip(cuts, cuts[1:] + [len(words)]):
        s, e = start + words[a].start(), start + words[b - 1].end()
        n = name_at(text, s, e)
        if n is None or n.end < e:
            return None
        out.append(n)
    return out


def merge_signatories(signatories: Iterable[Signatory]) -> list[Signatory]:
    """One record per person (by name), the first found kept, a missing title or party filled in."""
    out: dict[str, Signatory] = {}
    for s in signatories:
        key = re.sub(r"\W+", " ", s.name).strip().lower()
        if key not in out:
            out[key] = s
            continue
        if out[key].role is None and s.role:
            out[key].role = s.role
        if out[key].party is None and s.party:
            out[key].party = s.party
            out[key].evidence = out[key].evidence + [e for e in s.evidence if e not in out[key].evidence]
    return list(out.values())
