"""Organizations a table lists under a column heading that says what its cells are
(extract/prose/table_bodies.py).

Excerpts: CRS 95-1013 (Bahrain), Table 1, and CRS RS21852 (the UAE), Table 1, as
the HTML reader writes them (krischen-77/crs-reports, public domain); a paraphrase
in the form of a sanctions table.
"""

from __future__ import annotations

import pytest

from pactlens.extract.prose.table_bodies import tabled_bodies
from pactlens.resources import nlp as models
from tests.doc_support import make_doc

BAHRAIN = (
    "Table 1. Recent U.S. Foreign Military Sales to Bahrain Notified to Congress\n\n"
    "Fiscal Year | Major Defense Equipment | Dollar Value | Contractor\n\n"
    "2026 | AH-1Z Attack Helicopters | $950 million | n/a\n\n"
    "2026 | F-16 Sustainment | $445 million | General Electric Aerospace and Lockheed Martin\n\n"
    "2024 | M1A2 Abrams Main Battle Tanks | $2.2 billion | General Dynamics Land Systems and others\n\n"
    "Source: Defense Security Cooperation Agency.\n"
)


def _names(text: str) -> list[str]:
    out = []
    for a, b, name in tabled_bodies(text, lambda _: True):
        assert text[a:b] == name
        out.append(name)
    return out


def test_a_contractor_column_names_companies():
    assert _names(BAHRAIN) == ["General Electric Aerospace", "Lockheed Martin", "General Dynamics Land Systems"]


def test_a_company_suffix_after_a_comma_ends_the_name():
    # CRS RS21852
    text = ("Date | Item | Value | Contractor\n\nMarch 19, 2026 | FS-LIDS | $2.10 billion | RTX Corporation, "
            "Northrop Grumman, and SRC Corporation\n\nMay 2, 2026 | Munitions | $1 billion | BAE Systems, Inc.\n")
    assert _names(text) == ["RTX Corporation", "Northrop Grumman", "SRC Corporation", "BAE Systems, Inc."]


def test_only_columns_headed_as_bodies_count_and_a_table_ends_at_prose():
    # paraphrase: a sanctions table, then prose, then a table of indicators (no such column)
    text = ("Designated | Entity | Country\n\n2024 | Rosoboronexport; Sovcomflot | Russia\n\n"
            "The list grows each year.\n\nIssue | Index\n\nDemocracy | Freedom House\n")
    assert _names(text) == ["Rosoboronexport", "Sovcomflot"]


@pytest.mark.skipif(not models.available(), reason="spaCy model not installed")
def test_a_tabled_company_is_an_organization_not_a_person():
    from pactlens.extract.prose.entities import find_entities

    text = "The United States has sold Bahrain arms for decades, and sales continue.\n\n" + BAHRAIN
    found = {(e.kind, e.name) for e in find_entities(make_doc(text), "brief")}
    assert ("organization", "Lockheed Martin") in found and ("person", "Lockheed Martin") not in found
