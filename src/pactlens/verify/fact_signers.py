"""The people a claim says signed the agreement ("signed by X and Y", "X and Y signed the
treaty"), against the treaty's signatories: contradicted only when a signatory was found for
every party and the name is nowhere in the treaty's text.
"""

from __future__ import annotations

import re

from pactlens.resources.lexicon import words
from pactlens.resources.states import find_states, lookup
from pactlens.verify.fact_places import CAP_WORD, gap_ok
from pactlens.verify.fact_record import (
    BriefContext, TreatyFacts, Verdict, contains_words, evidence_spans, fold, folded_words, worst,
)
from pactlens.regexes import lazy_re

#: The offices and forms of address of the lexicon (extract's people read the same), longest first,
#: a final full stop left to the pattern ("Mr." and "Mr", "Gen." and "Gen").
_OFFICES = "|".join(
    r"\s+".join(map(re.escape, t.rstrip(".").split()))
    for t in sorted(words("office_titles") + words("forms_of_address"), key=lambda t: (-len(t), t))
)
_ROLE = lazy_re(
    r"(?:(?:Foreign|Prime|Defen[cs]e|Vice|Deputy|Crown|Chief|Acting|Supreme|First|Grand|Former|then)\s+)*"
    rf"(?:{_OFFICES})\b\.?"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:State|Defen[cs]e|Foreign\s+Affairs|External\s+Affairs|Treasury|War|Trade|Commerce))?",
)
# Where a list of signatories ends: a clause break, a full stop (not an initial's), "in Moscow", "on 6 April".
_WHO_END = lazy_re(r"[;:()\[\]]|(?<!\b[A-Z])\.(?:\s|$)|\s(?:in|at|on|to|for|with|as|during)\s")
# "by main signatories Joachim von Ribbentrop and …", "by the plenipotentiaries …"
_SIGNERS_LEAD = lazy_re(r"^(?:(?:the|its|their)\s+)?(?:(?:main|chief|respective)\s+)?"
                           r"(?:signatories|plenipotentiaries|representatives)\s+")
_PARTICLE = frozenset("de del da di la le van von der den al bin ibn du dos das y".split())
_NAME_SPLIT = lazy_re(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
# Words that make a capitalized phrase an institution, not a person.
_INSTITUTION = lazy_re(r"\b(?:Government|Ministry|Council|Committee|Commission|Union|Nations|Organi[sz]ation|"
                          r"Republic|Kingdom|Federation|Parliament|Assembly|Congress|Senate|Bank|Agency|Office|"
                          r"Department|Corporation|Company|Group|Forces|Army|Navy|Party|Treaty|Agreement)\b")


def claimed_signatories(claim: str, brief: BriefContext) -> list[str]:
    """Surnames of the people the claim says signed the agreement: "signed by X and Y",
    "X and Y signed the treaty". Institutions and states are not people."""
    names: list[str] = []
    for verb in re.finditer(r"\bsigned\b", claim):
        after = by_after(claim, verb.end())
        if after is not None:
            who = _SIGNERS_LEAD.sub("", claim[after:], count=1)
            names += _names_in(who[: _WHO_END.search(who + ".").start()], brief)
        else:
            names += _names_in(clause_before(claim, verb.start()), brief)
    return list(dict.fromkeys(names))


def by_after(claim: str, at: int) -> int | None:
    """Where the agents of "signed … by" start, if "by" follows in the same clause ("signed in
    Kabul on 6 May 1935 by …")."""
    by = re.compile(r"\bby\s+").search(claim, at, min(len(claim), at + 100))
    if by is None or not gap_ok(claim, at, by.start()):
        return None
    return by.end()


def clause_before(claim: str, at: int) -> str:
    """The subject of "signed": back to the previous clause break (a comma not inside a date)."""
    head = claim[:at]
    head = re.sub(r"\s+(?:have|has|had|jointly|formally|officially|personally|finally|then)\s*$", " ", head)
    cut = max((m.end() for m in re.finditer(r"[;:(\[]|,(?!\s*\d{4}\b)(?=\s)|\.\s", head)), default=0)
    return head[cut:].strip()


def _names_in(text: str, brief: BriefContext) -> list[str]:
    """Surnames of the persons listed in ``text`` ("Russian President Vladimir Putin and Iranian
    President Masoud Pezeshkian"); the list stops at the first item that is not a name
    ("foreign ministers from 23 other countries", "the United States Secretary of State")."""
    out = []
    for item in _NAME_SPLIT.split(text.strip()):
        surname = _person(item.strip(), brief)
        if surname is None:
            break
        out.append(surname)
    return out


def _person(item: str, brief: BriefContext) -> str | None:
    """The surname of a person written as "[adjective] [role] First Last", else None."""
    rest, titled = item, False
    first = next(iter(find_states(rest)), None)
    if first is not None and first.start == 0:  # "Russian President …", "Russia's Sergei Lavrov"
        owner = re.match(r"['’]s\s", rest[first.end :])
        if first.form == "adjective" or owner:
            rest = rest[first.end + (owner.end() if owner else 0) :].lstrip()
    role = _ROLE.match(rest)
    if role:
        rest, titled = rest[role.end() :].lstrip(), True
    tokens = rest.split()
    if not tokens or not 1 <= len([t for t in tokens if t.lower() not in _PARTICLE]) <= 4:
        return None
    if not all(re.fullmatch(CAP_WORD, t) or t.lower() in _PARTICLE for t in tokens):
        return None
    if lookup(rest) is not None or find_states(rest) or _INSTITUTION.search(rest):
        return None
    surname = tokens[-1].rstrip(".,")
    known = fold(surname) in brief.persons
    if titled or known or len(tokens) >= 2:
        return surname
    return None


def judge_signatories(claim: str, facts: TreatyFacts, brief: BriefContext) -> Verdict | None:
    surnames = claimed_signatories(claim, brief)
    if not surnames:
        return None
    signatories = facts.agreement.signatories if facts.agreement else []
    if not signatories:
        return "not-in-text", "the treaty's text names no signatories", []
    return worst([_judge_signatory(s, facts) for s in surnames])



def _judge_signatory(surname: str, facts: TreatyFacts) -> Verdict:
    assert facts.agreement is not None
    signatories = facts.agreement.signatories
    key = folded_words(surname)  # "Ormsby-Gore" -> ormsby, gore
    for s in signatories:
        if contains_words(folded_words(s.name), key):
            return "supported", f"{s.name} signed it", evidence_spans(s.evidence)
    found = ", ".join(s.name for s in signatories)
    named_in_text = contains_words(facts.words, key)
    if _signatories_complete(facts) and not named_in_text:
        return "contradicted", f"{surname} is not among its signatories ({found})", [
            x for s in signatories for x in evidence_spans(s.evidence)]
    return "not-in-text", f"{surname} is not among the signatories found ({found})", []


def _signatories_complete(facts: TreatyFacts) -> bool:
    """A signatory found for every party: a name missing from them did not sign."""
    ag = facts.agreement
    if ag is None or not ag.signatories or not facts.parties:
        return False
    signed_for = {s.party for s in ag.signatories if s.party}
    return set(facts.parties) <= signed_for
