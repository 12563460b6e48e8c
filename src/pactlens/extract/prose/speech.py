"""How speech is worded in English prose: the speech verbs, "according to", and what may stand
between a speaker and the verb or after a quotation ("…,' he said", "…,' the minister added").

The vocabulary both the quote finder (:mod:`pactlens.extract.prose.quote_spans`) and the speaker
resolver (:mod:`pactlens.extract.prose.attribution`) read, kept in one place so the two agree on
what counts as speech.
"""

from __future__ import annotations

import re

from pactlens.resources.lexicon import alternation, words
from pactlens.regexes import lazy_re
from pactlens.structure.scan import word_openings

#: Every form of every speech verb, as one alternation (lexicon/speech_verbs.txt).
VERB_FORMS = alternation("speech_verbs")
# The first-letter lookahead lets the regex engine skip most word starts at once.
_VERB_INITIALS = "".join(sorted({w[0] for w in re.findall(r"[a-z]+", VERB_FORMS)}))
# Not after a hyphen: "Re-affirming" is one word of a preamble, not "Re-" affirming.
SPEECH_VERB = lazy_re(rf"(?<!-)\b(?=[{_VERB_INITIALS}])(?:{VERB_FORMS})\b")
#: Where a SPEECH_VERB can begin, as a trie of the forms: a whole text is scanned with this, and
#: SPEECH_VERB tried only at its hits (the lexicon's forms are plain words).
SPEECH_VERB_OPENING = word_openings(words("speech_verbs"))
#: "According to X, …" and its synonym "In the words of X, …".
ACCORDING = lazy_re(r"\b(?:[Aa]ccording to|[Ii]n the words of)\s+")
# When a speaker spoke, written between name and verb: "Trump on August 1 said",
# "Pezeshkian in August reportedly said", "Bessent days later said".
_WHEN = (
    r"(?:on|in|by|during)\s+(?:(?:early|mid|late)-?\s*)?(?:[A-Z][a-z]+\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?|\d{4})"
    r"|(?:days|weeks|months)\s+later|the\s+next\s+day"
)
# Words allowed between a subject and its speech verb: an acronym in brackets,
# adverbs, auxiliaries, a time, an aside.
_GAP = lazy_re(
    r"^(?:\s*\([A-Z][\w.-]{0,12}\))?(?:\s*,[^,\"“”]{1,60},|\s*,\s*(?:an?|the)\s[^,\"“”]{1,100},)?(?:\s+(?:\w+ly|also|further|then|again|once|has|had|have|who|would|will|"
    rf"later|in\s+turn,?|[\w-]+ly,|{_WHEN}))*\s*(?:,\s*who\s+)?$"
)
# A first predicate the same subject carries over "and" to the speech verb:
# "Hitler had offered concrete guarantees, and told", "Greer reported to the
# House Ways and Means Committee and asserted". No quotation, clause break or
# second name-like start in it, so the subject cannot have changed.
COORDINATED = lazy_re(
    r"^\s+(?:(?:has|had|have|also|then)\s+)?[a-z]+(?:ed|ied)\b[^;:\"“”()]{0,80}?,?\s+and\s+(?:(?:also|then|later)\s+)?$"
)
PRONOUN_BEFORE = lazy_re(r"(?:^|[\s(,])(?:[Hh]e|[Ss]he)\s+$")
PRONOUN = lazy_re(r"(?:^|[\s(])(?P<p>[Hh]e|[Ss]he)(?:\s+(?:\w+ly|also|further|then|again|later|had|has))*\s*$")
#: Offices that stand for their holder after "the" ("the minister said", "…,' the Foreign Minister
#: added"): the lexicon's office titles but abbreviations and acronyms ("Gen.", "USTR"), in lower case
#: and as written, longest first.
_BARE_TITLES = sorted(
    {form for t in words("office_titles") if "." not in t and not t.isupper() for form in (t, t.lower())},
    key=lambda t: (-len(t), t),
)
_TITLE = "|".join(re.escape(t) for t in _BARE_TITLES)
# A bare title right before the verb: "the minister also said".
TITLE_ONLY = lazy_re(rf"\b[Tt]he\s+(?P<t>{_TITLE})(?:\s+(?:\w+ly|also|further|then|again|later|had|has))*\s*$")
# A sentence whose subject is a bare title: "The president said …".
TITLE_SUBJECT = lazy_re(rf"[\s\"“‘']*[Tt]he\s+(?P<t>{_TITLE})\b")


def subject_gap(between: str) -> bool:
    """Whether a name followed by ``between`` is the subject of the verb after it."""
    return bool(_GAP.match(between) or COORDINATED.match(between))


# After a quotation: a pronoun or "the <title>" and a speech verb ("…,' he said").
AFTER_PRONOUN = lazy_re(r"[\s,.!?”\"’']*(?P<p>[Hh]e|[Ss]he)\s+(?:[a-z]+ly\s+)?(?=" + SPEECH_VERB.pattern + ")")
AFTER_TITLE = lazy_re(rf"[\s,.!?”\"’']*[Tt]he\s+(?P<t>{_TITLE})\s+(?={SPEECH_VERB.pattern})")
# From a name to its verb after a quotation: commas and a relative clause ("…, who led the talks, said").
APPOSED = lazy_re(r"[\s,]*(?:who\s+[^,.!?\"“”]{1,60}?)?[\s,]*")
AFTER_OPEN = lazy_re(r"[\s,.!?”\"’']*")
