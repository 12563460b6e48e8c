"""Another name for an agreement just named is the same agreement, not a second one.

Wikipedia, "Kellogg–Briand Pact" and "Convention of Kanagawa" (CC BY-SA 3.0),
and paraphrases the rule was not written on."""

from __future__ import annotations

from pactlens.extract.prose.agreements import find_prose_agreements
from tests.doc_support import make_doc


def _titles(text: str) -> list[str]:
    return sorted(a.title for a in find_prose_agreements(make_doc(text)) if a.title)


def test_or_and_officially_name_one_pact():
    """Wikipedia, "Kellogg–Briand Pact": the lead gives three names of one pact."""
    text = (
        "The Kellogg–Briand Pact (or Pact of Paris, officially General Treaty for Renunciation of War as an "
        "Instrument of National Policy) is a 1928 international agreement in which signatory states promised "
        "not to use war. The Kellogg–Briand Pact was signed by Germany, France, and the United States.\n"
    )
    assert _titles(text) == ["Kellogg–Briand Pact"]


def test_quoted_alias_after_a_comma():
    """Wikipedia, "Convention of Kanagawa": 'the United States-Japan Treaty of Amity and Commerce, the
    "Harris Treaty" of 1858'; paraphrase: "also known as"."""
    assert len(_titles(
        'Trade was opened by the Treaty of Amity and Commerce, the "Harris Treaty" of 1858, which the Treaty of '
        'Amity and Commerce made permanent.\n'
    )) == 1
    assert _titles(
        "The Treaty of Tlatelolco, also known as the Nuclear-Weapon-Free Zone Treaty, was signed in 1967. "
        "The Treaty of Tlatelolco entered into force in 1969.\n"
    ) == ["Treaty of Tlatelolco"]


def test_a_list_of_treaties_stays_apart():
    """Paraphrase: ", the" in a list joins different treaties."""
    titles = _titles(
        "Japan signed the Treaty of San Francisco, the Treaty of Taipei and the Security Treaty in 1951 and 1952.\n"
    )
    assert len(titles) >= 2


def test_states_joined_by_a_dash_before_a_lower_case_agreement_word():
    """Daily Mail, 15 September 2020: "the Sept. 11 announcement of the Bahrain-Israel agreement";
    paraphrase: "the Morocco-Israel deal"; a dash-joined pair that is not two states names none."""
    def parties(text: str) -> dict[str, list[str]]:
        return {a.title: sorted(p.iso3 for p in a.parties) for a in find_prose_agreements(make_doc(text)) if a.title}

    assert parties("Then came the Sept. 11 announcement of the Bahrain-Israel agreement.\n") == {
        "Bahrain-Israel agreement": ["BHR", "ISR"]}
    assert list(parties("In December the Morocco-Israel deal followed, as officials had hoped.\n").values()) == [
        ["ISR", "MAR"]]
    assert parties("The Coca-Cola deal was unrelated to the talks.\n") == {}


def test_an_alliance_named_by_its_treaty_for_its_members_is_no_agreement():
    """Wikipedia, "Treaty on Open Skies": 'all North Atlantic Treaty Organisation (NATO) and Warsaw Pact
    countries', 'the then-members of NATO and the Warsaw Pact'; paraphrase: 'members of the Rio Pact';
    the pact as an agreement still is one."""
    assert _titles(
        "Bush proposed it as a means to build confidence between all North Atlantic Treaty Organisation (NATO) "
        "and Warsaw Pact countries. Negotiated by the then-members of NATO and the Warsaw Pact, it was signed.\n"
    ) == []
    assert _titles("Several members of the Rio Pact objected to the plan.\n") == []
    assert _titles("The Warsaw Pact was signed in May 1955 by eight states.\n") == ["Warsaw Pact"]
