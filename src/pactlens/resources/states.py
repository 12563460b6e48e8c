"""The states gazetteer: every state, current and former, by every name it goes by.

Data lives in ``states.tsv`` (COW codes, historical long names, aliases,
adjectives, former states, with their sources in its header); pycountry adds
the ISO 3166-1 names and official names of current states, so the file only
carries what pycountry lacks. The two are merged ahead of time into
``states_all.tsv`` (:mod:`pactlens.resources.states_build`), which is what runs.

Finding names in running text is done with one regular expression compiled
from a character trie of every surface form: at each position the regex
engine walks the trie once instead of trying thousands of alternatives, and
the trie is greedy, so the longest form wins ("Democratic People's Republic
of Korea" over "Republic of Korea"). Case is then checked per match (see
:func:`_case_ok`): proper-noun capitals must be capitals, so "turkey" and
"chad" are not states while "RUSSIAN FEDERATION" in an all-caps title is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pactlens.regexes import compile as compile_cached, lazy_re

FORMS = ("long", "short", "alias", "adjective")

#: Place names that contain a state's name but are not the state. They are
#: matched like forms (so the longest match consumes them) and then dropped.
STOP_PHRASES = (
    "Latin America", "Latin American", "South America", "South American", "North America",
    "North American", "Central America", "Central American", "Native American", "American Indian",
    "Organization of American States", "Inter-American", "Pan American", "Pan-American",
    "Northern Ireland", "Gulf of Mexico", "New Mexico", "New Jersey", "Jordan River",
    "River Jordan", "Jordan Valley", "Indian Ocean", "Persian Gulf", "Lake Chad", "Niger River",
    "River Niger", "Niger Delta", "Gulf of Guinea", "New Guinea", "Congo River", "River Congo",
    "Congo Basin", "Gulf of Oman", "Sea of Japan", "South China Sea", "East China Sea",
    "Irish Sea", "British Columbia", "British Commonwealth", "Atlanta, Georgia",
    "University of Georgia", "Georgia Tech", "Strait of Georgia", "Gulf of Aden",
    "Gulf of Thailand", "Dutch East Indies", "West Indies", "West Indian",
)

_ARTICLE = lazy_re(r"^the\s+", re.IGNORECASE)
_LANGUAGE_AFTER = lazy_re(r"(?:\s*(?:,|and|or)\s*(?:the\s+)?[A-Z][\w-]+)*\s+(?:languages?|texts?|versions?)\b")
_LANGUAGE_BEFORE = lazy_re(r"\b(?:in|into|from)\s+(?:the\s+)?$", re.IGNORECASE)
_LANGUAGE_END = lazy_re(r"\s*(?:[,.;:)]|$|(?:and|or|both|each|all|the|with|being|shall)\b)")


@dataclass(frozen=True)
class State:
    iso3: str
    name: str
    long_names: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    cow: int | None = None
    former: bool = False


@dataclass(frozen=True, slots=True)
class StateMention:
    start: int
    end: int
    iso3: str
    form: str  # "long" | "short" | "alias" | "adjective"


@dataclass
class _Gazetteer:
    states: dict[str, State]
    forms: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # key -> (iso3, form, canonical)
    regex: re.Pattern[str] | None = None  # the trie over lowercased text (case-sensitive: see find_states)
    pattern: str = ""


# --- loading ------------------------------------------------------------------


def split_cell(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def strip_article(name: str) -> str:
    return _ARTICLE.sub("", name.strip())


def read_rows(text: str) -> Iterable[list[str]]:
    """The rows of a states table (``states.tsv``'s columns), after its comments and header."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for ln in lines[1:]:  # the first is the column header
        yield (ln.split("\t") + [""] * 7)[:7]


@lru_cache(maxsize=1)
def _states() -> dict[str, State]:
    """Every state, from ``states_all.tsv``: ``states.tsv`` with pycountry's ISO 3166-1 names merged
    in ahead of time by :mod:`pactlens.resources.states_build` (pycountry is not imported here)."""
    text = resources.files("pactlens.resources").joinpath("states_all.tsv").read_text(encoding="utf-8")
    return {
        iso3: State(iso3, name, tuple(split_cell(longs)), tuple(split_cell(aliases)), tuple(split_cell(adjs)),
                    int(cow) if cow else None, former == "1")
        for iso3, cow, former, name, longs, aliases, adjs in read_rows(text)
    }


def _key(text: str) -> str:
    """Comparison key of a surface form: case, spacing, apostrophes and hyphens folded
    ("Guinea Bissau" is "Guinea-Bissau": texts write both)."""
    text = text.replace("\u2019", "'")
    return re.sub(r"\s*[-\u2010\u2011]\s*|\s+", " ", text).strip().lower()


# --- the trie regex -----------------------------------------------------------

_UNIT = {" ": r"(?:\s*[-\u2010\u2011]\s*|\s+)", "'": "['\u2019]"}


def _trie_regex(words: Iterable[str]) -> str:
    """A regex matching exactly ``words``, built from their character trie (greedy: longest first)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        alts = [_UNIT.get(ch, re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    gz = _Gazetteer(states=_states())
    # Priority decides a form shared by two roles of one state (long beats alias).
    for form in FORMS:
        for s in gz.states.values():
            values = {"long": s.long_names, "short": (s.name,), "alias": s.aliases, "adjective": s.adjectives}[form]
            for v in values:
                gz.forms.setdefault(_key(v), (s.iso3, form, v))
    for stop in STOP_PHRASES:
        gz.forms[_key(stop)] = ("", "stop", stop)
    gz.pattern = rf"(?<!\w){_trie_regex(_key(v[2]) for v in gz.forms.values())}(?!\w)"
    gz.regex = compile_cached(gz.pattern)  # the largest pattern of a cold start: see pactlens.regexes
    return gz


@lru_cache(maxsize=1)
def _ignorecase_regex() -> re.Pattern[str]:
    """The trie matched case-insensitively, for a text whose lowercase is not as long as it ("İ")."""
    return compile_cached(_gazetteer().pattern, re.IGNORECASE)


def _spans(gz: _Gazetteer, text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Where the trie matches ``text[start:end]`` case-insensitively.

    Why not an IGNORECASE search: it compares every character case-folded and
    costs over three times a plain search of the lowercased text, which finds the
    same spans (the keys are lowercase; "ſ" and "ı", which IGNORECASE takes for
    "s" and "i", are mapped as it does). The window keeps the character before
    ``start`` for the look-behind and ends at ``end`` as the search did."""
    a = max(0, start - 1)
    window = text[a:end]
    low = window.lower()
    if "ſ" in low or "ı" in low:
        low = low.replace("ſ", "s").replace("ı", "i")
    if len(low) != len(window):
        return (m.span() for m in _ignorecase_regex().finditer(text, start, end))
    return ((m.start() + a, m.end() + a) for m in gz.regex.finditer(low, start - a))


# --- public API ---------------------------------------------------------------


def states() -> dict[str, State]:
    """Every state by ISO3 code."""
    return _states()


def get(iso3: str) -> State | None:
    return _states().get(iso3.upper())


def lookup(name: str) -> State | None:
    """The state a name denotes, whatever its case or leading article.

    Also takes the inverted index form "Korea, Republic of".
    """
    gz = _gazetteer()
    name = name.strip()
    head, sep, tail = name.partition(", ")
    candidates = [name.rstrip(".,;:"), name] + ([f"{tail} {head}"] if sep else [])
    hit = None
    for cand in candidates:
        hit = gz.forms.get(_key(strip_article(cand)))
        if hit is not None:
            break
    if hit is None or not hit[0]:
        return None
    return gz.states[hit[0]]


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) <= 6 and all(c.isupper() for c in letters) and len(letters) >= 2


_NAME_WORDS = lazy_re(r"[^\s\-\u2010\u2011]+")


def _case_ok(found: str, canonical: str, text: str, start: int, end: int) -> bool:
    """Whether a case-insensitive hit is really the name.

    Acronyms must match exactly ("US" but never "us"), and are refused between
    two all-caps words, where "US" is a pronoun ("LET US AGREE"). Other forms need a capital wherever
    the canonical form has one ("Russian Federation", "RUSSIAN FEDERATION";
    not "turkey", "chad").
    """
    if _is_acronym(canonical):
        if found != canonical:
            return False
        before = re.findall(r"[^\W\d_]+", text[max(0, start - 30) : start])[-1:]
        after = re.findall(r"[^\W\d_]+", text[end : end + 30])[:1]
        caps = [len(w) > 1 and w.isupper() for w in before + after]
        return not caps or not all(caps)  # "LET US GO" is refused, "US\u2013UK" and "the US" are not
    if len(found) != len(canonical):
        # whitespace or hyphens differ ("Guinea - Bissau"); compare capitals word by word
        fw, cw = _NAME_WORDS.findall(found), _NAME_WORDS.findall(canonical)
        return len(fw) == len(cw) and all(_case_ok(f, c, text, start, end) for f, c in zip(fw, cw))
    return all(not c.isupper() or f.isupper() for f, c in zip(found, canonical))


def _language_runs(text: str, mentions: list[StateMention]) -> set[int]:
    """Indexes of adjective mentions that name a language ("in the Russian and Kazakh languages")."""
    out: set[int] = set()
    i = 0
    while i < len(mentions):
        if mentions[i].form != "adjective":
            i += 1
            continue
        j = i
        while (
            j + 1 < len(mentions)
            and mentions[j + 1].form == "adjective"
            and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*(?:the\s+)?", text[mentions[j].end : mentions[j + 1].start])
        ):
            j += 1
        after = text[mentions[j].end : mentions[j].end + 80]
        before = text[max(0, mentions[i].start - 12) : mentions[i].start]
        if _LANGUAGE_AFTER.match(after) or (_LANGUAGE_BEFORE.search(before) and _LANGUAGE_END.match(after)):
            out.update(range(i, j + 1))
        i = j + 1
    return out


def find_states(text: str, start: int = 0, end: int | None = None) -> list[StateMention]:
    """Mentions of states in ``text[start:end]`` (offsets into ``text``), in order.

    Longest form wins; place names such as "Latin America" or "Persian Gulf"
    are not mentions, nor are adjectives naming a language ("done in the
    Russian and English languages").
    """
    gz = _gazetteer()
    assert gz.regex is not None
    end = len(text) if end is None else end
    found: list[StateMention] = []
    for a, b in _spans(gz, text, start, end):
        surface = text[a:b]
        hit = gz.forms.get(_key(surface))
        if hit is None or not hit[0]:
            continue
        iso3, form, canonical = hit
        if not _case_ok(surface, canonical, text, a, b):
            continue
        found.append(StateMention(a, b, iso3, form))
    drop = _language_runs(text, found)
    return [m for i, m in enumerate(found) if i not in drop]
