"""The states gazetteer: names, codes, longest match and case policy."""

from __future__ import annotations

import pytest

from pactlens.resources.states import find_states, get, lookup, states


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(text[m.start : m.end], m.iso3, m.form) for m in find_states(text)]


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("the Russian Federation", "RUS"),
        ("RUSSIAN FEDERATION", "RUS"),
        ("the Islamic Republic of Iran", "IRN"),
        ("the Union of Soviet Socialist Republics", "SUN"),
        ("the Democratic People's Republic of Korea", "PRK"),
        ("the DPRK", "PRK"),
        ("North Korea", "PRK"),
        ("Soviet Union", "SUN"),
        ("USA", "USA"),
        ("United States of America", "USA"),
        ("the United Kingdom of Great Britain and Northern Ireland", "GBR"),
        ("Great Britain", "GBR"),
        ("Korea, Republic of", "KOR"),
        ("German Democratic Republic", "DDR"),
        ("Federal Republic of Germany", "DEU"),
        ("Czechoslovakia", "CSK"),
        ("Socialist Federal Republic of Yugoslavia", "YUG"),
        ("Serbia and Montenegro", "SCG"),
        ("Republic of Vietnam", "RVN"),
        ("People's Democratic Republic of Yemen", "YMD"),
        ("Zanzibar", "ZAN"),
        ("Burma", "MMR"),
        ("Greenland", "GRL"),  # an ISO 3166-1 entry that only pycountry supplies
    ],
)
def test_lookup_names(name: str, iso3: str) -> None:
    state = lookup(name)
    assert state is not None and state.iso3 == iso3


def test_lookup_unknown_is_none() -> None:
    assert lookup("Atlantis") is None
    assert lookup("Latin America") is None  # a stop phrase is not a state


def test_state_records_carry_cow_and_former_flag() -> None:
    assert get("SUN").former and get("SUN").cow == 365
    assert get("RUS").cow == 365 and not get("RUS").former
    assert get("DDR").cow == 265
    assert "Soviet" in get("SUN").adjectives
    assert "Islamic Republic of Iran" in get("IRN").long_names
    assert len([s for s in states().values() if not s.former]) > 190


def test_no_surface_form_names_two_states() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for s in states().values():
        for form in (s.name, *s.long_names, *s.aliases, *s.adjectives):
            key = form.lower()
            if seen.setdefault(key, s.iso3) != s.iso3:
                clashes.append((form, seen[key], s.iso3))
    assert clashes == []


def test_longest_match_wins() -> None:
    text = "the Democratic People's Republic of Korea and the Republic of Korea"
    assert _found(text) == [
        ("Democratic People's Republic of Korea", "PRK", "long"),
        ("Republic of Korea", "KOR", "long"),
    ]
    assert _found("Papua New Guinea, Guinea-Bissau, Guinea") == [
        ("Papua New Guinea", "PNG", "short"),
        ("Guinea-Bissau", "GNB", "short"),
        ("Guinea", "GIN", "short"),
    ]


def test_the_two_congos_by_their_capitals() -> None:
    """1960-64 the Kinshasa state was officially the Republic of the Congo (Leopoldville):
    the capital decides, not the first three words (GGO YAOUND_1963O1, signature block)."""
    assert [m[1] for m in _found("FOR THE REPUBLIC OF THE CONGO (LEOPOLDVILLE): Marcel LENGEMA")] == ["COD"]
    assert [m[1] for m in _found("Congo (Brazzaville) and Congo-Léopoldville")] == ["COG", "COD"]
    assert [m[1] for m in _found("the Republic of the Congo")] == ["COG"]


def test_a_hyphen_and_a_space_are_the_same_in_a_name() -> None:
    """ECOWAS 1975 writes "the Republic of Guinea Bissau"; others "Timor Leste", "Guinea - Bissau"."""
    assert [m[1] for m in _found("The President of the Republic of Guinea Bissau")] == ["GNB"]
    assert [m[1] for m in _found("Timor Leste and Guinea - Bissau")] == ["TLS", "GNB"]
    assert [m[1] for m in _found("the Russia-Iran treaty")] == ["RUS", "IRN"]


def test_real_excerpts() -> None:
    # The brief's signing sentence and the 1935 Afghanistan–USSR title (GGO, all caps).
    brief = "Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed"
    assert [(m.iso3, m.form) for m in find_states(brief)] == [("RUS", "adjective"), ("IRN", "adjective")]
    ggo = "THE GOVERNMENT OF HIS MAJESTY THE KING OF AFGHANISTAN AND THE UNION OF SOVIET SOCIALIST REPUBLICS"
    assert [m.iso3 for m in find_states(ggo)] == ["AFG", "SUN"]


def test_case_policy() -> None:
    assert _found("roast turkey, chad and jordan") == []
    assert [m.iso3 for m in find_states("Turkey, Chad and Jordan")] == ["TUR", "TCD", "JOR"]
    # "US" the acronym, not the pronoun, and never inside an all-caps run
    assert [t for t, *_ in _found("The US told us. LET US AGREE")] == ["US"]


def test_place_names_are_not_states() -> None:
    assert _found("the Persian Gulf, Latin America, the Jordan River and Northern Ireland") == []
    assert _found("Niger and Nigeria") == [("Niger", "NER", "short"), ("Nigeria", "NGA", "short")]


def test_language_adjectives_are_not_states() -> None:
    text = "Done at Moscow in two copies, in the Russian and Azerbaijani languages, both texts being equally authentic."
    assert _found(text) == []
    assert _found("drawn up in Russian and English, both texts") == []
    assert [m.iso3 for m in find_states("the Russian side and the Azerbaijani side")] == ["RUS", "AZE"]


def test_offsets_and_window() -> None:
    text = "xx Iran yy Russia"
    ms = find_states(text, 5)
    assert [(m.start, m.end, m.iso3) for m in ms] == [(11, 17, "RUS")]
    assert text[ms[0].start : ms[0].end] == "Russia"
