"""Agreements a document is, or is about: the reading is chosen by the document kind.

An agreement's own text (``treaty``) is read by :mod:`pactlens.extract.treaty.record`
(its ``primary`` records, one per instrument); writing about agreements (``brief``/``news``)
by :mod:`pactlens.extract.prose.agreements` (the ``subject`` and ``related`` ones).
Each reader is imported when a document of its kind comes: a cold ``pactlens analyze``
of a brief never compiles the treaty reader's patterns, nor a treaty's the prose reader's.
"""

from __future__ import annotations

from pactlens.model import Agreement
from pactlens.structure.doc import Doc


def find_agreements(doc: Doc, kind: str) -> list[Agreement]:
    """The agreement a document is (``treaty``) or the ones it writes about."""
    if not doc.text.strip():
        return []
    if kind == "treaty":
        from pactlens.extract.treaty.record import find_treaty_agreements

        return find_treaty_agreements(doc)
    from pactlens.extract.prose.agreements import find_prose_agreements

    return find_prose_agreements(doc)
