"""Forms of an agreement's name the prose reader used to miss: plural names ("the Torrijos-Carter
Treaties"), accented surnames ("the Hay-Herrán Treaty"), title-only heads ("Final Act", "Founding
Act", "Armistice", "truce"), names that go on after "Concerning", quoted titles over commas, an
alias given in italics, a short name that begins the long one; and what is no name: a catalogue's
"Treaties of X", a class ("Free Trade Agreements"), "Today's Memorandum of Understanding" in the
memorandum's own release, "the Southeast Asia Treaty Organization" in quotation marks.

Excerpts: Office of the Historian (history.state.gov) Milestones "The Panama Canal and the
Torrijos-Carter Treaties", "Détente and Arms Control, 1969–1979", "The Evolution of NATO,
1988–2001", "Southeast Asia Treaty Organization (SEATO), 1954", "Barbary Wars, 1801–1805 and
1815–1816"; the White House release of the IMEC Memorandum of Understanding (2023-09-09); all US
government works, public domain. Each rule is also tried on a paraphrase it was not written on."""

from __future__ import annotations

from pactlens.extract.prose.agreements import find_prose_agreements
from pactlens.model import Agreement
from tests.doc_support import make_doc


def _titles(text: str) -> list[str | None]:
    return [a.title for a in _found(text)]


def _found(text: str) -> list[Agreement]:
    return find_prose_agreements(make_doc(text))


def test_a_plural_name_after_a_name_of_its_own():
    """Panama: "the eventual Torrijos-Carter Treaties"; paraphrase: "the Uruguay Round Agreements"."""
    (a,) = _found("Bunker and his team concluded a series of draft agreements that formed the foundation of the eventual Torrijos-Carter Treaties.\n")
    assert a.title == "Torrijos-Carter Treaties" and a.kind == "treaty"
    (b,) = _found("The WTO administers the Uruguay Round Agreements and later accords.\n")
    assert b.evidence[0].text == "Uruguay Round Agreements"


def test_a_plural_class_or_catalogue_is_no_name():
    """A Wikipedia category line "Treaties of the United Kingdom", "the Unequal Treaties"; paraphrases:
    "Free Trade Agreements", "Bilateral Investment Treaties"."""
    assert _titles("Treaties of the United Kingdom\n\nTreaties of Canada\n") == []
    assert _titles("Japan later signed what became known as the Unequal Treaties.\n") == []
    assert _titles("The United States has negotiated Free Trade Agreements and Bilateral Investment Treaties.\n") == []


def test_a_plural_heading_folds_into_its_instrument():
    """CRS 95-1013: the heading "U.S.-Bahraini Defense Cooperation Agreements" before "signing a Defense
    Cooperation Agreement (DCA)"; paraphrase: "Status of Forces Agreements" then the Agreement."""
    (a,) = _found("U.S.-Bahraini Defense Cooperation Agreements\n\nBahrain and the United States signed a Defense Cooperation Agreement (DCA) on October 28, 1991.\n")
    assert a.title == "Defense Cooperation Agreement" and a.signed.date == "1991-10-28"
    (b,) = _found("Japan-U.S. Status of Forces Agreements\n\nThe Status of Forces Agreement was signed in 1960.\n")
    assert b.title == "Status of Forces Agreement"


def test_accented_surnames_in_a_name():
    """Panama: "The Hay-Herrán Treaty, negotiated with the nation of Colombia in 1903"; paraphrase: "the
    Élysée Treaty" and "the Bryan-Chamorro Treaty"."""
    assert "Hay-Herrán Treaty" in _titles("The Hay-Herrán Treaty, negotiated with the nation of Colombia in 1903, allowed the United States rights.\n")
    assert set(_titles("France and Germany signed the Élysée Treaty; Nicaragua later ratified the Bryan-Chamorro Treaty.\n")) >= {"Élysée Treaty", "Bryan-Chamorro Treaty"}


def test_title_only_heads():
    """Détente: "to sign the Helsinki Final Act, which recognized political borders"; Barbary: "a brief
    Portuguese-Algerian truce"; paraphrases: "the Korean Armistice Agreement" keeps its whole name, "a
    Franco-Spanish armistice"."""
    (a,) = _found("In 1975, the Conference emerged from two years of negotiations to sign the Helsinki Final Act, which recognized borders.\n")
    assert a.title == "Helsinki Final Act" and a.kind == "agreement"
    (b,) = _found("In 1793 a brief Portuguese-Algerian truce exposed American merchant ships to capture.\n")
    assert sorted(p.iso3 for p in b.parties) == ["DZA", "PRT"]
    assert _titles("The fighting stopped under the Korean Armistice Agreement of 1953.\n") == ["Korean Armistice Agreement"]
    (c,) = _found("A Franco-Spanish armistice ended the fighting.\n")
    assert sorted(p.iso3 for p in c.parties) == ["ESP", "FRA"]


def test_a_name_goes_on_after_concerning_and_its_italic_alias_is_one_agreement():
    """Panama: "The first, called *The Treaty Concerning the Permanent Neutrality and Operation of the
    Panama Canal,* or the *Neutrality Treaty,* stated ..."; paraphrase: "the Convention Regarding the
    Regime of the Straits, or the *Montreux Convention*"."""
    (a,) = _found("The first, called *The Treaty Concerning the Permanent Neutrality and Operation of the Panama Canal,* or the *Neutrality Treaty,* stated that the United States could defend the Canal.\n")
    assert a.title == "Treaty Concerning the Permanent Neutrality and Operation of the Panama Canal"
    assert any(e.text == "Neutrality Treaty" for e in a.evidence)
    (b,) = _found("Turkey signed the *Convention Regarding the Regime of the Straits*, or the *Montreux Convention*, in 1936.\n")
    assert b.title == "Convention Regarding the Regime of the Straits" and any(e.text == "Montreux Convention" for e in b.evidence)


def test_a_quoted_title_runs_to_its_closing_mark():
    """NATO 1988-2001: "Yeltsin signed the “Founding Act on Mutual Relations, Cooperation, and Security
    between NATO and the Russian Federation,” which established ..."; paraphrase: a quoted declaration
    with "a" in its title."""
    (a,) = _found("Two months later Yeltsin signed the “Founding Act on Mutual Relations, Cooperation, and Security between NATO and the Russian Federation,” which established the Council.\n")
    assert a.title == "Founding Act on Mutual Relations, Cooperation, and Security"
    assert a.evidence[0].text.endswith("Russian Federation")
    (b,) = _found("The leaders issued the “Oslo Declaration on a New Security Order in the Arctic.” It was welcomed.\n")
    assert b.title == "Oslo Declaration on a New Security Order in the Arctic"


def test_a_short_name_that_begins_the_long_one_is_the_same():
    """NATO 1988-2001: "The “Rome Declaration on Peace and Cooperation” emphasized ..." then "The Rome
    Declaration"; paraphrase: "the Paris Charter for a New Europe" then "the Paris Charter"."""
    (a,) = _found("The “Rome Declaration on Peace and Cooperation” emphasized defense. The Rome Declaration also called for dialogue.\n")
    assert a.title == "Rome Declaration on Peace and Cooperation" and len(a.evidence) == 2
    assert len(_found("Leaders adopted the Paris Charter for a New Europe in 1990. The Paris Charter set out principles.\n")) == 1


def test_a_quoted_organization_is_no_agreement():
    """SEATO: "Although called the “Southeast Asia Treaty Organization,” only two Southeast Asian countries
    became members"; paraphrase: the "Central Treaty Organization" in quotation marks."""
    assert _titles("Although called the “Southeast Asia Treaty Organization,” only two countries became members.\n") == []
    assert _titles("Iran joined the \"Central Treaty Organization\" in 1959.\n") == []


def test_a_memorandum_released_as_itself():
    """IMEC release titled "Memorandum of Understanding on the Principles of ...": "Pursuant to this
    Memorandum of Understanding, ..." and "Today’s Memorandum of Understanding is the result of ..."
    point at the document itself; paraphrase: a joint communiqué released as itself. A page titled
    with a treaty's name that speaks of "the treaty" is about it."""
    mou = ("---\ntitle: \"Memorandum of Understanding on the Principles of a Corridor\"\n---\n\n"
           "Pursuant to this Memorandum of Understanding, the Participants commit to work together.\n\n"
           "Today’s Memorandum of Understanding is the result of initial discussions.\n")
    assert _titles(mou) == []
    own = ("---\ntitle: \"Joint Communique on Maritime Cooperation\"\n---\n\n"
           "This Joint Communique records what the two governments agreed.\n")
    assert _titles(own) == []
    about = ("---\ntitle: \"Treaty of Amity and Cooperation\"\n---\n\n"
             "The Treaty of Amity and Cooperation was signed in Bali in 1976.\n")
    assert _titles(about) == ["Treaty of Amity and Cooperation"]
