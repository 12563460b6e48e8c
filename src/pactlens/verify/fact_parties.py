"""The states a claim names as the agreement's parties ("the treaty between A and B", "the A–B
treaty", "A and B signed the treaty"), against the parties the treaty's text names: contradicted
only when the treaty's own naming of its parties (title, head of the preamble) is complete.
"""

from __future__ import annotations

import re

from pactlens.verify.fact_record import AGREEMENT, BriefContext, TreatyFacts, Verdict, state_mentions, state_names
from pactlens.verify.fact_signers import by_after, clause_before
from pactlens.regexes import lazy_re

# "the treaty between", "the Treaty on Comprehensive Strategic Partnership between" (a title's words
# only: "the treaty marks a deepening of relations between …" names no parties)
_BETWEEN = lazy_re(rf"\b{AGREEMENT}\b(?:\s+(?:signed|concluded))?(?:\s+(?:(?-i:[A-Z])[\w'’-]*|on|of|for|and|the))*?"
                      rf"\s+between\s+", re.IGNORECASE)
_DASH = r"\s*[-–—/]\s*"
_COMMIT = lazy_re(r"\b(?:commits?|binds?|obliges?|obligates?|requires?)\s+(?:\w+ly\s+)?", re.IGNORECASE)
_TWO = lazy_re(r"(?:the\s+two|both)\s+(?:countries|states|nations|sides|governments)\b", re.IGNORECASE)
_DEFINITE = lazy_re(rf"^\s*(?:the|this|that)\s+(?:[\w'’-]+\s+){{0,6}}?{AGREEMENT}\b", re.IGNORECASE)


def claimed_parties(claim: str, brief: BriefContext) -> list[tuple[frozenset[str], int, int]]:
    """Sets of states the claim names as the agreement's parties, with their extent in the claim:
    "the treaty between A and B", "the A–B treaty", "the Russian-Iranian pact", "the treaty
    commits A and B", "A and B signed the treaty", "signed by A and B", "A's treaty with B";
    in those places "the two countries" are the brief's own two parties. A state merely
    mentioned in a sentence about the agreement is not one."""
    mentions = state_mentions(claim)
    found = [x for m in _BETWEEN.finditer(claim) for x in _parties_at(claim, mentions, m.end(), brief)]
    found += _dash_chains(claim, mentions)
    for verb in _COMMIT.finditer(claim):
        if _subject_before(claim, verb.start()):
            found += _parties_at(claim, mentions, verb.end(), brief)
    found += _signing_states(claim, mentions, brief)
    found += _possessive(claim, mentions)
    return [f for f in found if not _other_agreement(f[0], brief)]


def _parties_at(claim: str, mentions: list, at: int, brief: BriefContext) -> list[tuple[frozenset[str], int, int]]:
    two = _TWO.match(claim, at)
    if two:
        return [(frozenset(brief.parties), two.start(), two.end())] if len(brief.parties) == 2 else []
    return _listed(claim, mentions, at)


def _other_agreement(states: frozenset[str], brief: BriefContext) -> bool:
    """The states of another agreement the brief discusses (Iran and China's 2021 programme)."""
    return bool(brief.parties) and states != frozenset(brief.parties) and states in brief.other_parties


def _listed(claim: str, mentions: list, at: int) -> list[tuple[frozenset[str], int, int]]:
    """States listed from ``at``: "A and B", "A, B and C", "the A and the B"."""
    got, end = [], at
    for m in mentions:
        if m.start < end:
            continue
        if not re.fullmatch(r"\s*(?:,|and|&|,\s*and)?\s*(?:the\s+)?", claim[end : m.start], re.IGNORECASE):
            break
        got.append(m.iso3)
        end = m.end
    return [(frozenset(got), at, end)] if len(set(got)) >= 2 else []


def _dash_chains(claim: str, mentions: list) -> list[tuple[frozenset[str], int, int]]:
    """"the Russia–Iran treaty", "the U.S.-Bahrain Defense Cooperation Agreement": states joined
    by dashes, followed within a few words by the agreement's name."""
    out, i = [], 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions) and re.fullmatch(_DASH, claim[mentions[j].end : mentions[j + 1].start]):
            j += 1
        start, end = mentions[i].start, mentions[j].end
        if j > i and re.match(rf"\s+(?:[\w'’-]+\s+){{0,6}}?{AGREEMENT}\b", claim[end:], re.IGNORECASE) \
                and not _OTHER_BEFORE.search(claim[max(0, start - 30) : start]):
            out.append((frozenset(m.iso3 for m in mentions[i : j + 1]), start, end))
        i = j + 1
    return out


_OTHER_BEFORE = lazy_re(r"\b(?:an?|another|earlier|previous|prior|former|separate|initial|\d{4})\s+$", re.IGNORECASE)


def _subject_before(claim: str, at: int) -> bool:
    """The agreement is the subject of the verb before ``at`` ("The Treaty commits …")."""
    head = re.split(r"[;:]|,\s(?!\d)", claim[:at])[-1]
    return bool(re.search(rf"\b(?:the|this|that|said)\s+(?:[\w'’-]+\s+){{0,6}}{AGREEMENT}\b|^\s*it\b", head, re.IGNORECASE))


def _signing_states(claim: str, mentions: list, brief: BriefContext) -> list[tuple[frozenset[str], int, int]]:
    """"Russia and Iran signed the treaty", "the treaty was signed by Russia and Iran"."""
    out = []
    for verb in re.finditer(r"\bsigned\b", claim):
        by = by_after(claim, verb.end())
        if by is not None:
            out += _parties_at(claim, mentions, by, brief)
            continue
        if not _DEFINITE.match(claim[verb.end() :]):
            continue  # "the UAE signed an agreement with Ukraine": another agreement
        head = clause_before(claim, verb.start())
        at = claim.rfind(head, 0, verb.start()) if head else -1
        listed = _parties_at(claim, mentions, at, brief) if at >= 0 else []
        if listed and not claim[listed[0][2] : verb.start()].strip():
            out += listed
    return out


def _possessive(claim: str, mentions: list) -> list[tuple[frozenset[str], int, int]]:
    """"Russia's treaty with Iran"."""
    out = []
    for a in mentions:
        m = re.match(rf"['’]s\s+(?:[\w'’-]+\s+){{0,5}}?{AGREEMENT}\s+with\s+(?:the\s+)?", claim[a.end :], re.IGNORECASE)
        if not m:
            continue
        b = next((x for x in mentions if x.start == a.end + m.end()), None)
        if b is not None and b.iso3 != a.iso3:
            out.append((frozenset({a.iso3, b.iso3}), a.start, b.end))
    return out


def judge_parties(claim: str, facts: TreatyFacts, brief: BriefContext) -> Verdict | None:
    claims = claimed_parties(claim, brief)
    if not claims:
        return None
    have = set(facts.parties)
    if not have:
        return "not-in-text", "the treaty's text names no parties", []
    claimed = frozenset().union(*(c[0] for c in claims))
    names = state_names(facts.parties)
    spans = facts.party_spans()
    missing = [c for c in sorted(claimed) if c not in have]
    if not missing:
        return "supported", f"its parties include {state_names(sorted(claimed))}", spans
    named = [c for c in missing if c in facts.named_states]
    if facts.parties_closed() and not facts.former_party() and not named:
        return "contradicted", f"its parties are {names}, not {state_names(missing)}", spans
    if named:
        return "not-in-text", f"{state_names(named)}: named in its text, not among the parties found ({names})", []
    return "not-in-text", f"{state_names(missing)}: not among the parties found ({names})", []
