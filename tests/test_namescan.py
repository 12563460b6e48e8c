"""Every mention of many names in one pass (extract/prose/namescan.py), issue 14.

The index must find exactly what the regular-expression alternation it
replaces finds (same spans, same alternative, no overlaps), checked on a real
brief and on generated texts; and the entity reader that uses it must stay
linear in the number of names: a document naming thousands of towns took
names × text before (28 s for 4,000 towns in 270 KB on a quiet machine, about a minute for
6,000), one pass now (under 2 s quiet; the bounds allow for a loaded machine).
"""

from __future__ import annotations

import re
import string
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pactlens.extract.prose.entities import find_entities
from pactlens.extract.prose.namescan import NameIndex
from tests.doc_support import make_doc

BRIEF = Path(__file__).resolve().parents[1] / "examples" / "russia-iran-2025-brief.txt"


def _loose(name: str) -> str:
    return re.escape(name).replace(r"\ ", r"[\s–—-]+").replace(r"\-", r"[\s–—-]+")


def _alternation(names: list[str], text: str) -> list[tuple[int, int]]:
    """What the entity reader did before: one alternation, longest pattern first."""
    alts = sorted((_loose(n) for n in names), key=len, reverse=True)
    rx = re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])")
    return [m.span() for m in rx.finditer(text)]


def test_same_mentions_as_the_alternation_on_a_real_brief():
    text = BRIEF.read_text(encoding="utf-8")
    # every capitalised word and pair of words the brief writes, as names to look for
    names = sorted(set(re.findall(r"\b[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?", text)))
    assert len(names) > 100
    assert list(NameIndex(_loose(n) for n in names).finditer(text)) == _alternation(names, text)


_WORDS = ["Sea", "Red Sea", "Red", "St.", "St. Petersburg", "Petersburg", "Al-Udeid", "Al", "Udeid",
          "North", "North-South", "South", "Corridor", "North–South Corridor", "Xi'an", "the", "in", "and"]


@settings(max_examples=200, deadline=None)
@given(
    names=st.lists(st.sampled_from([w for w in _WORDS if w[0].isupper()]), min_size=1, max_size=8, unique=True),
    words=st.lists(st.sampled_from(_WORDS), max_size=30),
    seps=st.lists(st.sampled_from([" ", "-", "–", ". ", ", ", "\n"]), min_size=1, max_size=30),
)
def test_same_mentions_as_the_alternation_on_generated_text(names, words, seps):
    text = "".join(w + seps[i % len(seps)] for i, w in enumerate(words))
    assert list(NameIndex(_loose(n) for n in names).finditer(text)) == _alternation(names, text)


def _town(i: int) -> str:
    letters = ""
    for _ in range(4):
        letters += string.ascii_lowercase[i % 26]
        i //= 26
    return "Q" + letters


def test_places_are_found_in_time_linear_in_their_number():
    # a report naming 6,000 towns, one sentence each ("… officials in Moscow …" is how the rule meets a town)
    text = "\n\n".join(f"The delegation met officials in {_town(i)} on the second day of talks." for i in range(6000))
    doc = make_doc(text)
    started = time.perf_counter()
    places = [e for e in find_entities(doc, "treaty") if e.kind == "place"]
    seconds = time.perf_counter() - started
    assert len(places) == 6000
    assert seconds < 40, f"{seconds:.1f} s: the place lookup is no longer one pass"


def test_a_name_that_starts_with_no_word_is_left_out():
    index = NameIndex([re.escape("(Smith"), re.escape("Jones")], longest_first=False)
    assert list(index.finditer("(Smith met Jones.")) == [(11, 16)]


def test_companies_and_acronyms_are_found_again_in_one_pass():
    # a register of 3,000 companies, each named with its suffix and then without it, and 3,000 bodies
    # with an acronym: one search of the whole text per company took names × text (issue 14)
    from pactlens.extract.prose.org_merge import merge_organizations

    parts, raw = [], []
    at = 0
    for i in range(3000):
        town = _town(i)
        for sentence, name in ((f"{town} Shipping Inc. was listed in the register. ", f"{town} Shipping Inc"),
                               (f"The {town} Trade Council (Q{town.upper()[1:]}C) met. ", f"{town} Trade Council")):
            start = at + sentence.index(name)
            raw.append((start, start + len(name), name))
            parts.append(sentence)
            at += len(sentence)
        parts.append(f"Later {town} Shipping and Q{town.upper()[1:]}C agreed. ")
        at += len(parts[-1])
    text = "".join(parts)
    started = time.perf_counter()
    groups = merge_organizations(text, raw, lambda offset: True, set(), {})
    seconds = time.perf_counter() - started
    assert len(groups) == 6000
    # a company: its name and the name without "Inc."; a council: its name, the acronym defined and used
    assert all(len(g.spans) == (2 if g.name.endswith("Inc") else 3) for g in groups)
    assert seconds < 40, f"{seconds:.1f} s: the names are no longer found again in one pass"
