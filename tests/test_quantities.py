"""Quantities on real treaty and brief wording."""

from __future__ import annotations

import pytest

from pactlens.extract.quantities import find_quantities


def one(text: str):
    [found] = find_quantities(text)
    return found.quantity


def test_gas_volume_with_period_from_the_brief() -> None:
    q = one("a gas pipeline capable of transporting up to 55 billion cubic meters of gas annually from Russia to Iran")
    assert (q.value, q.unit, q.per) == (55e9, "m3", "year")


def test_bcm_abbreviation() -> None:
    q = one("supplies of 55 bcm per year")
    assert (q.value, q.unit, q.per) == (55e9, "m3", "year")


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("concluded for a period of twenty years", 20, "year"),
    ("for a term of fifteen (15) years from the date", 15, "year"),
    ("within three months of the date of notification", 3, "month"),
])
def test_durations_in_words_and_digits(text: str, value: float, unit: str) -> None:
    q = one(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(("text", "value", "unit", "per"), [
    ("a financial contribution of EUR 600 000 a year", 600_000, "EUR", "year"),
    ("USD 5 million", 5e6, "USD", None),
    ("$1.2 billion", 1.2e9, "USD", None),
    ("5,000,000 roubles", 5e6, "RUB", None),
])
def test_money_with_code_symbol_or_name(text: str, value: float, unit: str, per: str | None) -> None:
    q = one(text)
    assert (q.value, q.unit, q.per) == (value, unit, per)


def test_percentage() -> None:
    q = one("a reduction of 10 per cent of the customs duties")
    assert (q.value, q.unit) == (10, "%")


@pytest.mark.parametrize("text", [
    "The Treaty comprises 47 articles detailing collaboration",
    "the two Parties shall, on 17 January 2025, act in accordance with Article 5",
])
def test_bare_counts_dates_and_article_numbers_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_spans_point_into_the_text() -> None:
    text = "The Community shall pay EUR 600 000 a year to Mozambique."
    [f] = find_quantities(text)
    assert text[f.start:f.end] == "EUR 600 000 a year"


def test_plain_reading_reads_as_quantulum3_does() -> None:
    """The fast path for "<number> <time unit>" and percentage windows gives quantulum3's own reading, and
    leaves to quantulum3 every window where it reads more (compound units, apostrophes, fractions)."""
    from pactlens.extract.quantities import _parser, _plain_reading

    def key(readings):
        return [(tuple(r.span), float(r.value), r.unit.name, r.unit.entity.name) for r in readings]

    for window in ["t least three months before the date on whic", "riod of 12 months which ended within",
                   " within thirty days of the matter being ref", "for the period of 2 years, and then",
                   " exceed 25 % ad valorem and shall ma", "fabric, 85% of acrylic staple fiber",
                   "ed owns 50 percent or more of the voting c", "rate of ten per cent of the uniform Central ",
                   "ceeding 1.5 percent. Milk"]:
        fast = _plain_reading(window)
        assert fast is not None, window
        assert key(fast) == key(_parser().parse(window))
    for window in [" within 21 days at the request of eithe", "ject to six months' notice in advance bein",
                   "vals of 18 months thereafter. the eighth ", "a year after 5 days", "of 10 years, 5 months",
                   "re than one year s duration.", "FABRIC, 85%> COTTON >200G/M2 PLAIN ", "uced to 0,50%."]:
        assert _plain_reading(window) is None, window


@pytest.mark.parametrize("text", [
    # The Russia-Iran brief (examples/russia-iran-2025-brief.txt, "Energy Cooperation").
    "a gas pipeline capable of transporting up to 55 billion cubic meters of gas annually from Russia to Iran",
    # Paraphrase.
    "The line is to carry 12.5 bcm a year of gas to the southern provinces.",
])
def test_a_window_the_fast_reader_took_whole_never_reaches_quantulum3(text: str, monkeypatch) -> None:
    """quantulum3's parser costs a third of a second to build: a document whose only quantities the
    fast reader takes ("55 billion cubic meters") must not pay it."""
    from pactlens.extract import quantities

    def refuse(window: str):
        raise AssertionError(f"quantulum3 asked to read {window!r}")

    monkeypatch.setattr(quantities, "_parse", refuse)
    [found] = find_quantities(text)
    assert found.quantity.unit == "m3" and found.quantity.per == "year"


def test_a_window_with_a_candidate_the_fast_reader_left_is_still_read() -> None:
    # Paraphrase: the tonnes beside the gas are quantulum3's to read.
    found = find_quantities("up to 20 bcm of gas and 300 tonnes of oil per year")
    assert [f.quantity.unit for f in found] == ["m3", "t"]


def test_a_footnote_star_is_never_part_of_the_quantity() -> None:
    """GATT 1947 Art. XXVIII: quantulum3 takes the star along under some hash seeds; the span
    must not depend on PYTHONHASHSEED."""
    from types import SimpleNamespace

    from pactlens.extract.quantities import _to_quantity

    text = "is not reached within a period of sixty days* after negotiations have been authorized"
    start = text.index("sixty")
    day = SimpleNamespace(name="day", entity=SimpleNamespace(name="time"))
    found = _to_quantity(text, SimpleNamespace(value=60, unit=day), start, start + len("sixty days*"))
    assert found is not None and found.quantity.text == "sixty days" == text[found.start:found.end]


def test_offsets_hold_where_lowercasing_changes_the_length() -> None:
    """Candidates are found in the lowercased text; "İ" lowercases to two characters, so such a
    text is scanned as written (paraphrase of the GGO fisheries schedules' wording)."""
    text = "The İzmir terminal shall receive up to 300 tonnes per year of fish."
    [found] = find_quantities(text)
    assert text[found.start:found.end] == "300 tonnes per year" and found.quantity.unit == "t"
