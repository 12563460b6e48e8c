"""CRS endnote layouts the reference reader had not been tuned to: notes copied
unchanged from CRS report 95-1013 (Bahrain) and R48787 (USMCA Joint Review),
shared corpus ``briefs/dev/`` (public domain)."""

from __future__ import annotations

import pytest

from pactlens.extract.prose.references import parse_reference


def _read(note: str):
    ref = parse_reference(note, 0, len(note))
    value = lambda p: p.value if p is not None else None  # noqa: E731
    return value(ref.outlet), value(ref.title), ref.date.iso if ref.date else None


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # Publisher, unquoted report title, date.
        ("U.S. Department of State, 2024 Country Reports on Human Rights Practices: Bahrain, August 12, 2025.",
         ("U.S. Department of State", "2024 Country Reports on Human Rights Practices: Bahrain", "2025-08-12")),
        ("U.S. Department of State, 2025 Trafficking in Persons Report: Bahrain.",
         ("U.S. Department of State", "2025 Trafficking in Persons Report: Bahrain", None)),
        # "updated" before the date does not hide it.
        ("The Institute for National Security Studies (INSS), Dashboard—Iran, updated September 2, 2026.",
         ("The Institute for National Security Studies (INSS)", "Dashboard—Iran", "2026-09-02")),
        # A publisher whose name holds commas and "and".
        ('UK Foreign, Commonwealth, and Development Office, "UK Joins US-Bahrain Agreement to Build Security '
         'Across the Middle East," December 8, 2024.',
         ("UK Foreign, Commonwealth, and Development Office",
          "UK Joins US-Bahrain Agreement to Build Security Across the Middle East", "2024-12-08")),
    ],
)
def test_crs_publisher_title_date(note, expected):
    assert _read(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        # Authors joined by "and" are people, not a publisher.
        'Katie Bo Lillis and Zachary Cohen, "Military and Intelligence Officials Discuss Smaller Presence in the '
        'Middle East as US Looks for Another Post-9/11 Strategy," CNN, September 8, 2026.',
        # An office holder is the author.
        'House Ways and Means Committee Chairman Jason Smith, "Chairman Smith on USMCA Negotiations: Any Future '
        'Agreement Must Close Loopholes, Level the Playing Field for American Workers and Manufacturers," July 1, 2026.',
    ],
)
def test_people_before_the_title_are_not_the_outlet(note):
    outlet, title, _ = _read(note)
    assert title and outlet in {None, "CNN"}


@pytest.mark.parametrize(
    "note",
    [
        "See, 1971: Agreement for the Deployment in Bahrain of the United States Middle East Force (22 U.S.T. 2184)"
        "—modified by 1975 agreement for the Deployment in Bahrain of the United States Middle East Force "
        "(26 U.S.T. 3027) and 1977 agreement on the Status of Administrative Support Unit Personnel (28 U.S.T. 5312) "
        "1991: Agreement concerning the deployment of United States forces (T.I.A.S. 12236).",
        "P.L. 116-113 §611(a). For discussion of whether congressional approval is needed for the decision of "
        "whether or not to extend the term of USMCA, see CRS Report R47679, Congressional and Executive Authority "
        "Over Foreign Trade Agreements, by Christopher T. Zirpoli.",
        "Agreement between the United States of America, the United Mexican States, and Canada (USMCA), art. 34.7.",
    ],
)
def test_legal_citations_and_commentary_get_no_invented_outlet(note):
    assert _read(note)[0] in {None, "CRS"}
