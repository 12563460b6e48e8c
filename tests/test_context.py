"""The per-document context: what several readers need is computed once and kept on the Doc.

The brief is the example brief (examples/russia-iran-2025-brief.txt); the
treaty excerpt is tests/fixtures/structure-north-atlantic-1949.txt.
"""

from __future__ import annotations

import threading

from pactlens import ingest, pipeline, structure
from pactlens.extract.prose.people import find_people
from pactlens.structure import sentences
from pactlens.structure.sentences import body_sentences

from conftest import EXAMPLE_BRIEF, FIXTURES


def _doc(path=EXAMPLE_BRIEF):
    return structure.build(ingest.load(str(path)))


def test_body_sentences_are_split_once_per_document(monkeypatch):
    doc = _doc()
    calls = []
    real = sentences._body_sentences
    monkeypatch.setattr(sentences, "_body_sentences", lambda d: calls.append(d) or real(d))
    pipeline.analyze_doc(doc)
    assert len(calls) == 1 and body_sentences(doc)
    assert all(not doc.in_footnotes(s.span.start) for s in body_sentences(doc))


def test_people_are_kept_on_their_own_document():
    """Two documents read in two threads each keep their own people: no shared cache."""
    brief, treaty = _doc(), _doc(FIXTURES / "structure-north-atlantic-1949.txt")
    found: dict[str, list] = {}

    def read(name, doc):
        found[name] = find_people(doc, [(s.span.start, s.span.end) for s in body_sentences(doc)])

    threads = [threading.Thread(target=read, args=item) for item in (("brief", brief), ("treaty", treaty))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {m.person.name for m in found["brief"]} >= {"Vladimir Putin"}
    again = find_people(brief, [(s.span.start, s.span.end) for s in body_sentences(brief)])
    assert again is found["brief"]  # the same list: computed once for this document and these ranges
    assert found["treaty"] is not found["brief"]


def test_check_builds_each_document_once(monkeypatch):
    built = []
    real = structure.build
    monkeypatch.setattr(structure, "build", lambda norm: built.append(norm.source) or real(norm))
    treaty = FIXTURES / "structure-north-atlantic-1949.txt"
    pipeline.check(EXAMPLE_BRIEF, treaty)
    assert len(built) == 2
