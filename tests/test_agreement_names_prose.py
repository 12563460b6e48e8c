"""How an agreement is named in prose: initials in a name, a name that goes on after its instrument
word, a section's numeral, and states joined by a dash before lower-case words.

Excerpts: CRS In Focus IF10733 "U.S.-South Korea Trade" and IF10199 "U.S.-Japan Relations" (US
government works, public domain); Wikipedia, "Convention of Kanagawa" (CC BY-SA 3.0). Each rule
is also tried on a paraphrase it was not written on."""

from __future__ import annotations

from pactlens.extract.prose.agreements import find_prose_agreements
from pactlens.model import Agreement
from tests.doc_support import make_doc


def _found(text: str) -> list[Agreement]:
    return find_prose_agreements(make_doc(text))


def _parties(a: Agreement) -> list[str]:
    return sorted(p.iso3 for p in a.parties if p.iso3)


def test_initials_in_a_name():
    """IF10733: "after the U.S.-Mexico-Canada Agreement (USMCA)"; paraphrase: "the U.K.-Japan
    Economic Partnership Agreement"."""
    (a,) = _found("It has become the second-largest U.S. FTA by trade flows, after the U.S.-Mexico-Canada Agreement (USMCA).\n")
    assert a.title == "U.S.-Mexico-Canada Agreement" and _parties(a) == ["CAN", "MEX", "USA"]
    (b,) = _found("Tokyo and London later concluded the U.K.-Japan Economic Partnership Agreement.\n")
    assert _parties(b) == ["GBR", "JPN"] and "Economic Partnership Agreement" in b.evidence[0].text


def test_a_name_goes_on_after_its_instrument_word():
    """IF10733: "the Comprehensive and Progressive Agreement for Trans-Pacific Partnership (CPTPP)";
    Kanagawa: "the United States-Japan Treaty of Amity and Commerce"; paraphrase: "the Treaty of
    Friendship and Commerce between Siam and Denmark" keeps apart from another Treaty of
    Friendship and Commerce; a body named after the word is not the name's."""
    (a,) = _found("South Korea applied to the Comprehensive and Progressive Agreement for Trans-Pacific Partnership (CPTPP).\n")
    assert a.title == "Comprehensive and Progressive Agreement for Trans-Pacific Partnership"
    (b,) = _found("The treaty led to the United States-Japan Treaty of Amity and Commerce of 1858.\n")
    assert b.title == "United States-Japan Treaty of Amity and Commerce" and _parties(b) == ["JPN", "USA"]
    two = _found("The Norway-Siam Treaty of Friendship and Commerce came first. "
                 "Later came the Treaty of Friendship and Commerce between Siam and Denmark.\n")
    assert sorted(_parties(x) for x in two) == [["DNK", "THA"], ["NOR", "THA"]]
    (c,) = _found("Photos of flights under the Open Skies Treaty on the Organization for Security and Co-operation in Europe website.\n")
    assert c.title == "Open Skies Treaty"


def test_a_section_numeral_is_no_name():
    """Kanagawa: "§ XII     Treaty to be ratified within 18 months of signing"; paraphrase: "VII"."""
    assert [a.title for a in _found("The treaty has twelve articles:\n\n§ XII     Treaty to be ratified within 18 months of signing\n")
            if a.title and "XII" in a.title] == []
    assert [a.title for a in _found("Article list:\n\n§ VII  Treaty ports to be opened\n") if a.title and "VII" in a.title] == []


def test_states_joined_by_a_dash_before_lower_case_words():
    """IF10199: "The U.S.-Japan mutual defense treaty grants the United States the right to base U.S.
    troops"; paraphrase: "the Australia-Japan
    reciprocal access agreement" is; a dash-joined pair that is no two states names nothing."""
    (a,) = _found("The U.S.-Japan mutual defense treaty grants the United States the right to base U.S. troops.\n")
    assert _parties(a) == ["JPN", "USA"] and a.evidence[0].text == "U.S.-Japan mutual defense treaty"
    (b,) = _found("In 2022 they signed the Australia-Japan reciprocal access agreement.\n")
    assert _parties(b) == ["AUS", "JPN"]
    assert _found("The Coca-Cola bottling deal was unrelated to the talks.\n") == []


def test_same_states_other_words_are_other_agreements():
    """CRS In Focus IF11120 "U.S.-Japan Trade Agreements" (public domain): "the 2020 U.S.-Japan Trade
    Agreement (USJTA) … the 2020 U.S.-Japan Digital Trade Agreement … the U.S.-Japan trade deal";
    paraphrase with Australia and Japan: a lower-case "trade deal" of the same states is the named
    trade agreement, "Digital Trade Agreement" alone is the digital one."""
    found = _found(
        "The 2020 U.S.-Japan Trade Agreement (USJTA) cut tariffs. The Administration enacted the 2020 "
        "U.S.-Japan Digital Trade Agreement as an executive agreement. Critics said the U.S.-Japan trade deal "
        "was narrow.\n\nDigital Trade Agreement. Both governments set rules on data.\n")
    assert len(found) == 2
    digital = next(a for a in found if "Digital" in (a.title or ""))
    assert [e.text for e in digital.evidence] == ["2020 U.S.-Japan Digital Trade Agreement", "Digital Trade Agreement"]
    found = _found(
        "The Australia-Japan Economic Partnership Agreement took effect in 2015. The Australia-Japan Reciprocal "
        "Access Agreement followed. Farmers opposed the Australia-Japan economic partnership deal.\n")
    assert len(found) == 2
    economic = next(a for a in found if "Economic" in (a.title or ""))
    assert any(e.text == "Australia-Japan economic partnership deal" for e in economic.evidence)


def test_instruments_named_by_other_words():
    """CSIS "U.S.-Japan security partnership" (2024): "the Guidelines for Japan-U.S. Defense Cooperation of
    1978"; White House, "The Spirit of Camp David" (2023, public domain): "our new Trilateral Maritime
    Security Cooperation Framework", "the Indo-Pacific Economic Framework for Prosperity (IPEF)";
    paraphrases: "the Wassenaar Arrangement", "the Australia-India Joint Statement"; a name that
    does not say it is an instrument is none ("the National Defense Framework", "a Press Statement",
    "the Partnership for Global Infrastructure and Investment"), and a name goes on past such a
    word ("Comprehensive Strategic Partnership Treaty")."""
    (a,) = _found("Sea lane defense was the focus of the Guidelines for Japan-U.S. Defense Cooperation of 1978.\n")
    assert a.title == "Guidelines for Japan-U.S. Defense Cooperation" and _parties(a) == ["JPN", "USA"]
    titles = {x.title for x in _found("We welcome our new Trilateral Maritime\nSecurity Cooperation Framework and the "
                                      "Indo-Pacific\nEconomic Framework for Prosperity (IPEF).\n")}
    assert titles == {"Trilateral Maritime Security Cooperation Framework", "Indo-Pacific Economic Framework for Prosperity"}
    titles = {x.title for x in _found("Both joined the Wassenaar Arrangement, as the Australia-India Joint Statement recalled.\n")}
    assert "Wassenaar Arrangement" in titles and len(titles) == 2
    assert _found("She read a Press Statement on the National Defense Framework and the Partnership for Global "
                  "Infrastructure and Investment.\n") == []
    (b,) = _found('Putin and Pezeshkian signed a "Comprehensive Strategic Partnership Treaty" in Moscow.\n')
    assert b.title == "Comprehensive Strategic Partnership Treaty"


def test_a_declaration_named_only_in_its_own_title_is_the_document():
    """White House, "Joint Declaration by the Prime Minister of the Kingdom of Cambodia and the Prime
    Minister of the Kingdom of Thailand …" (2025): its front matter names it, its text never does;
    paraphrase: a statement's own heading. A declaration the text itself names is kept."""
    doc = ("---\ntitle: Joint Declaration by the Prime Ministers of Cambodia and Thailand\n---\n\n"
           "We reaffirm our commitment to the United Nations Charter.\n")
    assert [a.title for a in _found(doc)] == ["United Nations Charter"]
    doc = "Joint Statement of Chile and Peru\n\nWe reaffirm the Lima Declaration of 2019 and the ASEAN Charter.\n"
    assert "Joint Statement" not in " ".join(a.title or "" for a in _found(doc))
    assert "Lima Declaration" in {a.title for a in _found(doc)}
