"""Quantities a clause commits to: amounts with units and period, durations,
percentages, money.

Number parsing (digits, "55 billion", number words, unit names and their
plurals) is quantulum3's; it runs offline on its packaged unit list. Around it
sit the rules treaty language needs and quantulum3 lacks: currency codes
written before the amount ("EUR 600 000", "USD 5 million"), thousands grouped
with spaces, "fifteen (15) years", the period of a flow ("annually", "per
year", "a year"), and dropping bare counts ("the two Parties", "Article 5"),
which are not quantities a provision commits to.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from collections.abc import Iterator
from functools import lru_cache

from pactlens.structure.scan import folded, literal_trie, matches_at, starts_in
from pactlens.model import Quantity
from pactlens.regexes import lazy_re

_CURRENCY_BEFORE = lazy_re(
    r"(?:\b(?P<code>USD|EUR|ECU|RUB|GBP|CNY|JPY|CHF|INR|IRR|SDR|XAF|XOF|ecus?|euros?|US\s?\$)|(?P<sym>[$€£¥]))\s*$",
    re.IGNORECASE,
)
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "us$": "USD", "us $": "USD", "ecu": "ECU", "ecus": "ECU",
            "euro": "EUR", "euros": "EUR"}
_CURRENCY_NAMES = {"dollar": "USD", "united states dollar": "USD", "euro": "EUR", "pound sterling": "GBP",
                   "russian ruble": "RUB", "yen": "JPY", "swiss franc": "CHF", "indian rupee": "INR",
                   "iranian rial": "IRR", "renminbi": "CNY", "yuan": "CNY"}
_UNITS = {"cubic metre": "m3", "cubic meter": "m3", "per cent": "%", "percentage": "%", "tonne": "t",
          "metric ton": "t", "kilogram": "kg", "kilometre": "km", "square kilometre": "km2", "barrel": "bbl",
          "hectare": "ha", "gross register tonnage": "GRT", "watt": "W", "megawatt": "MW", "gigawatt": "GW"}
_TIME = {"year": "year", "month": "month", "day": "day", "week": "week", "hour": "hour"}
_KEEP_ENTITIES = {"volume", "mass", "time", "currency", "length", "area", "power", "energy", "mass flow",
                  "volume flow"}
_PERIOD_AFTER = lazy_re(
    r"\s*(?:(?:of\s+\w+(?:\s+\w+)?\s+)?(?P<w>annually|per\s+annum|a\s+year|per\s+year|each\s+year|every\s+year|"
    r"yearly|a\s+month|per\s+month|monthly|each\s+month|per\s+day|a\s+day|daily))\b",
    re.IGNORECASE,
)
_PERIODS = {"annually": "year", "annum": "year", "year": "year", "yearly": "year", "month": "month",
            "monthly": "month", "day": "day", "daily": "day"}
_BCM = lazy_re(r"\b(?P<n>\d+(?:[.,]\d+)?)\s*(?P<u>bcm|billion\s+cubic\s+met(?:re|er)s)\b", re.IGNORECASE)
_NUMWORD_PAREN = lazy_re(r"\b[a-z]+(?:-[a-z]+)?\s*\((?P<d>\d+)\)", re.IGNORECASE)
_SPACED_THOUSANDS = lazy_re(r"(?<=\d) (?=\d{3}\b)")


_NUMBER = (
    r"(?:\d[\d,.]*(?:\s\d{3})*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|thousand)(?:[\s-]+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand))*)"
)
_UNIT_WORD = (
    r"(?:per\s*cent|percent|%|years?|months?|days?|weeks?|hours?|tonnes?|tons?|metric\s+tons?|"
    r"(?:cubic|square)\s+(?:met(?:re|er)s?|kilomet(?:re|er)s?)|met(?:re|er)s?|kilomet(?:re|er)s?|km2?|kg|kilograms?|"
    r"barrels?|bcm|hectares?|ha|dollars?|euros?|ecus?|roubles?|rubles?|pounds?|francs?|rupees?|yen|yuan|rials?|"
    r"GRT|gross\s+(?:register\s+)?ton\w*|[MGk]Wh?|litres?|liters?|(?:nautical\s+)?miles?)"
)
_CANDIDATE = lazy_re(
    rf"\b{_NUMBER}(?:\s*\(\d+\))?\s*(?:(?:million|billion|thousand|hundred)\s+)?{_UNIT_WORD}(?!\w)"
    rf"|(?:\b(?:USD|EUR|ECU|RUB|GBP|CNY|JPY|CHF|INR|IRR|SDR|XAF|XOF|US\s?\$)|[$€£¥])\s*\d",
    re.IGNORECASE,
)


#: Where a candidate can begin: a digit or a number word or currency code at a word start, or a
#: currency symbol. A trie of literals is far cheaper to scan for than _CANDIDATE itself; it is
#: scanned for in the lowercased text, case-sensitively, which is half the time of IGNORECASE.
_CANDIDATE_START = lazy_re(
    r"\b(?:\d|" + literal_trie(sorted(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
        "usd eur ecu rub gbp cny jpy chf inr irr sdr xaf xof us".split())) + r")|[$€£¥]",
)


@dataclass(frozen=True, slots=True)
class Found:
    """A quantity and its span in the searched text."""

    start: int
    end: int
    quantity: Quantity


@lru_cache(maxsize=1)
def _parser():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser
    return parser


_SMALL_NUMBERS = {w: float(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_SMALL_NUMBERS.update({w: float(10 * i) for i, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)})
#: A window that is only "<number> <time unit>" in plain words: the commonest quantity in treaty
#: text ("within thirty days", "a period of 12 months").
_PLAIN_DURATION = lazy_re(
    rf"(?P<pre>[^\d]*?)(?<![\w.,-])(?P<n>\d{{1,4}}|{'|'.join(_SMALL_NUMBERS)}) (?P<unit>(?P<u>year|month|week|day)s?)(?![\w-])(?P<post>[^\d]*)"
)
#: ... or "<number>%", "<number> percent", "<number> per cent" ("shall not exceed 25 % ad valorem").
_PLAIN_PERCENT = lazy_re(
    rf"(?P<pre>[^\d]*?)(?<![\w.,-])(?P<n>\d{{1,3}}(?:\.\d{{1,2}})?|{'|'.join(_SMALL_NUMBERS)})"
    rf"(?:(?P<pct> ?%)|(?P<word> percent| per cent)(?![\w-]))(?P<post>[^\d]*)"
)
#: Anything in the rest of the window that quantulum3 could read as (part of) another quantity.
_NOT_PLAIN = lazy_re(
    rf"\b(?:a|an|half|quarter|dozens?|score|couple|once|twice|thrice|hundreds?|thousands?|millions?|billions?|"
    rf"trillions?|per|(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)s?|"
    rf"{'|'.join(_SMALL_NUMBERS)})\b|[^\w\s,.;:()'\"]",
    re.IGNORECASE,
)


_NEXT_WORD = lazy_re(r"\s*([^\s,.;:()'\"]+)")


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """Every unit symbol and name quantulum3 knows, lowercased: the words it may join to a unit."""
    _parser()
    from quantulum3 import load

    units = load.units("en_US")
    tables = (units.symbols_lower, units.surfaces_lower, units.symbols, units.surfaces)
    return frozenset(k.lower() for table in tables for k in table)


@dataclass(frozen=True, slots=True)
class _Entity:
    name: str


@dataclass(frozen=True, slots=True)
class _Unit:
    name: str
    entity: _Entity


@dataclass(frozen=True, slots=True)
class _Reading:
    """What :func:`_to_quantity` reads of a quantulum3 result: span, value and unit."""

    span: tuple[int, int]
    value: float
    unit: _Unit


_TIME_ENTITY = _Entity("time")
_PERCENTAGE = _Unit("percentage", _Entity("dimensionless"))
_PER_CENT = _Unit("per cent", _Entity("unknown"))


def _plain_reading(window: str) -> tuple[_Reading, ...] | None:
    """The reading quantulum3 gives a window that holds one plain duration or percentage and
    nothing else that could be a quantity, or None for any other window.

    quantulum3 costs a millisecond or two per window; these windows are most of them. Its
    reading of them was checked equal on every window of the GGO corpus, the treaties and
    the example brief (see tests/test_quantities.py).
    """
    if m := _PLAIN_DURATION.fullmatch(window):
        unit, end = _Unit(m.group("u"), _TIME_ENTITY), m.end("unit")
    elif m := _PLAIN_PERCENT.fullmatch(window):
        unit = _PER_CENT if m.group("word") == " per cent" else _PERCENTAGE
        end = m.end("pct") if m.group("pct") else m.end("word")
    else:
        return None
    post = m.group("post")
    if _NOT_PLAIN.search(m.group("pre")) or _NOT_PLAIN.search(post):
        return None
    if post.startswith("'"):
        return None  # "six months' notice": quantulum3 takes the apostrophe into the quantity
    nxt = _NEXT_WORD.match(post)
    if nxt and nxt.group(1).lower() in _unit_words():
        return None  # "days at", "year s": quantulum3 reads a compound unit ("day ampere-turn")
    n = m.group("n")
    value = _SMALL_NUMBERS[n] if n in _SMALL_NUMBERS else float(n)
    return (_Reading((m.start("n"), end), value, unit),)


@lru_cache(maxsize=4096)
def _parse(window: str) -> tuple:
    """quantulum3's reading of one prepared window, cached: schedules and tariff tables repeat
    the same phrases ("at least three months before", "<85% cotton") and each parse costs
    a millisecond or two. Results are only read, never changed."""
    return _plain_reading(window) or tuple(_parser().parse(window))


def _prepare(text: str) -> str:
    """Same-length rewrites that quantulum3 reads better (offsets stay valid)."""
    text = _SPACED_THOUSANDS.sub(",", text)
    # "fifteen (15) years" -> "          15 years": the digits alone carry the value.
    return _NUMWORD_PAREN.sub(lambda m: m.group("d").rjust(len(m.group(0))), text)


def _unit_and_per(name: str, entity: str) -> tuple[str | None, str | None]:
    """Split quantulum3 unit names such as "tonne per year" or "per year" into unit and period."""
    unit, _, per = name.partition("per ") if name.startswith("per ") else name.partition(" per ")
    unit = unit.strip()
    per = per.strip() or None
    if per is not None:
        per = _TIME.get(per, per)
    if name in ("per cent", "per mille"):
        return ("%" if name == "per cent" else "‰"), None
    if entity == "currency":
        return _CURRENCY_NAMES.get(unit, unit), per
    if entity == "time" and unit in _TIME:
        return _TIME[unit], per
    return _UNITS.get(unit, unit) or None, per


def _period_after(text: str, end: int) -> tuple[str | None, int]:
    m = _PERIOD_AFTER.match(text, end)
    if not m:
        return None, end
    word = m.group("w").lower().split()[-1]
    return _PERIODS.get(word, word), m.end()


def _bcm(text: str, low: str) -> list[Found]:
    out: list[Found] = []
    if "bcm" not in low and "cubic" not in low:  # every match holds one of them
        return out
    for m in _BCM.finditer(text):
        per, end = _period_after(text, m.end())
        value = float(m.group("n").replace(",", ".")) * 1e9
        out.append(Found(m.start(), m.end(), Quantity(value=value, unit="m3", per=per, text=text[m.start():end])))
    return out


def _windows(text: str, low: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Short stretches around each number followed by a unit or led by a currency, each with
    the candidates it was opened for.

    quantulum3 costs tens of milliseconds per call on long text, most of it on
    numbers that are no quantity ("Article 5", "the two Parties"); handing it
    only these windows keeps the extractor fast on 100-page agreements.
    """
    spans: list[tuple[int, int, list[tuple[int, int]]]] = []
    for m in _candidates(text, low):
        a, b = max(0, m.start() - 8), min(len(text), m.end() + 24)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], b, spans[-1][2] + [m.span()])
        else:
            spans.append((a, b, [m.span()]))
    return spans


def _candidates(text: str, low: str) -> Iterator[re.Match[str]]:
    """``_CANDIDATE.finditer(text)``, with the pattern tried only where a candidate can begin
    (a ``_CANDIDATE_START`` hit: see :mod:`pactlens.extract.scan`)."""
    return matches_at(_CANDIDATE, text, starts_in(_CANDIDATE_START, text, low=low))


def find_quantities(text: str) -> list[Found]:
    """Quantities in ``text`` with spans into it, in order of appearance."""
    low = folded(text)
    found = _bcm(text, low)
    taken = [(f.start, f.end) for f in found]
    for a, b, candidates in _windows(text, low):
        if all(any(x <= c and d <= y for x, y in taken) for c, d in candidates):
            continue  # the fast reader took every candidate ("55 bcm"): quantulum3 would add nothing kept
        for q in _parse(_prepare(text[a:b])):
            start, end = q.span[0] + a, q.span[1] + a
            if any(start < y and end > x for x, y in taken):
                continue
            item = _to_quantity(text, q, start, end)
            if item is not None:
                found.append(item)
                taken.append((item.start, item.end))
    found.sort(key=lambda f: f.start)
    return found


def _written_unit(surface: str) -> str | None:
    """The unit word as written, for units quantulum3 misreads ("GRT" is not "gross tesla")."""
    m = re.search(r"[\d.,\s]+(?:(?:million|billion|thousand)\s+)?(?P<u>[A-Za-z]+)", surface)
    return m.group("u") if m and m.group("u").lower() != "per" else None


#: Never the last character of a quantity.
_TRAILING = frozenset(" \t\n*,;:!?")


def _to_quantity(text: str, q, start: int, end: int) -> Found | None:
    """One quantulum3 result as a Quantity, or None when it is a bare count."""
    name, entity = q.unit.name, q.unit.entity.name
    unit, per = _unit_and_per(name, entity)
    cur = _CURRENCY_BEFORE.search(text, max(0, start - 6), start)
    if cur:
        key = (cur.group("code") or cur.group("sym")).lower()
        unit = _SYMBOLS.get(key, key.upper())
        start = cur.start()
    elif unit in ("%", "‰"):
        pass
    elif name == "dimensionless" or (entity not in _KEEP_ENTITIES and per is None):
        return None
    elif entity == "unknown":
        unit = _written_unit(text[start:end])
    for m in _NUMWORD_PAREN.finditer(text, max(0, start - 40), end):
        if m.start() < start <= m.end():
            start = m.start()  # the number word blanked by _prepare ("fifteen (15) years")
    if per is None:
        per, end = _period_after(text, end)
    while end > start and text[end - 1] in _TRAILING:
        end -= 1  # quantulum3 sometimes takes a footnote star along ("sixty days*"), depending on the hash seed
    return Found(start, end, Quantity(value=float(q.value), unit=unit, per=per, text=text[start:end].strip()))
