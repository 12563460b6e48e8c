"""Block quotations: a passage set off on its own, introduced by a sentence that says who speaks.

Encyclopedias and reports quote a long passage without quotation marks, indented (or marked
``>`` in Markdown) under a sentence that ends in a colon: "Political scientists Oona A. Hathaway
and Scott J. Shapiro wrote in 2017:" then the passage. The passage is a direct quotation when
the introducing sentence holds a speech verb (or "according to") and ends with the colon, and
the passage is one indented paragraph of running text (a list item or a heading is not a quote).
Who spoke is then read from the introducing sentence like any other quotation's frame.
"""

from __future__ import annotations


from pactlens.extract.prose.quote_spans import Found, sentence_index
from pactlens.extract.prose.speech import ACCORDING, SPEECH_VERB
from pactlens.structure.sentences import BodySentence
from pactlens.regexes import lazy_re

#: An indented (four spaces or a tab) or ``>``-marked paragraph of words, not a list item or heading.
_BLOCK = lazy_re(r"\n[^\S\n]*\n(?P<lead>(?: {2,}|\t)[^\S\n]*|>[^\S\n]*)(?P<body>(?=\S)(?![-*•#\d(]|[A-Z][.)]\s)[^\n]{40,})")
#: The introducing sentence ends in a colon (and at most spaces) before the blank line.
_INTRO_END = lazy_re(r":[^\S\n]*$")


def find_block_quotes(text: str, sentences: tuple[BodySentence, ...]) -> list[Found]:
    """Indented passages introduced by a speech sentence ending in a colon."""
    out: list[Found] = []
    for m in _BLOCK.finditer(text):
        intro_end = m.start()
        if not _INTRO_END.search(text, max(0, intro_end - 4), intro_end):
            continue
        i = sentence_index(sentences, intro_end - 1)
        if i is None:
            continue
        intro = sentences[i]
        verbs = list(SPEECH_VERB.finditer(text, intro.span.start, intro_end))
        if not verbs and not ACCORDING.search(text, intro.span.start, intro_end):
            continue
        a, b = m.start("body"), m.end("body")
        b = a + len(text[a:b].rstrip())
        out.append(Found(a, b, intro, True, verbs[-1].start() if verbs else None, head=intro.span.start))
    return out
