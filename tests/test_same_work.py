"""Duplicate sources written differently: pinpoints, typos, shortened second
citations, acronyms, shared report numbers, quoted titles and Ibid.

Real notes (sources in each docstring) and paraphrases the rules were not written on."""

from __future__ import annotations

from pactlens.extract.prose.citations import find_citations
from pactlens.verify.audit import audit
from pactlens.verify.same_work import same_work_links, work_text
from tests.doc_support import make_doc


def _groups(notes: list[str]) -> list[list[str]]:
    body = " ".join(f"Claim {i}.[{i}]" for i in range(1, len(notes) + 1))
    text = body + "\n\n" + "\n\n".join(f"[{i}] {n}" for i, n in enumerate(notes, 1)) + "\n"
    doc = make_doc(text, bare_footnotes=True)
    return sorted(f.markers for f in audit(doc, find_citations(doc), []) if f.code == "duplicate-source")


def test_pinpoints_and_a_typo_in_the_author():
    """Wikipedia, "Convention of Kanagawa" (CC BY-SA): Beasley cited by page, once misspelt."""
    assert _groups([
        "W. G. Beasley, _The Meiji Restoration_, pp. 74–77",
        "J. W. Hall, _Japan_, p. 207.",
        "W. G. Beasley, _The Meiji Restoration_, p. 88.",
        "W. G. Beasly, _The Meiji Restoration_, pp. 96–97",
    ]) == [["1", "3", "4"]]


def test_pinpoint_paraphrase_and_different_years_stay_apart():
    """Paraphrase: a chapter pinpoint; yearly reports of one series are different works."""
    assert _groups([
        "Margaret MacMillan, Paris 1919: Six Months That Changed the World, ch. 4.",
        "Margaret MacMillan, Paris 1919: Six Months That Changed the World, ch. 12.",
        "U.S. Department of State, 2023 Country Reports on Human Rights Practices: Bahrain, April 22, 2024.",
        "U.S. Department of State, 2024 Country Reports on Human Rights Practices: Bahrain, August 12, 2025.",
    ]) == [["1", "2"]]


def test_shortened_second_citation_and_an_acronym_short_form():
    """CRS R48787 (2026, public domain): "USMCA, art. 34.7." after the agreement's full
    name with "(USMCA)"; a hearing cited again without "U.S. Congress"."""
    groups = _groups([
        "Agreement between the United States of America, the United Mexican States, and Canada (USMCA), art. 34.7.",
        "U.S. Congress, House Committee on Ways and Means, Hearing on the 2019 Trade Policy Agenda: Negotiations "
        "with China, Japan, the EU, and UK, hearing transcript, 116th Cong., 1st sess., June 18, 2019, p. 16.",
        "House Committee on Ways and Means, Hearing on the 2019 Trade Policy Agenda: Negotiations with China, "
        "Japan, the EU, and UK, hearing transcript, p. 120.",
        "USMCA, art. 34.7.",
    ])
    assert groups == [["1", "4"], ["2", "3"]]


def test_short_form_paraphrase():
    """Paraphrase: an acronym and a report cited again by its bare title."""
    assert _groups([
        "Treaty on the Non-Proliferation of Nuclear Weapons (NPT), art. VI.",
        "International Atomic Energy Agency, Verification and Monitoring in Iran, report GOV/2025/25, May 31, 2025.",
        "NPT, art. IV.",
        "Verification and Monitoring in Iran, report GOV/2025/25, May 31, 2025.",
    ]) == [["1", "3"], ["2", "4"]]


def test_same_report_number_and_same_quoted_title():
    """CRS R48787 and CRS 95-1013 (public domain): one CRS report in two notes; a
    quoted title given once with its subtitle, once shortened."""
    assert _groups([
        "USMCA, art. 34.6. For more information, see CRS Report R47679, Congressional and Executive "
        "Authority Over Foreign Trade Agreements, by Christopher T. Zirpoli.",
        "Anika Arora Seth, \"How Iran Devastated an American Naval Base—and Caused a U.S. Recalculation,\" "
        "Wall Street Journal, June 25, 2026.",
        "P.L. 116-113 §611(a). See CRS Report R47679, Congressional and Executive Authority.",
        "\"How Iran Devastated an American Naval Base,\" Wall Street Journal.",
    ]) == [["1", "3"], ["2", "4"]]


def test_ibid_and_id_join_the_note_before():
    """Legal style: "Id." and "Ibid." repeat the note before them."""
    assert _groups([
        "\"Russia, Iran Sign Strategic Partnership Treaty,\" Reuters, January 17, 2025.",
        "Ibid.",
        "Jane Roe, Treaties in Force (Oxford, 2020), 14.",
        "Id. at 17.",
    ]) == [["1", "2"], ["3", "4"]]


def test_different_works_are_not_linked():
    assert same_work_links([
        "John Smith, \"Iran and Russia,\" Foreign Affairs, March 2024.",
        "John Smith, \"China and Russia,\" Foreign Affairs, March 2024.",
        "USMCA, art. 34.7.",
        "NAFTA, art. 2205.",
    ]) == []
    assert work_text("See, for example, USMCA, art. 34.7.2.") == "usmca"


def test_a_word_dropped_late_is_the_same_work_early_is_not():
    """CRS 95-1013 (public domain): a report cited once with its country subtitle."""
    assert _groups([
        "U.S. Department of State, 2024 Country Reports on Human Rights Practices: Bahrain, August 12, 2025.",
        "U.S. Department of State, 2024 Country Reports on Human Rights Practices, August 12, 2025.",
        "John Smith, \"Russia,\" Foreign Affairs, March 2024.",
        "John Smith, \"Iran and Russia,\" Foreign Affairs, March 2024.",
    ]) == [["1", "2"]]
