"""The clause patterns of the ATOP obligations: the vocabulary (parties, attacks, wars, assistance,
adversaries), one pattern per way a treaty words each obligation, and ATOP's limits on a promise.

Kept apart from the detectors (:mod:`pactlens.extract.treaty.obligation_rules`) that combine them,
so that the wording a rule accepts can be read, and tested, on its own.
"""

from __future__ import annotations

import re

from pactlens.resources.lexicon import alternation
from pactlens.regexes import lazy_re

_I = re.IGNORECASE
_W = r"(?:[\w'’,-]+\s+)"  # one word and its trailing space, for bounded gaps

# --- vocabulary ----------------------------------------------------------------------

_PARTY = (
    r"(?:(?:high\s+)?contracting\s+part(?:y|ies)|part(?:y|ies)|signator(?:y|ies)|member(?:\s+state)?s?|"
    r"allies|ally|them|one\s+another|each\s+other|either|the\s+other|both|itself|countr(?:y|ies)|sides?|"
    r"governments?|territor(?:y|ies))"
)
_ATTACK = (
    r"(?:armed\s+attack|attack(?:ed|s)?|aggression|act\s+of\s+aggression|invasion|invaded|"
    r"aggressor|victim\s+of\s+aggression)"
)
_WAR = r"(?:war|hostilities|armed\s+conflict|military\s+conflict)"
_ASSIST = (
    rf"(?:assist(?:ance)?|aid|help|support|"
    rf"(?:render|give|provide|afford|extend|lend|grant)\s+{_W}{{0,6}}?(?:assistance|aid|support|help)|"
    rf"come\s+to\s+(?:the|its|his|their)\s+(?:aid|assistance|help|defen[cs]e)|"
    rf"take\s+{_W}{{0,8}}?action|act\s+to\s+meet\s+the\s+common\s+danger|use\s+of\s+armed\s+force|"
    rf"met\s+with\s+{_W}{{0,3}}?(?:collective|joint|military)\s+(?:action|response)|defend)"
)
#: Whom an equivalence extends the attack to: all the members, the others, the whole community.
_ALL_OF_US = (
    r"(?:them\s+all|all\s+of\s+them|all\b|each\s+of\s+(?:them|the\s+other)|every\b|the\s+others?\b|"
    r"other\s+(?:member|part|contracting|american|signator|high)\w*|the\s+entire|the\s+whole|itself|"
    r"themselves|both|any\s+(?:other|one)\s+of\s+them)"
)
#: "an armed attack against one ... shall be considered an attack against them all", in any wording:
#: the verb of equivalence, then an attack or aggression directed against all the members.
ATTACK_ON_ALL = lazy_re(
    rf"(?:consider\w*|regard\w*|deem\w*|treat\w*|view\w*|constitut\w*)\s+{_W}{{0,16}}?"
    rf"(?:attack|aggression|threat\s+or\s+aggression)\s+(?:\w+\s+){{0,3}}?(?:directed\s+)?(?:against|on|upon)\s+"
    rf"(?:the\s+)?{_ALL_OF_US}",
    _I,
)
_NEGATOR = r"(?:not|never|no|refrain\w*\s+from|abstain\w*\s+from|avoid\w*|nor)"
_ADVERSARY = (
    rf"(?:aggressors?|attackers?|enem(?:y|ies)|adversar(?:y|ies)|(?:the\s+)?attacking\s+(?:state|power|party|country)|"
    rf"(?:this|such|that|said)\s+third\s+(?:state|power|party|country|group)s?\b|"
    rf"(?:any\s+)?(?:third\s+)?(?:state|party|power|countr(?:y|ies))s?\s+(?:which|that|who)\s+{_W}{{0,3}}?"
    rf"(?:attack|commit|wage|is\s+engaged|are\s+engaged|at\s+war|is\s+in\s+conflict))"
)

# --- clause patterns ------------------------------------------------------------------

DEFENSE_TRIGGER = lazy_re(
    rf"{_ATTACK}\s+{_W}{{0,6}}?(?:against|on|upon)\s+{_W}{{0,5}}?{_PARTY}"
    rf"|{_PARTY}\s+{_W}{{0,6}}?(?:is|are|be|being|becomes?|shall\s+be)\s+(?:\w+\s+)?(?:attacked|invaded|"
    rf"(?:the\s+)?(?:object|victim|subject(?:ed)?)\s+(?:of|to)\s+(?:an?\s+)?{_ATTACK})"
    rf"|(?:in|on)\s+(?:the\s+)?event\s+of\s+(?:an?\s+)?{_ATTACK}|(?:party|parties|state)\s+so\s+attacked"
    rf"|(?:faces?|facing|suffers?)\s+{_W}{{0,2}}?(?:aggression|attack)"
    rf"|\b(?:be|been|is|are|being|was|were)\s+(?:\w+\s+)?(?:attacked|invaded)\b|\bpart(?:y|ies)\s+attacked\b"
    rf"|{_ATTACK}\s+(?:by|from)\s+(?:an?\s+|any\s+)?{_W}{{0,3}}?(?:states?|powers?|countr(?:y|ies)|third)"
    rf"|(?:party|parties|state|states|power)\s+against\s+(?:whom|which)\s+{_W}{{0,8}}?(?:aggression|attack|"
    rf"violation|breach)",
    _I,
)
DEFENSE_PROMISE = lazy_re(rf"\b{_ASSIST}", _I)
OFFENSE = lazy_re(
    rf"(?:join|enter|participate|take\s+part|engage)\s+(?:in\s+)?{_W}{{0,3}}?(?:the\s+)?(?:war|hostilities|military\s+"
    rf"(?:action|operations?))\s+(?:on\s+the\s+side\s+of|against|together)"
    rf"|declare\s+war\s+(?:on|upon|against)",
    _I,
)
WAR_TRIGGER = lazy_re(
    rf"{_PARTY}\s+{_W}{{0,4}}?(?:is|are|be|becomes?|shall\s+be|find\s+(?:itself|themselves))\s+"
    rf"(?:\w+\s+)?(?:engaged|involved|at)\s+(?:in\s+)?(?:an?\s+)?{_WAR}",
    _I,
)
NEUTRALITY = lazy_re(
    rf"\b{_NEGATOR}\s+{_W}{{0,4}}?(?:to\s+)?(?:render|give|provide|grant|extend|lend|furnish|aid|aiding|"
    rf"assist|assisting|support|supporting|help|helping)\w*\s+{_W}{{0,8}}?(?:to\s+|of\s+)?(?:the\s+|any\s+|an?\s+)?"
    rf"{_ADVERSARY}"
    ,
    _I,
)
REMAIN_NEUTRAL = lazy_re(rf"\b(?:remain|observe|maintain|preserve|keep)\s+{_W}{{0,5}}?neutral(?:ity)?\b", _I)
#: "remain neutral" is a neutrality promise only about a war ("neutral in regard to competitiveness" is not).
WAR_CONTEXT = lazy_re(r"\b(?:war|conflict|hostilities|belligeren\w*|aggress\w*|attack\w*)\b", _I)
NEUTRALITY_WEAK = lazy_re(
    rf"\b(?:not|never)\s+(?:to\s+)?(?:allow|permit|let)\s+{_W}{{0,5}}?territor(?:y|ies)\s+{_W}{{0,8}}?"
    rf"(?:aggression|attack|armed\s+force|hostile\s+acts?|military\s+action)\s+{_W}{{0,4}}?against"
    rf"|\b(?:not|never)\s+(?:to\s+)?(?:join|participate\s+in|take\s+part\s+in|enter\s+into|conclude)\s+{_W}{{0,4}}?"
    rf"(?:alliances?|blocs?|coalitions?|military\s+(?:alliances?|blocs?))\s+{_W}{{0,4}}?directed\s+against",
    _I,
)
NONAGGRESSION = lazy_re(
    rf"\b(?:refrain\w*|abstain\w*|desist\w*)\s+{_W}{{0,8}}?from\s+{_W}{{0,8}}?(?:(?:the\s+)?threat\s+or\s+(?:the\s+)?use\s+"
    rf"of\s+force|use\s+(?:or\s+threat\s+)?of\s+(?:armed\s+)?force|aggress\w*|attack\w*|acts?\s+of\s+violence|war)\b"
    rf"|\b(?:not|never|in\s+no\s+(?:case|circumstances?)|under\s+no\s+circumstances?)\s+(?:to\s+)?"
    rf"(?:attack|invade|resort\s+to\s+(?:war|(?:armed\s+)?force|the\s+(?:threat\s+or\s+(?:the\s+)?)?use\s+of\s+"
    rf"(?:armed\s+)?force|arms)|"
    rf"use\s+(?:armed\s+)?force|commit\s+(?:any\s+)?(?:act\s+of\s+)?aggression)\b"
    rf"|\brenounce\w*\s+{_W}{{0,3}}?(?:war|the\s+(?:threat\s+or\s+)?use\s+of\s+force)",
    _I,
)
#: The scope of a no-force pledge: among the parties, or "in their international relations".
NONAGG_SCOPE = lazy_re(
    r"international\s+relations|(?:against|on|upon|towards?)\s+(?:each\s+other|one\s+another|the\s+other\b|"
    r"any\s+(?:other\s+)?party)"
    r"|between\s+(?:them|the\s+parties)|(?:their|mutual)\s+relations",
    _I,
)
CONSULT = lazy_re(
    r"\b(?:consult\w*|confer\b|exchange\s+(?:of\s+)?views|contact\s+(?:with\s+)?(?:each\s+other|one\s+another)|"
    r"negotiat\w*|coordinate\s+their\s+(?:positions|stances|actions))",
    _I,
)
CRISIS = lazy_re(
    r"\b(?:threat\w*|danger\w*|endanger\w*|jeopardi\w*|menace\w*|aggression|attack\w*|crisis|crises|"
    r"breach\s+of\s+the\s+peace|emergenc\w*)",
    _I,
)
SECURITY_CONTEXT = lazy_re(
    r"\b(?:(?<!social\s)(?<!food\s)security|peace|territorial\s+integrity|political\s+independence|sovereignty|military|armed|war|"
    r"aggression|attack\w*|defen[cs]e)\b",
    _I,
)
#: Consultation *on* defence or security matters (the coordination ATOP asks for), not merely near them.
CONSULT_ON_SECURITY = lazy_re(
    rf"consult\w*\s+{_W}{{0,4}}?(?:in|on|about|regarding|concerning|over|with\s+regard\s+to|with\s+respect\s+to|"
    rf"in\s+regard\s+to)\s+{_W}{{0,4}}?(?:defen[cs]e|security|military)\s+{_W}{{0,3}}?(?:matters|questions|issues|"
    rf"threats|problems|policy|policies|planning)",
    _I,
)
DEFENSE_EXCLUDED_TOPIC = lazy_re(
    r"(?:military\s+alliance|mutual\s+(?:military\s+)?(?:defen[cs]e|assistance)|collective\s+defen[cs]e|"
    r"defen[cs]e\s+(?:commitments?|obligations?|pact|clause)|security\s+guarantees?|military\s+assistance)",
    _I,
)

#: A pledge to use one's military means against an enemy in a war under way ("employ its full
#: resources, military or economic, against those ... with which such government is at war").
DEFENSE_WAR = lazy_re(
    rf"\b(?:employ|use|devote|direct|place|put|commit|afford|render|give|provide|lend|mobili[sz]e)\w*\s+{_W}{{0,10}}?"
    rf"(?:resources|forces|means|assistance|support|aid)\b[^.;]{{0,160}}?"
    rf"(?:against\s+{_W}{{0,16}}?(?:(?:is|are)\s+at\s+war|enem(?:y|ies))|in\s+the\s+(?:present\s+|common\s+)?"
    rf"(?:war|struggle|fight)\s+(?:against|with))",
    _I,
)
#: A common organ charged with the members' defence: "a Joint Defence Council shall be formed",
#: "establish a Joint Command of the armed forces". Defence *co-operation* bodies are not this.
_ORGAN = rf"(?:{alternation('organ_words')})\b"
DEFENSE_ORGAN = lazy_re(
    rf"\b{_ORGAN}\s+(?:\w+\s+){{0,3}}?(?:responsible|charged|entrusted|competent)\s+(?:for|with)\s+(?:\w+\s+){{0,3}}?"
    rf"(?:collective|common|joint|mutual)\s+defen[cs]e"
    rf"|\b(?:joint|collective|common|unified|combined)\s+(?:defen[cs]e\s+{_ORGAN}|(?:military\s+)?{_ORGAN}"
    r"(?:\s+of\s+the\s+armed\s+forces|(?=[^.;]{0,200}?(?:defen[cs]e(?!\s+(?:co-?operation|industr\w*|research|"
    r"procurement|technolog\w*))|armed\s+forces))))",
    _I,
)
DEFENSE_ORGAN_SET_UP = lazy_re(r"\b(?:establish|set\s+up|creat|form|constitut|institut)\w*\b", _I)
#: Not letting one's territory serve hostile acts against the partner: a non-aggression promise.
NONAGG_TERRITORY = lazy_re(
    rf"\b(?:(?:not|never)\s+(?:to\s+)?(?:allow|permit|tolerate|let)|prevent|prohibit|forbid|suppress)\w*\s+"
    rf"{_W}{{0,14}}?(?:territor(?:y|ies)|soil)\b[^.;]{{0,200}}?"
    rf"(?:hostil\w*|aggress\w*|attack\w*|subversi\w*|armed\s+bands|injur\w*|detriment|military\s+action)"
    rf"[^.;]{{0,120}}?(?:the\s+other|each\s+other|one\s+another|either|against\s+(?-i:[A-Z]\w+)\s+or\s+(?-i:[A-Z]))",
    _I,
)
#: OCR-proof no-force pledge: read over letters only, with the usual misread letters (e/c, o/0, l/1/i).
_E, _O, _L = "[ec]", "[o0]", "[li1]"
NONAGG_LETTERS = lazy_re(
    rf"(?:r{_E}fra{_L}n|abstain|d{_E}s{_L}st)\w{{0,80}}?fr{_O}m\w{{0,60}}?"
    rf"(?:thr{_E}at{_O}ru?s{_E}{_O}ff{_O}rc{_E}|u?s{_E}{_O}ff{_O}rc{_E}|us{_E}{_O}rthr{_E}at{_O}ff{_O}rc{_E})"
    rf"|n{_O}tt{_O}(?:r{_E}s{_O}rtt{_O}|us{_E})(?:arm{_E}d)?f{_O}rc{_E}"
)
NONAGG_SCOPE_LETTERS = lazy_re(
    r"internati[o0]na[l1i]r[ec][l1i]ati[o0]ns|[ec]ach[o0]th[ec]r|[o0]n[ec]an[o0]th[ec]r|th[ec][o0]th[ec]r|mutua[l1i]r[ec][l1i]ati[o0]ns")
NONAGG_UNIVERSAL_LETTERS = lazy_re(r"[o0]fany(?:[o0]th[ec]r)?stat[ec]|aga[il1]nstany(?:[o0]th[ec]r)?stat[ec]")
#: Standing consultation on foreign and security policy in general (regional organisations with a
#: common foreign policy), not on "questions of mutual interest".
FOREIGN_POLICY_TOPIC = lazy_re(
    r"\b(?:foreign\s+and\s+security\s+polic(?:y|ies)|security\s+(?:and\s+defen[cs]e\s+)?polic(?:y|ies)|"
    r"defen[cs]e\s+polic(?:y|ies)|(?:international|regional|collective|universal)\s+security|"
    r"questions\s+of\s+(?:war\s+and\s+)?peace|(?:questions|matters|issues|problems)\s+of\s+(?:their\s+)?"
    r"(?:common\s+|mutual\s+|regional\s+|international\s+|collective\s+|military\s+)?(?:security|defen[cs]e)"
    r"(?!\s+(?:of\s+)?(?:supply|food|energy|social|information|data|co-?operation)))\b"
    r"|\binternational\s+(?:political\s+)?(?:issues|questions|problems|situation|affairs)\b(?=[^.;]{0,200}?"
    r"\bsecurity\b)",
    _I,
)

# --- conditions (ATOP's limits on a promise) ------------------------------------------

CONDITIONS: list[tuple[str, re.Pattern[str]]] = [
    ("location", lazy_re(
        r"\b(?:in|within|on\s+the\s+territory\s+of|in\s+the\s+territory\s+of)\s+(?:the\s+)?"
        r"(?:[A-Z][\w-]+\s+(?:(?:or|and|of|the)\s+)?){0,4}(?:[Aa]rea|[Rr]egion|[Zz]one|Europe|America|Asia|Africa)\b")),
    ("non-provocation", lazy_re(r"\bunprovoked\b|\bwithout\s+(?:\w+\s+){0,2}provocation\b|\bnot\s+provoked\b", _I)),
    ("request", lazy_re(r"\b(?:at|upon|on)\s+(?:the\s+)?(?:its\s+)?request\s+of\b|\bif\s+(?:so\s+)?requested\b|"
                           r"\bupon\s+request\b|\bat\s+the\s+request\b", _I)),
    ("conflict", lazy_re(r"\b(?:the\s+present\s+(?:war|hostilities|conflict)|the\s+war\s+(?:against|with)\s+"
                            r"[A-Z]\w+)", _I)),
    ("adversary", lazy_re(r"\b(?:attack\w*|aggression|war)\s+(?:by|from|with)\s+(?-i:(?:[A-Z][\w-]+\s?){1,3})", _I)),
]


def negated_before(text: str, start: int) -> bool:
    """A negator in the few words before ``start`` ("shall not render", "refrain from supporting")."""
    window = text[max(0, start - 40) : start]
    return re.search(rf"\b{_NEGATOR}\s+(?:\w+\s+){{0,3}}$", window, _I) is not None


def assist_to_adversary(text: str, end: int) -> bool:
    """The adversary as the recipient right after an assistance verb ("render assistance to the aggressor")."""
    return re.match(rf"\s+{_W}{{0,6}}?(?:to\s+|of\s+)?(?:the\s+|any\s+|an?\s+)?{_ADVERSARY}", text[end:], _I) is not None
