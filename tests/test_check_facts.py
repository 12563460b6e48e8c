"""`pactlens check`: where, by whom and between whom an agreement was signed.

The treaties are real (fixtures copied from the shared corpus); the short
summaries are written for these tests, each sentence true, false or not
decidable from the treaty's text. What each treaty's own text says, read by hand:

- North Atlantic Treaty 1949: signed at Washington, 4 April 1949; no signature
  block, so no signatories; its articles name seven of the twelve parties
  (the United States, Belgium, Canada, France, Luxembourg, the Netherlands, the
  United Kingdom), so a state missing from them is not thereby no party.
- Russia–Kazakhstan free trade agreement 1992: "between the Government of the
  Russian Federation and the Government of the Republic of Kazakhstan",
  done in Moscow on 22 October 1992; no signatories named.
- Spain–Portugal fisheries convention 1969 (GGO ESP-PRTFSF_1969A): signed at
  Madrid by Gregorio López Bravo and Manuel Rocheta.
- Afghanistan–USSR locust agreement 1935 (GGO AFG-RUSTCP_1935A): done at Kabul,
  plenipotentiaries Leonidas Nicolaievitch Stark (USSR) and Faiz-Mohammed Khan
  (Afghanistan).
- The North Atlantic Treaty from its title through Article 5: no final clause,
  so no place of signature.
"""

from __future__ import annotations

import json

import pytest

from cli_support import run_cli
from conftest import EXAMPLE_BRIEF, FIXTURES
from pactlens.verify.fact_parties import claimed_parties
from pactlens.verify.fact_places import claimed_places, same_place
from pactlens.verify.fact_record import BriefContext
from pactlens.verify.fact_signers import claimed_signatories

NAT = FIXTURES / "treaties" / "north-atlantic-1949.txt"
KAZ = FIXTURES / "treaties" / "fta-kaz-rus-1992.txt"
ESP = FIXTURES / "corpus-sample" / "ESP-PRTFSF_1969A.txt"
AFG = FIXTURES / "corpus-sample" / "AFG-RUSTCP_1935A.txt"
NAT_HEAD = FIXTURES / "store-north-atlantic-excerpt.txt"
ANZ = FIXTURES / "treaties" / "australia-new-zealand-agreement-1944.txt"

# sentence -> (label, what it is)
NAT_CLAIMS = {
    "The North Atlantic Treaty was signed in Washington on 4 April 1949.": "supported",  # date and place true
    "The treaty was signed in Paris.": "contradicted",  # Washington
    "The treaty was signed at the White House.": "not-in-text",  # a building: the text says only Washington
    "The treaty was signed in the United States.": "supported",  # Washington is in the United States
    "The treaty between the United States and Canada commits them to settle disputes by peaceful means.":
        "supported",  # both among the parties it names
    "The treaty between the United States and the Soviet Union was signed in Washington.":
        "not-in-text",  # the USSR is not among the parties found, but these are only seven of twelve
    "The treaty was signed by Dean Acheson and Lester Pearson.": "not-in-text",  # no signature block
}
KAZ_CLAIMS = {
    "The agreement between Russia and Kazakhstan was signed in Moscow on 22 October 1992.": "supported",
    "The Russian-Kazakh free trade agreement was signed in Almaty.": "contradicted",  # Moscow
    "The agreement was signed in Russia.": "supported",
    "The treaty between Russia and Iran establishes a free trade regime.": "contradicted",  # Kazakhstan, not Iran
    "Russia and Belarus signed the agreement in 1992.": "contradicted",  # Belarus is no party
    "The Russia–Kazakhstan agreement was signed by Viktor Chernomyrdin and Sergey Tereshchenko.":
        "not-in-text",  # parties right, but the text names no signatories
}
ESP_CLAIMS = {
    "The convention was signed in Madrid by Gregorio López Bravo and Manuel Rocheta.": "supported",
    "The convention was signed in Lisbon.": "contradicted",
    "The convention was signed by Spanish Foreign Minister Fernando Morán.": "contradicted",
}
AFG_CLAIMS = {
    "The agreement was signed at Kabul by Leonidas Stark and Faiz-Mohammed Khan.": "supported",
    "The agreement was signed in Kabul by Soviet Foreign Minister Vyacheslav Molotov.": "contradicted",
    # The text's party is the USSR: whether Russia stands for it is not the rule's to say.
    "Russia's agreement with Afghanistan was signed in Kabul.": "not-in-text",
}
# Australian–New Zealand Agreement 1944: its parties named at its head; it also names the United
# States, the United Kingdom, France, the Netherlands and Portugal, but not Japan; signed at Canberra.
ANZ_CLAIMS = {
    "The agreement between Australia and New Zealand was signed in Canberra.": "supported",
    "The agreement between Australia and Japan was signed in Canberra.": "contradicted",
    # named in the text, so not called no party: a long list of parties may be read only in part
    "The agreement between Australia and the United States was signed in Canberra.": "not-in-text",
    "The agreement was signed in Wellington.": "contradicted",
}
NAT_HEAD_CLAIMS = {
    "The North Atlantic Treaty was signed in Washington.": "not-in-text",  # no final clause, no place
}


def _check(tmp_path_factory, treaty, claims):
    from pactlens.pipeline import check

    brief = tmp_path_factory.mktemp("facts") / "summary.txt"
    brief.write_text(" ".join(claims) + "\n", encoding="utf-8")
    return check(brief, treaty)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    pairs = [(NAT, NAT_CLAIMS), (KAZ, KAZ_CLAIMS), (ESP, ESP_CLAIMS), (AFG, AFG_CLAIMS), (ANZ, ANZ_CLAIMS),
             (NAT_HEAD, NAT_HEAD_CLAIMS)]
    return {treaty.name: (_check(tmp_path_factory, treaty, claims), claims) for treaty, claims in pairs}


@pytest.mark.parametrize("treaty", [NAT.name, KAZ.name, ESP.name, AFG.name, ANZ.name, NAT_HEAD.name])
def test_labels(results, treaty):
    result, expected = results[treaty]
    assert {c.text: c.label for c in result.claims} == expected


def test_evidence_exact_in_both_documents(results):
    for result, _ in results.values():
        for c in result.claims:
            for e in c.brief_evidence:
                assert result.brief.text[e.start:e.end] == e.text
            for e in c.treaty_evidence:
                assert result.treaty.text[e.start:e.end] == e.text


def _claim(results, treaty, start):
    return next(c for c in results[treaty][0].claims if c.text.startswith(start))


def test_place_evidence_is_the_treaty_signature(results):
    """The signing statement as one span, from its first word to the date."""
    paris = _claim(results, NAT.name, "The treaty was signed in Paris")
    assert paris.treaty_evidence[0].text.startswith("signed") and "Washington" in paris.treaty_evidence[0].text
    assert paris.treaty_evidence[0].text.endswith("April, 1949")
    assert "not Paris" in paris.reason
    almaty = _claim(results, KAZ.name, "The Russian-Kazakh")
    assert almaty.treaty_evidence[0].text == "Done in the city of Moscow, October 22, 1992"


def test_party_evidence_is_the_treaty_parties(results):
    iran = _claim(results, KAZ.name, "The treaty between Russia and Iran")
    named = " ".join(e.text for e in iran.treaty_evidence).lower()  # the title, in lower case in this file
    assert "kazakhstan" in named and "russian federation" in named
    assert "not Iran" in iran.reason


def test_signatory_evidence(results):
    signed = _claim(results, ESP.name, "The convention was signed in Madrid by")
    assert {"GREGORIO LOPEZ BRAVO", "MANUEL ROCHETA"} <= {e.text for e in signed.treaty_evidence}
    molotov = _claim(results, AFG.name, "The agreement was signed in Kabul by Soviet")
    assert "Molotov is not among its signatories" in molotov.reason


def test_the_brief_against_another_treaty():
    """The Russia–Iran brief checked against the Russia–Kazakhstan agreement: every sentence that
    names the agreement's parties ("the Iran-Russia Treaty", "the Treaty commits both countries",
    both countries being the brief's own Russia and Iran) is contradicted; its signatories are not
    in that text."""
    from pactlens.pipeline import check

    result = check(EXAMPLE_BRIEF, KAZ)
    by_start = {c.text[:40]: c for c in result.claims}
    iran_russia = next(c for k, c in by_start.items() if k.startswith("He described the Iran-Russia Treaty"))
    assert iran_russia.label == "contradicted" and "not Iran" in iran_russia.reason
    caspian = next(c for c in result.claims if "the Treaty commits both countries" in c.text)
    assert caspian.label == "contradicted"
    signing = next(c for c in result.claims if c.text.startswith("On January 17, 2025"))
    assert "names no signatories" in signing.reason and "not 2025-01-17" in signing.reason


def test_cli_json(tmp_path):
    brief = tmp_path / "summary.txt"
    brief.write_text(" ".join(KAZ_CLAIMS) + "\n", encoding="utf-8")
    r = run_cli("check", str(brief), "--against", str(KAZ), "--format", "json")
    assert r.returncode == 0, r.stderr
    obj = json.loads(r.stdout)
    assert {c["text"]: c["label"] for c in obj["claims"]} == KAZ_CLAIMS
    for c in obj["claims"]:
        for e in c["treaty_evidence"]:
            assert obj["treaty"]["text"][e["start"]:e["end"]] == e["text"]


# --- the readers, one sentence at a time -----------------------------------------------------
RUSSIA_IRAN = BriefContext(frozenset({"putin", "pezeshkian"}), ("RUS", "IRN"), frozenset({frozenset({"IRN", "CHN"})}))


@pytest.mark.parametrize("sentence, places", [
    ("The Polaris Sales Agreement was signed in Washington, DC, on 6 April 1963 by Ormsby-Gore and Dean Rusk.",
     ["Washington, DC"]),
    ("On 25 March, the pact was signed at the Belvedere palace in Vienna.", ["the Belvedere", "Vienna"]),
    ("The agreement was signed in Helsinki, Finland, on March 24, 1992.", ["Helsinki, Finland"]),
    ("The treaty was signed in The Hague.", ["The Hague"]),
    ("The treaty was signed during Pezeshkian's visit to Moscow.", ["Moscow"]),
    # the lexicon's signing verbs (paraphrases): "signing", and "concluded" only in the passive
    ("At the signing in Moscow on 17 January 2025, both presidents spoke of a new era.", ["Moscow"]),
    ("The convention was concluded at Geneva in 1949.", ["Geneva"]),
    ("Talks concluded in Vienna without a text.", []),
    # no place: a date, a language, a ceremony, another clause
    ("The treaty was signed in January 2025.", []),
    ("The treaty was signed in English and Russian, both texts being equally authentic.", []),
    ("The signing ceremony of the treaty took place after two days of talks.", []),
    ("The agreement, signed last year, was welcomed in Washington.", []),
])
def test_claimed_places(sentence, places):
    assert [p for p, _, _ in claimed_places(sentence)] == places
    for p, a, b in claimed_places(sentence):
        assert sentence[a:b] == p


@pytest.mark.parametrize("sentence, surnames", [
    ('On January 17, 2025, Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed a '
     '20-year "Comprehensive Strategic Partnership Treaty" in Moscow.', ["Putin", "Pezeshkian"]),
    ("The Open Skies Treaty was signed in Helsinki by Secretary of State James Baker and foreign ministers "
     "from 23 other countries.", ["Baker"]),
    ("Putin and Pezeshkian signed the treaty.", ["Putin", "Pezeshkian"]),  # known from the brief
    ("The treaty was signed by Russia's Sergei Lavrov and Iran's Abbas Araghchi.", ["Lavrov", "Araghchi"]),
    ("On 25 March, the pact was signed at the Belvedere palace in Vienna, by main signatories Joachim von "
     "Ribbentrop and Dragiša Cvetković.", ["Ribbentrop", "Cvetković"]),
    # not people
    ("Russia and Iran signed the treaty.", []),
    ("The treaty was signed by the Government of the Russian Federation.", []),
    ("The agreement was signed by Molotov.", []),  # one word, no title, unknown to the brief: could be anything
])
def test_claimed_signatories(sentence, surnames):
    assert claimed_signatories(sentence, RUSSIA_IRAN) == surnames


@pytest.mark.parametrize("sentence, parties", [
    ("The treaty between Russia and Iran was signed in Moscow.", [{"RUS", "IRN"}]),
    ("The Treaty on Comprehensive Strategic Partnership between the Russian Federation and the DPRK was "
     "ratified in November.", [{"RUS", "PRK"}]),
    ("The Russian-Iranian treaty has 47 articles.", [{"RUS", "IRN"}]),
    ("He described the Iran–Russia Treaty as a roadmap.", [{"RUS", "IRN"}]),
    ("The U.S.-Bahrain Defense Cooperation Agreement was renewed.", [{"USA", "BHR"}]),
    ("The treaty commits Russia and North Korea to mutual assistance.", [{"RUS", "PRK"}]),
    ("The Treaty commits both countries to cooperation.", [{"RUS", "IRN"}]),  # the brief's two parties
    ("Russia's treaty with North Korea was signed in Pyongyang.", [{"RUS", "PRK"}]),
    ("The treaty was signed by Russia and Iran.", [{"RUS", "IRN"}]),
    ("Moscow and Tehran signed the treaty on Friday.", [{"RUS", "IRN"}]),  # capitals for their governments
    ("The Moscow–Pyongyang pact commits both sides to mutual assistance.", [{"RUS", "PRK"}]),
    ("The Sino-Russian treaty of 2001 remains in force.", [{"CHN", "RUS"}]),
    ("The Indo-Pacific agreement was signed in Tokyo.", []),  # a region
    # states mentioned, not named as the parties
    ("The United States fears the treaty will embolden Iran.", []),
    ("The treaty marks a deepening of relations between Russia and Iran.", []),
    ("In March 2026, the UAE signed a cooperation agreement with Ukraine.", []),  # another agreement
    ("The Iran-China agreement of 2021 is a separate programme.", []),  # another agreement the brief discusses
    ("Both countries have committed to cooperation.", []),  # the treaty is not the subject
])
def test_claimed_parties(sentence, parties):
    assert [set(p) for p, _, _ in claimed_parties(sentence, RUSSIA_IRAN)] == parties


@pytest.mark.parametrize("claimed, recorded, same", [
    ("Moscow", "Moscow, Russian Federation", True),
    ("Washington, DC", "Washington", True),
    ("Teheran", "Tehran", True),  # another name of one city
    ("Russia", "Moscow", True),  # the country of the recorded city
    ("Iran", "Moscow", False),
    ("Tehran", "Moscow", False),
    ("the Kremlin", "Moscow", None),  # not a city: cannot tell
    ("the White House", "Washington", None),
])
def test_same_place(claimed, recorded, same):
    assert same_place(claimed, recorded) is same


def test_a_sentence_about_another_agreement_of_the_brief_is_not_checked():
    """The brief's own analysis names its other agreements: their facts are not this treaty's."""
    brief = BriefContext(parties=("USA", "IRN"), title="memorandum of understanding",
                         other_titles=frozenset({"mecca joint defense agreement", "warsaw pact"}))
    assert brief.names_other_agreement(
        "The August 2026 Mecca Joint Defense Agreement between Saudi Arabia, Turkey, and Pakistan was signed in Mecca.")
    assert not brief.names_other_agreement(
        "Negotiated by the members of NATO and the Warsaw Pact, the agreement was signed in Helsinki.")
    assert not brief.names_other_agreement("The Memorandum of Understanding was signed on June 17.")


def test_text_report_shows_the_pieces_together(results):
    """A party claim is judged on the names of all the parties, not on the first alone."""
    import io

    from pactlens.report.check_report import render_text

    out = io.StringIO()
    render_text(results[KAZ.name][0], out)
    assert "treaty: russian federation | republic of kazakhstan" in out.getvalue().lower()


def test_brief_evidence_points_at_the_fact(results):
    """Beside the sentence, the brief's evidence holds the place, signatories and parties it states."""
    lisbon = _claim(results, ESP.name, "The convention was signed in Lisbon")
    assert [e.text for e in lisbon.brief_evidence[1:]] == ["Lisbon"]
    iran = _claim(results, KAZ.name, "The treaty between Russia and Iran")
    assert [e.text for e in iran.brief_evidence[1:]] == ["Russia and Iran"]
    signed = _claim(results, ESP.name, "The convention was signed in Madrid by")
    assert [e.text for e in signed.brief_evidence[1:]] == ["Madrid", "Bravo", "Rocheta"]


def test_a_signing_between_other_states_is_another_agreement():
    """CRS RS21852 (the UAE and the United States): "the UAE signed … with Ukraine" is not its agreement."""
    uae_us = BriefContext(parties=("USA", "ARE"))
    sentence = ("In March 2026, the UAE signed a ten-year military-technical cooperation agreement with Ukraine, and "
                "several Ukrainian military experts have been stationed in the UAE.")
    assert uae_us.names_other_agreement(sentence)
    assert not BriefContext(parties=("ARE", "UKR")).names_other_agreement(sentence)
    assert not RUSSIA_IRAN.names_other_agreement("Iran has signed a treaty with Russia.")
